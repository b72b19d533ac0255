package vn.motcua.engine.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * The office hours of one agency on a working day: a morning and an afternoon session. The default,
 * 07:00–11:30 and 13:30–17:00 (8 hours), is common practice; agencies configure their own. The end of
 * the afternoon is the closing time after which a dossier counts as received the next working morning.
 */
public record WorkingHours(LocalTime morningStart, LocalTime morningEnd,
                           LocalTime afternoonStart, LocalTime afternoonEnd) {

    public static final WorkingHours DEFAULT = new WorkingHours(LocalTime.of(7, 0), LocalTime.of(11, 30),
            LocalTime.of(13, 30), LocalTime.of(17, 0));

    public WorkingHours {
        Objects.requireNonNull(morningStart, "morningStart");
        Objects.requireNonNull(morningEnd, "morningEnd");
        Objects.requireNonNull(afternoonStart, "afternoonStart");
        Objects.requireNonNull(afternoonEnd, "afternoonEnd");
        if (!morningStart.isBefore(morningEnd) || morningEnd.isAfter(afternoonStart)
                || !afternoonStart.isBefore(afternoonEnd)) {
            throw new IllegalArgumentException("working hours must be a morning then an afternoon session: "
                    + morningStart + "–" + morningEnd + ", " + afternoonStart + "–" + afternoonEnd);
        }
    }

    public LocalTime opening() {
        return morningStart;
    }

    public LocalTime closing() {
        return afternoonEnd;
    }

    /** The working time of one full working day. */
    public Duration perDay() {
        return Duration.between(morningStart, morningEnd).plus(Duration.between(afternoonStart, afternoonEnd));
    }

    List<Session> sessions() {
        return List.of(new Session(morningStart, morningEnd), new Session(afternoonStart, afternoonEnd));
    }

    record Session(LocalTime start, LocalTime end) {
    }
}
