-- Dossier codes (Circular 01/2018/TT-VPCP Art. 19): one counter row per receiving agency and day.
create table dossier_code_counter (
    agency_id   varchar(64) not null,
    day         date        not null,
    last_number integer     not null,
    primary key (agency_id, day)
);

-- Attached documents, addressed by SHA-256; events keep the hash, this table keeps the bytes.
create table document_content (
    sha256     char(64)     not null primary key,
    media_type varchar(100) not null,
    size_bytes bigint       not null,
    content    bytea        not null,
    stored_at  timestamptz  not null default now()
);

-- Projection of the event store used for ownership and unit checks and for lists.
create table dossier_registry (
    code           varchar(64)  not null primary key,
    procedure_code varchar(32)  not null,
    unit_id        varchar(64)  not null,
    owner_id       varchar(128) not null,
    applicant_name varchar(255),
    status         varchar(32)  not null,
    submitted_at   timestamptz  not null,
    appointed_date date,
    handler_id     varchar(128),
    updated_at     timestamptz,
    last_sequence  bigint       not null
);
create index dossier_registry_owner on dossier_registry (owner_id, submitted_at desc);
create index dossier_registry_unit on dossier_registry (unit_id, submitted_at desc);
