package vn.motcua.engine.calendar;

/**
 * A date of the Vietnamese lunisolar calendar (âm lịch): lunar year (the Gregorian year in which its
 * first month begins), month 1–12, day 1–30, and whether the month is the leap month (tháng nhuận)
 * that repeats the month number before it.
 */
public record LunarDate(int year, int month, int day, boolean leap) {

    public LunarDate {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("lunar month must be 1–12: " + month);
        }
        if (day < 1 || day > 30) {
            throw new IllegalArgumentException("lunar day must be 1–30: " + day);
        }
    }

    /** A date in an ordinary (non-leap) month. */
    public static LunarDate of(int year, int month, int day) {
        return new LunarDate(year, month, day, false);
    }

    @Override
    public String toString() {
        return "%d/%d%s/%d (âm lịch)".formatted(day, month, leap ? " nhuận" : "", year);
    }
}
