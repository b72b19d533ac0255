package vn.motcua.engine.dossier;

/**
 * Who the applicant is (loại đối tượng), with the code the national public-service portal synchronises:
 * 1 citizen, 2 enterprise, 3 state agency, 4 other.
 */
public enum ApplicantType {
    CITIZEN(1, "Công dân"),
    ENTERPRISE(2, "Doanh nghiệp"),
    STATE_AGENCY(3, "Cơ quan nhà nước"),
    OTHER(4, "Tổ chức, đối tượng khác");

    private final int portalCode;
    private final String labelVi;

    ApplicantType(int portalCode, String labelVi) {
        this.portalCode = portalCode;
        this.labelVi = labelVi;
    }

    public int portalCode() {
        return portalCode;
    }

    public String labelVi() {
        return labelVi;
    }

    /** The type of a national-portal code 1–4. */
    public static ApplicantType ofPortalCode(int code) {
        for (ApplicantType type : values()) {
            if (type.portalCode == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("no applicant type " + code + ": 1 citizen, 2 enterprise, 3 state agency, 4 other");
    }
}
