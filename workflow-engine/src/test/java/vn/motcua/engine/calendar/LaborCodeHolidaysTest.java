package vn.motcua.engine.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import vn.motcua.engine.calendar.Holiday.Kind;
import vn.motcua.engine.calendar.LaborCodeHolidays.NationalDayExtra;
import vn.motcua.engine.config.MotcuaProperties;

/** Public holidays and compensatory days of Labor Code 2019 Art. 112, computed for any year. */
class LaborCodeHolidaysTest {

    private static final LaborCodeHolidays RULES = LaborCodeHolidays.DEFAULT;

    @Test
    void fixedHolidaysComeEveryYear() {
        for (int year = 2021; year <= 2035; year++) {
            assertThat(days(RULES.daysOff(year))).as("days off of " + year).contains(
                    LocalDate.of(year, 1, 1), LocalDate.of(year, 4, 30), LocalDate.of(year, 5, 1),
                    LocalDate.of(year, 9, 1), LocalDate.of(year, 9, 2));
        }
    }

    @Test
    void tetIsTheLastDayOfTheLunarYearAndTheFirstFourDaysOfTheNew() {
        assertThat(tet(RULES, 2024)).containsExactly(LocalDate.of(2024, 2, 9), LocalDate.of(2024, 2, 10),
                LocalDate.of(2024, 2, 11), LocalDate.of(2024, 2, 12), LocalDate.of(2024, 2, 13));
        // the year of Giáp Thìn ended on its 29th day of the 12th month
        assertThat(tet(RULES, 2025)).containsExactly(LocalDate.of(2025, 1, 28), LocalDate.of(2025, 1, 29),
                LocalDate.of(2025, 1, 30), LocalDate.of(2025, 1, 31), LocalDate.of(2025, 2, 1));
        assertThat(tet(RULES, 2026)).containsExactly(LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17),
                LocalDate.of(2026, 2, 18), LocalDate.of(2026, 2, 19), LocalDate.of(2026, 2, 20));
        assertThat(tet(RULES, 2027)).containsExactly(LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 6),
                LocalDate.of(2027, 2, 7), LocalDate.of(2027, 2, 8), LocalDate.of(2027, 2, 9));
    }

    @Test
    void tetSpanIsARuleParameter() {
        assertThat(tet(RULES.withTetSpan(-2, 2), 2026)).containsExactly(LocalDate.of(2026, 2, 15),
                LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17), LocalDate.of(2026, 2, 18), LocalDate.of(2026, 2, 19));
        assertThatThrownBy(() -> RULES.withTetSpan(1, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1st day of the 1st lunar month");
    }

    @Test
    void hungKingsDayIsAHolidayOnTheTenthOfTheThirdLunarMonth() {
        assertThat(named(RULES.daysOff(2024), LaborCodeHolidays.HUNG_KINGS)).containsExactly(LocalDate.of(2024, 4, 18));
        assertThat(named(RULES.daysOff(2025), LaborCodeHolidays.HUNG_KINGS)).containsExactly(LocalDate.of(2025, 4, 7));
        assertThat(named(RULES.daysOff(2026), LaborCodeHolidays.HUNG_KINGS)).containsExactly(LocalDate.of(2026, 4, 26));
    }

    @Test
    void holidayOnSundayGivesTheMondayOff() {
        // 2026: Hùng Kings' day is Sunday 26 April
        assertThat(RULES.daysOff(2026)).contains(new Holiday(LocalDate.of(2026, 4, 27),
                "Nghỉ bù Giỗ Tổ Hùng Vương", Kind.COMPENSATORY));
    }

    @Test
    void weekendHolidaysInARowGiveTheNextFreeWeekdaysOff() {
        // 2023: Hùng Kings on Saturday 29 April, Reunification Day on Sunday 30 April, Labour Day on Monday
        // (and Tết 2023, Saturday 21 – Wednesday 25 January, has its weekend made up on Thursday 26 and Friday 27)
        assertThat(compensatory(RULES.daysOff(2023))).containsExactly(
                LocalDate.of(2023, 1, 2), LocalDate.of(2023, 1, 26), LocalDate.of(2023, 1, 27),
                LocalDate.of(2023, 5, 2), LocalDate.of(2023, 5, 3), LocalDate.of(2023, 9, 4));
        // 2026 has exactly one weekend holiday; 2025 only Tết's Saturday 1 February, made up on Monday 3
        assertThat(compensatory(RULES.daysOff(2026))).containsExactly(LocalDate.of(2026, 4, 27));
        assertThat(compensatory(RULES.daysOff(2025))).containsExactly(LocalDate.of(2025, 2, 3));
    }

    /** Labor Code 2019 Art. 111(3): a holiday on the weekly day off is made up, Tết's as any other. */
    @Test
    void tetWeekendDaysGiveCompensatoryDaysByDefault() {
        // Tết 2024 covers Saturday 10 and Sunday 11 February; the block ends on Tuesday 13
        assertThat(compensatory(RULES.daysOff(2024))).contains(LocalDate.of(2024, 2, 14), LocalDate.of(2024, 2, 15));
        assertThat(compensatory(RULES.withTetCompensated(false).daysOff(2024)))
                .doesNotContain(LocalDate.of(2024, 2, 14), LocalDate.of(2024, 2, 15));
    }

    @Test
    void configurationWithoutHolidaySettingsCompensatesTetAsTheCodeDoes() {
        MotcuaProperties properties = new Binder(new MapConfigurationPropertySource(Map.of("motcua.zone",
                "Asia/Ho_Chi_Minh"))).bindOrCreate("motcua", MotcuaProperties.class);
        assertThat(properties.calendar().holidays().compensateTet()).isTrue();
        assertThat(properties.calendar().holidays().toRules()).isEqualTo(RULES);
        assertThat(RULES.compensateTet()).isTrue();
    }

    @Test
    void nationalDayAdjacentDayIsTheDayBeforeByDefaultAndTheDayAfterOnRequest() {
        assertThat(named(RULES.daysOff(2026), LaborCodeHolidays.NATIONAL_DAY))
                .containsExactly(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 2));
        assertThat(named(RULES.withNationalDayExtra(NationalDayExtra.DAY_AFTER).daysOff(2026), LaborCodeHolidays.NATIONAL_DAY))
                .containsExactly(LocalDate.of(2026, 9, 2), LocalDate.of(2026, 9, 3));
    }

    @Test
    void computedDaysOffOf2026AreTheListTheConfigurationCarriedByHand() {
        assertThat(RULES.daysOff(2026)).extracting(Holiday::date).containsExactly(
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17), LocalDate.of(2026, 2, 18),
                LocalDate.of(2026, 2, 19), LocalDate.of(2026, 2, 20),
                LocalDate.of(2026, 4, 26), LocalDate.of(2026, 4, 27),
                LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 2));
    }

    private static List<LocalDate> days(List<Holiday> holidays) {
        return holidays.stream().map(Holiday::date).toList();
    }

    private static List<LocalDate> tet(LaborCodeHolidays rules, int year) {
        return named(rules.daysOff(year), LaborCodeHolidays.TET);
    }

    private static List<LocalDate> named(List<Holiday> holidays, String name) {
        return holidays.stream().filter(h -> h.kind() == Kind.PUBLIC_HOLIDAY && h.name().equals(name))
                .map(Holiday::date).toList();
    }

    private static List<LocalDate> compensatory(List<Holiday> holidays) {
        return holidays.stream().filter(h -> h.kind() == Kind.COMPENSATORY).map(Holiday::date).toList();
    }
}
