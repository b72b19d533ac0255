-- Reports (issue 5): one row per dossier with the dates the summary counts (received, due, finished, closed)
-- and its on-time verdict. Kept by the tracking processor `reports` (report.ReportProjection) from the event
-- store, idempotent by sequence number, so it can be dropped and rebuilt by replay.
create table report_dossier (
    code                varchar(64) not null primary key,
    procedure_code      varchar(32) not null,
    unit_id             varchar(64) not null,
    status              varchar(32) not null,
    submitted_at        timestamptz not null,
    received_at         timestamptz,
    due_date            date,
    effective_due_date  date,
    finished_at         timestamptz,
    closed_at           timestamptz,
    supplement_requests integer     not null default 0,
    on_time             boolean,
    last_sequence       bigint      not null
);
create index report_dossier_received on report_dossier (received_at);
create index report_dossier_finished on report_dossier (finished_at);
create index report_dossier_unit on report_dossier (unit_id, procedure_code);
