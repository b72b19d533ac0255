package vn.motcua.eoffice.forms;

/**
 * The applicant (chủ hồ sơ) as printed on the forms; any field but the name may be unknown (null). {@code taxCode}
 * (mã số thuế) is an organisation's, printed only when given.
 */
public record FormApplicant(String fullName, String address, String phone, String email, String idNumber,
                            String taxCode) {

    public FormApplicant {
        Forms.require(fullName, "fullName");
    }

    public FormApplicant(String fullName, String address, String phone, String email, String idNumber) {
        this(fullName, address, phone, email, idNumber, null);
    }
}
