package vn.motcua.eoffice.document;

/** Mức độ khẩn (Decree 30/2020/ND-CP Art. 13 and Appendix VI). */
public enum Urgency {
    NORMAL("Thường"),
    URGENT("Khẩn"),
    VERY_URGENT("Thượng khẩn"),
    EXPRESS("Hỏa tốc");

    private final String labelVi;

    Urgency(String labelVi) {
        this.labelVi = labelVi;
    }

    public String labelVi() {
        return labelVi;
    }
}
