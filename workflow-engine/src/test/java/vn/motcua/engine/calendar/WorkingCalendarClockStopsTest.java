package vn.motcua.engine.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.engine.calendar.Hanoi.at;
import static vn.motcua.engine.calendar.Hanoi.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * While the applicant supplements the dossier the clock stops: the due date moves by the office hours
 * that passed during the stop, and only those.
 */
class WorkingCalendarClockStopsTest {

    /** Monday 23 Nov 2026, 09:00, 3 working days: due Thursday 26 Nov at 17:00 without stops. */
    private static final String RECEIVED = "2026-11-23T09:00";

    private final WorkingCalendar calendar = calendar();

    @Test
    void dueDateMovesByTheOfficeHoursSpentWaiting() {
        // Tue 15:00 → Wed 08:00: 2 hours that afternoon and 1 the next morning
        List<ClockStop> stops = List.of(stop("2026-11-24T15:00", "2026-11-25T08:00"));
        assertThat(calendar.dueAt(at(RECEIVED), 3, null, stops)).isEqualTo(at("2026-11-27T10:00"));
        assertThat(calendar.dueDate(at(RECEIVED), 3, null, stops)).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(calendar.dueDate(at(RECEIVED), 3, null, List.of())).isEqualTo(LocalDate.of(2026, 11, 26));
    }

    @Test
    void twoWholeWorkingDaysStoppedMoveTheDueDateByTwoWorkingDays() {
        // Tue 07:00 → Thu 07:00; Thu 26 + 2 working days = Mon 30 Nov, over the weekend
        List<ClockStop> stops = List.of(stop("2026-11-24T07:00", "2026-11-26T07:00"));
        assertThat(calendar.dueDate(at(RECEIVED), 3, null, stops)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(calendar.dueAt(at(RECEIVED), 3, null, stops)).isEqualTo(at("2026-11-30T17:00"));
    }

    @Test
    void stopsOutsideOfficeHoursOrOutsideTheRunningLimitMoveNothing() {
        List<ClockStop> outside = List.of(
                stop("2026-11-20T08:00", "2026-11-23T08:00"),  // before receipt at 09:00
                stop("2026-11-23T11:30", "2026-11-23T13:30"),  // lunch
                stop("2026-11-24T17:00", "2026-11-25T07:00"),  // overnight
                stop("2026-11-26T17:00", "2026-12-04T17:00")); // after the limit ran out
        assertThat(calendar.dueAt(at(RECEIVED), 3, null, outside)).isEqualTo(at("2026-11-26T17:00"));
        assertThat(calendar.dueAt(at("2026-11-20T14:00"), 1, null, List.of(stop("2026-11-21T08:00", "2026-11-22T20:00"))))
                .as("a weekend stop").isEqualTo(at("2026-11-23T17:00"));
    }

    @Test
    void overlappingStopsCountOnce() {
        List<ClockStop> overlapping = List.of(stop("2026-11-24T09:00", "2026-11-24T11:00"),
                stop("2026-11-24T10:00", "2026-11-24T11:30"), stop("2026-11-24T09:30", "2026-11-24T10:30"));
        // 09:00–11:30 stopped: 2.5 hours, so Thu 17:00 → Fri 09:30
        assertThat(calendar.dueAt(at(RECEIVED), 3, null, overlapping)).isEqualTo(at("2026-11-27T09:30"));
    }

    @Test
    void stopsMayBeGivenInAnyOrder() {
        List<ClockStop> later = List.of(stop("2026-11-25T09:00", "2026-11-25T10:00"), stop("2026-11-24T09:00", "2026-11-24T10:00"));
        assertThat(calendar.dueAt(at(RECEIVED), 3, null, later)).isEqualTo(at("2026-11-27T09:00"));
        assertThat(calendar.dueAt(at(RECEIVED), Duration.ofHours(16), null, later)).isEqualTo(at("2026-11-25T11:00"));
    }

    @Test
    void limitInHoursMovesByTheStoppedOfficeHours() {
        // 4 hours from Monday 09:00 is 15:00; a stop from 10:00 to 14:00 takes 2 office hours (lunch is not one)
        assertThat(calendar.dueAt(at(RECEIVED), Duration.ofHours(4), null)).isEqualTo(at("2026-11-23T15:00"));
        assertThat(calendar.dueAt(at(RECEIVED), Duration.ofHours(4), null, List.of(stop("2026-11-23T10:00", "2026-11-23T14:00"))))
                .isEqualTo(at("2026-11-23T17:00"));
    }

    @Test
    void calendarDayLimitMovesByTheDaysStoppedAndStillEndsOnAWorkingDay() {
        // Monday 23 Nov + 10 days = Thursday 3 Dec; stopped three days → Sunday 6 Dec → Monday 7 Dec
        List<ClockStop> stops = List.of(stop("2026-11-25T09:00", "2026-11-28T09:00"));
        assertThat(calendar.dueDateCalendarDays(at(RECEIVED), 10, null, List.of())).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(calendar.dueDateCalendarDays(at(RECEIVED), 10, null, stops)).isEqualTo(LocalDate.of(2026, 12, 7));
        // Friday evening: the count starts on Monday, so a weekend stop before it moves nothing
        assertThat(calendar.dueDateCalendarDays(at("2026-11-20T18:00"), 2, null,
                List.of(stop("2026-11-21T09:00", "2026-11-22T09:00")))).isEqualTo(LocalDate.of(2026, 11, 25));
        // two hours stopped move the end into the next day
        assertThat(calendar.dueDateCalendarDays(at(RECEIVED), 10, null, List.of(stop("2026-11-25T09:00", "2026-11-25T11:00"))))
                .isEqualTo(LocalDate.of(2026, 12, 4));
    }

    @Test
    void stopMustNotEndBeforeItStarts() {
        assertThatThrownBy(() -> stop("2026-11-25T09:00", "2026-11-24T09:00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before it starts");
    }

    private static ClockStop stop(String from, String to) {
        return new ClockStop(at(from), at(to));
    }
}
