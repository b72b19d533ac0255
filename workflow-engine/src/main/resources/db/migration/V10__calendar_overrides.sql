-- Per-year overrides of the computed working-day calendar, entered by administrators from the
-- Government's announcements: working = true makes a day a working day (a Saturday worked in a swap),
-- working = false a day off (the swapped day). Days without a row follow the computed calendar
-- (weekends, Labor Code 2019 Art. 112 holidays and compensatory days).
create table calendar_override (
    day        date         primary key,
    working    boolean      not null,
    reason     varchar(500) not null,
    created_by varchar(128),
    created_at timestamptz  default now()
);
