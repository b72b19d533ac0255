package vn.motcua.engine.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * The Vietnamese lunar calendar at UTC+7 (Hồ Ngọc Đức's algorithm), checked against dates every
 * Vietnamese calendar prints and against the years where it differs from the Chinese one (UTC+8).
 */
class LunarCalendarTest {

    private static final LunarCalendar VIETNAM = LunarCalendar.VIETNAM;
    private static final LunarCalendar CHINA = LunarCalendar.atUtcOffset(8);

    @Test
    void tetFallsOnTheDatesOfTheVietnameseCalendar() {
        assertThat(VIETNAM.newYear(2020)).isEqualTo(LocalDate.of(2020, 1, 25));
        assertThat(VIETNAM.newYear(2021)).isEqualTo(LocalDate.of(2021, 2, 12));
        assertThat(VIETNAM.newYear(2022)).isEqualTo(LocalDate.of(2022, 2, 1));
        assertThat(VIETNAM.newYear(2023)).isEqualTo(LocalDate.of(2023, 1, 22));
        assertThat(VIETNAM.newYear(2024)).isEqualTo(LocalDate.of(2024, 2, 10));
        assertThat(VIETNAM.newYear(2025)).isEqualTo(LocalDate.of(2025, 1, 29));
        assertThat(VIETNAM.newYear(2026)).isEqualTo(LocalDate.of(2026, 2, 17));
        assertThat(VIETNAM.newYear(2027)).isEqualTo(LocalDate.of(2027, 2, 6));
        assertThat(VIETNAM.toLunar(LocalDate.of(2026, 2, 17))).isEqualTo(LunarDate.of(2026, 1, 1));
    }

    @Test
    void hungKingsDayIsTheTenthDayOfTheThirdLunarMonth() {
        assertThat(VIETNAM.toSolar(LunarDate.of(2024, 3, 10))).isEqualTo(LocalDate.of(2024, 4, 18));
        assertThat(VIETNAM.toSolar(LunarDate.of(2025, 3, 10))).isEqualTo(LocalDate.of(2025, 4, 7));
        assertThat(VIETNAM.toSolar(LunarDate.of(2026, 3, 10))).isEqualTo(LocalDate.of(2026, 4, 26));
        // 2023 had a leap 2nd month: without it the 3rd month would start a month early (31 Mar)
        assertThat(VIETNAM.toSolar(LunarDate.of(2023, 3, 10))).isEqualTo(LocalDate.of(2023, 4, 29));
    }

    @Test
    void vietnameseCalendarAtUtc7DiffersFromTheChineseAtUtc8() {
        // 1984–85: China intercalated a month in late 1984, Viet Nam only in 1985, a month apart at Tết
        assertThat(VIETNAM.newYear(1985)).isEqualTo(LocalDate.of(1985, 1, 21));
        assertThat(CHINA.newYear(1985)).isEqualTo(LocalDate.of(1985, 2, 20));
        // 2007: the new moon fell just before midnight in Hà Nội, just after it in Beijing
        assertThat(VIETNAM.newYear(2007)).isEqualTo(LocalDate.of(2007, 2, 17));
        assertThat(CHINA.newYear(2007)).isEqualTo(LocalDate.of(2007, 2, 18));
        // Tết Mậu Thân 1968, the first under UTC+7 in the North: a day before the South and China
        assertThat(VIETNAM.newYear(1968)).isEqualTo(LocalDate.of(1968, 1, 29));
        assertThat(CHINA.newYear(1968)).isEqualTo(LocalDate.of(1968, 1, 30));
        // and the years where they agree stay equal
        assertThat(CHINA.newYear(2026)).isEqualTo(VIETNAM.newYear(2026));
    }

    @Test
    void leapMonthRepeatsTheMonthBeforeIt() {
        assertThat(VIETNAM.leapMonth(2020)).isEqualTo(4);
        assertThat(VIETNAM.leapMonth(2023)).isEqualTo(2);
        assertThat(VIETNAM.leapMonth(2025)).isEqualTo(6);
        assertThat(VIETNAM.leapMonth(2024)).isZero();
        assertThat(VIETNAM.leapMonth(2026)).isZero();
        assertThat(VIETNAM.leapMonth(1985)).as("the Vietnamese leap month of 1984–85").isEqualTo(2);
        // 2025: the 6th month, then the leap 6th, then the 7th; Mid-Autumn (15/8) fell on 6 Oct
        LocalDate leapSixth = VIETNAM.toSolar(new LunarDate(2025, 6, 1, true));
        assertThat(VIETNAM.toSolar(LunarDate.of(2025, 6, 1))).isBefore(leapSixth);
        assertThat(VIETNAM.toSolar(LunarDate.of(2025, 7, 1))).isAfter(leapSixth);
        assertThat(VIETNAM.toLunar(leapSixth.plusDays(9))).isEqualTo(new LunarDate(2025, 6, 10, true));
        assertThat(VIETNAM.toSolar(LunarDate.of(2025, 8, 15))).isEqualTo(LocalDate.of(2025, 10, 6));
    }

    @Test
    void lunarDatesThatDoNotExistAreRejected() {
        assertThatThrownBy(() -> VIETNAM.toSolar(new LunarDate(2024, 4, 1, true)))
                .isInstanceOf(DateTimeException.class).hasMessageContaining("no leap month");
        assertThatThrownBy(() -> VIETNAM.toSolar(new LunarDate(2025, 5, 1, true)))
                .as("2025 has a leap 6th month, not a leap 5th").isInstanceOf(DateTimeException.class);
        // the last month of Giáp Thìn had 29 days: there was no "30 Tết" before Tết 2025
        assertThat(VIETNAM.toSolar(LunarDate.of(2024, 12, 29))).isEqualTo(LocalDate.of(2025, 1, 28));
        assertThatThrownBy(() -> VIETNAM.toSolar(LunarDate.of(2024, 12, 30)))
                .isInstanceOf(DateTimeException.class).hasMessageContaining("29 days");
        assertThatThrownBy(() -> VIETNAM.toLunar(LocalDate.of(2200, 1, 1)))
                .isInstanceOf(DateTimeException.class).hasMessageContaining("1800–2199");
    }

    /**
     * Day by day from 1900 to 2100: converting back gives the same day, each day follows the one before in
     * the lunar calendar, months have 29 or 30 days, a year has 12 months or 13 with one leap month that
     * repeats the month before it, and the lunar year changes exactly at the 1st day of the 1st month.
     */
    @Test
    void everyDayFrom1900To2100ConvertsBackAndFollowsTheDayBefore() {
        LocalDate day = LocalDate.of(1900, 1, 1);
        LunarDate previous = VIETNAM.toLunar(day.minusDays(1));
        int monthsInYear = 0;
        int leapMonthsInYear = 0;
        while (day.getYear() <= 2100) {
            LunarDate lunar = VIETNAM.toLunar(day);
            assertThat(VIETNAM.toSolar(lunar)).as("round trip of " + day + " = " + lunar).isEqualTo(day);
            if (lunar.day() == 1) {
                assertThat(previous.day()).as("length of the month before " + day).isBetween(29, 30);
                if (lunar.leap()) {
                    assertThat(lunar.month()).as("leap month at " + day).isEqualTo(previous.month());
                    leapMonthsInYear++;
                } else {
                    assertThat(lunar.month()).as("month at " + day).isEqualTo(previous.month() % 12 + 1);
                }
                if (lunar.month() == 1 && !lunar.leap()) {
                    assertThat(lunar.year()).as("new year at " + day).isEqualTo(previous.year() + 1);
                    if (day.getYear() > 1900) {
                        assertThat(monthsInYear).as("months of lunar year " + previous.year())
                                .isEqualTo(12 + leapMonthsInYear);
                        assertThat(leapMonthsInYear).as("leap months of " + previous.year()).isLessThanOrEqualTo(1);
                    }
                    monthsInYear = 0;
                    leapMonthsInYear = 0;
                } else {
                    assertThat(lunar.year()).as("year at " + day).isEqualTo(previous.year());
                }
                monthsInYear++;
            } else {
                assertThat(lunar).as("day after " + previous)
                        .isEqualTo(new LunarDate(previous.year(), previous.month(), previous.day() + 1, previous.leap()));
            }
            previous = lunar;
            day = day.plusDays(1);
        }
    }
}
