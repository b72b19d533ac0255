-- The administrators' rebuilds (readmodel.Rebuilds), kept where every node reads them: any node answers
-- GET /api/v1/admin/rebuilds/{id}, and one rebuild runs at a time across all nodes (the partial unique index). The
-- node running one touches heartbeat_at at each batch; a run whose node died is marked FAILED once its heartbeat is
-- older than two minutes (docs/architecture.md, "Many nodes").
create table rebuild_run (
    id           varchar(36)  not null primary key,
    state        varchar(16)  not null,
    total        bigint       not null,
    replayed     bigint       not null,
    started_at   timestamptz  not null,
    finished_at  timestamptz,
    targets      text         not null,
    error        text,
    node         varchar(255) not null,
    heartbeat_at timestamptz  not null
);
create unique index rebuild_run_one_running on rebuild_run ((true)) where state = 'RUNNING';
