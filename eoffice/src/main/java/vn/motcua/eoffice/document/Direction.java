package vn.motcua.eoffice.document;

/** Văn bản đi / văn bản đến. */
public enum Direction {
    OUTGOING("Văn bản đi"),
    INCOMING("Văn bản đến");

    private final String labelVi;

    Direction(String labelVi) {
        this.labelVi = labelVi;
    }

    public String labelVi() {
        return labelVi;
    }
}
