-- One node of many runs each scheduled singleton (the audit checkpoints, the daily payment reconciliation): ShedLock's
-- table (net.javacrumbs.shedlock, JdbcTemplateLockProvider, database time), one row per singleton, held until
-- lock_until by locked_by (docs/architecture.md, "Many nodes").
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
