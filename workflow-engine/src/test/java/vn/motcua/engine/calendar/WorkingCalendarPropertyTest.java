package vn.motcua.engine.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Properties of due dates over thousands of seeded random receipts in 2024–2031, with the Labor Code
 * holidays and random announced swaps (working Saturdays, extra days off). The working days are judged
 * by an oracle written here from the rules' output and the overrides, not by the class under test.
 */
class WorkingCalendarPropertyTest {

    private static final Instant FROM = Hanoi.at("2024-01-01T00:00");
    private static final Instant TO = Hanoi.at("2031-07-01T00:00");

    private final Random random = new Random(20260101L);
    private final Map<LocalDate, Boolean> overrides = new HashMap<>();
    private final Set<LocalDate> holidays = new HashSet<>();
    private final WorkingCalendar calendar;

    WorkingCalendarPropertyTest() {
        for (int year = 2024; year <= 2032; year++) {
            LaborCodeHolidays.DEFAULT.daysOff(year).forEach(h -> holidays.add(h.date()));
            for (int i = 0; i < 6; i++) {
                LocalDate day = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
                overrides.put(day, day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY);
            }
        }
        calendar = Hanoi.calendar(year -> overrides.entrySet().stream().filter(e -> e.getKey().getYear() == year)
                .map(e -> new CalendarOverride(e.getKey(), e.getValue(), "random swap", null, null)).toList());
    }

    @Test
    void dueDateInWorkingDaysIsAWorkingDayNeverBeforeReceiptAndLaterForEachMoreDay() {
        for (int i = 0; i < 4000; i++) {
            Instant received = randomInstant();
            int days = random.nextInt(41);
            LocalDateTime local = LocalDateTime.ofInstant(received, Hanoi.ZONE);
            LocalDate receiptDay = local.toLocalDate();
            String sample = "received " + local + ", " + days + " working days";

            LocalDate due = calendar.dueDate(received, days);

            assertThat(due).as(sample).isAfterOrEqualTo(receiptDay);
            assertThat(isWorkingDay(due)).as(sample + " → due " + due + " is a working day").isTrue();
            assertThat(calendar.dueDate(received, days + 1)).as(sample + " plus one").isAfter(due);
            boolean countsFromNextDay = !isWorkingDay(receiptDay) || !local.toLocalTime().isBefore(LocalTime.of(17, 0));
            long workingDaysAfterReceipt = receiptDay.plusDays(1).datesUntil(due.plusDays(1))
                    .filter(this::isWorkingDay).count();
            assertThat(workingDaysAfterReceipt).as(sample + " → due " + due).isEqualTo(days + (countsFromNextDay ? 1 : 0));
        }
    }

    @Test
    void dueInstantInWorkingHoursUsesExactlyThatMuchOfficeTimeAndNeverComesEarlierForMore() {
        for (int i = 0; i < 3000; i++) {
            Instant received = randomInstant();
            Duration hours = Duration.ofMinutes(random.nextInt(60 * 8 * 15));
            Duration more = hours.plusMinutes(1 + random.nextInt(600));
            String sample = "received " + LocalDateTime.ofInstant(received, Hanoi.ZONE) + ", " + hours;

            Instant due = calendar.dueAt(received, hours, null);

            assertThat(due).as(sample).isAfterOrEqualTo(received);
            assertThat(calendar.dueAt(received, more, null)).as(sample + " vs " + more).isAfter(due);
            assertThat(calendar.workingTimeBetween(received, due, null)).as(sample).isEqualTo(hours);
            if (!hours.isZero()) {
                LocalDateTime at = LocalDateTime.ofInstant(due, Hanoi.ZONE);
                assertThat(isWorkingDay(at.toLocalDate())).as(sample + " → " + at + " on a working day").isTrue();
                assertThat(inOfficeHours(at.toLocalTime())).as(sample + " → " + at + " in office hours").isTrue();
            }
        }
    }

