-- Forms of Circular 01/2018/TT-VPCP (Mẫu 01–06) as issued: each form is rendered from the event store, the
-- same bytes for the same history, and signed once by the agency. The SHA-256 of the unsigned rendering with
-- the signing unit finds the signed copy, whose bytes are in document_content.
create table signed_form (
    unsigned_sha256 char(64)    not null,
    unit_id         varchar(64) not null,
    form            varchar(8)  not null check (form in ('mau-01', 'mau-02', 'mau-03', 'mau-04', 'mau-05', 'mau-06')),
    -- the dossier code (Mẫu 01–05) or the unit and period of the register (Mẫu 06)
    subject         varchar(128) not null,
    signed_sha256   char(64)    not null references document_content (sha256),
    signed_at       timestamptz not null default now(),
    primary key (unsigned_sha256, unit_id)
);

create index signed_form_subject on signed_form (subject, signed_at);
