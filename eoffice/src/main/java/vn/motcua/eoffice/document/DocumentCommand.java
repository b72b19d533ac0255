package vn.motcua.eoffice.document;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import vn.motcua.engine.identity.Actor;

/**
 * Everything a person (or the BPMN bridge on their behalf) can ask of an official document. The
 * aggregate decides whether it is allowed; times come from the one {@link java.time.Clock}, numbers
 * from the register, never from the caller.
 */
public sealed interface DocumentCommand {

    String documentId();

    Actor actor();

    // ---------------------------------------------------------------- outgoing (văn bản đi)

    /** {@code replyTo}: the incoming document this draft answers, or null. */
    /** {@code contentSha256}: the draft PDF already in the content store; {@code attachments}: likewise stored. */
    record DraftDocument(String documentId, String agencyId, String unitId, DraftMetadata metadata, String replyTo,
                         String contentSha256, List<Attachment> attachments, Actor actor) implements DocumentCommand {
        public DraftDocument {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }

        public DraftDocument(String documentId, String agencyId, String unitId, DraftMetadata metadata,
                             String replyTo, Actor actor) {
            this(documentId, agencyId, unitId, metadata, replyTo, null, List.of(), actor);
        }
    }

    record ReviseDraft(@TargetAggregateIdentifier String documentId, DraftMetadata metadata, Actor actor)
            implements DocumentCommand {
    }

    record SubmitForReview(@TargetAggregateIdentifier String documentId, String comment, Actor actor)
            implements DocumentCommand {
    }

    record ApproveReview(@TargetAggregateIdentifier String documentId, String comment, Actor actor)
            implements DocumentCommand {
    }

    /** The unit head (in review) or the signing leader (awaiting signature) sends the draft back. */
    record ReturnDraft(@TargetAggregateIdentifier String documentId, String comment, Actor actor)
            implements DocumentCommand {
    }

    /** The competent leader approves and signs. */
    record SignDocument(@TargetAggregateIdentifier String documentId, String comment, String contentSha256,
                        Actor actor) implements DocumentCommand {
        public SignDocument(String documentId, String comment, Actor actor) {
            this(documentId, comment, null, actor);
        }
    }

    /** The clerk takes the next number and today's date from the outgoing register. */
    record AssignNumber(@TargetAggregateIdentifier String documentId, Actor actor) implements DocumentCommand {
    }

    /** The agency's signature (electronic seal) is applied by the clerk. */
    record SealDocument(@TargetAggregateIdentifier String documentId, String contentSha256,
                        List<String> attachmentSha256, Actor actor) implements DocumentCommand {
        public SealDocument {
            attachmentSha256 = attachmentSha256 == null ? List.of() : List.copyOf(attachmentSha256);
        }

        public SealDocument(String documentId, Actor actor) {
            this(documentId, null, List.of(), actor);
        }
    }

    /** Issue to the recipients of the draft. */
    record IssueDocument(@TargetAggregateIdentifier String documentId, Actor actor) implements DocumentCommand {
    }

    record ConfirmDelivery(@TargetAggregateIdentifier String documentId, String recipientId, Actor actor)
            implements DocumentCommand {
    }

    record RecallDocument(@TargetAggregateIdentifier String documentId, String reason, Actor actor)
            implements DocumentCommand {
    }

    // ---------------------------------------------------------------- incoming (văn bản đến)

    /** {@code contentSha256}: the received file in the content store; {@code check}: its signature verification. */
    record ReceiveDocument(String documentId, String agencyId, ReceivedMetadata metadata, SignatureCheck check,
                           String contentSha256, Actor actor) implements DocumentCommand {
    }

    record SendBack(@TargetAggregateIdentifier String documentId, String reason, Actor actor)
            implements DocumentCommand {
    }

    /** The clerk takes the next arrival number and today's date from the incoming register. */
    record RegisterArrival(@TargetAggregateIdentifier String documentId, Actor actor) implements DocumentCommand {
    }

    record PresentToLeader(@TargetAggregateIdentifier String documentId, Actor leader, Actor actor)
            implements DocumentCommand {
    }

    /**
     * {@code handlerIds}: the officials the leader assigns the document to (người xử lý), by id; required for a secret
     * document (only they, among the lead unit's officials, may then read it), optional otherwise.
     */
    record GiveInstructions(@TargetAggregateIdentifier String documentId, String leadUnitId,
                            List<String> supportingUnitIds, LocalDate deadline, String comment, List<String> handlerIds,
                            Actor actor) implements DocumentCommand {
        public GiveInstructions {
            handlerIds = handlerIds == null ? List.of() : List.copyOf(handlerIds);
        }

        public GiveInstructions(String documentId, String leadUnitId, List<String> supportingUnitIds,
                                LocalDate deadline, String comment, Actor actor) {
            this(documentId, leadUnitId, supportingUnitIds, deadline, comment, List.of(), actor);
        }
    }

    /**
     * The head of the lead unit assigns the document to {@code handler}, a specialist of the unit, due on
     * {@code dueOn} (not after the leader's deadline), with their opinion ({@code comment}).
     */
    record AssignHandler(@TargetAggregateIdentifier String documentId, Actor handler, LocalDate dueOn, String comment,
                         Actor actor) implements DocumentCommand {
    }

    record RecordProcessing(@TargetAggregateIdentifier String documentId, String comment, Actor actor)
            implements DocumentCommand {
    }

    /** The reply to this incoming document is the outgoing draft {@code outgoingDocumentId}. */
    record LinkReply(@TargetAggregateIdentifier String documentId, String outgoingDocumentId, Actor actor)
            implements DocumentCommand {
    }

    /** The reply {@code outgoingDocumentId} to this incoming document was issued under {@code numberSymbol}. */
    record RecordReplyIssued(@TargetAggregateIdentifier String documentId, String outgoingDocumentId,
                             String numberSymbol, Actor actor) implements DocumentCommand {
    }

    record CloseDocument(@TargetAggregateIdentifier String documentId, String comment, Actor actor)
            implements DocumentCommand {
    }

    // ---------------------------------------------------------------- both

    record ArchiveDocument(@TargetAggregateIdentifier String documentId, Actor actor) implements DocumentCommand {
    }
}