    @Test
    void clockStopsNeverBringTheDueDateForwardAndMoveItByExactlyTheOfficeTimeStopped() {
        for (int i = 0; i < 2000; i++) {
            Instant received = randomInstant();
            int days = random.nextInt(21);
            List<ClockStop> stops = randomStops(received, random.nextInt(4));
            Collections.shuffle(stops, random);
            List<ClockStop> oneMore = new ArrayList<>(stops);
            oneMore.addAll(randomStops(received, 1));
            String sample = "received " + LocalDateTime.ofInstant(received, Hanoi.ZONE) + ", " + days + " days, " + stops;

            Instant plain = calendar.dueAt(received, days, null, List.of());
            Instant stopped = calendar.dueAt(received, days, null, stops);

            assertThat(plain.atZone(Hanoi.ZONE).toLocalDate()).as(sample).isEqualTo(calendar.dueDate(received, days));
            assertThat(stopped).as(sample).isAfterOrEqualTo(plain);
            assertThat(calendar.dueAt(received, days, null, oneMore)).as(sample + " + one stop").isAfterOrEqualTo(stopped);
            LocalDate stoppedDate = calendar.dueDate(received, days, null, stops);
            assertThat(isWorkingDay(stoppedDate)).as(sample + " → " + stoppedDate).isTrue();
            Duration stoppedOfficeTime = stops.stream()
                    .map(s -> calendar.workingTimeBetween(latest(s.from(), received), earliest(s.to(), stopped), null))
                    .reduce(Duration.ZERO, Duration::plus);
            assertThat(calendar.workingTimeBetween(received, stopped, null).minus(stoppedOfficeTime)).as(sample)
                    .isEqualTo(calendar.workingTimeBetween(received, plain, null));
        }
    }

    @Test
    void dueDateInCalendarDaysIsAWorkingDayNeverBeforeReceiptAndNeverEarlierForMoreDaysOrStops() {
        for (int i = 0; i < 3000; i++) {
            Instant received = randomInstant();
            int days = random.nextInt(61);
            LocalDate receiptDay = received.atZone(Hanoi.ZONE).toLocalDate();
            String sample = "received " + LocalDateTime.ofInstant(received, Hanoi.ZONE) + ", " + days + " calendar days";

            LocalDate due = calendar.dueDateCalendarDays(received, days);

            assertThat(due).as(sample).isAfterOrEqualTo(receiptDay.plusDays(days));
            assertThat(isWorkingDay(due)).as(sample + " → " + due).isTrue();
            assertThat(calendar.dueDateCalendarDays(received, days + 1)).as(sample + " plus one").isAfterOrEqualTo(due);
            assertThat(calendar.dueDateCalendarDays(received, days, null, randomStops(received, 2))).as(sample + " stopped")
                    .isAfterOrEqualTo(due);
        }
    }

    /** Disjoint stops, in order, of up to 5 days each, starting between 2 days before and 30 days after receipt. */
    private List<ClockStop> randomStops(Instant received, int count) {
        List<ClockStop> stops = new ArrayList<>();
        Instant cursor = received.minus(Duration.ofDays(2));
        for (int i = 0; i < count; i++) {
            Instant from = cursor.plusSeconds(random.nextInt(10 * 24 * 3600));
            Instant to = from.plusSeconds(random.nextInt(5 * 24 * 3600));
            stops.add(new ClockStop(from, to));
            cursor = to;
        }
        return stops;
    }

    private boolean isWorkingDay(LocalDate day) {
        Boolean override = overrides.get(day);
        if (override != null) {
            return override;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }

    private static boolean inOfficeHours(LocalTime time) {
        return time.isAfter(LocalTime.of(7, 0)) && !time.isAfter(LocalTime.of(11, 30))
                || time.isAfter(LocalTime.of(13, 30)) && !time.isAfter(LocalTime.of(17, 0));
    }

    private Instant randomInstant() {
        return FROM.plusSeconds((long) (random.nextDouble() * Duration.between(FROM, TO).getSeconds()));
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
