package vn.motcua.engine.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Appointed return dates counted in working days (Decree 61/2018/ND-CP): the day of receipt does
 * not count, weekends and days off never count, and a dossier received after 17:00 or on a day off counts
 * from the next working day. The days off here are overrides only (no computed holidays), so these tests
 * isolate the counting from the holiday rules.
 */
class WorkingCalendarTest {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalTime CLOSING = LocalTime.of(17, 0);

    /** Days off of 2026: Tết (16–20 Feb), Reunification and Labour Day (30 Apr, 1 May), National Day (1–2 Sep). */
    private static final Set<LocalDate> DAYS_OFF_2026 = Set.of(
            LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17), LocalDate.of(2026, 2, 18),
            LocalDate.of(2026, 2, 19), LocalDate.of(2026, 2, 20),
            LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 1),
            LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 2));

    private final WorkingCalendar calendar = new WorkingCalendar(HANOI, HolidayRules.none(),
            year -> DAYS_OFF_2026.stream().filter(day -> day.getYear() == year)
                    .map(day -> CalendarOverride.dayOff(day, "announced for 2026")).toList(),
            WorkingHours.DEFAULT, Map.of());

    @Test
    void dossierReceivedInWorkingHoursIsDueOnTheNthFollowingWorkingDay() {
        // Monday 23 Nov 2026, 09:00
        assertThat(calendar.dueDate(hanoi("2026-11-23T09:00"), 3)).isEqualTo(LocalDate.of(2026, 11, 26));
    }

    @Test
    void weekendsAreSkipped() {
        // Thursday 19 Nov: Fri 20, (Sat 21, Sun 22 skipped), Mon 23, Tue 24
        assertThat(calendar.dueDate(hanoi("2026-11-19T10:00"), 3)).isEqualTo(LocalDate.of(2026, 11, 24));
        // Friday 20 Nov: 5 working days end on the next Friday, never on a weekend
        assertThat(calendar.dueDate(hanoi("2026-11-20T10:00"), 5)).isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void configuredDaysOffAreSkipped() {
        // Wednesday 29 Apr: Thu 30 Apr and Fri 1 May are days off, then the weekend
        assertThat(calendar.dueDate(hanoi("2026-04-29T10:00"), 1)).isEqualTo(LocalDate.of(2026, 5, 4));
        // the same receipt without days off would be due the next day
        assertThat(new WorkingCalendar(HANOI, HolidayRules.none(), year -> List.of(), WorkingHours.DEFAULT, Map.of())
                .dueDate(hanoi("2026-04-29T10:00"), 1))
                .isEqualTo(LocalDate.of(2026, 4, 30));
        // Friday 13 Feb, before Tết: the whole week of 16–20 Feb and both weekends are skipped
        assertThat(calendar.dueDate(hanoi("2026-02-13T08:00"), 2)).isEqualTo(LocalDate.of(2026, 2, 24));
    }

    @Test
    void configuredDaysOffAreNotWorkingDaysButOrdinaryWeekdaysAre() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 2))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 21))).as("Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 22))).as("Sunday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 3))).isTrue();
    }

    @Test
    void dossierReceivedAtOrAfterClosingTimeCountsFromTheNextWorkingDay() {
        assertThat(calendar.dueDate(hanoi("2026-11-23T16:59:59"), 1)).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(calendar.dueDate(hanoi("2026-11-23T17:00"), 1)).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(calendar.dueDate(hanoi("2026-11-23T21:45"), 1)).isEqualTo(LocalDate.of(2026, 11, 25));
    }

    @Test
    void dossierReceivedFridayEveningCountsFromMonday() {
        assertThat(calendar.dueDate(hanoi("2026-11-20T17:30"), 1)).isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    void closingTimeIsReadInVietnamTimeNotUtc() {
        // 10:30 UTC is 17:30 in Hà Nội: after closing
        assertThat(calendar.dueDate(Instant.parse("2026-11-23T10:30:00Z"), 1)).isEqualTo(LocalDate.of(2026, 11, 25));
        // 23:30 UTC on Sunday is 06:30 on Monday in Hà Nội: a working morning
        assertThat(calendar.dueDate(Instant.parse("2026-11-22T23:30:00Z"), 1)).isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    void dossierReceivedOnSaturdayCountsFromMonday() {
        assertThat(calendar.dueDate(hanoi("2026-11-21T09:00"), 1)).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(calendar.dueDate(hanoi("2026-11-21T09:00"), 0)).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void dossierReceivedOnADayOffCountsFromTheNextWorkingDay() {
        // Thursday 30 Apr (day off) → Monday 4 May is the first working day
        assertThat(calendar.dueDate(hanoi("2026-04-30T09:00"), 0)).isEqualTo(LocalDate.of(2026, 5, 4));
        assertThat(calendar.dueDate(hanoi("2026-04-30T09:00"), 2)).isEqualTo(LocalDate.of(2026, 5, 6));
    }

    @Test
    void zeroDaysIsDueOnTheDayOfReceiptOrTheNextWorkingDayAfterClosing() {
        assertThat(calendar.dueDate(hanoi("2026-11-23T09:00"), 0)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(calendar.dueDate(hanoi("2026-11-20T18:00"), 0)).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void negativeNumberOfDaysIsRejected() {
        assertThatThrownBy(() -> calendar.dueDate(hanoi("2026-11-23T09:00"), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }

    /**
     * Over a few thousand random receipts across 2026 (including Tết and every configured day off), the
     * due date is a working day, never before the receipt date, strictly later for one more day, and
     * exactly {@code n} working days after the day the count starts from (counted here independently).
     */
    @Test
    void dueDateIsAlwaysAWorkingDayNotBeforeReceiptAndGrowsWithTheTimeLimit() {
        Random random = new Random(20261122L);
        Instant from = hanoi("2025-12-20T00:00");
        long span = hanoi("2027-01-10T00:00").getEpochSecond() - from.getEpochSecond();
        for (int i = 0; i < 4000; i++) {
            Instant received = from.plusSeconds((long) (random.nextDouble() * span));
            int days = random.nextInt(31);
            LocalDateTime local = LocalDateTime.ofInstant(received, HANOI);
            LocalDate receiptDay = local.toLocalDate();
            String sample = "received " + local + ", " + days + " working days";

            LocalDate due = calendar.dueDate(received, days);

            assertThat(due).as(sample).isAfterOrEqualTo(receiptDay);
            assertThat(isWorkingDay(due)).as(sample + " → due " + due + " is a working day").isTrue();
            assertThat(calendar.dueDate(received, days + 1)).as(sample + " plus one").isAfter(due);
            boolean countsFromNextDay = !isWorkingDay(receiptDay) || !local.toLocalTime().isBefore(CLOSING);
            long workingDaysAfterReceipt = receiptDay.plusDays(1).datesUntil(due.plusDays(1))
                    .filter(WorkingCalendarTest::isWorkingDay).count();
            assertThat(workingDaysAfterReceipt).as(sample + " → due " + due)
                    .isEqualTo(days + (countsFromNextDay ? 1 : 0));
        }
    }

    /** The oracle for the property test, written independently of the class under test. */
    private static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !DAYS_OFF_2026.contains(day);
    }

    private static Instant hanoi(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), HANOI).toInstant();
    }
}
