-- Notifications (issue 5). One row per event and channel once the message went out: a batch that the
-- tracking processor `notifications` retries skips what was already sent, so nobody is told twice.
create table notification_sent (
    event_id    varchar(255) not null,
    channel     varchar(8)   not null,
    dossier_code varchar(64) not null,
    kind        varchar(32)  not null,
    recipient   varchar(320) not null,
    sent_at     timestamptz  not null default now(),
    primary key (event_id, channel)
);
create index notification_sent_dossier on notification_sent (dossier_code);

-- The SMS outbox of the embedded default: with no SMS gateway configured (motcua.sms.gateway-url), text
-- messages are written here, in the transaction that records them as sent, for an operator or a relay to
-- deliver; with a gateway configured nothing is written here.
create table sms_outbox (
    id           bigserial    primary key,
    event_id     varchar(255) not null,
    dossier_code varchar(64)  not null,
    phone        varchar(32)  not null,
    text         text         not null,
    created_at   timestamptz  not null default now()
);
