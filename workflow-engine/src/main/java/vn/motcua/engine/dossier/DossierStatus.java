package vn.motcua.engine.dossier;

/**
 * Where a dossier stands, with the national-portal status code it maps to
 * (Circular 22/2019/TT-BTTTT: 1 new … 10 result returned).
 */
public enum DossierStatus {
    SUBMITTED(1, "Mới đăng ký"),
    SUPPLEMENT_REQUESTED(5, "Yêu cầu bổ sung hồ sơ"),
    REFUSED(3, "Từ chối tiếp nhận"),
    ACCEPTED(2, "Đã tiếp nhận"),
    IN_APPRAISAL(4, "Đang thẩm định"),
    APPRAISED(4, "Đã thẩm định, chờ phê duyệt"),
    APPROVED(9, "Đã phê duyệt, chờ trả kết quả"),
    REJECTED(9, "Không phê duyệt, chờ trả kết quả"),
    RESULT_RETURNED(10, "Đã trả kết quả"),
    WITHDRAWN(7, "Đã rút hồ sơ");

    private final int portalCode;
    private final String labelVi;

    DossierStatus(int portalCode, String labelVi) {
        this.portalCode = portalCode;
        this.labelVi = labelVi;
    }

    public int portalCode() {
        return portalCode;
    }

    public String labelVi() {
        return labelVi;
    }

    /** The status a dossier is in right after {@code event}. */
    public static DossierStatus after(DossierEvent event) {
        return switch (event) {
            case DossierEvent.DossierSubmitted e -> SUBMITTED;
            case DossierEvent.DossierAccepted e -> ACCEPTED;
            case DossierEvent.SupplementRequested e -> SUPPLEMENT_REQUESTED;
            case DossierEvent.SupplementProvided e -> SUBMITTED;
            case DossierEvent.DossierRefused e -> REFUSED;
            case DossierEvent.HandlerAssigned e -> IN_APPRAISAL;
            case DossierEvent.AppraisalRecorded e -> APPRAISED;
            case DossierEvent.DossierApproved e -> APPROVED;
            case DossierEvent.DossierRejected e -> REJECTED;
            case DossierEvent.ResultReturned e -> RESULT_RETURNED;
            case DossierEvent.DossierWithdrawn e -> WITHDRAWN;
        };
    }

    public boolean isClosed() {
        return this == REFUSED || this == RESULT_RETURNED || this == WITHDRAWN;
    }
}
