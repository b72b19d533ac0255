package vn.motcua.eoffice.register;

/**
 * Types of administrative documents and their abbreviations in the symbol (Decree 30/2020/ND-CP
 * Art. 7 and Appendix III). A letter (công văn) has no type part in its symbol.
 */
public enum DocumentType {
    RESOLUTION("Nghị quyết", "NQ"),
    DECISION("Quyết định", "QĐ"),
    DIRECTIVE("Chỉ thị", "CT"),
    REGULATION("Quy chế", "QC"),
    RULES("Quy định", "QyĐ"),
    NOTICE("Thông cáo", "TC"),
    ANNOUNCEMENT("Thông báo", "TB"),
    GUIDANCE("Hướng dẫn", "HD"),
    PROGRAMME("Chương trình", "CTr"),
    PLAN("Kế hoạch", "KH"),
    SCHEME("Phương án", "PA"),
    PROJECT("Đề án", "ĐA"),
    REPORT("Báo cáo", "BC"),
    MINUTES("Biên bản", "BB"),
    SUBMISSION("Tờ trình", "TTr"),
    CONTRACT("Hợp đồng", "HĐ"),
    OFFICIAL_TELEGRAM("Công điện", "CĐ"),
    MEMORANDUM("Bản ghi nhớ", "BGN"),
    AGREEMENT("Bản thỏa thuận", "BTT"),
    POWER_OF_ATTORNEY("Giấy ủy quyền", "GUQ"),
    INVITATION("Giấy mời", "GM"),
    INTRODUCTION("Giấy giới thiệu", "GGT"),
    LEAVE_PERMIT("Giấy nghỉ phép", "GNP"),
    DISPATCH_NOTE("Phiếu gửi", "PG"),
    TRANSFER_NOTE("Phiếu chuyển", "PC"),
    INFORMATION_NOTE("Phiếu báo", "PB"),
    /** Công văn: the symbol is {@code <number>/<issuer>[-<drafting unit>]}, e.g. {@code 05/SYT-VP}. */
    LETTER("Công văn", "CV");

    private final String nameVi;
    private final String abbreviation;

    DocumentType(String nameVi, String abbreviation) {
        this.nameVi = nameVi;
        this.abbreviation = abbreviation;
    }

    public String nameVi() {
        return nameVi;
    }

    public String abbreviation() {
        return abbreviation;
    }

    /** False for letters: their symbol carries only the issuer (and drafting unit) abbreviation. */
    public boolean abbreviatedInSymbol() {
        return this != LETTER;
    }
}
