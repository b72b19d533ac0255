package vn.motcua.eoffice.document;

import vn.motcua.engine.platform.Rule;

/**
 * The rules the {@link OfficialDocument} aggregate enforces, each with its source in Decree 30/2020/ND-CP
 * (clerical work) or the Law on Protection of State Secrets 29/2018/QH14 and Decree 26/2020/ND-CP where there is one. The name is the stable identifier a client sees in the problem {@code type}.
 */
public enum DocumentRule implements Rule {
    STEP_OF_ITS_DIRECTION(
            "Bước này không áp dụng cho loại văn bản này (văn bản đi / văn bản đến)",
            "This step does not apply to this kind of document (outgoing / incoming)"),
    RECALLED_DOCUMENT_IS_FROZEN(
            "Văn bản đã bị thu hồi, bị đóng băng; không thể thực hiện thêm bước nào (Nghị định 30/2020, Phụ lục VI)",
            "The document was recalled and is frozen; nothing more can happen to it (Decree 30/2020 Appendix VI)"),
    SENT_BACK_DOCUMENT_IS_FINAL(
            "Văn bản đến đã được trả lại nơi gửi; không thể xử lý tiếp",
            "The incoming document was sent back to its sender; it cannot be handled further"),
    ARCHIVED_DOCUMENT_IS_FINAL(
            "Văn bản đã được lưu trữ; không thể thay đổi",
            "The document is archived; it cannot change"),
    STEP_TAKEN_IN_ITS_ROLE(
            "Mỗi bước do đúng vai trò thực hiện: chuyên viên soạn thảo và xử lý, trưởng đơn vị duyệt, lãnh đạo ký và chỉ đạo, văn thư tiếp nhận, vào sổ, cấp số, đóng dấu, phát hành và lưu",
            "Each step is taken in its role: a specialist drafts and handles, the unit head reviews, a leader signs and instructs, the clerk receives, registers, numbers, seals, issues and archives"),
    DRAFT_METADATA_COMPLETE(
            "Dự thảo phải có trích yếu (tối đa 500 ký tự), loại, độ khẩn, độ mật, số trang, chức vụ và họ tên người ký, nơi nhận (Nghị định 30/2020, Phụ lục VI)",
            "A draft needs a subject (at most 500 characters), type, urgency, secrecy, page count, signer position and name, and recipients (Decree 30/2020 Appendix VI)"),
    DRAFTER_REVISES_AND_SUBMITS(
            "Chỉ người soạn thảo chỉnh sửa và trình dự thảo, khi dự thảo chưa trình hoặc đã bị trả lại",
            "Only the drafter revises and submits the draft, while it is a draft or was returned"),
    REVIEW_BY_UNIT_HEAD(
            "Trưởng đơn vị soạn thảo kiểm tra dự thảo đã trình (Nghị định 30/2020, Điều 12)",
            "The head of the drafting unit reviews a submitted draft (Decree 30/2020 Art. 12)"),
    RETURN_STATES_REASONS(
            "Trả lại dự thảo hoặc văn bản phải nêu rõ lý do",
            "Returning a draft or a document must state the reasons"),
    SIGNATURE_AFTER_REVIEW(
            "Lãnh đạo chỉ phê duyệt và ký sau khi lãnh đạo đơn vị đã duyệt dự thảo (Nghị định 30/2020, Điều 13)",
            "The leader approves and signs only after the unit head approved the draft (Decree 30/2020 Art. 13)"),
    NUMBER_AFTER_SIGNATURE(
            "Văn thư chỉ cấp số, ngày sau khi người có thẩm quyền đã ký (Nghị định 30/2020, Điều 15)",
            "The clerk assigns the number and date only after the competent leader signed (Decree 30/2020 Art. 15)"),
    SEAL_AFTER_NUMBER(
            "Chỉ ký số của cơ quan, tổ chức sau khi văn bản đã được cấp số, ngày (Nghị định 30/2020, Điều 14, 17)",
            "The agency's signature is applied only after the number and date are assigned (Decree 30/2020 Art. 14, 17)"),
    ISSUE_AFTER_SEAL(
            "Chỉ phát hành văn bản sau khi đã có chữ ký số của cơ quan, tổ chức (Nghị định 30/2020, Điều 14, 18)",
            "A document is issued only after the agency's signature (Decree 30/2020 Art. 14, 18)"),
    DELIVERY_TO_EACH_RECIPIENT_ONCE(
            "Chỉ ghi nhận đã nhận sau khi phát hành, cho nơi nhận có trong danh sách, mỗi nơi một lần",
            "Delivery is recorded after issue, for a listed recipient, once per recipient"),
    RECALL_ONLY_ISSUED_WITH_REASON(
            "Chỉ lãnh đạo thu hồi văn bản đã phát hành, nêu rõ lý do (Nghị định 30/2020)",
            "Only a leader recalls an issued document, stating the reason (Decree 30/2020)"),
    ARCHIVE_AFTER_COMPLETION(
            "Chỉ lưu văn bản đi sau khi phát hành, văn bản đến sau khi hoàn thành xử lý",
            "An outgoing document is archived after issue, an incoming one after it is closed"),
    RECEIVED_METADATA_COMPLETE(
            "Văn bản đến phải có nơi gửi, số ký hiệu, ngày, trích yếu (tối đa 500 ký tự), loại, độ khẩn, độ mật, số trang và kết quả kiểm tra chữ ký",
            "An incoming document needs sender, number/symbol, date, subject (at most 500 characters), type, urgency, secrecy, page count and a signature check"),
    REGISTER_ONLY_AUTHENTIC_DOCUMENTS(
            "Chỉ vào sổ văn bản đến đã tiếp nhận và có chữ ký hợp lệ; văn bản không hợp lệ phải trả lại nơi gửi (Nghị định 30/2020, Điều 21, 22)",
            "Only received documents with valid signatures are registered; invalid ones are sent back (Decree 30/2020 Art. 21, 22)"),
    SEND_BACK_BEFORE_REGISTRATION(
            "Chỉ trả lại nơi gửi văn bản chưa vào sổ, nêu rõ lý do (Nghị định 30/2020, Điều 21)",
            "Only a document not yet registered is sent back, stating the reason (Decree 30/2020 Art. 21)"),
    PRESENT_AFTER_REGISTRATION(
            "Văn thư trình lãnh đạo văn bản đã vào sổ (Nghị định 30/2020, Điều 23)",
            "The clerk presents a registered document to a leader (Decree 30/2020 Art. 23)"),
    INSTRUCTIONS_AFTER_REGISTRATION(
            "Lãnh đạo chỉ cho ý kiến chỉ đạo sau khi văn bản đến đã vào sổ, và một lần (Nghị định 30/2020, Điều 23)",
            "The leader gives instructions only once the incoming document is registered, and once (Decree 30/2020 Art. 23)"),
    INSTRUCTIONS_NAME_LEAD_UNIT_AND_DEADLINE(
            "Ý kiến chỉ đạo phải nêu đơn vị chủ trì, các đơn vị phối hợp (khác đơn vị chủ trì) và thời hạn giải quyết",
            "Instructions name the lead unit, supporting units (other than the lead) and a deadline not in the past"),
    ASSIGNMENT_BY_HEAD_OF_LEAD_UNIT(
            "Chỉ lãnh đạo (trưởng) đơn vị chủ trì phân công người xử lý, sau ý kiến chỉ đạo của lãnh đạo cơ quan và một"
                    + " lần (Nghị định 30/2020, Điều 24)",
            "Only the head of the lead unit assigns the handler, after the leader's instructions, and once"
                    + " (Decree 30/2020 Art. 24)"),
    HANDLER_IS_SPECIALIST_OF_LEAD_UNIT(
            "Người được phân công xử lý phải là chuyên viên của đơn vị chủ trì (Nghị định 30/2020, Điều 24)",
            "The handler assigned must be a specialist of the lead unit (Decree 30/2020 Art. 24)"),
    ASSIGNED_DUE_DATE_WITHIN_LEADERS_DEADLINE(
            "Hạn xử lý giao cho người xử lý không được ở quá khứ và không được sau thời hạn giải quyết lãnh đạo đã"
                    + " giao (Nghị định 30/2020, Điều 24)",
            "The handler's due date is not in the past and not after the deadline in the leader's instructions"
                    + " (Decree 30/2020 Art. 24)"),
    PROCESSING_BY_ASSIGNED_HANDLER(
            "Văn bản đã phân công do người được phân công (hoặc lãnh đạo đơn vị chủ trì) xử lý và hoàn thành",
            "A document assigned is processed and closed by its assigned handler (or the head of the lead unit)"),
    PROCESSING_BY_LEAD_UNIT(
            "Chỉ đơn vị chủ trì xử lý văn bản, sau khi lãnh đạo đã chỉ đạo",
            "Only the lead unit processes the document, after the leader's instructions"),
    CLOSE_AFTER_PROCESSING(
            "Chỉ kết thúc xử lý văn bản đến sau khi đơn vị chủ trì đã xử lý",
            "An incoming document is closed only after the lead unit processed it"),
    REPLY_TO_DOCUMENT_IN_PROCESS(
            "Chỉ soạn văn bản trả lời cho văn bản đến đang được giải quyết: đã có ý kiến chỉ đạo, chưa hoàn thành xử lý; mỗi dự thảo một lần (Nghị định 30/2020, Điều 24)",
            "A reply answers an incoming document being handled: instructed and not yet closed; each draft once (Decree 30/2020 Art. 24)"),
    REPLY_ISSUED_WHEN_LINKED(
            "Chỉ ghi nhận việc phát hành văn bản trả lời đã gắn với văn bản đến, mỗi văn bản một lần",
            "Only a linked reply is recorded as issued, once"),
    CLOSE_AFTER_REPLY_ISSUED(
            "Chỉ hoàn thành xử lý văn bản đến khi các văn bản trả lời đã được phát hành (Nghị định 30/2020, Điều 24)",
            "An incoming document is closed only once its replies are issued (Decree 30/2020 Art. 24)"),
    CONTENT_OF_HIGHEST_LEVELS_KEPT_OFF_LINE(
            "Văn bản Tối mật, Tuyệt mật chỉ được ghi nhận thông tin quản lý (số, ngày, nơi ban hành, độ mật); không"
                    + " được soạn thảo, lưu giữ nội dung (tệp, văn bản kèm theo, trích yếu) trên hệ thống kết nối mạng"
                    + " (Luật Bảo vệ bí mật nhà nước 2018, Điều 5 khoản 5; Nghị định 26/2020/NĐ-CP)",
            "A Tối mật or Tuyệt mật document is recorded by its metadata only (number, date, issuer, level); its"
                    + " content (file, attachments, subject) may not be drafted or kept on a networked system"
                    + " (Law 29/2018/QH14 on State Secrets Art. 5(5); Decree 26/2020/ND-CP)"),
    SECRET_DOCUMENT_HANDLED_BY_NAMED_OFFICIALS(
            "Văn bản mật phải được lãnh đạo giao cho cán bộ xử lý cụ thể: chỉ người có trách nhiệm mới được biết bí"
                    + " mật nhà nước (Luật Bảo vệ bí mật nhà nước 2018, Điều 2 khoản 3, Điều 3 khoản 3)",
            "The leader assigns a secret document to named handlers: only those responsible for it may know a state"
                    + " secret (Law 29/2018/QH14 on State Secrets Art. 2(3), Art. 3(3))");

    private final Wording wording;

    DocumentRule(String messageVi, String messageEn) {
        this.wording = new Wording(messageVi, messageEn);
    }

    @Override
    public Wording wording() {
        return wording;
    }
}
