package vn.motcua.engine.dossier;

import vn.motcua.engine.document.AttachedDocument;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import vn.motcua.engine.identity.Actor;

/**
 * What happened to a dossier. Every event carries who acted (id, name, role, unit), when (from the
 * one clock), why (the reason or comment) and the SHA-256 of each attached document; the sequence of
 * events is the process control form of Circular 01/2018/TT-VPCP (Mẫu 05).
 */
public sealed interface DossierEvent {

    String code();

    String comment();

    List<AttachedDocument> documents();

    Actor actor();

    Instant at();

    /** How the step is named to people (Vietnamese first). */
    String labelVi();

    record DossierSubmitted(String code, String procedureCode, String unitId, Applicant applicant,
                            Map<String, Object> form, String comment, List<AttachedDocument> documents,
                            Actor actor, Instant at) implements DossierEvent {
        public String labelVi() {
            return "Nộp hồ sơ";
        }
    }

    record DossierAccepted(String code, LocalDate appointedReturnDate, String comment,
                           List<AttachedDocument> documents, Actor actor, Instant at) implements DossierEvent {
        public String labelVi() {
            return "Tiếp nhận hồ sơ, hẹn trả kết quả";
        }
    }

    record SupplementRequested(String code, List<String> items, String comment, List<AttachedDocument> documents,
                               Actor actor, Instant at) implements DossierEvent {
        public String labelVi() {
            return "Yêu cầu bổ sung hồ sơ";
        }
    }

    /**
     * The applicant's supplement. At reception the dossier goes back to reception; during appraisal the
     * time limit restarts from zero (Decree 61/2018 Art. 17) and {@code appointedReturnDate} is the new date.
     */
    record SupplementProvided(String code, String comment, List<AttachedDocument> documents, Actor actor,
                              Instant at, Stage stage, LocalDate appointedReturnDate) implements DossierEvent {
        public String labelVi() {
            return "Nộp bổ sung hồ sơ";
        }
    }

    /** Where a supplement was asked for: at the one-stop reception, or by the handler during appraisal. */
    enum Stage { RECEPTION, APPRAISAL }

    record SupplementRequestedInAppraisal(String code, List<String> items, String comment,
                                          List<AttachedDocument> documents, Actor actor, Instant at)
            implements DossierEvent {
        public String labelVi() {
            return "Yêu cầu bổ sung hồ sơ trong quá trình thẩm định";
        }
    }

    /**
     * The fee the applicant must pay (Thông báo nộp phí, lệ phí): {@code amountVnd} = {@code baseFeeVnd} −
     * {@code reductionVnd}, both from the procedure catalogue, with the reason for a reduction the applicant claimed
     * with evidence. Events stored before the fee was itemised read with {@code baseFeeVnd} 0 (then it equals the
     * amount) and no reduction.
     */
    record PaymentRequested(String code, long amountVnd, String comment, List<AttachedDocument> documents,
                            Actor actor, Instant at, long baseFeeVnd, long reductionVnd, String reductionReason)
            implements DossierEvent {
        public PaymentRequested(String code, long amountVnd, String comment, List<AttachedDocument> documents,
                                Actor actor, Instant at) {
            this(code, amountVnd, comment, documents, actor, at, amountVnd, 0, null);
        }

        public String labelVi() {
            return "Thông báo nộp phí, lệ phí";
        }
    }

    /**
     * The fee is paid; the legal time limit counts from here, so the appointed date is set again. {@code channel}:
     * ONLINE (confirmed by the payment gateway {@code provider}'s signed notification; {@code reference} is its
     * transaction id) or COUNTER (collected by reception; {@code reference} is the receipt number). Events stored
     * before channels existed read with {@code channel} and {@code provider} null: a reference the applicant declared.
     */
    record PaymentReceived(String code, long amountVnd, String reference, LocalDate appointedReturnDate,
                           String comment, List<AttachedDocument> documents, Actor actor, Instant at,
                           PaymentChannel channel, String provider)
            implements DossierEvent {
        public String labelVi() {
            return "Đã nộp phí, lệ phí";
        }
    }

