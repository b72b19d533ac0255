package vn.motcua.engine.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * The one place that knows which days are working days (ngày làm việc) for legal time limits
 * (Decree 61/2018/ND-CP Art. 2; Labor Code 2019 Art. 112 for holidays). This first version knows
 * weekends, a configured list of days off and the closing hour: a dossier received after closing
 * time, or on a day off, counts from the next working day.
 */
public class WorkingCalendar {

    private final ZoneId zone;
    private final LocalTime closingTime;
    private final Set<LocalDate> daysOff;

    public WorkingCalendar(ZoneId zone, LocalTime closingTime, Set<LocalDate> daysOff) {
        this.zone = zone;
        this.closingTime = closingTime;
        this.daysOff = Set.copyOf(daysOff);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !daysOff.contains(day);
    }

    /**
     * The appointed return date for a time limit of {@code workingDays} counted from receipt: the
     * day of receipt does not count, so a dossier received on a working day before closing time is
     * due on the n-th following working day; one received later counts from the next working day.
     */
    public LocalDate dueDate(Instant receivedAt, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative");
        }
        ZonedDateTime received = receivedAt.atZone(zone);
        LocalDate day = received.toLocalDate();
        if (!isWorkingDay(day) || !received.toLocalTime().isBefore(closingTime)) {
            day = nextWorkingDay(day);
        }
        for (int i = 0; i < workingDays; i++) {
            day = nextWorkingDay(day);
        }
        return day;
    }

    private LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    public ZoneId zone() {
        return zone;
    }
}
