package vn.motcua.engine.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.engine.testing.MigratedPostgres;

/**
 * The day swaps the Government announced, seeded by the production migrations (V70) into the override table:
 * a fresh installation counts them without an administrator entering them, and says where each comes from.
 */
class AnnouncedDaysTest {

    private static MigratedPostgres database;
    private static CalendarOverrides overrides;

    @BeforeAll
    static void startDatabase() {
        database = MigratedPostgres.start();
        overrides = new CalendarOverrides(new JdbcTemplate(database.pool("app", 2)));
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void swapOf2May2025WithSaturday26AprilIsSeededWithItsSource() {
        WorkingCalendar calendar = Hanoi.calendar(overrides::list);
        WorkingCalendar computed = Hanoi.calendar();
        LocalDate saturday = LocalDate.of(2025, 4, 26);
        LocalDate friday = LocalDate.of(2025, 5, 2);

        assertThat(computed.isWorkingDay(saturday)).as("a Saturday, without the announcement").isFalse();
        assertThat(computed.isWorkingDay(friday)).as("a Friday, without the announcement").isTrue();
        assertThat(calendar.isWorkingDay(saturday)).as("the swapped Saturday is worked").isTrue();
        assertThat(calendar.isWorkingDay(friday)).as("the swapped Friday is off").isFalse();
        // received on Tuesday 29 April: Wed 30/4 – Sun 4/5 are off, so one working day ends on Monday 5 May
        assertThat(calendar.dueDate(Hanoi.at("2025-04-29T10:00"), 1)).isEqualTo(LocalDate.of(2025, 5, 5));
        assertThat(computed.dueDate(Hanoi.at("2025-04-29T10:00"), 1)).isEqualTo(LocalDate.of(2025, 5, 2));

        assertThat(overrides.list(2025)).allSatisfy(day -> {
            assertThat(day.reason()).contains("Thông báo số 6150/TB-LĐTBXH");
            assertThat(day.createdBy()).isEqualTo("migration V70");
        });
        assertThat(overrides.list(2025)).extracting(CalendarOverride::day).containsExactly(saturday, friday);
    }
}
