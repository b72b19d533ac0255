package vn.motcua.engine.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.engine.testing.MigratedPostgres;


/**
 * The administrators' override table against a real PostgreSQL with the production migrations: one row
 * per day, listed by year, replaced when put again, removed to fall back to the computed calendar, and
 * read by the working-day calendar on its next computation.
 */
class CalendarOverridesTest {

    private static final LocalDate WORKING_SATURDAY = LocalDate.of(2025, 2, 8);
    private static final LocalDate SWAPPED_MONDAY = LocalDate.of(2025, 1, 27);

    private static MigratedPostgres database;
    private static JdbcTemplate jdbc;
    private static CalendarOverrides overrides;

    @BeforeAll
    static void startDatabase() {
        database = MigratedPostgres.start();
        jdbc = new JdbcTemplate(database.pool("app", 2));
        overrides = new CalendarOverrides(jdbc);
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void emptyTable() {
        jdbc.update("delete from calendar_override");
    }

    @Test
    void overridesOfAYearAreListedInDateOrderWithWhoEnteredThem() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        overrides.put(WORKING_SATURDAY, true, "Làm bù cho thứ Hai 27/01/2025", "admin-1");
        overrides.put(SWAPPED_MONDAY, false, "Nghỉ hoán đổi, làm bù thứ Bảy 08/02/2025", "admin-2");

        assertThat(overrides.list(2025)).satisfiesExactly(
                first -> {
                    assertThat(first.day()).isEqualTo(SWAPPED_MONDAY);
                    assertThat(first.working()).isFalse();
                    assertThat(first.reason()).isEqualTo("Nghỉ hoán đổi, làm bù thứ Bảy 08/02/2025");
                    assertThat(first.createdBy()).isEqualTo("admin-2");
                    assertThat(first.createdAt()).isAfterOrEqualTo(before);
                },
                second -> {
                    assertThat(second.day()).isEqualTo(WORKING_SATURDAY);
                    assertThat(second.working()).isTrue();
                    assertThat(second.createdBy()).isEqualTo("admin-1");
                });
    }

    @Test
    void listHoldsOnlyTheRequestedYear() {
        overrides.put(LocalDate.of(2025, 12, 31), false, "cuối năm", null);
        overrides.put(LocalDate.of(2026, 1, 1), false, "đầu năm", null);
        overrides.put(LocalDate.of(2026, 12, 31), false, "cuối năm", null);
        overrides.put(LocalDate.of(2027, 1, 1), false, "đầu năm", null);

        assertThat(overrides.list(2026)).extracting(CalendarOverride::day)
                .containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        assertThat(overrides.list(2024)).isEmpty();
    }

    @Test
    void puttingADayAgainReplacesItsOverride() {
        overrides.put(WORKING_SATURDAY, true, "Làm bù", "admin-1");
        overrides.put(WORKING_SATURDAY, false, "Hủy làm bù", "admin-2");

        assertThat(overrides.list(2025)).singleElement().satisfies(o -> {
            assertThat(o.working()).isFalse();
            assertThat(o.reason()).isEqualTo("Hủy làm bù");
            assertThat(o.createdBy()).isEqualTo("admin-2");
        });
    }

    @Test
    void removingADayReportsWhetherItHadAnOverride() {
        overrides.put(WORKING_SATURDAY, true, "Làm bù", "admin-1");

        assertThat(overrides.remove(WORKING_SATURDAY)).isTrue();
        assertThat(overrides.remove(WORKING_SATURDAY)).isFalse();
        assertThat(overrides.list(2025)).isEmpty();
    }

    @Test
    void tableRejectsAReasonLongerThanFiveHundredCharacters() {
        assertThatThrownBy(() -> overrides.put(WORKING_SATURDAY, true, "x".repeat(501), "admin-1"))
                .isInstanceOf(DataIntegrityViolationException.class);
        overrides.put(WORKING_SATURDAY, true, "x".repeat(500), "admin-1");
        assertThat(overrides.list(2025)).hasSize(1);
    }

    @Test
    void calendarReadsTheTableOnItsNextComputation() {
        WorkingCalendar calendar = Hanoi.calendar(overrides::list);
        assertThat(calendar.isWorkingDay(WORKING_SATURDAY)).isFalse();
        assertThat(calendar.isWorkingDay(SWAPPED_MONDAY)).isTrue();

        overrides.put(WORKING_SATURDAY, true, "Làm bù cho thứ Hai 27/01/2025", "admin-1");
        overrides.put(SWAPPED_MONDAY, false, "Nghỉ hoán đổi, làm bù thứ Bảy 08/02/2025", "admin-1");
        assertThat(calendar.isWorkingDay(WORKING_SATURDAY)).isTrue();
        assertThat(calendar.isWorkingDay(SWAPPED_MONDAY)).isFalse();
        // Mon 3 Feb makes up Tết's Saturday 1 Feb (Labor Code 2019 Art. 111(3))
        assertThat(calendar.dueDate(Hanoi.at("2025-01-24T10:00"), 1)).isEqualTo(LocalDate.of(2025, 2, 4));

        overrides.remove(SWAPPED_MONDAY);
        assertThat(calendar.isWorkingDay(SWAPPED_MONDAY)).isTrue();
    }
}
