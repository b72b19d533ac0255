package vn.motcua.engine.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of one year set by an administrator from the Government's announcement, overriding the
 * computed calendar: {@code working = true} makes it a working day (a Saturday worked to make up a
 * swapped day), {@code working = false} a day off (the swapped day, or a day the computed rules do
 * not know). {@code createdBy} and {@code createdAt} are null for overrides not read from the table.
 */
public record CalendarOverride(LocalDate day, boolean working, String reason, String createdBy, Instant createdAt) {

    public CalendarOverride {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(reason, "reason");
    }

    public static CalendarOverride workingDay(LocalDate day, String reason) {
        return new CalendarOverride(day, true, reason, null, null);
    }

    public static CalendarOverride dayOff(LocalDate day, String reason) {
        return new CalendarOverride(day, false, reason, null, null);
    }
}