    /** How a fee reached the agency: through an online payment gateway, or at the one-stop counter. */
    enum PaymentChannel { ONLINE, COUNTER }

    record ConsultationRequested(String code, List<String> unitIds, LocalDate dueDate, String comment,
                                 List<AttachedDocument> documents, Actor actor, Instant at) implements DossierEvent {
        public String labelVi() {
            return "Lấy ý kiến cơ quan, đơn vị phối hợp";
        }
    }

    record ConsultationAnswered(String code, String unitId, boolean late, String comment,
                                List<AttachedDocument> documents, Actor actor, Instant at) implements DossierEvent {
        public String labelVi() {
            return late ? "Trả lời xin ý kiến (quá hạn)" : "Trả lời xin ý kiến";
        }
    }

    /** Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04): the reason, the unit at fault, the new date. */
    record DelayApologised(String code, LocalDate previousAppointedDate, LocalDate appointedReturnDate,
                           String causingUnit, String comment, List<AttachedDocument> documents, Actor actor,
                           Instant at) implements DossierEvent {
        public String labelVi() {
            return "Xin lỗi và hẹn lại ngày trả kết quả";
        }
    }

    record ProcessingStopped(String code, String comment, List<AttachedDocument> documents, Actor actor,
                             Instant at) implements DossierEvent {
        public String labelVi() {
            return "Dừng xử lý hồ sơ";
        }
    }

    /**
     * The applicant did not supplement within {@code lapsedAfterDays} calendar days of the request made at
     * {@code requestedAt} ({@code stage}: at reception or in appraisal): the system ends the handling (status 8,
     * processing stopped) and the applicant is told. The period is the procedure's, a practice, not a legal figure.
     */
    record DossierLapsed(String code, Stage stage, Instant requestedAt, int lapsedAfterDays, String comment,
                         List<AttachedDocument> documents, Actor actor, Instant at) implements DossierEvent {
        public String labelVi() {
            return "Hồ sơ không được bổ sung đúng hạn, kết thúc xử lý";
        }
    }

    /** The handler is warned that 75% of the allowed time has passed (recorded by the system). */
    record DeadlineWarned(String code, Instant dueAt, String comment, List<AttachedDocument> documents,
                          Actor actor, Instant at) implements DossierEvent {
        public String labelVi() {
            return "Cảnh báo sắp đến hạn";
        }
    }

    /** The appointed time passed before the result; the unit head is called in (recorded by the system). */
    record DossierOverdue(String code, Instant dueAt, String comment, List<AttachedDocument> documents,
                          Actor actor, Instant at) implements DossierEvent {
        public String labelVi() {
            return "Hồ sơ quá hạn, báo cáo lãnh đạo";
        }
    }

    record OverdueAcknowledged(String code, String comment, List<AttachedDocument> documents, Actor actor,
                               Instant at) implements DossierEvent {
        public String labelVi() {
            return "Lãnh đạo chỉ đạo xử lý hồ sơ quá hạn";
        }
    }

    /** Đánh giá mức độ hài lòng: the applicant's rating of the handling, 1 to 5. */
    record ServiceRated(String code, int score, String comment, List<AttachedDocument> documents, Actor actor,
                        Instant at) implements DossierEvent {
        public String labelVi() {
            return "Đánh giá mức độ hài lòng";
        }
    }

    record DossierRefused(String code, String comment, List<AttachedDocument> documents, Actor actor,
                          Instant at) implements DossierEvent {
        public String labelVi() {
            return "Từ chối tiếp nhận hồ sơ";
        }
    }

    record HandlerAssigned(String code, Actor handler, String comment, List<AttachedDocument> documents,
                           Actor actor, Instant at) implements DossierEvent {
        public String labelVi() {
            return "Phân công chuyên viên xử lý";
        }
    }

    record AppraisalRecorded(String code, AppraisalOutcome outcome, String comment,
                             List<AttachedDocument> documents, Actor actor, Instant at) implements DossierEvent {
        public String labelVi() {
            return "Thẩm định hồ sơ";
        }
    }

