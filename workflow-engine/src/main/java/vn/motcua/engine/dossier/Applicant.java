package vn.motcua.engine.dossier;

import java.util.regex.Pattern;

/**
 * The applicant (chủ hồ sơ) as written on the receipt, Mẫu 01 of Circular 01/2018/TT-VPCP, and as the national
 * portal synchronises it: a citizen, an enterprise, a state agency or another organisation ({@code type}), and for
 * an organisation its tax code (mã số thuế: 10 digits, or 10 digits, a dash and 3 digits for a dependent unit —
 * Circular 105/2020/TT-BTC on tax registration).
 *
 * <p>{@code type} and {@code taxCode} came later than the other fields: a dossier stored before them reads them as
 * null, and {@link #kind()} takes a missing type for a citizen, which every earlier applicant was.
 */
public record Applicant(String fullName, String idNumber, String phone, String email, String address,
                        ApplicantType type, String taxCode) {

    /** Mã số thuế: 10 digits, or 10-3 digits for a branch or other dependent unit. */
    public static final Pattern TAX_CODE = Pattern.compile("\\d{10}(-\\d{3})?");

    /** A citizen applying in their own name, as every applicant was before the type was asked for. */
    public Applicant(String fullName, String idNumber, String phone, String email, String address) {
        this(fullName, idNumber, phone, email, address, null, null);
    }

    /** The applicant's type; a citizen when none was given. */
    public ApplicantType kind() {
        return type == null ? ApplicantType.CITIZEN : type;
    }
}
