package vn.motcua.eoffice.document;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.identity.Signatories;
import vn.motcua.engine.identity.Signatory;
import vn.motcua.engine.identity.SigningRule;
import vn.motcua.engine.identity.SigningRuleViolation;
import vn.motcua.eoffice.document.DocumentCommand.ApproveReview;
import vn.motcua.eoffice.document.DocumentCommand.ArchiveDocument;
import vn.motcua.eoffice.document.DocumentCommand.AssignHandler;
import vn.motcua.eoffice.document.DocumentCommand.AssignNumber;
import vn.motcua.eoffice.document.DocumentCommand.CloseDocument;
import vn.motcua.eoffice.document.DocumentCommand.ConfirmDelivery;
import vn.motcua.eoffice.document.DocumentCommand.DraftDocument;
import vn.motcua.eoffice.document.DocumentCommand.GiveInstructions;
import vn.motcua.eoffice.document.DocumentCommand.IssueDocument;
import vn.motcua.eoffice.document.DocumentCommand.LinkReply;
import vn.motcua.eoffice.document.DocumentCommand.PresentToLeader;
import vn.motcua.eoffice.document.DocumentCommand.RecallDocument;
import vn.motcua.eoffice.document.DocumentCommand.ReceiveDocument;
import vn.motcua.eoffice.document.DocumentCommand.RecordProcessing;
import vn.motcua.eoffice.document.DocumentCommand.RecordReplyIssued;
import vn.motcua.eoffice.document.DocumentCommand.RegisterArrival;
import vn.motcua.eoffice.document.DocumentCommand.ReturnDraft;
import vn.motcua.eoffice.document.DocumentCommand.ReviseDraft;
import vn.motcua.eoffice.document.DocumentCommand.SealDocument;
import vn.motcua.eoffice.document.DocumentCommand.SendBack;
import vn.motcua.eoffice.document.DocumentCommand.SignDocument;
import vn.motcua.eoffice.document.DocumentCommand.SubmitForReview;
import vn.motcua.eoffice.document.DocumentEvent.AgencySealed;
import vn.motcua.eoffice.document.DocumentEvent.ArrivalRegistered;
import vn.motcua.eoffice.document.DocumentEvent.DeliveryConfirmed;
import vn.motcua.eoffice.document.DocumentEvent.DocumentArchived;
import vn.motcua.eoffice.document.DocumentEvent.DocumentClosed;
import vn.motcua.eoffice.document.DocumentEvent.DocumentDrafted;
import vn.motcua.eoffice.document.DocumentEvent.DocumentIssued;
import vn.motcua.eoffice.document.DocumentEvent.DocumentRecalled;
import vn.motcua.eoffice.document.DocumentEvent.DocumentReceived;
import vn.motcua.eoffice.document.DocumentEvent.DocumentSentBack;
import vn.motcua.eoffice.document.DocumentEvent.DocumentSigned;
import vn.motcua.eoffice.document.DocumentEvent.DraftReturned;
import vn.motcua.eoffice.document.DocumentEvent.DraftRevised;
import vn.motcua.eoffice.document.DocumentEvent.HandlerAssigned;
import vn.motcua.eoffice.document.DocumentEvent.InstructionsGiven;
import vn.motcua.eoffice.document.DocumentEvent.NumberAssigned;
import vn.motcua.eoffice.document.DocumentEvent.PresentedToLeader;
import vn.motcua.eoffice.document.DocumentEvent.ProcessingRecorded;
import vn.motcua.eoffice.document.DocumentEvent.ReplyIssued;
import vn.motcua.eoffice.document.DocumentEvent.ReplyLinked;
import vn.motcua.eoffice.document.DocumentEvent.ReviewApproved;
import vn.motcua.eoffice.document.DocumentEvent.SubmittedForReview;
import vn.motcua.eoffice.register.ArrivalNumber;
import vn.motcua.eoffice.register.DocumentRegisters;
import vn.motcua.eoffice.register.RegisteredNumber;

