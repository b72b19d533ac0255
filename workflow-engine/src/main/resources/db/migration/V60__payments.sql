-- Online payment (issue 13 item 2). One row per order sent to a payment gateway: it becomes PAID only on the
-- provider's verified signed notification, in the transaction that records PaymentReceived in the dossier's events.
create table payment_order (
    id                     varchar(64)  primary key,
    dossier_code           varchar(64)  not null,
    unit_id                varchar(64)  not null,
    amount_vnd             bigint       not null check (amount_vnd > 0),
    provider               varchar(32)  not null,
    status                 varchar(16)  not null check (status in ('PENDING', 'PAID', 'FAILED', 'CANCELLED')),
    provider_transaction_id varchar(128) unique,
    created_at             timestamptz  not null,
    paid_at                timestamptz,
    closed_at              timestamptz,
    raw_notification       text
);
create index payment_order_dossier on payment_order (dossier_code);
-- one pending order per dossier: a double click, even on two nodes, never opens two
create unique index payment_order_one_pending on payment_order (dossier_code) where status = 'PENDING';
create index payment_order_created on payment_order (unit_id, created_at);

-- The sandbox provider's own books (the embedded default only): what a real provider would show in its daily
-- statement. Kept apart from payment_order on purpose: reconciliation compares the two.
create table sandbox_payment_ledger (
    order_id        varchar(64)  primary key,
    dossier_code    varchar(64)  not null,
    unit_name       varchar(300) not null,
    amount_vnd      bigint       not null,
    status          varchar(16)  not null,
    transaction_id  varchar(128) unique,
    created_at      timestamptz  not null,
    settled_at      timestamptz
);
