package vn.motcua.engine.dossier;

import vn.motcua.engine.platform.Rule;

/**
 * The rules the {@link Dossier} aggregate enforces, each with the legal source it comes from.
 * The name is the stable identifier a client sees in the problem {@code type}.
 */
public enum DossierRule implements Rule {
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
    RESULT_REVIEWED_BY_UNIT_HEAD_AFTER_APPRAISAL(
            "Trưởng đơn vị kiểm tra dự thảo kết quả sau khi chuyên viên thẩm định (và thẩm định thực tế nếu thủ tục có), trước khi trình lãnh đạo ký, mỗi lần trình một lần (Nghị định 30/2020, Điều 12)",
            "The unit head checks the draft result after the handler's appraisal (and on-site inspection where the procedure has one), before the leader signs, once per submission (Decree 30/2020 Art. 12)"),
    RESULT_REVIEW_RETURN_STATES_REASONS(
            "Trưởng đơn vị trả lại dự thảo cho chuyên viên phải nêu rõ lý do (Nghị định 30/2020)",
            "The unit head who returns the draft to the handler states the reasons (Decree 30/2020)"),
    APPROVAL_AFTER_RESULT_REVIEW(
            "Lãnh đạo chỉ phê duyệt và ký sau khi trưởng đơn vị đã kiểm tra dự thảo kết quả (Nghị định 30/2020, Điều 13)",
            "The leader decides and signs only after the unit head checked the draft result (Decree 30/2020 Art. 13)"),
    DECISION_SIGNED_BY_LEADER(
            "Lãnh đạo phê duyệt hoặc không phê duyệt bằng chữ ký số của mình trên dự thảo kết quả (Nghị định 30/2020, Điều 13)",
            "The leader approves or rejects by signing the draft result with their own digital signature (Decree 30/2020 Art. 13)"),
    RESULT_ISSUED_ONCE_AFTER_DECISION(
            "Văn thư cấp số, ngày và đóng dấu kết quả một lần, sau khi người có thẩm quyền đã ký (Nghị định 30/2020, Điều 15)",
            "The clerk numbers, dates and seals the result once, after the competent person signed (Decree 30/2020 Art. 15)"),
    RESULT_RETURNED_AS_ISSUED(
            "Bộ phận Một cửa trả đúng kết quả đã được văn thư cấp số, đóng dấu, phát hành (Nghị định 61/2018)",
            "The one-stop unit returns exactly the result the clerk numbered, sealed and issued (Decree 61/2018)"),
    RESULT_AFTER_DECISION(
            "Chỉ trả kết quả sau khi lãnh đạo đã quyết định",
            "The result is returned only after the leader's decision"),
    WITHDRAWAL_BEFORE_DECISION(
            "Chỉ được rút hồ sơ trước khi có quyết định giải quyết (Nghị định 61/2018)",
            "A dossier can be withdrawn only before the decision (Decree 61/2018)"),
    SUPPLEMENT_IN_APPRAISAL_WITHIN_THREE_DAYS(
            "Cơ quan giải quyết chỉ yêu cầu bổ sung trong thời hạn 3 ngày làm việc kể từ ngày tiếp nhận, và chỉ một lần (Nghị định 61/2018, Điều 17)",
            "During appraisal a supplement may be requested once, within 3 working days of receipt (Decree 61/2018 Art. 17)"),
    PAYMENT_ONCE_AFTER_ACCEPTANCE(
            "Chỉ thông báo phí, lệ phí một lần, sau khi tiếp nhận hồ sơ, với số tiền lớn hơn 0",
            "The fee is requested once, after acceptance, for a positive amount"),
    PAYMENT_MATCHES_REQUEST(
            "Chỉ ghi nhận nộp phí khi đã có thông báo, đúng số tiền và có mã giao dịch",
            "A payment is recorded only after a request, for the requested amount, with a transaction reference"),
    FEE_FROM_CATALOGUE(
            "Số phí phải nộp là mức phí của thủ tục trong danh mục, trừ khoản giảm mà người nộp đề nghị kèm căn cứ; khoản giảm phải nêu lý do và nhỏ hơn mức phí (Thông tư 277/2016/TT-BTC)",
            "The fee is the procedure's catalogue fee less a reduction claimed with evidence; a reduction states its reason and is less than the fee (Circular 277/2016/TT-BTC)"),
    PAYMENT_PROVEN(
            "Chỉ ghi nhận đã nộp phí khi có thông báo đã ký hợp lệ của cổng thanh toán (hệ thống ghi nhận) hoặc biên lai thu tại Bộ phận Một cửa của đơn vị; lời khai của người nộp không phải là bằng chứng (Nghị định 45/2020/NĐ-CP)",
            "A payment is recorded only on the payment gateway's verified signed notification (by the system) or on the receipt of the unit's one-stop counter; the payer's own claim is no proof (Decree 45/2020/ND-CP)"),
    CONSULTATION_BY_HANDLER_OF_OTHER_UNITS(
            "Chuyên viên thụ lý lấy ý kiến các đơn vị khác, có thời hạn trả lời (Nghị định 61/2018, Điều 17)",
            "The handler consults other units, with a deadline for their answers (Decree 61/2018 Art. 17)"),
    CONSULTATION_ANSWERED_ONCE_BY_CONSULTED_UNIT(
            "Chỉ đơn vị được xin ý kiến trả lời, mỗi đơn vị một lần",
            "Only a consulted unit answers, once"),
    APPRAISAL_AFTER_CONSULTATIONS(
            "Chưa thể kết thúc thẩm định khi còn đơn vị chưa trả lời xin ý kiến",
            "The appraisal cannot be recorded while consulted units have not answered"),
    APOLOGY_ONCE_BEFORE_DUE_DATE(
            "Phiếu xin lỗi và hẹn lại phải gửi chậm nhất 1 ngày làm việc trước hạn trả, chỉ được hẹn lại một lần, ngày hẹn mới phải sau ngày hẹn cũ (Nghị định 61/2018)",
            "The apology and new date go out at least 1 working day before the due date, only once, for a later date (Decree 61/2018)"),
    STOP_BEFORE_RESULT(
            "Chỉ dừng xử lý khi hồ sơ đang được giải quyết, nêu rõ lý do",
            "Processing is stopped only while the dossier is being handled, stating the reason"),
    RATING_ONCE_AFTER_RESULT(
            "Chủ hồ sơ đánh giá một lần sau khi nhận kết quả, từ 1 đến 5",
            "The applicant rates once, after receiving the result, from 1 to 5"),
    CLOCK_STOPPED_WHILE_WAITING_FOR_APPLICANT(
            "Thời hạn giải quyết không tính thời gian chờ tổ chức, cá nhân bổ sung hồ sơ hoặc nộp phí, lệ phí: không cảnh báo, không báo quá hạn trong thời gian này (Nghị định 61/2018)",
            "The time limit does not run while the applicant supplements or pays the fee: no warning and no overdue report meanwhile (Decree 61/2018)"),
    LAPSE_ONLY_WHILE_WAITING_FOR_SUPPLEMENT(
            "Chỉ hệ thống kết thúc hồ sơ không được bổ sung đúng hạn, khi hồ sơ đang chờ bổ sung",
            "Only the system ends a dossier not supplemented in time, while it waits for the supplement"),
    DEADLINE_EVENTS_WHILE_OPEN(
            "Cảnh báo và báo quá hạn chỉ áp dụng cho hồ sơ đang giải quyết",
            "Deadline warnings and overdue reports apply only to dossiers being handled"),
    SITE_INSPECTION_AFTER_APPRAISAL(
            "Thẩm định thực tế tại cơ sở do chuyên viên thụ lý thực hiện sau khi thẩm định hồ sơ, một lần",
            "The handler records the on-site inspection once, after the appraisal"),
    APPLICANT_ONLY(
            "Chỉ chủ hồ sơ mới được thực hiện thao tác này",
            "Only the applicant who owns the dossier may do this"),
    STEP_TAKEN_IN_ITS_ROLE(
            "Mỗi bước do đúng vai trò thực hiện: Một cửa tiếp nhận và trả kết quả, chuyên viên thẩm định, trưởng đơn vị kiểm tra, lãnh đạo phê duyệt và ký, văn thư cấp số và đóng dấu",
            "Each step is taken in its role: reception receives and returns, a specialist appraises, the unit head checks, a leader decides and signs, the clerk numbers and seals"),
    OWN_UNIT_ONLY(
            "Cán bộ chỉ xử lý hồ sơ của đơn vị mình",
            "Officials act only on dossiers of their own unit"),
    RESULT_ACT_ONLY_FOR_ISSUED_RESULT(
            "Chỉ đính chính, thu hồi kết quả đã được cấp số, đóng dấu và phát hành (Nghị định 30/2020/NĐ-CP)",
            "Only an issued result (numbered, sealed, issued) is corrected or revoked (Decree 30/2020/ND-CP)"),
    RESULT_ACT_BY_LEADER_OF_UNIT(
            "Chỉ lãnh đạo đơn vị đã cấp kết quả được ký văn bản đính chính, thu hồi (Nghị định 30/2020/NĐ-CP, Điều 13)",
            "Only a leader of the issuing unit signs a correction or revocation (Decree 30/2020/ND-CP Art. 13)"),
    RESULT_ACT_STATES_REASONS(
            "Văn bản đính chính, thu hồi phải nêu rõ lý do (và nội dung đính chính)",
            "A correction or revocation states its reasons (and the corrected content)"),
    NOTHING_AFTER_REVOCATION(
            "Kết quả đã bị thu hồi thì không được đính chính hay thu hồi lại",
            "A revoked result is neither corrected nor revoked again");

    private final Wording wording;

    DossierRule(String messageVi, String messageEn) {
        this.wording = new Wording(messageVi, messageEn);
    }

    @Override
    public Wording wording() {
        return wording;
    }
}
