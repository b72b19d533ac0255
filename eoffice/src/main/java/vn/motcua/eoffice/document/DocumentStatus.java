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
    ASSIGNED("Đã phân công xử lý"),
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

    /**
     * The status a document is in right after {@code event}, or {@code current} for the events that do not change
     * it (a revised draft, a confirmed delivery, an issued reply): the one status fold of official documents, used
     * by the aggregate, its read model and (through the published CloudEvents) search.
     */
    public static DocumentStatus after(DocumentStatus current, DocumentEvent event) {
        return switch (event) {
            case DocumentEvent.DocumentDrafted e -> DRAFT;
            case DocumentEvent.DraftRevised e -> current;
            case DocumentEvent.SubmittedForReview e -> IN_REVIEW;
            case DocumentEvent.ReviewApproved e -> AWAITING_SIGNATURE;
            case DocumentEvent.DraftReturned e -> RETURNED;
            case DocumentEvent.DocumentSigned e -> SIGNED;
            case DocumentEvent.NumberAssigned e -> NUMBERED;
            case DocumentEvent.AgencySealed e -> SEALED;
            case DocumentEvent.DocumentIssued e -> ISSUED;
            case DocumentEvent.DeliveryConfirmed e -> current;
            case DocumentEvent.DocumentRecalled e -> RECALLED;
            case DocumentEvent.DocumentReceived e -> RECEIVED;
            case DocumentEvent.DocumentSentBack e -> SENT_BACK;
            case DocumentEvent.ArrivalRegistered e -> REGISTERED;
            case DocumentEvent.PresentedToLeader e -> PRESENTED;
            case DocumentEvent.InstructionsGiven e -> INSTRUCTED;
            case DocumentEvent.HandlerAssigned e -> ASSIGNED;
            case DocumentEvent.ProcessingRecorded e -> IN_PROCESS;
            case DocumentEvent.ReplyLinked e -> IN_PROCESS;
            case DocumentEvent.ReplyIssued e -> current;
            case DocumentEvent.DocumentClosed e -> CLOSED;
            case DocumentEvent.DocumentArchived e -> ARCHIVED;
        };
    }

    /** Recalled, sent back and archived documents are frozen: nothing more happens to them. */
    public boolean isFrozen() {
        return this == RECALLED || this == SENT_BACK || this == ARCHIVED;
    }
}
