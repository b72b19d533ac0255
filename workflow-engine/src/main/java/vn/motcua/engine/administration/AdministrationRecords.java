package vn.motcua.engine.administration;

/** The ids of the administration records: one per calendar year, one per procedure, the units, the users. */
public final class AdministrationRecords {

    public static final String UNITS = "units";
    public static final String USERS = "users";

    private AdministrationRecords() {
    }

    /** {@code calendar-2026}: the overrides of one solar year. */
    public static String calendar(int year) {
        return "calendar-" + year;
    }

    /** {@code procedure-1.002600}: the versions of one procedure of the catalogue. */
    public static String procedure(String code) {
        return "procedure-" + code;
    }
}
