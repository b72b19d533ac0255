package vn.motcua.engine.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** Legal time in Hà Nội for the calendar tests, and calendars built the way production builds them. */
final class Hanoi {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private Hanoi() {
    }

    /** An instant given as Hà Nội local time, e.g. {@code at("2026-11-23T09:00")}. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    /** The Labor Code holidays, the given overrides and default office hours for every unit. */
    static WorkingCalendar calendar(IntFunction<? extends Collection<CalendarOverride>> overrides) {
        return new WorkingCalendar(ZONE, LaborCodeHolidays.DEFAULT, overrides, WorkingHours.DEFAULT, Map.of());
    }

    static WorkingCalendar calendar(CalendarOverride... overrides) {
        List<CalendarOverride> all = List.of(overrides);
        return calendar(year -> all.stream().filter(o -> o.day().getYear() == year).toList());
    }
}
