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
    PAYMENT_REQUESTED(6, "Chờ nộp phí, lệ phí"),
    IN_APPRAISAL(4, "Đang thẩm định"),
    APPRAISED(4, "Đã thẩm định, chờ phê duyệt"),
    APPROVED(9, "Đã phê duyệt, chờ trả kết quả"),
    REJECTED(9, "Không phê duyệt, chờ trả kết quả"),
    RESULT_RETURNED(10, "Đã trả kết quả"),
    WITHDRAWN(7, "Đã rút hồ sơ"),
    STOPPED(8, "Dừng xử lý");

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

    /**
     * The status a dossier is in right after {@code event}, or {@code current} for the events that do not
     * change it (warnings, consultations, apologies, ratings).
     */
    public static DossierStatus after(DossierStatus current, DossierEvent event) {
        return switch (event) {
            case DossierEvent.DossierSubmitted e -> SUBMITTED;
            case DossierEvent.DossierAccepted e -> ACCEPTED;
            case DossierEvent.SupplementRequested e -> SUPPLEMENT_REQUESTED;
            case DossierEvent.SupplementRequestedInAppraisal e -> SUPPLEMENT_REQUESTED;
            case DossierEvent.SupplementProvided e ->
                    e.stage() == DossierEvent.Stage.APPRAISAL ? IN_APPRAISAL : SUBMITTED;
            case DossierEvent.PaymentRequested e -> PAYMENT_REQUESTED;
            case DossierEvent.PaymentReceived e -> ACCEPTED;
            case DossierEvent.ProcessingStopped e -> STOPPED;
            case DossierEvent.DossierLapsed e -> STOPPED;
            case DossierEvent.ConsultationRequested e -> current;
            case DossierEvent.ConsultationAnswered e -> current;
            case DossierEvent.DelayApologised e -> current;
            case DossierEvent.DeadlineWarned e -> current;
            case DossierEvent.DossierOverdue e -> current;
            case DossierEvent.OverdueAcknowledged e -> current;
            case DossierEvent.ServiceRated e -> current;
            case DossierEvent.SiteInspectionRecorded e -> current;
            case DossierEvent.DossierRefused e -> REFUSED;
            case DossierEvent.HandlerAssigned e -> IN_APPRAISAL;
            case DossierEvent.AppraisalRecorded e -> APPRAISED;
            case DossierEvent.ResultReviewed e -> e.agreed() ? current : IN_APPRAISAL;
            case DossierEvent.DossierApproved e -> APPROVED;
            case DossierEvent.DossierRejected e -> REJECTED;
            case DossierEvent.ResultIssued e -> current;
            case DossierEvent.ResultReturned e -> RESULT_RETURNED;
            case DossierEvent.DossierWithdrawn e -> WITHDRAWN;
            case DossierEvent.ResultCorrected e -> current;
            case DossierEvent.ResultRevoked e -> current;
        };
    }

    public boolean isClosed() {
        return this == REFUSED || this == RESULT_RETURNED || this == WITHDRAWN || this == STOPPED;
    }
}
