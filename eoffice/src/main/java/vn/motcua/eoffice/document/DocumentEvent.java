package vn.motcua.eoffice.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Signatory;

/**
 * What happened to an official document, each with who did it and when (from the one clock), and
 * the Vietnamese label shown in its history (the register's "who, when, to whom").
 */
public sealed interface DocumentEvent {

    String documentId();

    Actor actor();

    Instant at();

    String labelVi();

    // ---------------------------------------------------------------- outgoing

    /**
     * {@code contentSha256}: the draft PDF in the content store (null for drafts without a file);
     * {@code attachments}: its attachments in separate PDF files, in order (empty in events stored before them).
     */
    record DocumentDrafted(String documentId, String agencyId, String unitId, DraftMetadata metadata, String replyTo,
                           String contentSha256, List<Attachment> attachments, Actor actor, Instant at)
            implements DocumentEvent {
        public DocumentDrafted {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }

        public DocumentDrafted(String documentId, String agencyId, String unitId, DraftMetadata metadata,
                               String replyTo, String contentSha256, Actor actor, Instant at) {
            this(documentId, agencyId, unitId, metadata, replyTo, contentSha256, List.of(), actor, at);
        }

        public DocumentDrafted(String documentId, String agencyId, String unitId, DraftMetadata metadata,
                               String replyTo, Actor actor, Instant at) {
            this(documentId, agencyId, unitId, metadata, replyTo, null, actor, at);
        }

        public String labelVi() {
            return "Soạn thảo văn bản";
        }
    }

    record DraftRevised(String documentId, DraftMetadata metadata, Actor actor, Instant at) implements DocumentEvent {
        public String labelVi() {
            return "Chỉnh sửa dự thảo";
        }
    }

    record SubmittedForReview(String documentId, String comment, Actor actor, Instant at) implements DocumentEvent {
        public String labelVi() {
            return "Trình lãnh đạo đơn vị";
        }
    }

    record ReviewApproved(String documentId, String comment, Actor actor, Instant at) implements DocumentEvent {
        public String labelVi() {
            return "Lãnh đạo đơn vị duyệt dự thảo";
        }
    }

    record DraftReturned(String documentId, String comment, Actor actor, Instant at) implements DocumentEvent {
        public String labelVi() {
            return "Trả lại dự thảo";
        }
    }

    /**
     * {@code contentSha256}: the PDF with the leader's PAdES signature (null if the draft had no file);
     * {@code signatory}: who signed and with which authority (the head in their own right, or KT., TL., TUQ. under a
     * delegation; Decree 30/2020 Art. 13), whose title lines the signature block shows; null in events stored before.
     */
    record DocumentSigned(String documentId, String comment, String contentSha256, Signatory signatory, Actor actor,
                          Instant at) implements DocumentEvent {
        public DocumentSigned(String documentId, String comment, String contentSha256, Actor actor, Instant at) {
            this(documentId, comment, contentSha256, null, actor, at);
        }

        public DocumentSigned(String documentId, String comment, Actor actor, Instant at) {
            this(documentId, comment, null, null, actor, at);
        }

        public String labelVi() {
            return "Lãnh đạo phê duyệt, ký ban hành";
        }
    }

    /**
     * {@code register}: the register the number was taken from ({@code OUTGOING:<issuing unit>:<key>},
     * {@link vn.motcua.eoffice.register.RegisterKinds}); null in events stored before registers per issuing unit and
     * kind, numbered in the agency's one outgoing register.
     */
    record NumberAssigned(String documentId, int number, String formattedNumber, String symbol, String identifier,
                          LocalDate issuedOn, String register, Actor actor, Instant at) implements DocumentEvent {
        public NumberAssigned(String documentId, int number, String formattedNumber, String symbol, String identifier,
                              LocalDate issuedOn, Actor actor, Instant at) {
            this(documentId, number, formattedNumber, symbol, identifier, issuedOn, null, actor, at);
        }

        public String labelVi() {
            return "Cấp số, ngày văn bản";
        }
    }

