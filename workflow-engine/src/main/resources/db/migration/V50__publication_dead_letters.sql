-- Axon Framework's JDBC sequenced dead-letter queue (names set in publication.ParkingConfiguration): events the
-- Kafka publisher could not deliver (poison: larger than the bus takes, unwritable, refused by Kafka), each
-- aggregate's later events parked behind its first, in sequence_index order. docs/reliability.md "Poison events".
-- Serialized columns are bytea; times are ISO-8601 text as Axon writes them; the cause message is not truncated.

create table dead_letter_entry (
    dead_letter_identifier varchar(255) not null primary key,
    processing_group       varchar(255) not null,
    sequence_identifier    varchar(255) not null,
    sequence_index         bigint       not null,
    message_type           varchar(255) not null,
    event_identifier       varchar(255) not null,
    time_stamp             varchar(255) not null,
    payload_type           varchar(255) not null,
    payload_revision       varchar(255),
    payload                bytea        not null,
    meta_data              bytea,
    aggregate_type         varchar(255),
    aggregate_identifier   varchar(255),
    sequence_number        bigint,
    token_type             varchar(255),
    token                  bytea,
    enqueued_at            varchar(255) not null,
    last_touched           varchar(255),
    processing_started     varchar(255),
    cause_type             varchar(255),
    cause_message          text,
    diagnostics            bytea,
    constraint dead_letter_sequence_index unique (processing_group, sequence_identifier, sequence_index)
);

create index dead_letter_processing_group on dead_letter_entry (processing_group);
create index dead_letter_sequence on dead_letter_entry (processing_group, sequence_identifier);
