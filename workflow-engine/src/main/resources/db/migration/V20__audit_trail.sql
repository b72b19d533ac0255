-- The signed audit trail (docs/audit.md): a seal per event (hash, previous hash, signature, signer),
-- the append-only Merkle tree of all events, signed and time-stamped checkpoints, the certificates and
-- CRLs needed to verify them later, and the log of what inspectors read.

create table audit_certificate (
    reference  char(64)      not null primary key,   -- SHA-256 of the DER encoding, hex
    subject    varchar(1000) not null,
    issuer     varchar(1000) not null,
    serial     varchar(100)  not null,
    not_before timestamptz   not null,
    not_after  timestamptz   not null,
    der        bytea         not null,
    stored_at  timestamptz   not null default now()
);

create table audit_crl (
    issuer      varchar(1000) not null,
    this_update timestamptz   not null,
    der         bytea         not null,
    primary key (issuer, this_update)
);

-- One row per event, written in the transaction that appends the event.
create table audit_seal (
    seal_id              bigserial    not null unique,
    event_identifier     varchar(255) not null primary key,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    unit_id              varchar(64),
    previous_hash        bytea,
    event_hash           bytea        not null,
    signature            bytea        not null,
    signature_algorithm  varchar(64)  not null,
    signer_certificate   char(64)     not null,
    sealed_as            varchar(16)  not null,
    sealed_at            timestamptz  not null default now(),
    unique (aggregate_identifier, sequence_number)
);

-- Seals not yet in the tree; the checkpointer appends them in seal order and deletes them here.
create table audit_tree_pending (
    seal_id          bigint       not null primary key,
    event_identifier varchar(255) not null
);

create table audit_tree_leaf (
    leaf_index           bigint       not null primary key,
    event_identifier     varchar(255) not null unique,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    event_hash           bytea        not null
);
create index audit_tree_leaf_aggregate on audit_tree_leaf (aggregate_identifier);

-- Hashes of the perfect subtrees (node_level 0 = leaf hashes), for proofs in O(log n) reads.
create table audit_tree_node (
    node_level smallint not null,
    node_index bigint   not null,
    hash       bytea    not null,
    primary key (node_level, node_index)
);

create table audit_checkpoint (
    number              bigint      not null primary key,
    previous_tree_size  bigint      not null,
    tree_size           bigint      not null unique,
    root_hash           bytea       not null,
    body                bytea       not null,   -- the RFC 8785 JSON that was signed and time-stamped
    signature           bytea       not null,
    signature_algorithm varchar(64) not null,
    signer_certificate  char(64)    not null,
    timestamp_token     bytea       not null,   -- RFC 3161 TimeStampToken (CMS ContentInfo, DER)
    timestamped_at      timestamptz not null,
    published_at        timestamptz
);

create table audit_log_meta (
    id            smallint    not null primary key check (id = 1),
    sealing_since timestamptz not null
);
insert into audit_log_meta (id, sealing_since) values (1, now());

-- Every read by an inspector: who, what, when (and the answer's status).
create table inspector_access_log (
    id             bigserial     not null primary key,
    at             timestamptz   not null default now(),
    user_id        varchar(255)  not null,
    user_name      varchar(255),
    roles          varchar(255),
    method         varchar(10)   not null,
    path           varchar(2000) not null,
    query          varchar(2000),
    status         integer,
    remote_address varchar(100)
);
create index inspector_access_log_at on inspector_access_log (at desc);
create index inspector_access_log_user on inspector_access_log (user_id, at desc);

-- Append-only, against mistakes: these rows are never changed or deleted by the application. (Whoever
-- owns the database can drop a trigger; the verifier does not rely on them.)
create function audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'table % is append-only', tg_table_name;
end $$;

create function audit_checkpoint_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or (new.number, new.previous_tree_size, new.tree_size, new.root_hash, new.body,
            new.signature, new.signature_algorithm, new.signer_certificate, new.timestamp_token,
            new.timestamped_at) is distinct from (old.number, old.previous_tree_size, old.tree_size,
            old.root_hash, old.body, old.signature, old.signature_algorithm, old.signer_certificate,
            old.timestamp_token, old.timestamped_at) then
        raise exception 'checkpoints are append-only (only published_at may be set)';
    end if;
    return new;
end $$;

create function inspector_access_log_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or old.status is not null or (new.id, new.at, new.user_id, new.method, new.path)
            is distinct from (old.id, old.at, old.user_id, old.method, old.path) then
        raise exception 'the inspector access log is append-only (only a missing status may be set)';
    end if;
    return new;
end $$;

create trigger audit_seal_append_only before update or delete on audit_seal
    for each row execute function audit_append_only();
create trigger audit_tree_leaf_append_only before update or delete on audit_tree_leaf
    for each row execute function audit_append_only();
create trigger audit_tree_node_append_only before update or delete on audit_tree_node
    for each row execute function audit_append_only();
create trigger audit_certificate_append_only before update or delete on audit_certificate
    for each row execute function audit_append_only();
create trigger audit_crl_append_only before update or delete on audit_crl
    for each row execute function audit_append_only();
create trigger audit_log_meta_append_only before update or delete on audit_log_meta
    for each row execute function audit_append_only();
create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
    for each row execute function audit_checkpoint_guard();
create trigger inspector_access_log_append_only before update or delete on inspector_access_log
    for each row execute function inspector_access_log_guard();
