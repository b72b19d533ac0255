-- Registers of official documents (sổ văn bản, Decree 30/2020/ND-CP Art. 15, 22 and Appendix III):
-- one counter row per agency, register (outgoing numbers / incoming arrival numbers), series
-- (ordinary / secret) and year. Numbers restart at 1 each 1 January because the year is part of the key.
create table document_register_counter (
    agency_id   varchar(64) not null,
    register    varchar(16) not null check (register in ('OUTGOING', 'INCOMING')),
    series      varchar(16) not null check (series in ('ORDINARY', 'SECRET')),
    year        integer     not null,
    last_number integer     not null,
    primary key (agency_id, register, series, year)
);
