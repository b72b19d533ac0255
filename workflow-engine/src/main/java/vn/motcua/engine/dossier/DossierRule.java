package vn.motcua.engine.dossier;

/**
 * The rules the {@link Dossier} aggregate enforces, each with the legal source it comes from.
 * The name is the stable identifier a client sees in the problem {@code type}.
 */
public enum DossierRule {
    CLOSED_DOSSIER_IS_FINAL(
            "Hồ sơ đã kết thúc (đã trả kết quả, bị từ chối hoặc đã rút); không thể thực hiện thêm bước nào",
            "The dossier is closed (result returned, refused or withdrawn); nothing more can happen to it"),
    RECEPTION_ONLY_WHILE_SUBMITTED(
            "Chỉ tiếp nhận, yêu cầu bổ sung hoặc từ chối khi hồ sơ đang chờ tiếp nhận (Nghị định 61/2018, Điều 15)",
            "Reception decisions are taken only while the dossier awaits reception (Decree 61/2018 Art. 15)"),
    SUPPLEMENT_ONCE_AT_RECEPTION(
            "Bộ phận Một cửa chỉ được yêu cầu bổ sung hồ sơ một lần, nêu đầy đủ các nội dung ngay từ đầu (Nghị định 61/2018, Điều 15)",
            "At reception a supplement may be requested only once, listing every missing item at once (Decree 61/2018 Art. 15)"),
    SUPPLEMENT_LISTS_ITEMS(
            "Phiếu yêu cầu bổ sung phải nêu rõ từng nội dung cần bổ sung (Mẫu 02, Thông tư 01/2018)",
            "A supplement request must list each missing item (Form 02, Circular 01/2018)"),
    SUPPLEMENT_ONLY_WHEN_REQUESTED(
            "Chỉ nộp bổ sung khi cơ quan đã yêu cầu bổ sung",
            "A supplement can be provided only after one was requested"),
    SUPPLEMENT_BRINGS_DOCUMENTS(
            "Hồ sơ bổ sung phải kèm ít nhất một tài liệu",
            "A supplement must attach at least one document"),
    REFUSAL_STATES_REASONS(
            "Từ chối hoặc không phê duyệt phải nêu rõ lý do (Mẫu 03, Thông tư 01/2018)",
            "A refusal or rejection must state its reasons (Form 03, Circular 01/2018)"),
    HANDLER_AFTER_ACCEPTANCE(
            "Chỉ phân công xử lý sau khi hồ sơ đã được tiếp nhận và trước khi thẩm định xong",
            "A handler is assigned only after acceptance and before the appraisal is recorded"),
    APPRAISAL_BY_ASSIGNED_HANDLER(
            "Chỉ chuyên viên được phân công mới ghi nhận kết quả thẩm định",
            "Only the assigned handler records the appraisal"),
    APPROVAL_AFTER_APPRAISAL(
            "Không thể phê duyệt hoặc không phê duyệt trước khi có kết quả thẩm định",
            "No approval or rejection before the appraisal is recorded"),
    RESULT_AFTER_DECISION(
            "Chỉ trả kết quả sau khi lãnh đạo đã quyết định",
            "The result is returned only after the leader's decision"),
    WITHDRAWAL_BEFORE_DECISION(
            "Chỉ được rút hồ sơ trước khi có quyết định giải quyết (Nghị định 61/2018, Điều 18)",
            "A dossier can be withdrawn only before the decision (Decree 61/2018 Art. 18)"),
    APPLICANT_ONLY(
            "Chỉ chủ hồ sơ mới được thực hiện thao tác này",
            "Only the applicant who owns the dossier may do this"),
    STEP_TAKEN_IN_ITS_ROLE(
            "Mỗi bước do đúng vai trò thực hiện: Một cửa tiếp nhận và trả kết quả, chuyên viên thẩm định, lãnh đạo phê duyệt",
            "Each step is taken in its role: reception receives and returns, a specialist appraises, a leader decides"),
    OWN_UNIT_ONLY(
            "Cán bộ chỉ xử lý hồ sơ của đơn vị mình",
            "Officials act only on dossiers of their own unit");

    private final String messageVi;
    private final String messageEn;

    DossierRule(String messageVi, String messageEn) {
        this.messageVi = messageVi;
        this.messageEn = messageEn;
    }

    public String messageVi() {
        return messageVi;
    }

    public String messageEn() {
        return messageEn;
    }
}