/**
 * An official document under Decree 30/2020/ND-CP (công tác văn thư). Outgoing: draft → review by the
 * head of the drafting unit → approval and signature by the competent leader → number and date from
 * the register → the agency's signature → issue to the recipients → delivery per recipient → archive.
 * Incoming: receipt with its signature check → registration with an arrival number (or sending back)
 * → presentation to a leader → instructions (lead unit, supporting units, deadline) → assignment by the head of the
 * lead unit (handler, due date; Art. 24) → processing by the handler, reply linked to an outgoing draft → close → archive. An issued document can be recalled and
 * is frozen afterwards.
 *
 * <p>Command handlers check one rule each and apply an event; event-sourcing handlers only change state.
 * Numbers are taken from {@link DocumentRegisters} inside the command's transaction, so a failed
 * command gives its number back. Roles: {@link Role#SPECIALIST} drafts and, in the lead unit, handles;
 * {@link Role#UNIT_HEAD} reviews the drafts of their unit (Art. 12) and may handle for the lead unit;
 * {@link Role#LEADER} signs (Art. 13), instructs (Art. 23) and recalls; {@link Role#CLERK} (văn thư)
 * receives, registers, presents, numbers, seals, issues and archives. The one-stop reception officer
 * ({@link Role#RECEPTION}) takes no step here. {@link Role#SYSTEM} may confirm deliveries reported by the
 * document exchange.
 *
 * <p>Replies (Decree 30/2020 Art. 24: the lead unit answers an incoming document, then follows it up): only
 * the lead unit links an outgoing draft as the reply, while the document is instructed or in process; the
 * supporting units give their opinions to the lead unit and do not answer the sender themselves. An
 * incoming document with a linked reply is closed only once that reply has been issued
 * ({@link ReplyIssued}, recorded when the clerk issues it): closing means the matter is answered, and a
 * reply still in draft, review or awaiting signature would drop out of the follow-up of deadlines. A reply
 * issued and later recalled no longer holds the document open.
 *
 * <p>State secrets (Law on Protection of State Secrets 29/2018/QH14, Decree 26/2020/ND-CP; see {@link Secrecy}): of
 * a Tối mật or Tuyệt mật document only the metadata is recorded — a draft or a received document of those levels
 * with a file, attachments or a trích yếu is refused ({@link DocumentRule#CONTENT_OF_HIGHEST_LEVELS_KEPT_OFF_LINE},
 * Law Art. 5(5)) and the level's note is recorded in place of the trích yếu. The leader's instructions on a secret
 * incoming document (Mật and above) name the officials who handle it
 * ({@link DocumentRule#SECRET_DOCUMENT_HANDLED_BY_NAMED_OFFICIALS}): they, with the officials who took its steps, are
 * the people it is assigned to ({@link DocumentPolicy}).
 */
@Aggregate
public class OfficialDocument {

    @AggregateIdentifier
    private String documentId;
    private Direction direction;
    private String agencyId;
    private String unitId;
    private String drafterId;
    private DraftMetadata draft;
    private boolean withContent;
    private Secrecy secrecy;
    private DocumentStatus status;
    private SignatureCheck check;
    private String leadUnitId;
    private LocalDate deadline;
    private final Set<String> namedHandlers = new HashSet<>();
    private String handlerId;
    private boolean processed;
    private final Set<String> replies = new HashSet<>();
    private final Set<String> unissuedReplies = new HashSet<>();
    private final Set<String> undelivered = new HashSet<>();

    protected OfficialDocument() {
        // for event sourcing
    }

    // ---------------------------------------------------------------- outgoing

