-- Registers are named, not only OUTGOING / INCOMING: an agency keeps one register per issuing unit and kind of
-- document (Decree 30/2020/ND-CP Art. 15: numbers per agency and register, restarting each 1 January), and one per
-- kind of result it issues for an administrative procedure (e.g. RESULT:GPP). The key is unchanged otherwise.
alter table document_register_counter drop constraint if exists document_register_counter_register_check;
alter table document_register_counter alter column register type varchar(96);
alter table document_register_counter add constraint document_register_counter_register_named
    check (register ~ '^[A-Z][A-Z0-9_.:-]*$');
