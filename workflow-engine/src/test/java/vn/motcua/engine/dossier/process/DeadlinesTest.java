package vn.motcua.engine.dossier.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.motcua.engine.calendar.LaborCodeHolidays;
import vn.motcua.engine.calendar.WorkingCalendar;
import vn.motcua.engine.calendar.WorkingHours;

/**
 * The clock arithmetic of {@link Deadlines} (Decree 61/2018/ND-CP as amended: the time limit counts only the working
 * time the agency holds a complete dossier): resuming after a wait with the time that was left, and the 75% warning
 * of a restarted limit. Monday 23/11/2026 to Friday 04/12/2026 has no holiday.
 */
class DeadlinesTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String UNIT = "000.00.16.H26";
    private static final WorkingCalendar CALENDAR = new WorkingCalendar(ZONE, LaborCodeHolidays.DEFAULT,
            year -> List.of(), WorkingHours.DEFAULT, Map.of());

    private static Deadlines at(String localDateTime) {
        Clock clock = Clock.fixed(LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant(), ZONE);
        return new Deadlines(CALENDAR, null, null, null, null, clock);
    }

    private static Instant local(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    @Test
    void clockResumesWithTheWorkingTimeLeftAfterFiveWorkingDaysOfWaiting() {
        // due Thursday 26/11; the applicant was asked on Tuesday 24/11 09:00 and answered Tuesday 01/12 09:00:
        // 5 working days waited, so the appointment moves 5 working days, to Thursday 03/12
        LocalDate resumed = at("2026-12-01T09:00").resumed(LocalDate.of(2026, 11, 26), local("2026-11-24T09:00"), UNIT);
        assertThat(resumed).isEqualTo(LocalDate.of(2026, 12, 3));
    }

    @Test
    void waitingOverAWeekendCountsOnlyTheWorkingDays() {
        // asked Friday 27/11 at 17:00 (closing), answered Monday 30/11 at 07:00 (opening): no working time passed
        LocalDate resumed = at("2026-11-30T07:00").resumed(LocalDate.of(2026, 12, 2), local("2026-11-27T17:00"), UNIT);
        assertThat(resumed).isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void warningComesWhenThreeQuartersOfTheRestartedLimitHavePassed() {
        // restarted on Monday 30/11 07:00, due Thursday 03/12 17:00: 4 working days, warned after 3
        Map<String, Object> deadlines = at("2026-11-30T07:00").forUnit(UNIT, LocalDate.of(2026, 12, 3));
        assertThat(((Date) deadlines.get("dueAt")).toInstant()).isEqualTo(local("2026-12-03T17:00"));
        assertThat(((Date) deadlines.get("warnAt")).toInstant()).isEqualTo(local("2026-12-02T17:00"));
    }
}
