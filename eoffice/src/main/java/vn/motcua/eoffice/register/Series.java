package vn.motcua.eoffice.register;

/**
 * The numbering series within a register: documents with a secrecy level are numbered in their own
 * series (Decree 30/2020/ND-CP Art. 15(1)), independent of the ordinary one.
 */
public enum Series {
    ORDINARY("Văn bản thường", ""),
    /** Our choice: a secret document's symbol ends in {@code /M}, so number + symbol stays unique per year. */
    SECRET("Văn bản mật", "/M");

    private final String labelVi;
    private final String symbolSuffix;

    Series(String labelVi, String symbolSuffix) {
        this.labelVi = labelVi;
        this.symbolSuffix = symbolSuffix;
    }

    public String labelVi() {
        return labelVi;
    }

    String symbolSuffix() {
        return symbolSuffix;
    }
}
