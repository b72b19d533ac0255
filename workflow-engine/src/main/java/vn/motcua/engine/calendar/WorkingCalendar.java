package vn.motcua.engine.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * The one place that knows which days and hours count for legal time limits (Decree 61/2018/ND-CP
 * Art. 2; Labor Code 2019 Art. 112 for holidays; Civil Code 2015 Art. 147–148 for counting periods).
 *
 * <p>A day is a working day unless it is a Saturday, a Sunday, or a holiday or compensatory day of the
 * {@link HolidayRules}; an administrator's {@link CalendarOverride} for the day beats all of these.
 * Working time runs in the office hours of the handling unit ({@link WorkingHours}, per unit id with a
 * default). A dossier received after closing time or on a day that is not a working day counts from
 * the next working morning. Time spent in a {@link ClockStop} (waiting for a supplement) does not count.
 *
 * <p>Overrides are read through {@code overridesOfYear} once per computation and year, so an edit by an
 * administrator applies to the next computation; computed holidays are cached per year.
 */
public class WorkingCalendar {

    /** More consecutive days than this without a working day means the overrides are wrong. */
    private static final int MAX_DAYS_WITHOUT_WORK = 366;

    private final ZoneId zone;
    private final HolidayRules holidayRules;
    private final IntFunction<? extends Collection<CalendarOverride>> overridesOfYear;
    private final WorkingHours defaultHours;
    private final Map<String, WorkingHours> hoursByUnit;
    private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

    /**
     * @param zone            the time zone of legal time (Asia/Ho_Chi_Minh)
     * @param holidayRules    the computed days off, normally {@link LaborCodeHolidays#DEFAULT}
     * @param overridesOfYear the administrators' overrides of a solar year, e.g. {@code overrides::list}
     * @param defaultHours    office hours of units without their own
     * @param hoursByUnit     office hours by unit id
     */
    public WorkingCalendar(ZoneId zone, HolidayRules holidayRules,
                           IntFunction<? extends Collection<CalendarOverride>> overridesOfYear,
                           WorkingHours defaultHours, Map<String, WorkingHours> hoursByUnit) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.holidayRules = Objects.requireNonNull(holidayRules, "holidayRules");
        this.overridesOfYear = Objects.requireNonNull(overridesOfYear, "overridesOfYear");
        this.defaultHours = Objects.requireNonNull(defaultHours, "defaultHours");
        this.hoursByUnit = Map.copyOf(hoursByUnit);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The office hours of a unit; the default for an unknown or null unit id. */
    public WorkingHours hoursOf(String unitId) {
        return unitId == null ? defaultHours : hoursByUnit.getOrDefault(unitId, defaultHours);
    }

    /** The computed holidays and compensatory days of a year, before overrides. */
    public List<Holiday> holidays(int year) {
        return holidayRules.daysOff(year);
    }

    public boolean isWorkingDay(LocalDate day) {
        return new Days().working(day);
    }

    /** The first working day after {@code day}. */
    public LocalDate nextWorkingDay(LocalDate day) {
        return new Days().next(day);
    }

    /** The last working day before {@code day}. */
    public LocalDate previousWorkingDay(LocalDate day) {
        return new Days().previous(day);
    }

    /** {@link #dueDate(Instant, int, String)} with the default office hours. */
    public LocalDate dueDate(Instant receivedAt, int workingDays) {
        return dueDate(receivedAt, workingDays, null);
    }

    /**
     * The appointed return date for a time limit of {@code workingDays} counted from receipt (Civil Code
     * Art. 147: the day of receipt does not count): a dossier received on a working day before the unit's
     * closing time is due on the n-th following working day; one received later, or on a day that is not a
     * working day, counts from the next working day, and is due n working days after it.
     */
    public LocalDate dueDate(Instant receivedAt, int workingDays, String unitId) {
        requireNotNegative(workingDays, "workingDays");
        return dueDate(receivedAt, workingDays, hoursOf(unitId), new Days());
    }

    /**
     * {@link #dueDate(Instant, int, String)} with the clock stopped: the due date moves by the working time
     * of the unit that fell inside the stops while the time limit was running (stops before receipt or after
     * the time already ran out move nothing). The result is the day on which the allowed working time runs
     * out, so a stop of two working hours can move the date by one working day.
     */
    public LocalDate dueDate(Instant receivedAt, int workingDays, String unitId, List<ClockStop> stops) {
        return dueAt(receivedAt, workingDays, unitId, stops).atZone(zone).toLocalDate();
    }

