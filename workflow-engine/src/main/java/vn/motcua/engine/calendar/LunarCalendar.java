package vn.motcua.engine.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The Vietnamese lunisolar calendar (âm lịch), computed with Hồ Ngọc Đức's astronomical algorithm:
 * a month begins on the day (in local civil time) of the new moon; the 11th month is the one that
 * contains the winter solstice; a lunar year with 13 months between two 11th months repeats as its
 * leap month the first month that contains no major solar term (trung khí).
 *
 * <p>The local time is what makes it Vietnamese: the official calendar is computed at UTC+7, while
 * the Chinese calendar uses UTC+8, and a new moon or solar term close to midnight puts some months —
 * and so some New Years — on different days (Tết 1985: 21 Jan in Viet Nam, 20 Feb in China; Tết 2007:
 * 17 Feb against 18 Feb). Only {@link #VIETNAM} is public; other offsets exist for tests.
 *
 * <p>Valid for solar years {@value #MIN_YEAR}–{@value #MAX_YEAR}, the range the algorithm's
 * approximations of the sun and moon were published for.
 */
public final class LunarCalendar {

    public static final int MIN_YEAR = 1800;
    public static final int MAX_YEAR = 2199;

    /** The official Vietnamese calendar, computed at UTC+7. */
    public static final LunarCalendar VIETNAM = new LunarCalendar(7);

    /** Julian day number of 1970-01-01, so that {@code jdn = epochDay + JDN_EPOCH}. */
    private static final long JDN_EPOCH = 2440588;
    /** Mean synodic month in days. */
    private static final double SYNODIC_MONTH = 29.530588853;
    /** Julian date of the new moon numbered 0 (1 Jan 1900, 13:52 UTC). */
    private static final double NEW_MOON_0 = 2415021.076998695;
    private static final double DEG = Math.PI / 180;

    private final double utcOffsetHours;

    private LunarCalendar(double utcOffsetHours) {
        this.utcOffsetHours = utcOffsetHours;
    }

    /** The same algorithm at another offset: {@code atUtcOffset(8)} approximates the Chinese calendar. */
    static LunarCalendar atUtcOffset(double hours) {
        return new LunarCalendar(hours);
    }

    /** The lunar date of a solar (Gregorian) date. */
    public LunarDate toLunar(LocalDate date) {
        checkRange(date.getYear());
        long dayNumber = jdn(date);
        // the last new moon on or before the day; the mean month is a first guess, true new moons wander
        long k = (long) Math.floor((dayNumber - NEW_MOON_0) / SYNODIC_MONTH) + 1;
        long monthStart = newMoonDay(k);
        while (monthStart > dayNumber) {
            k--;
            monthStart = newMoonDay(k);
        }
        int year = date.getYear();
        long a11 = month11(year);
        long b11 = a11;
        int lunarYear;
        if (a11 >= monthStart) {
            lunarYear = year;
            a11 = month11(year - 1);
        } else {
            lunarYear = year + 1;
            b11 = month11(year + 1);
        }
        int day = (int) (dayNumber - monthStart + 1);
        int diff = (int) Math.floor((monthStart - a11) / 29.0);
        boolean leap = false;
        int month = diff + 11;
        if (b11 - a11 > 365) {
            int leapDiff = leapMonthOffset(a11);
            if (diff >= leapDiff) {
                month = diff + 10;
                leap = diff == leapDiff;
            }
        }
        if (month > 12) {
            month -= 12;
        }
        if (month >= 11 && diff < 4) {
            lunarYear -= 1;
        }
        return new LunarDate(lunarYear, month, day, leap);
    }

    /**
     * The solar date of a lunar date.
     *
     * @throws DateTimeException if that lunar year has no such leap month, or the month has only 29 days
     */
    public LocalDate toSolar(LunarDate date) {
        long monthStart = monthStart(date.year(), date.month(), date.leap());
        long length = newMoonDay(newMoonIndex(monthStart) + 1) - monthStart;
        if (date.day() > length) {
            throw new DateTimeException(date + " does not exist: that month has " + length + " days");
        }
        LocalDate solar = fromJdn(monthStart + date.day() - 1);
        checkRange(solar.getYear());
        return solar;
    }

    /** The first day of the lunar year (Tết Nguyên Đán, mùng 1 tháng Giêng) that begins in {@code year}. */
    public LocalDate newYear(int year) {
        return toSolar(LunarDate.of(year, 1, 1));
    }

    /** The number of the month repeated as leap month in lunar year {@code year}, or 0 if it has none. */
    public int leapMonth(int year) {
        checkRange(year);
        // a leap month falls between the 11th month of year-1 and that of year, or after the latter
        for (int y : new int[] {year - 1, year}) {
            long a11 = month11(y);
            long b11 = month11(y + 1);
            if (b11 - a11 > 365) {
                int month = leapMonthOffset(a11) - 2;
                if (month <= 0) {
                    month += 12;
                }
                // months 11 and 12 after a11 belong to lunar year y; the rest to lunar year y + 1
                int owner = month >= 11 ? y : y + 1;
                if (owner == year) {
                    return month;
                }
            }
        }
        return 0;
    }

    private long monthStart(int lunarYear, int lunarMonth, boolean leap) {
        // the months 11 and 12 of lunar year MIN_YEAR - 1 lie in solar year MIN_YEAR
        checkRange(lunarYear == MIN_YEAR - 1 ? MIN_YEAR : lunarYear);
        long a11;
        long b11;
        if (lunarMonth < 11) {
            a11 = month11(lunarYear - 1);
            b11 = month11(lunarYear);
        } else {
            a11 = month11(lunarYear);
            b11 = month11(lunarYear + 1);
        }
        long k = newMoonIndex(a11);
        int offset = lunarMonth - 11;
        if (offset < 0) {
            offset += 12;
        }
        if (b11 - a11 > 365) {
            int leapOffset = leapMonthOffset(a11);
            int leapMonth = leapOffset - 2;
            if (leapMonth <= 0) {
                leapMonth += 12;
            }
            if (leap && lunarMonth != leapMonth) {
                throw new DateTimeException("lunar year " + lunarYear + " has no leap month " + lunarMonth);
            }
            if (leap || offset >= leapOffset) {
                offset += 1;
            }
        } else if (leap) {
            throw new DateTimeException("lunar year " + lunarYear + " has no leap month " + lunarMonth);
        }
        return newMoonDay(k + offset);
    }

    private static long newMoonIndex(long dayNumber) {
        return (long) Math.floor(0.5 + (dayNumber - NEW_MOON_0) / SYNODIC_MONTH);
    }

    /** The day (Julian day number, local time) of the k-th new moon after 1 Jan 1900. */
    private long newMoonDay(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
                + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
        double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * DEG) + 0.0021 * Math.sin(2 * DEG * m)
                - 0.4068 * Math.sin(mpr * DEG) + 0.0161 * Math.sin(DEG * 2 * mpr)
                - 0.0004 * Math.sin(DEG * 3 * mpr)
                + 0.0104 * Math.sin(DEG * 2 * f) - 0.0051 * Math.sin(DEG * (m + mpr))
                - 0.0074 * Math.sin(DEG * (m - mpr)) + 0.0004 * Math.sin(DEG * (2 * f + m))
                - 0.0004 * Math.sin(DEG * (2 * f - m)) - 0.0006 * Math.sin(DEG * (2 * f + mpr))
                + 0.0010 * Math.sin(DEG * (2 * f - mpr)) + 0.0005 * Math.sin(DEG * (2 * mpr + m));
        double deltaT = t < -11
                ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
                : -0.000278 + 0.000265 * t + 0.000262 * t2;
        double jdNew = jd1 + c1 - deltaT;
        return (long) Math.floor(jdNew + 0.5 + utcOffsetHours / 24);
    }

    /** The sun's longitude at the start of local day {@code dayNumber}, as the index 0–11 of its 30° sector. */
    private int sunLongitudeSector(long dayNumber) {
        double t = (dayNumber - 2451545.5 - utcOffsetHours / 24) / 36525;
        double t2 = t * t;
        double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(DEG * m)
                + (0.019993 - 0.000101 * t) * Math.sin(DEG * 2 * m) + 0.000290 * Math.sin(DEG * 3 * m);
        double l = (l0 + dl) * DEG;
        l = l - 2 * Math.PI * Math.floor(l / (2 * Math.PI));
        return (int) Math.floor(l / Math.PI * 6);
    }

    /** The first day of the 11th lunar month, the one containing the winter solstice of solar year {@code year}. */
    private long month11(int year) {
        long offset = jdn(LocalDate.of(year, 12, 31)) - 2415021;
        long k = (long) Math.floor(offset / SYNODIC_MONTH);
        long newMoon = newMoonDay(k);
        if (sunLongitudeSector(newMoon) >= 9) {
            newMoon = newMoonDay(k - 1);
        }
        return newMoon;
    }

    /**
     * In a 13-month year starting at the 11th month {@code a11}, the index (1 = the month after a11) of the
     * first month without a major solar term: the leap month.
     */
    private int leapMonthOffset(long a11) {
        long k = newMoonIndex(a11);
        int i = 1;
        int arc = sunLongitudeSector(newMoonDay(k + i));
        int last;
        do {
            last = arc;
            i++;
            arc = sunLongitudeSector(newMoonDay(k + i));
        } while (arc != last && i < 14);
        return i - 1;
    }

    private static long jdn(LocalDate date) {
        return date.toEpochDay() + JDN_EPOCH;
    }

    private static LocalDate fromJdn(long jdn) {
        return LocalDate.ofEpochDay(jdn - JDN_EPOCH);
    }

    private static void checkRange(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new DateTimeException("the lunar calendar is computed for years " + MIN_YEAR + "–" + MAX_YEAR
                    + ", not " + year);
        }
    }
}
