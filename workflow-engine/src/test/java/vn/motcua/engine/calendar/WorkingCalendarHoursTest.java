package vn.motcua.engine.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.engine.calendar.Hanoi.at;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Time limits in working hours and in calendar days, and the after-hours rule: only office hours count
 * (07:00–11:30 and 13:30–17:00 unless the unit has its own), and a dossier received after closing time
 * or on a day off counts from the next working morning.
 */
class WorkingCalendarHoursTest {

    private static final String HCMC = "000.00.16.H29";
    private static final WorkingHours HCMC_HOURS = new WorkingHours(LocalTime.of(7, 30), LocalTime.of(11, 30),
            LocalTime.of(13, 0), LocalTime.of(16, 30));

    private final WorkingCalendar calendar = new WorkingCalendar(Hanoi.ZONE, LaborCodeHolidays.DEFAULT,
            year -> List.of(), WorkingHours.DEFAULT, Map.of(HCMC, HCMC_HOURS));

    @Test
    void defaultOfficeHoursAreEightHoursInTwoSessions() {
        assertThat(WorkingHours.DEFAULT.perDay()).isEqualTo(Duration.ofHours(8));
        assertThat(WorkingHours.DEFAULT.closing()).isEqualTo(LocalTime.of(17, 0));
        assertThat(calendar.hoursOf("unknown unit")).isEqualTo(WorkingHours.DEFAULT);
        assertThat(calendar.hoursOf(HCMC)).isEqualTo(HCMC_HOURS);
    }

    @Test
    void onlyOfficeHoursCountTowardsALimitInHours() {
        // Monday 09:00 + 8 working hours = Tuesday 09:00
        assertThat(calendar.dueAt(at("2026-11-23T09:00"), Duration.ofHours(8), null)).isEqualTo(at("2026-11-24T09:00"));
        // 10:30 + 2 hours: one before lunch, one after
        assertThat(calendar.dueAt(at("2026-11-23T10:30"), Duration.ofHours(2), null)).isEqualTo(at("2026-11-23T14:30"));
        // received at lunch: counts from 13:30
        assertThat(calendar.dueAt(at("2026-11-23T12:15"), Duration.ofMinutes(30), null)).isEqualTo(at("2026-11-23T14:00"));
        // a limit that ends exactly at closing is due at closing, not the next morning
        assertThat(calendar.dueAt(at("2026-11-23T07:00"), Duration.ofHours(8), null)).isEqualTo(at("2026-11-23T17:00"));
        assertThat(calendar.workingTimeBetween(at("2026-11-23T09:00"), at("2026-11-24T09:00"), null))
                .isEqualTo(Duration.ofHours(8));
    }

    @Test
    void dossierReceivedAfterClosingOrOnADayOffCountsFromTheNextWorkingMorning() {
        // Friday 17:30 → Monday 07:00 + 1 hour
        assertThat(calendar.dueAt(at("2026-11-20T17:30"), Duration.ofHours(1), null)).isEqualTo(at("2026-11-23T08:00"));
        // Thursday 30 April (holiday) → Monday 4 May, after Labour Day and the weekend
        assertThat(calendar.dueAt(at("2026-04-30T09:00"), Duration.ofHours(1), null)).isEqualTo(at("2026-05-04T08:00"));
        // before opening on a working day: from opening that day
        assertThat(calendar.dueAt(at("2026-11-23T06:30"), Duration.ofHours(1), null)).isEqualTo(at("2026-11-23T08:00"));
        // a limit of 3 working days: received after closing, counts from the next day
        assertThat(calendar.dueDate(at("2026-11-23T17:00"), 1, null)).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(calendar.dueDate(at("2026-11-23T16:59"), 1, null)).isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    void eachUnitCountsInItsOwnOfficeHours() {
        // the unit closes at 16:30: a dossier received at 16:45 counts from the next day there only
        assertThat(calendar.dueDate(at("2026-11-23T16:45"), 1, HCMC)).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(calendar.dueDate(at("2026-11-23T16:45"), 1, null)).isEqualTo(LocalDate.of(2026, 11, 24));
        // its lunch ends at 13:00 and it opens at 07:30
        assertThat(calendar.dueAt(at("2026-11-23T11:00"), Duration.ofHours(1), HCMC)).isEqualTo(at("2026-11-23T13:30"));
        assertThat(calendar.dueAt(at("2026-11-23T16:00"), Duration.ofHours(1), HCMC)).isEqualTo(at("2026-11-24T08:00"));
        assertThat(calendar.workingTimeBetween(at("2026-11-23T00:00"), at("2026-11-24T00:00"), HCMC))
                .isEqualTo(Duration.ofHours(7).plusMinutes(30));
    }

    @Test
    void limitInWorkingDaysRunsOutAtClosingTimeOfTheDueDate() {
        assertThat(calendar.dueAt(at("2026-11-23T09:00"), 3, null, List.of())).isEqualTo(at("2026-11-26T17:00"));
        assertThat(calendar.dueAt(at("2026-11-23T09:00"), 3, HCMC, List.of())).isEqualTo(at("2026-11-26T16:30"));
    }

    @Test
    void calendarDayLimitsCountEveryDayButEndOnAWorkingDay() {
        // Monday 23 Nov + 10 days = Thursday 3 Dec
        assertThat(calendar.dueDateCalendarDays(at("2026-11-23T09:00"), 10)).isEqualTo(LocalDate.of(2026, 12, 3));
        // Wednesday 29 Apr + 3 days = Saturday 2 May: moved to Monday 4 May (Civil Code Art. 148(5))
        assertThat(calendar.dueDateCalendarDays(at("2026-04-29T10:00"), 3)).isEqualTo(LocalDate.of(2026, 5, 4));
        assertThat(calendar.dueDateCalendarDays(at("2026-04-29T10:00"), 1)).as("30 April")
                .isEqualTo(LocalDate.of(2026, 5, 4));
        // Friday evening: counts from Monday
        assertThat(calendar.dueDateCalendarDays(at("2026-11-20T18:00"), 2)).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(calendar.dueDateCalendarDays(at("2026-11-20T16:00"), 2)).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void negativeLimitsAndMisorderedSessionsAreRejected() {
        assertThatThrownBy(() -> calendar.dueAt(at("2026-11-23T09:00"), Duration.ofHours(-1), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> calendar.dueDateCalendarDays(at("2026-11-23T09:00"), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> new WorkingHours(LocalTime.of(7, 0), LocalTime.of(14, 0), LocalTime.of(13, 0),
                LocalTime.of(17, 0))).isInstanceOf(IllegalArgumentException.class);
    }
}