    /**
     * {@code contentSha256}: the PDF sealed by the agency and archived as B-LTA (null without a file);
     * {@code attachmentSha256}: the attachments signed by the agency and archived the same way, in the order of
     * the draft's (empty without attachments, and in events stored before them).
     */
    record AgencySealed(String documentId, String contentSha256, List<String> attachmentSha256, Actor actor,
                        Instant at) implements DocumentEvent {
        public AgencySealed {
            attachmentSha256 = attachmentSha256 == null ? List.of() : List.copyOf(attachmentSha256);
        }

        public AgencySealed(String documentId, String contentSha256, Actor actor, Instant at) {
            this(documentId, contentSha256, List.of(), actor, at);
        }

        public AgencySealed(String documentId, Actor actor, Instant at) {
            this(documentId, null, actor, at);
        }

        public String labelVi() {
            return "Ký số của cơ quan, tổ chức";
        }
    }

    record DocumentIssued(String documentId, List<Recipient> recipients, Actor actor, Instant at)
            implements DocumentEvent {
        public String labelVi() {
            return "Phát hành văn bản";
        }
    }

    record DeliveryConfirmed(String documentId, String recipientId, Actor actor, Instant at) implements DocumentEvent {
        public String labelVi() {
            return "Nơi nhận đã nhận văn bản";
        }
    }

    record DocumentRecalled(String documentId, String reason, Actor actor, Instant at) implements DocumentEvent {
        public String labelVi() {
            return "Thu hồi văn bản";
        }
    }

    // ---------------------------------------------------------------- incoming

    record DocumentReceived(String documentId, String agencyId, ReceivedMetadata metadata, SignatureCheck check,
                            String contentSha256, Actor actor, Instant at) implements DocumentEvent {
        public String labelVi() {
            return "Tiếp nhận văn bản đến";
        }
    }

    record DocumentSentBack(String documentId, String reason, Actor actor, Instant at) implements DocumentEvent {
        public String labelVi() {
            return "Trả lại văn bản cho nơi gửi";
        }
    }

    record ArrivalRegistered(String documentId, int arrivalNumber, String formattedNumber, LocalDate arrivedOn,
                             Actor actor, Instant at) implements DocumentEvent {
        public String labelVi() {
            return "Vào sổ văn bản đến";
        }
    }

    record PresentedToLeader(String documentId, Actor leader, Actor actor, Instant at) implements DocumentEvent {
        public String labelVi() {
            return "Trình lãnh đạo";
        }
    }

    /** {@code handlerIds}: the officials assigned to handle it, by id (empty in events stored before them). */
    record InstructionsGiven(String documentId, String leadUnitId, List<String> supportingUnitIds, LocalDate deadline,
                             String comment, List<String> handlerIds, Actor actor, Instant at)
            implements DocumentEvent {
        public InstructionsGiven {
            handlerIds = handlerIds == null ? List.of() : List.copyOf(handlerIds);
        }

        public InstructionsGiven(String documentId, String leadUnitId, List<String> supportingUnitIds,
                                 LocalDate deadline, String comment, Actor actor, Instant at) {
            this(documentId, leadUnitId, supportingUnitIds, deadline, comment, List.of(), actor, at);
        }

        public String labelVi() {
            return "Ý kiến chỉ đạo của lãnh đạo";
        }
    }

    /**
     * The head of the lead unit assigned the handler and the due date, with their opinion: the unit head's part of the
     * handling sheet (Phiếu giải quyết văn bản đến).
     */
    record HandlerAssigned(String documentId, Actor handler, LocalDate dueOn, String comment, Actor actor, Instant at)
            implements DocumentEvent {
        public String labelVi() {
            return "Lãnh đạo đơn vị phân công xử lý";
        }
    }

    record ProcessingRecorded(String documentId, String comment, Actor actor, Instant at) implements DocumentEvent {
        public String labelVi() {
            return "Đơn vị chủ trì xử lý";
        }
    }

    record ReplyLinked(String documentId, String outgoingDocumentId, Actor actor, Instant at)
            implements DocumentEvent {
        public String labelVi() {
            return "Văn bản trả lời";
        }
    }

    /** The linked reply left the agency: the incoming document's follow-up sees it answered. */
    record ReplyIssued(String documentId, String outgoingDocumentId, String numberSymbol, Actor actor, Instant at)
            implements DocumentEvent {
        public String labelVi() {
            return "Đã phát hành văn bản trả lời";
        }
    }

    record DocumentClosed(String documentId, String comment, Actor actor, Instant at) implements DocumentEvent {
        public String labelVi() {
            return "Hoàn thành xử lý văn bản đến";
        }
    }

    // ---------------------------------------------------------------- both

    record DocumentArchived(String documentId, Actor actor, Instant at) implements DocumentEvent {
        public String labelVi() {
            return "Lưu văn bản";
        }
    }
}