    record SiteInspectionRecorded(String code, AppraisalOutcome outcome, String comment,
                                  List<AttachedDocument> documents, Actor actor, Instant at) implements DossierEvent {
        public String labelVi() {
            return "Thẩm định thực tế tại cơ sở";
        }
    }

    /**
     * The unit head checked the handler's draft result (Decree 30/2020/ND-CP Art. 12): agreed, it goes to the leader;
     * not agreed, it goes back to the handler with the reasons in {@code comment}.
     */
    record ResultReviewed(String code, boolean agreed, String comment, List<AttachedDocument> documents, Actor actor,
                          Instant at) implements DossierEvent {
        public String labelVi() {
            return agreed ? "Trưởng đơn vị kiểm tra, trình lãnh đạo" : "Trưởng đơn vị trả lại chuyên viên xử lý";
        }
    }

    /**
     * The leader approved; {@code documents} holds the draft result they signed (Decree 30/2020/ND-CP Art. 13), which
     * the clerk then numbers and seals. Approvals stored before the leader signed at this step carry no document.
     */
    record DossierApproved(String code, String comment, List<AttachedDocument> documents, Actor actor,
                           Instant at) implements DossierEvent {
        public String labelVi() {
            return "Phê duyệt kết quả";
        }
    }

    /** The leader rejected; {@code documents} holds the written answer they signed, as for an approval. */
    record DossierRejected(String code, String comment, List<AttachedDocument> documents, Actor actor,
                           Instant at) implements DossierEvent {
        public String labelVi() {
            return "Không phê duyệt";
        }
    }

    /**
     * The result is numbered in the issuing register of its kind, dated, sealed by the agency and so issued (Decree
     * 30/2020/ND-CP Art. 15: number and date after the competent person signs): {@code kind} is the result kind
     * (e.g. GPP, or REFUSAL for the written answer to a rejected dossier), {@code symbol} its number/symbol as printed,
     * {@code holder} whom it is issued to; {@code documents} holds the issued PDF.
     */
    record ResultIssued(String code, String procedureCode, String kind, String title, int number, String symbol,
                        LocalDate issuedOn, String holder, String comment, List<AttachedDocument> documents,
                        Actor actor, Instant at) implements DossierEvent {
        public String labelVi() {
            return "Cấp số, đóng dấu, phát hành kết quả " + symbol;
        }
    }

    /**
     * A correction (đính chính) of the issued result: a new numbered, signed and sealed document that names the
     * original ({@code originalSymbol}, {@code originalIssuedOn}) and states the corrected content; the original
     * stays as issued (Decree 30/2020/ND-CP: a document is changed only by another document). {@code comment} is the
     * reason; {@code documents} holds the correcting act's PDF.
     */
    record ResultCorrected(String code, String originalSymbol, LocalDate originalIssuedOn, int number, String symbol,
                           LocalDate issuedOn, String corrections, String comment, List<AttachedDocument> documents,
                           Actor actor, Instant at) implements DossierEvent {
        public String labelVi() {
            return "Đính chính kết quả " + originalSymbol + " bằng văn bản " + symbol;
        }
    }

    /**
     * The revocation (thu hồi) of the issued result: a numbered, signed and sealed decision that names the original;
     * nothing is done to the result after it. {@code comment} is the reason, {@code decisionReference} the act or
     * finding it rests on, if any; {@code documents} holds the decision's PDF.
     */
    record ResultRevoked(String code, String originalSymbol, LocalDate originalIssuedOn, int number, String symbol,
                         LocalDate issuedOn, String decisionReference, String comment,
                         List<AttachedDocument> documents, Actor actor, Instant at) implements DossierEvent {
        public String labelVi() {
            return "Thu hồi kết quả " + originalSymbol + " bằng quyết định " + symbol;
        }
    }

    record ResultReturned(String code, String comment, List<AttachedDocument> documents, Actor actor,
                          Instant at) implements DossierEvent {
        public String labelVi() {
            return "Trả kết quả";
        }
    }

    record DossierWithdrawn(String code, String comment, List<AttachedDocument> documents, Actor actor,
                            Instant at) implements DossierEvent {
        public String labelVi() {
            return "Rút hồ sơ";
        }
    }
}