    /**
     * The instant a time limit of {@code workingDays} runs out: closing time on the {@link #dueDate due
     * date}, moved by the working time spent in clock stops. For timers (warning at 75%, escalation).
     */
    public Instant dueAt(Instant receivedAt, int workingDays, String unitId, List<ClockStop> stops) {
        requireNotNegative(workingDays, "workingDays");
        WorkingHours hours = hoursOf(unitId);
        Days days = new Days();
        LocalDate plain = dueDate(receivedAt, workingDays, hours, days);
        Instant deadline = at(plain, hours.closing());
        if (stops.isEmpty()) {
            return deadline;
        }
        Duration allowance = workingTime(receivedAt, deadline, hours, days);
        return consume(receivedAt, allowance, hours, sorted(stops), days);
    }

    /**
     * The instant a time limit given in working hours runs out: the earliest instant by which the unit has
     * had {@code workingTime} of office hours since receipt. Time before opening, at lunch, after closing
     * and on days that are not working days does not count, so a dossier received in the evening counts
     * from the next working morning.
     */
    public Instant dueAt(Instant receivedAt, Duration workingTime, String unitId) {
        return dueAt(receivedAt, workingTime, unitId, List.of());
    }

    /** {@link #dueAt(Instant, Duration, String)} with the clock stopped during {@code stops}. */
    public Instant dueAt(Instant receivedAt, Duration workingTime, String unitId, List<ClockStop> stops) {
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("workingTime must not be negative");
        }
        return consume(receivedAt, workingTime, hoursOf(unitId), sorted(stops), new Days());
    }

    /** The office hours of the unit between two instants, for reports and for timers at a share of a limit. */
    public Duration workingTimeBetween(Instant from, Instant to, String unitId) {
        return workingTime(from, to, hoursOf(unitId), new Days());
    }

    /** {@link #dueDateCalendarDays(Instant, int, String, List)} with default hours and no clock stops. */
    public LocalDate dueDateCalendarDays(Instant receivedAt, int days) {
        return dueDateCalendarDays(receivedAt, days, null, List.of());
    }

    /**
     * The due date of a time limit in calendar days (ngày): {@code days} days after the day the count
     * starts from — the day of receipt, or the next working day for a dossier received after closing time
     * or on a day that is not a working day. Clock stops move it by the elapsed time stopped (rounded up to
     * the day it runs out on). A due date that is not a working day moves to the next working day (Civil
     * Code 2015 Art. 148(5)).
     */
    public LocalDate dueDateCalendarDays(Instant receivedAt, int days, String unitId, List<ClockStop> stops) {
        requireNotNegative(days, "days");
        WorkingHours hours = hoursOf(unitId);
        Days calendar = new Days();
        ZonedDateTime received = receivedAt.atZone(zone);
        LocalDate start = countsFrom(received, hours, calendar);
        LocalDate due = start.plusDays(days);
        if (!stops.isEmpty() && days > 0) {
            Instant origin = start.equals(received.toLocalDate()) ? receivedAt : at(start, hours.opening());
            Instant deadline = due.plusDays(1).atStartOfDay(zone).toInstant();
            Instant end = elapse(origin, Duration.between(origin, deadline), sorted(stops));
            due = end.minusNanos(1).atZone(zone).toLocalDate();
        }
        return calendar.working(due) ? due : calendar.next(due);
    }

    private LocalDate dueDate(Instant receivedAt, int workingDays, WorkingHours hours, Days days) {
        LocalDate day = countsFrom(receivedAt.atZone(zone), hours, days);
        for (int i = 0; i < workingDays; i++) {
            day = days.next(day);
        }
        return day;
    }

    /** The receipt day, or the next working day if received after closing time or on a day off. */
    private static LocalDate countsFrom(ZonedDateTime received, WorkingHours hours, Days days) {
        LocalDate day = received.toLocalDate();
        if (!days.working(day) || !received.toLocalTime().isBefore(hours.closing())) {
            day = days.next(day);
        }
        return day;
    }

    /** The earliest instant from {@code from} on by which {@code amount} of office hours outside stops has passed. */
    private Instant consume(Instant from, Duration amount, WorkingHours hours, List<ClockStop> stops, Days days) {
        if (amount.isZero()) {
            return from;
        }
        Duration remaining = amount;
        LocalDate day = from.atZone(zone).toLocalDate();
        int daysWithoutWork = 0;
        while (true) {
            if (days.working(day)) {
                daysWithoutWork = 0;
                for (WorkingHours.Session session : hours.sessions()) {
                    Instant end = at(day, session.end());
                    Instant cursor = latest(at(day, session.start()), from);
                    for (ClockStop stop : stops) {
                        if (!cursor.isBefore(end) || !stop.from().isBefore(end)) {
                            break;
                        }
                        if (stop.from().isAfter(cursor)) {
                            Duration free = Duration.between(cursor, stop.from());
                            if (remaining.compareTo(free) <= 0) {
                                return cursor.plus(remaining);
                            }
                            remaining = remaining.minus(free);
                        }
                        cursor = latest(cursor, stop.to());
                    }
                    if (cursor.isBefore(end)) {
                        Duration free = Duration.between(cursor, end);
                        if (remaining.compareTo(free) <= 0) {
                            return cursor.plus(remaining);
                        }
                        remaining = remaining.minus(free);
                    }
                }
            } else if (++daysWithoutWork > MAX_DAYS_WITHOUT_WORK) {
                throw noWorkingDay(day);
            }
            day = day.plusDays(1);
        }
    }

    /** The office hours between two instants. */
    private Duration workingTime(Instant from, Instant to, WorkingHours hours, Days days) {
        Duration total = Duration.ZERO;
        if (!from.isBefore(to)) {
            return total;
        }
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!days.working(day)) {
                continue;
            }
            for (WorkingHours.Session session : hours.sessions()) {
                Instant start = latest(at(day, session.start()), from);
                Instant end = earliest(at(day, session.end()), to);
                if (start.isBefore(end)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** The instant by which {@code amount} of elapsed time outside stops has passed since {@code from}. */
    private static Instant elapse(Instant from, Duration amount, List<ClockStop> stops) {
        Instant cursor = from;
        Duration remaining = amount;
        for (ClockStop stop : stops) {
            if (stop.from().isAfter(cursor)) {
                Duration free = Duration.between(cursor, stop.from());
                if (remaining.compareTo(free) <= 0) {
                    return cursor.plus(remaining);
                }
                remaining = remaining.minus(free);
            }
            cursor = latest(cursor, stop.to());
        }
        return cursor.plus(remaining);
    }

    /** Stops in order of start; the walks above step over overlapping ones by keeping the latest end. */
    private static List<ClockStop> sorted(List<ClockStop> stops) {
        return stops.stream().sorted(Comparator.comparing(ClockStop::from)).toList();
    }

    private Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toInstant();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static void requireNotNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }

    private static IllegalStateException noWorkingDay(LocalDate near) {
        return new IllegalStateException("no working day for " + MAX_DAYS_WITHOUT_WORK + " days around " + near
                + ": check the calendar overrides");
    }

    private Set<LocalDate> holidaysOf(int year) {
        return holidaysByYear.computeIfAbsent(year, y -> holidayRules.daysOff(y).stream()
                .map(Holiday::date).collect(Collectors.toUnmodifiableSet()));
    }

    /** The working days as seen by one computation: each year's overrides are read once. */
    private final class Days {

        private final Map<Integer, Map<LocalDate, Boolean>> overrides = new HashMap<>();

        boolean working(LocalDate day) {
            Boolean override = overrides.computeIfAbsent(day.getYear(), this::load).get(day);
            if (override != null) {
                return override;
            }
            DayOfWeek dow = day.getDayOfWeek();
            return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidaysOf(day.getYear()).contains(day);
        }

        LocalDate next(LocalDate day) {
            return step(day, 1);
        }

        LocalDate previous(LocalDate day) {
            return step(day, -1);
        }

        private LocalDate step(LocalDate day, int direction) {
            LocalDate candidate = day.plusDays(direction);
            for (int i = 0; !working(candidate); i++) {
                if (i > MAX_DAYS_WITHOUT_WORK) {
                    throw noWorkingDay(day);
                }
                candidate = candidate.plusDays(direction);
            }
            return candidate;
        }

        private Map<LocalDate, Boolean> load(int year) {
            Map<LocalDate, Boolean> byDay = new HashMap<>();
            for (CalendarOverride override : overridesOfYear.apply(year)) {
                if (override.day().getYear() == year) {
                    byDay.put(override.day(), override.working());
                }
            }
            return byDay;
        }
    }
}
