package vn.motcua.eoffice.document;

/** Where an official document stands; the labels are those shown to officials. */
public enum DocumentStatus {
    // outgoing
    DRAFT("Dự thảo"),
    IN_REVIEW("Chờ lãnh đạo đơn vị duyệt"),
    RETURNED("Trả lại để chỉnh sửa"),
    AWAITING_SIGNATURE("Chờ lãnh đạo phê duyệt, ký"),
    SIGNED("Đã ký, chờ cấp số"),
    NUMBERED("Đã cấp số, chờ đóng dấu"),
    SEALED("Đã ký số cơ quan, chờ phát hành"),
    ISSUED("Đã phát hành"),
    // incoming
    RECEIVED("Đã tiếp nhận, chờ vào sổ"),
    SENT_BACK("Đã trả lại nơi gửi"),
    REGISTERED("Đã vào sổ văn bản đến"),
    PRESENTED("Đã trình lãnh đạo"),
    INSTRUCTED("Đã có ý kiến chỉ đạo"),
    IN_PROCESS("Đang xử lý"),
    CLOSED("Đã hoàn thành xử lý"),
    // both
    RECALLED("Đã thu hồi"),
    ARCHIVED("Đã lưu trữ");

    private final String labelVi;

    DocumentStatus(String labelVi) {
        this.labelVi = labelVi;
    }

    public String labelVi() {
        return labelVi;
    }

    /** Recalled, sent back and archived documents are frozen: nothing more happens to them. */
    public boolean isFrozen() {
        return this == RECALLED || this == SENT_BACK || this == ARCHIVED;
    }
}
