package vn.motcua.eoffice.forms;

/** The applicant (chủ hồ sơ) as printed on the forms; any field but the name may be unknown (null). */
public record FormApplicant(String fullName, String address, String phone, String email, String idNumber) {

    public FormApplicant {
        Forms.require(fullName, "fullName");
    }
}
