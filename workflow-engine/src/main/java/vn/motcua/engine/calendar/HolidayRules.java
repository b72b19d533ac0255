package vn.motcua.engine.calendar;

import java.util.List;

/**
 * The days off that a law gives every year, before the Government's announcements for that year
 * (which administrators enter as {@link CalendarOverride}s). {@link LaborCodeHolidays} is the law in
 * force; {@link #none()} leaves only weekends, for tests and for callers that list every day off
 * themselves.
 */
@FunctionalInterface
public interface HolidayRules {

    /** The days off of one solar year, in date order; implementations must be pure functions of the year. */
    List<Holiday> daysOff(int year);

    static HolidayRules none() {
        return year -> List.of();
    }
}
