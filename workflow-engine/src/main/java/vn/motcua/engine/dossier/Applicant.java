package vn.motcua.engine.dossier;

/** The applicant (chủ hồ sơ) as written on the receipt, Mẫu 01 of Circular 01/2018/TT-VPCP. */
public record Applicant(String fullName, String idNumber, String phone, String email, String address) {
}
