package vn.motcua.engine.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Public holidays of Labor Code 2019 (Law 45/2019/QH14) Art. 112(1), for any year:
 * <ul>
 * <li>Tết Dương lịch, 1 January;</li>
 * <li>Tết Âm lịch, 5 days: by default the last day of the lunar year and the 1st–4th days of the
 * 1st lunar month ({@code tetFirst = -1}, {@code tetLast = 3}, counted from mùng 1). The law lets
 * the Government place the block each year; its announcement (often shifted and widened by day swaps)
 * is entered as overrides, and the span here only sets the default;</li>
 * <li>Giỗ Tổ Hùng Vương, 10th day of the 3rd lunar month;</li>
 * <li>Ngày Chiến thắng, 30 April, and Ngày Quốc tế Lao động, 1 May;</li>
 * <li>Quốc khánh, 2 September plus one adjacent day, 1 or 3 September as the Prime Minister decides (Art. 112(3))
 * ({@link NationalDayExtra#DAY_BEFORE} has been the choice since 2025, and is the default).</li>
 * </ul>
 * Lunar dates use the Vietnamese calendar at UTC+7 ({@link LunarCalendar#VIETNAM}).
 *
 * <p>Compensatory days (Labor Code 2019 Art. 111(3): a public holiday of Art. 112(1) that falls on the
 * weekly day off is made up on the next working day): a holiday on a Saturday or Sunday — the weekly days
 * off of state agencies — gives the next day that is neither a weekend nor another holiday nor an earlier
 * compensatory day. The rule makes no exception for Tết, so by default ({@code compensateTet = true}) each
 * Tết day on a weekend gives a compensatory day after the block. Art. 112(3) lets the Prime Minister place
 * the Tết days each year; where the announcement moves the block or swaps days, the announced days are
 * entered as overrides (some are seeded, {@code db/migration/V70__announced_calendar_2025.sql}).
 * {@code compensateTet = false} leaves Tết weekends without compensatory days, for an installation that
 * enters every Tết announcement by hand.
 */
public record LaborCodeHolidays(int tetFirst, int tetLast, NationalDayExtra nationalDayExtra,
                                boolean compensateTet) implements HolidayRules {

    /** The rules as in force since 2025: Tết weekend days made up like any holiday's (Art. 111(3)). */
    public static final LaborCodeHolidays DEFAULT =
            new LaborCodeHolidays(-1, 3, NationalDayExtra.DAY_BEFORE, true);

    /** Which day beside 2 September is the second day of National Day. */
    public enum NationalDayExtra {
        DAY_BEFORE, DAY_AFTER
    }

    static final String NEW_YEAR = "Tết Dương lịch";
    static final String TET = "Tết Âm lịch";
    static final String HUNG_KINGS = "Giỗ Tổ Hùng Vương";
    static final String REUNIFICATION = "Ngày Chiến thắng";
    static final String LABOUR_DAY = "Ngày Quốc tế Lao động";
    static final String NATIONAL_DAY = "Quốc khánh";
    static final String COMPENSATORY_PREFIX = "Nghỉ bù ";

    public LaborCodeHolidays {
        Objects.requireNonNull(nationalDayExtra, "nationalDayExtra");
        if (tetFirst > 0 || tetLast < 0 || tetLast - tetFirst > 14) {
            throw new IllegalArgumentException("the Tết block must contain the 1st day of the 1st lunar month and"
                    + " last at most 15 days: " + tetFirst + ".." + tetLast);
        }
    }

    /** The Tết block from {@code first} to {@code last} days after mùng 1 (the last day of the year is -1). */
    public LaborCodeHolidays withTetSpan(int first, int last) {
        return new LaborCodeHolidays(first, last, nationalDayExtra, compensateTet);
    }

    public LaborCodeHolidays withNationalDayExtra(NationalDayExtra extra) {
        return new LaborCodeHolidays(tetFirst, tetLast, extra, compensateTet);
    }

    public LaborCodeHolidays withTetCompensated(boolean compensate) {
        return new LaborCodeHolidays(tetFirst, tetLast, nationalDayExtra, compensate);
    }

    @Override
    public List<Holiday> daysOff(int year) {
        List<Holiday> holidays = new ArrayList<>();
        Set<LocalDate> tet = new HashSet<>();
        holidays.add(holiday(LocalDate.of(year, Month.JANUARY, 1), NEW_YEAR));
        LocalDate newYear = LunarCalendar.VIETNAM.newYear(year);
        for (int offset = tetFirst; offset <= tetLast; offset++) {
            LocalDate day = newYear.plusDays(offset);
            tet.add(day);
            holidays.add(holiday(day, TET));
        }
        holidays.add(holiday(LunarCalendar.VIETNAM.toSolar(LunarDate.of(year, 3, 10)), HUNG_KINGS));
        holidays.add(holiday(LocalDate.of(year, Month.APRIL, 30), REUNIFICATION));
        holidays.add(holiday(LocalDate.of(year, Month.MAY, 1), LABOUR_DAY));
        LocalDate nationalDay = LocalDate.of(year, Month.SEPTEMBER, 2);
        holidays.add(holiday(nationalDayExtra == NationalDayExtra.DAY_BEFORE ? nationalDay.minusDays(1)
                : nationalDay.plusDays(1), NATIONAL_DAY));
        holidays.add(holiday(nationalDay, NATIONAL_DAY));
        holidays.sort(Comparator.comparing(Holiday::date));

        Set<LocalDate> taken = new HashSet<>();
        holidays.forEach(h -> taken.add(h.date()));
        List<Holiday> compensatory = new ArrayList<>();
        for (Holiday holiday : holidays) {
            if (isWeekend(holiday.date()) && (compensateTet || !tet.contains(holiday.date()))) {
                LocalDate day = holiday.date().plusDays(1);
                while (isWeekend(day) || taken.contains(day)) {
                    day = day.plusDays(1);
                }
                taken.add(day);
                compensatory.add(new Holiday(day, COMPENSATORY_PREFIX + holiday.name(), Holiday.Kind.COMPENSATORY));
            }
        }
        holidays.addAll(compensatory);
        holidays.sort(Comparator.comparing(Holiday::date));
        return List.copyOf(holidays);
    }

    private static Holiday holiday(LocalDate date, String name) {
        return new Holiday(date, name, Holiday.Kind.PUBLIC_HOLIDAY);
    }

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