    @CommandHandler
    public OfficialDocument(DraftDocument command, Clock clock) {
        requireRole(command.actor(), Role.SPECIALIST);
        DraftMetadata metadata = command.metadata();
        boolean content = command.contentSha256() != null || !command.attachments().isEmpty();
        requireContentOnline(metadata == null ? null : metadata.secrecy(),
                content || (metadata != null && metadata.hasSubject()));
        requireMetadata(metadata);
        apply(new DocumentDrafted(command.documentId(), command.agencyId(), command.unitId(), recorded(metadata),
                command.replyTo(), command.contentSha256(), command.attachments(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(ReviseDraft command, Clock clock) {
        requireDrafterWhileDrafting(command.actor());
        DraftMetadata metadata = command.metadata();
        requireContentOnline(metadata == null ? null : metadata.secrecy(),
                withContent || (metadata != null && metadata.hasSubject()));
        requireMetadata(metadata);
        apply(new DraftRevised(documentId, recorded(metadata), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(SubmitForReview command, Clock clock) {
        requireDrafterWhileDrafting(command.actor());
        apply(new SubmittedForReview(documentId, command.comment(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(ApproveReview command, Clock clock) {
        requireUnitHeadInReview(command.actor());
        apply(new ReviewApproved(documentId, command.comment(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(ReturnDraft command, Clock clock) {
        requireStep(Direction.OUTGOING);
        if (status == DocumentStatus.AWAITING_SIGNATURE) {
            requireRole(command.actor(), Role.LEADER);
        } else {
            requireUnitHeadInReview(command.actor());
        }
        requireReason(command.comment(), DocumentRule.RETURN_STATES_REASONS);
        apply(new DraftReturned(documentId, command.comment(), command.actor(), clock.instant()));
    }

    /**
     * Decree 30/2020 Art. 13: the head of the agency signs every kind in their own right; anyone else only under a
     * delegation of the head that covers this kind of document on the day ({@link Signatories}: KT., TL., TUQ.).
     */
    @CommandHandler
    public void handle(SignDocument command, Clock clock, Signatories signatories) {
        requireStep(Direction.OUTGOING);
        requireRole(command.actor(), Role.LEADER);
        if (status != DocumentStatus.AWAITING_SIGNATURE) {
            throw new DocumentRuleViolation(DocumentRule.SIGNATURE_AFTER_REVIEW);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        if (!signatories.maySign(command.actor().id(), agencyId, draft.type().name(), today)) {
            throw new SigningRuleViolation(SigningRule.SIGNER_HAS_AUTHORITY);
        }
        Signatory signatory = signatories.of(command.actor().id(), agencyId, draft.type().name(), today);
        apply(new DocumentSigned(documentId, command.comment(), command.contentSha256(), signatory, command.actor(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(AssignNumber command, Clock clock, DocumentRegisters registers) {
        requireStep(Direction.OUTGOING);
        requireRole(command.actor(), Role.CLERK);
        if (status != DocumentStatus.SIGNED) {
            throw new DocumentRuleViolation(DocumentRule.NUMBER_AFTER_SIGNATURE);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        // Decree 30/2020 Art. 15: the register of the issuing unit for this kind of document, per agency and year
        RegisteredNumber number = registers.nextOutgoing(agencyId, unitId, draft.issuerAbbreviation(), draft.type(),
                draft.secrecy().series(), today);
        apply(new NumberAssigned(documentId, number.number(), number.formatted(), number.symbol(),
                number.identifier(), today, number.register(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(SealDocument command, Clock clock) {
        requireStep(Direction.OUTGOING);
        requireRole(command.actor(), Role.CLERK);
        if (status != DocumentStatus.NUMBERED) {
            throw new DocumentRuleViolation(DocumentRule.SEAL_AFTER_NUMBER);
        }
        apply(new AgencySealed(documentId, command.contentSha256(), command.attachmentSha256(), command.actor(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(IssueDocument command, Clock clock) {
        requireStep(Direction.OUTGOING);
        requireRole(command.actor(), Role.CLERK);
        if (status != DocumentStatus.SEALED) {
            throw new DocumentRuleViolation(DocumentRule.ISSUE_AFTER_SEAL);
        }
        apply(new DocumentIssued(documentId, draft.recipients(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(ConfirmDelivery command, Clock clock) {
        requireStep(Direction.OUTGOING);
        requireRole(command.actor(), Role.CLERK, Role.SYSTEM);
        if (status != DocumentStatus.ISSUED || !undelivered.contains(command.recipientId())) {
            throw new DocumentRuleViolation(DocumentRule.DELIVERY_TO_EACH_RECIPIENT_ONCE);
        }
        apply(new DeliveryConfirmed(documentId, command.recipientId(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(RecallDocument command, Clock clock) {
        requireStep(Direction.OUTGOING);
        if (command.actor().role() != Role.LEADER || status != DocumentStatus.ISSUED
                || command.reason() == null || command.reason().isBlank()) {
            throw new DocumentRuleViolation(DocumentRule.RECALL_ONLY_ISSUED_WITH_REASON);
        }
        apply(new DocumentRecalled(documentId, command.reason(), command.actor(), clock.instant()));
    }

    // ---------------------------------------------------------------- incoming

    @CommandHandler
    public OfficialDocument(ReceiveDocument command, Clock clock) {
        requireRole(command.actor(), Role.CLERK);
        ReceivedMetadata metadata = command.metadata();
        requireContentOnline(metadata == null ? null : metadata.secrecy(),
                command.contentSha256() != null || (metadata != null && metadata.hasSubject()));
        if (metadata == null || !metadata.complete() || command.check() == null) {
            throw new DocumentRuleViolation(DocumentRule.RECEIVED_METADATA_COMPLETE);
        }
        apply(new DocumentReceived(command.documentId(), command.agencyId(),
                metadata.secrecy().contentKeptOffline() ? metadata.withOfflineNote() : metadata, command.check(),
                command.contentSha256(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(SendBack command, Clock clock) {
        requireStep(Direction.INCOMING);
        requireRole(command.actor(), Role.CLERK);
        if (status != DocumentStatus.RECEIVED) {
            throw new DocumentRuleViolation(DocumentRule.SEND_BACK_BEFORE_REGISTRATION);
        }
        requireReason(command.reason(), DocumentRule.SEND_BACK_BEFORE_REGISTRATION);
        apply(new DocumentSentBack(documentId, command.reason(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(RegisterArrival command, Clock clock, DocumentRegisters registers) {
        requireStep(Direction.INCOMING);
        requireRole(command.actor(), Role.CLERK);
        // a document kept off-line has no electronic copy here: the clerk checks the paper or isolated-network one
        if (status != DocumentStatus.RECEIVED || !(check.valid() || secrecy.contentKeptOffline())) {
            throw new DocumentRuleViolation(DocumentRule.REGISTER_ONLY_AUTHENTIC_DOCUMENTS);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        ArrivalNumber number = registers.nextArrival(agencyId, secrecy.series(), today);
        apply(new ArrivalRegistered(documentId, number.number(), number.formatted(), number.arrivedOn(),
                command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(PresentToLeader command, Clock clock) {
        requireStep(Direction.INCOMING);
        requireRole(command.actor(), Role.CLERK);
        if (command.leader() == null || command.leader().role() != Role.LEADER) {
            throw new DocumentRuleViolation(DocumentRule.STEP_TAKEN_IN_ITS_ROLE);
        }
        if (status != DocumentStatus.REGISTERED) {
            throw new DocumentRuleViolation(DocumentRule.PRESENT_AFTER_REGISTRATION);
        }
        apply(new PresentedToLeader(documentId, command.leader(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(GiveInstructions command, Clock clock) {
        requireStep(Direction.INCOMING);
        requireRole(command.actor(), Role.LEADER);
        if (status != DocumentStatus.REGISTERED && status != DocumentStatus.PRESENTED) {
            throw new DocumentRuleViolation(DocumentRule.INSTRUCTIONS_AFTER_REGISTRATION);
        }
        List<String> supporting = command.supportingUnitIds() == null ? List.of() : command.supportingUnitIds();
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        if (command.leadUnitId() == null || command.leadUnitId().isBlank() || supporting.contains(command.leadUnitId())
                || supporting.stream().distinct().count() != supporting.size()
                || command.deadline() == null || command.deadline().isBefore(today)) {
            throw new DocumentRuleViolation(DocumentRule.INSTRUCTIONS_NAME_LEAD_UNIT_AND_DEADLINE);
        }
        List<String> handlers = command.handlerIds();
        if (handlers.stream().anyMatch(id -> id == null || id.isBlank())
                || handlers.stream().distinct().count() != handlers.size()
                || (secrecy.isSecret() && handlers.isEmpty())) {
            throw new DocumentRuleViolation(DocumentRule.SECRET_DOCUMENT_HANDLED_BY_NAMED_OFFICIALS);
        }
        apply(new InstructionsGiven(documentId, command.leadUnitId(), List.copyOf(supporting), command.deadline(),
                command.comment(), handlers, command.actor(), clock.instant()));
    }

    /**
     * Decree 30/2020 Art. 24: once the leader named the lead unit and the deadline, the head of that unit assigns the
     * handler — a specialist of the unit (for a secret document one of the officials the leader named) — and the
     * handler's due date, today or later and not after the leader's deadline.
     */
    @CommandHandler
    public void handle(AssignHandler command, Clock clock) {
        requireStep(Direction.INCOMING);
        Actor head = command.actor();
        if (status != DocumentStatus.INSTRUCTED || head.role() != Role.UNIT_HEAD
                || !leadUnitId.equals(head.unitId())) {
            throw new DocumentRuleViolation(DocumentRule.ASSIGNMENT_BY_HEAD_OF_LEAD_UNIT);
        }
        Actor handler = command.handler();
        if (handler == null || handler.role() != Role.SPECIALIST || !leadUnitId.equals(handler.unitId())) {
            throw new DocumentRuleViolation(DocumentRule.HANDLER_IS_SPECIALIST_OF_LEAD_UNIT);
        }
        if (secrecy.isSecret() && !namedHandlers.contains(handler.id())) {
            throw new DocumentRuleViolation(DocumentRule.SECRET_DOCUMENT_HANDLED_BY_NAMED_OFFICIALS);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        if (command.dueOn() == null || command.dueOn().isBefore(today) || command.dueOn().isAfter(deadline)) {
            throw new DocumentRuleViolation(DocumentRule.ASSIGNED_DUE_DATE_WITHIN_LEADERS_DEADLINE);
        }
        apply(new HandlerAssigned(documentId, handler, command.dueOn(), command.comment(), head, clock.instant()));
    }

    @CommandHandler
    public void handle(RecordProcessing command, Clock clock) {
        requireLeadUnit(command.actor());
        requireAssignedHandler(command.actor());
        apply(new ProcessingRecorded(documentId, command.comment(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(LinkReply command, Clock clock) {
        requireStep(Direction.INCOMING);
        String reply = command.outgoingDocumentId();
        if (!handling() || reply == null || reply.isBlank() || replies.contains(reply)) {
            throw new DocumentRuleViolation(DocumentRule.REPLY_TO_DOCUMENT_IN_PROCESS);
        }
        requireLeadUnit(command.actor());
        apply(new ReplyLinked(documentId, reply, command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(RecordReplyIssued command, Clock clock) {
        requireStep(Direction.INCOMING);
        requireRole(command.actor(), Role.CLERK, Role.SYSTEM);
        if (!unissuedReplies.contains(command.outgoingDocumentId())) {
            throw new DocumentRuleViolation(DocumentRule.REPLY_ISSUED_WHEN_LINKED);
        }
        apply(new ReplyIssued(documentId, command.outgoingDocumentId(), command.numberSymbol(), command.actor(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(CloseDocument command, Clock clock) {
        requireLeadUnit(command.actor());
        requireAssignedHandler(command.actor());
        if (!processed) {
            throw new DocumentRuleViolation(DocumentRule.CLOSE_AFTER_PROCESSING);
        }
        if (!unissuedReplies.isEmpty()) {
            throw new DocumentRuleViolation(DocumentRule.CLOSE_AFTER_REPLY_ISSUED);
        }
        apply(new DocumentClosed(documentId, command.comment(), command.actor(), clock.instant()));
    }

    // ---------------------------------------------------------------- both

    @CommandHandler
    public void handle(ArchiveDocument command, Clock clock) {
        requireNotFrozen();
        requireRole(command.actor(), Role.CLERK);
        boolean complete = direction == Direction.OUTGOING ? status == DocumentStatus.ISSUED
                : status == DocumentStatus.CLOSED;
        if (!complete) {
            throw new DocumentRuleViolation(DocumentRule.ARCHIVE_AFTER_COMPLETION);
        }
        apply(new DocumentArchived(documentId, command.actor(), clock.instant()));
    }

    // ---------------------------------------------------------------- checks

    private void requireStep(Direction expected) {
        if (direction != expected) {
            throw new DocumentRuleViolation(DocumentRule.STEP_OF_ITS_DIRECTION);
        }
        requireNotFrozen();
    }

    private void requireNotFrozen() {
        switch (status) {
            case RECALLED -> throw new DocumentRuleViolation(DocumentRule.RECALLED_DOCUMENT_IS_FROZEN);
            case SENT_BACK -> throw new DocumentRuleViolation(DocumentRule.SENT_BACK_DOCUMENT_IS_FINAL);
            case ARCHIVED -> throw new DocumentRuleViolation(DocumentRule.ARCHIVED_DOCUMENT_IS_FINAL);
            default -> {
                // open
            }
        }
    }

    private void requireDrafterWhileDrafting(Actor actor) {
        requireStep(Direction.OUTGOING);
        if (!actor.id().equals(drafterId)
                || (status != DocumentStatus.DRAFT && status != DocumentStatus.RETURNED)) {
            throw new DocumentRuleViolation(DocumentRule.DRAFTER_REVISES_AND_SUBMITS);
        }
    }

    private void requireUnitHeadInReview(Actor actor) {
        requireStep(Direction.OUTGOING);
        if (actor.role() != Role.UNIT_HEAD || !unitId.equals(actor.unitId()) || status != DocumentStatus.IN_REVIEW) {
            throw new DocumentRuleViolation(DocumentRule.REVIEW_BY_UNIT_HEAD);
        }
    }

    private void requireLeadUnit(Actor actor) {
        requireStep(Direction.INCOMING);
        if (!handling() || (actor.role() != Role.SPECIALIST && actor.role() != Role.UNIT_HEAD)
                || !leadUnitId.equals(actor.unitId())) {
            throw new DocumentRuleViolation(DocumentRule.PROCESSING_BY_LEAD_UNIT);
        }
    }

    /**
     * Once a handler is assigned, a specialist other than the handler does not process or close the document; the head
     * of the lead unit still may. A document instructed before assignments existed has none and stays open to its lead
     * unit (its process, of an earlier version, has no assignment step).
     */
    private void requireAssignedHandler(Actor actor) {
        if (handlerId != null && actor.role() == Role.SPECIALIST && !handlerId.equals(actor.id())) {
            throw new DocumentRuleViolation(DocumentRule.PROCESSING_BY_ASSIGNED_HANDLER);
        }
    }

    /** Instructed (and perhaps assigned) and not yet closed: the lead unit is handling the incoming document. */
    private boolean handling() {
        return status == DocumentStatus.INSTRUCTED || status == DocumentStatus.ASSIGNED
                || status == DocumentStatus.IN_PROCESS;
    }

    /**
     * Law 29/2018 Art. 5(5): nothing of the content of a Tối mật or Tuyệt mật document — file, attachment, trích yếu —
     * is drafted or kept here. Also asked by {@link DocumentWorkflow} before it stores or reads any uploaded byte.
     */
    static void requireContentOnline(Secrecy secrecy, boolean content) {
        if (secrecy != null && secrecy.contentKeptOffline() && content) {
            throw new DocumentRuleViolation(DocumentRule.CONTENT_OF_HIGHEST_LEVELS_KEPT_OFF_LINE);
        }
    }

    /** The draft's metadata as recorded: a level kept off-line carries its note in place of the trích yếu. */
    private static DraftMetadata recorded(DraftMetadata metadata) {
        return metadata.secrecy().contentKeptOffline() ? metadata.withOfflineNote() : metadata;
    }

    private static void requireMetadata(DraftMetadata metadata) {
        if (metadata == null || !metadata.complete()) {
            throw new DocumentRuleViolation(DocumentRule.DRAFT_METADATA_COMPLETE);
        }
    }

    private static void requireRole(Actor actor, Role... roles) {
        for (Role role : roles) {
            if (actor.role() == role) {
                return;
            }
        }
        throw new DocumentRuleViolation(DocumentRule.STEP_TAKEN_IN_ITS_ROLE);
    }

    private static void requireReason(String reason, DocumentRule rule) {
        if (reason == null || reason.isBlank()) {
            throw new DocumentRuleViolation(rule);
        }
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(DocumentDrafted event) {
        documentId = event.documentId();
        direction = Direction.OUTGOING;
        agencyId = event.agencyId();
        unitId = event.unitId();
        drafterId = event.actor().id();
        draft = event.metadata();
        secrecy = draft.secrecy();
        withContent = event.contentSha256() != null || !event.attachments().isEmpty();
        status = DocumentStatus.after(status, event);
    }

    @EventSourcingHandler
    void on(DraftRevised event) {
        draft = event.metadata();
        secrecy = draft.secrecy();
    }

    @EventSourcingHandler
    void on(SubmittedForReview event) {
        status = DocumentStatus.after(status, event);
    }

    @EventSourcingHandler
    void on(ReviewApproved event) {
        status = DocumentStatus.after(status, event);
    }

    @EventSourcingHandler
    void on(DraftReturned event) {
        status = DocumentStatus.after(status, event);
    }

    @EventSourcingHandler
    void on(DocumentSigned event) {
        status = DocumentStatus.after(status, event);
    }

    @EventSourcingHandler
    void on(NumberAssigned event) {
        status = DocumentStatus.after(status, event);
    }

    @EventSourcingHandler
    void on(AgencySealed event) {
        status = DocumentStatus.after(status, event);
    }

    @EventSourcingHandler
    void on(DocumentIssued event) {
        status = DocumentStatus.after(status, event);
        event.recipients().forEach(recipient -> undelivered.add(recipient.id()));
    }

    @EventSourcingHandler
    void on(DeliveryConfirmed event) {
        undelivered.remove(event.recipientId());
    }

    @EventSourcingHandler
    void on(DocumentRecalled event) {
        status = DocumentStatus.after(status, event);
    }

    @EventSourcingHandler
    void on(DocumentReceived event) {
        documentId = event.documentId();
        direction = Direction.INCOMING;
        agencyId = event.agencyId();
        secrecy = event.metadata().secrecy();
        check = event.check();
        status = DocumentStatus.after(status, event);
    }

    @EventSourcingHandler
    void on(DocumentSentBack event) {
        status = DocumentStatus.after(status, event);
    }

    @EventSourcingHandler
    void on(ArrivalRegistered event) {
        status = DocumentStatus.after(status, event);
    }

    @EventSourcingHandler
    void on(PresentedToLeader event) {
        status = DocumentStatus.after(status, event);
    }

    @EventSourcingHandler
    void on(InstructionsGiven event) {
        status = DocumentStatus.after(status, event);
        leadUnitId = event.leadUnitId();
        deadline = event.deadline();
        namedHandlers.addAll(event.handlerIds());
    }

    @EventSourcingHandler
    void on(HandlerAssigned event) {
        status = DocumentStatus.after(status, event);
        handlerId = event.handler().id();
    }

    @EventSourcingHandler
    void on(ProcessingRecorded event) {
        status = DocumentStatus.after(status, event);
        processed = true;
    }

    @EventSourcingHandler
    void on(ReplyLinked event) {
        status = DocumentStatus.after(status, event);
        replies.add(event.outgoingDocumentId());
        unissuedReplies.add(event.outgoingDocumentId());
    }

    @EventSourcingHandler
    void on(ReplyIssued event) {
        unissuedReplies.remove(event.outgoingDocumentId());
    }

    @EventSourcingHandler
    void on(DocumentClosed event) {
        status = DocumentStatus.after(status, event);
    }

    @EventSourcingHandler
    void on(DocumentArchived event) {
        status = DocumentStatus.after(status, event);
    }
}
