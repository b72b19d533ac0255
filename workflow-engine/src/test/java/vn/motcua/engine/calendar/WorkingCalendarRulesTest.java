package vn.motcua.engine.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.engine.calendar.Hanoi.at;
import static vn.motcua.engine.calendar.Hanoi.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Which days count: weekends and the computed holidays do not, an administrator's override beats both
 * (a working Saturday announced as a swap counts; the swapped weekday does not).
 */
class WorkingCalendarRulesTest {

    private final WorkingCalendar computed = calendar();

    @Test
    void weekendsAreNotWorkingDays() {
        assertThat(computed.isWorkingDay(LocalDate.of(2026, 11, 21))).as("Saturday").isFalse();
        assertThat(computed.isWorkingDay(LocalDate.of(2026, 11, 22))).as("Sunday").isFalse();
        assertThat(computed.isWorkingDay(LocalDate.of(2026, 11, 23))).as("Monday").isTrue();
        assertThat(computed.isWorkingDay(LocalDate.of(2026, 11, 20))).as("Friday").isTrue();
    }

    @Test
    void computedHolidaysAndCompensatoryDaysAreNotWorkingDays() {
        assertThat(computed.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(computed.isWorkingDay(LocalDate.of(2027, 2, 5))).as("last day of the lunar year").isFalse();
        assertThat(computed.isWorkingDay(LocalDate.of(2027, 2, 9))).as("mùng 4 Tết").isFalse();
        // Tết 2027 covers Saturday 6 and Sunday 7 February: made up on Wednesday 10 and Thursday 11
        assertThat(computed.isWorkingDay(LocalDate.of(2027, 2, 10))).as("compensatory for Tết").isFalse();
        assertThat(computed.isWorkingDay(LocalDate.of(2027, 2, 11))).as("compensatory for Tết").isFalse();
        assertThat(computed.isWorkingDay(LocalDate.of(2027, 2, 12))).isTrue();
        assertThat(computed.isWorkingDay(LocalDate.of(2026, 4, 27))).as("compensatory for Hùng Kings").isFalse();
        assertThat(computed.isWorkingDay(LocalDate.of(2026, 4, 28))).isTrue();
        assertThat(computed.isWorkingDay(LocalDate.of(2026, 9, 1))).isFalse();
        assertThat(computed.isWorkingDay(LocalDate.of(2026, 9, 3))).isTrue();
    }

    @Test
    void dueDatesSkipTetAndTheHolidaysOfAnyYear() {
        // Thursday 4 Feb 2027, 10:00: Fri 5 – Tue 9 Feb are Tết, Wed 10 and Thu 11 make up its weekend, then
        // Fri 12 and Mon 15
        assertThat(computed.dueDate(at("2027-02-04T10:00"), 2)).isEqualTo(LocalDate.of(2027, 2, 15));
        // Friday 24 Apr 2026: Sun 26 Hùng Kings, Mon 27 compensatory, Thu 30 and Fri 1 May
        assertThat(computed.dueDate(at("2026-04-24T10:00"), 3)).isEqualTo(LocalDate.of(2026, 5, 4));
        assertThat(computed.nextWorkingDay(LocalDate.of(2026, 4, 24))).isEqualTo(LocalDate.of(2026, 4, 28));
        assertThat(computed.previousWorkingDay(LocalDate.of(2026, 5, 4))).isEqualTo(LocalDate.of(2026, 4, 29));
    }

    @Test
    void announcedWorkingSaturdayCountsAndTheSwappedDayDoesNot() {
        // Tết 2025 as announced: Monday 27 Jan off, made up on Saturday 8 Feb
        WorkingCalendar announced = calendar(
                CalendarOverride.dayOff(LocalDate.of(2025, 1, 27), "Nghỉ hoán đổi, làm bù thứ Bảy 08/02/2025"),
                CalendarOverride.workingDay(LocalDate.of(2025, 2, 8), "Làm bù cho thứ Hai 27/01/2025"));

        assertThat(announced.isWorkingDay(LocalDate.of(2025, 1, 27))).isFalse();
        assertThat(announced.isWorkingDay(LocalDate.of(2025, 2, 8))).isTrue();
        assertThat(computed.isWorkingDay(LocalDate.of(2025, 1, 27))).isTrue();
        assertThat(computed.isWorkingDay(LocalDate.of(2025, 2, 8))).isFalse();

        // Friday 24 Jan: the next working day is Tue 4 Feb (Mon 3 Feb makes up Tết's Saturday 1 Feb) instead
        // of Mon 27 Jan
        assertThat(computed.dueDate(at("2025-01-24T10:00"), 1)).isEqualTo(LocalDate.of(2025, 1, 27));
        assertThat(announced.dueDate(at("2025-01-24T10:00"), 1)).isEqualTo(LocalDate.of(2025, 2, 4));
        // Friday 7 Feb: due on the working Saturday
        assertThat(computed.dueDate(at("2025-02-07T10:00"), 1)).isEqualTo(LocalDate.of(2025, 2, 10));
        assertThat(announced.dueDate(at("2025-02-07T10:00"), 1)).isEqualTo(LocalDate.of(2025, 2, 8));
        // a dossier received on the working Saturday counts from that day
        assertThat(announced.dueDate(at("2025-02-08T09:00"), 1)).isEqualTo(LocalDate.of(2025, 2, 10));
    }

    @Test
    void overrideBeatsAComputedHoliday() {
        // a year in which the Government chose 3 September instead of 1 September
        WorkingCalendar announced = calendar(
                CalendarOverride.workingDay(LocalDate.of(2026, 9, 1), "Quốc khánh nghỉ 02–03/09"),
                CalendarOverride.dayOff(LocalDate.of(2026, 9, 3), "Quốc khánh nghỉ 02–03/09"));
        assertThat(announced.isWorkingDay(LocalDate.of(2026, 9, 1))).isTrue();
        assertThat(announced.isWorkingDay(LocalDate.of(2026, 9, 2))).isFalse();
        assertThat(announced.isWorkingDay(LocalDate.of(2026, 9, 3))).isFalse();
    }

    @Test
    void anOverrideEnteredLaterAppliesToTheNextComputation() {
        List<CalendarOverride> table = new ArrayList<>();
        WorkingCalendar calendar = calendar(year -> List.copyOf(table));
        assertThat(calendar.dueDate(at("2026-11-23T09:00"), 1)).isEqualTo(LocalDate.of(2026, 11, 24));

        table.add(CalendarOverride.dayOff(LocalDate.of(2026, 11, 24), "Nghỉ đột xuất"));
        assertThat(calendar.dueDate(at("2026-11-23T09:00"), 1)).isEqualTo(LocalDate.of(2026, 11, 25));
    }
}
