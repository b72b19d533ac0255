package vn.motcua.process;

/**
 * How a legal time limit is counted. Decree 61/2018/ND-CP counts in working days unless the
 * procedure says calendar days, and the two give different due dates across weekends and
 * holidays, so the catalogue must say which one applies.
 */
public enum DayCount {
    WORKING_DAYS,
    CALENDAR_DAYS
}
