package vn.motcua.eoffice.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;

import vn.motcua.engine.access.AccessCheck;
import vn.motcua.engine.access.Scope;
import vn.motcua.engine.audit.crypto.DevPki;
import vn.motcua.engine.audit.crypto.Signer;
import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.document.BoundedPdf;
import vn.motcua.engine.document.DocumentStore;
import vn.motcua.engine.document.Upload;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.identity.Signatories;
import vn.motcua.engine.identity.Signatory;
import vn.motcua.engine.platform.Steps;
import vn.motcua.engine.platform.task.TaskDecision;
import vn.motcua.engine.problem.Problem;
import vn.motcua.engine.readmodel.MongoReadModels;
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
import vn.motcua.eoffice.document.DocumentCommand.SealDocument;
import vn.motcua.eoffice.document.DocumentCommand.SendBack;
import vn.motcua.eoffice.document.DocumentCommand.SignDocument;
import vn.motcua.eoffice.document.DocumentCommand.SubmitForReview;
import vn.motcua.eoffice.document.DocumentStep.Outcome;
import vn.motcua.eoffice.signing.OutgoingDocumentPdf;
import vn.motcua.eoffice.signing.PadesSigner;
import vn.motcua.eoffice.signing.PdfSignatureVerifier;

/**
 * The BPMN bridge of official documents, with the discipline of the dossier bridge: every step is one
 * transaction in which the {@link OfficialDocument} aggregate appends its event and Camunda moves the
 * {@code outgoing_document} / {@code incoming_document} process on the same connection. The process says
 * who works next (candidate groups {@code ROLE@unit}); the aggregate says what is allowed. The agency of a
 * document is the official's org unit. Its tasks are listed, claimed and completed by the platform's one inbox
 * ({@link vn.motcua.engine.platform.task.TaskInbox}); {@link DocumentTasks} hands each decision to
 * {@link #decide} here, which turns it into the aggregate's commands.
 *
 * <p>Outgoing documents carry a PDF, kept in the content store by SHA-256; each event that changes it names
 * the new hash. The PDF steps are {@link OutgoingDocumentPdf}'s, in the Decree 30 Art. 15 order: the leader's
 * step signs the draft (PAdES B-T, blue signature in a fixed block on the last page); after the clerk's
 * number step (NumberAssigned), the seal step stamps "Số: 05/QĐ-SYT" and "<place>, ngày … tháng … năm …" on
 * page 1 in an incremental update (read-only form fields; the leader's signature stays valid), adds the
 * agency's seal signature over that numbered revision and archives it as B-LTA. The place is the unit's
 * configured {@code place}.
 *
 * <p>A draft may carry attachments in separate PDF files (phụ lục, văn bản kèm theo; at most
 * {@value #MAX_ATTACHMENTS}, each a readable unencrypted PDF stored by hash like the main file). The leader's step
 * leaves them unchanged; in the seal step, after the main file, each is signed by the agency's seal with no image,
 * the number/symbol and the signing time at the top right of its page 1 (Decree 30 Appendix I), and archived as
 * B-LTA; AgencySealed names their new hashes, in the draft's order.
 *
 * <p>Incoming documents are verified here with {@link PdfSignatureVerifier}, never on the caller's word; an invalid
 * one stays received so the clerk can send it back.
 *
 * <p>A draft may answer an incoming document ({@code replyTo}, Decree 30/2020 Art. 24): in the draft's own
 * transaction the incoming document is sent {@link LinkReply}, so its aggregate decides (lead unit, still
 * being handled) and a refused link leaves nothing behind, neither draft nor process. When the clerk issues
 * the reply, the incoming document records it ({@link RecordReplyIssued}) in the same transaction; until then
 * its lead unit cannot close it (see {@link OfficialDocument}).
 */
@Service
public class DocumentWorkflow {

    public static final String OUTGOING_PROCESS = "outgoing_document";
    public static final String INCOMING_PROCESS = "incoming_document";

    private final CommandGateway commands;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final EventStore eventStore;
    private final MotcuaProperties properties;
    private final DocumentStore documents;
    private final PadesSigner pades;
    private final PdfSignatureVerifier verifier;
    private final ObjectProvider<DevPki> devPki;
    private final DocumentPolicy policy;
    private final MongoReadModels readModels;
    private final BoundedPdf pdfs;
    private final Officials officials;
    private final Signatories signatories;
    private final java.time.Clock clock;

    /** The signature check of a document kept off-line: there is no electronic copy here to verify. */
    private static final SignatureCheck OFFLINE_CHECK = new SignatureCheck(false, List.of(),
            "Không có bản điện tử trên hệ thống (văn bản Tối mật, Tuyệt mật); văn thư kiểm tra bản lưu ngoài mạng"
                    + " / No electronic copy here (kept off-line); the clerk checks the off-line copy");

    /** The most documents one list shows. */
    public static final int LIST_LIMIT = 200;

    /** The most attachments an outgoing draft may carry. */
    public static final int MAX_ATTACHMENTS = 20;

    /** The message that ends an outgoing process as recalled. */
    public static final String RECALLED_MESSAGE = "documentRecalled";

    public DocumentWorkflow(CommandGateway commands, RuntimeService runtime,
                            TransactionTemplate transaction, EventStore eventStore, MotcuaProperties properties,
                            DocumentStore documents, PadesSigner pades, PdfSignatureVerifier verifier,
                            ObjectProvider<DevPki> devPki, DocumentPolicy policy, MongoReadModels readModels,
                            BoundedPdf pdfs, Officials officials, Signatories signatories, java.time.Clock clock) {
        this.signatories = signatories;
        this.clock = clock;
        this.pdfs = pdfs;
        this.officials = officials;
        this.policy = policy;
        this.readModels = readModels;
        this.documents = documents;
        this.pades = pades;
        this.verifier = verifier;
        this.devPki = devPki;
        this.commands = commands;
        this.runtime = runtime;
        this.transaction = transaction;
        this.eventStore = eventStore;
        this.properties = properties;
    }

    /** A decision on a document task; the fields besides {@code outcome} and {@code comment} serve one step each. */
    /** {@code handlerIds}: with INSTRUCT, the officials the leader assigns the document to (required if secret). */
    /** {@code handlerId}, {@code dueOn}: with ASSIGN, the specialist the head of the lead unit assigns, and when due. */
    public record Decision(Outcome outcome, String comment, String leaderId, String leaderName, String leadUnitId,
                           List<String> supportingUnitIds, LocalDate deadline, String recipientId,
                           List<String> handlerIds, String handlerId, LocalDate dueOn) implements TaskDecision {
        public Decision(Outcome outcome, String comment, String leaderId, String leaderName, String leadUnitId,
                        List<String> supportingUnitIds, LocalDate deadline, String recipientId,
                        List<String> handlerIds) {
            this(outcome, comment, leaderId, leaderName, leadUnitId, supportingUnitIds, deadline, recipientId,
                    handlerIds, null, null);
        }
    }

    /**
     * A document as officials see it, from its MongoDB view ({@link DocumentProjection}). {@code replyTo}: the
     * incoming document an outgoing one answers; {@code replies}: the outgoing documents that answer an incoming one;
     * {@code assignees}: the officials the workflow named on it (steps taken, leader presented to, handlers);
     * {@code handlerId}, {@code handlerName}, {@code dueOn}: the handler the head of the lead unit assigned, and when
     * it is due.
     */
    public record View(String documentId, Direction direction, String unitId, DocumentStatus status,
                       String statusLabelVi, String subject, String type, Integer number, String numberSymbol,
                       LocalDate issuedOn, String identifier, Integer arrivalNumber, String arrivalFormatted,
                       LocalDate arrivedOn, String leadUnitId, List<String> supportingUnitIds, LocalDate deadline,
                       String senderName, String senderNumberSymbol, SignatureCheck signatureCheck, String replyTo,
                       List<String> replies, List<Attachment> attachments, Secrecy secrecy, List<String> assignees,
                       String handlerId, String handlerName, LocalDate dueOn) {
        public View {
            assignees = assignees == null ? List.of() : List.copyOf(assignees);
        }

        public View(String documentId, Direction direction, String unitId, DocumentStatus status,
                    String statusLabelVi, String subject, String type, Integer number, String numberSymbol,
                    LocalDate issuedOn, String identifier, Integer arrivalNumber, String arrivalFormatted,
                    LocalDate arrivedOn, String leadUnitId, List<String> supportingUnitIds, LocalDate deadline,
                    String senderName, String senderNumberSymbol, SignatureCheck signatureCheck, String replyTo,
                    List<String> replies, List<Attachment> attachments, Secrecy secrecy, List<String> assignees) {
            this(documentId, direction, unitId, status, statusLabelVi, subject, type, number, numberSymbol, issuedOn,
                    identifier, arrivalNumber, arrivalFormatted, arrivedOn, leadUnitId, supportingUnitIds, deadline,
                    senderName, senderNumberSymbol, signatureCheck, replyTo, replies, attachments, secrecy, assignees,
                    null, null, null);
        }
    }

    /** One step of a document's history, read from the event store. */
    public record HistoryEntry(long sequence, String type, String labelVi, Instant at, Actor actor,
                               DocumentEvent event) {
    }

    /**
     * A specialist starts an outgoing draft in their unit, with its PDF (checked and stored by hash); with
     * {@code replyTo}, as the reply to an incoming document their unit leads on, linked first. A Tối mật or Tuyệt mật
     * draft has no PDF, no attachment and no trích yếu ({@link DocumentRule#CONTENT_OF_HIGHEST_LEVELS_KEPT_OFF_LINE}):
     * one that brings any is refused before a byte of it is read or stored.
     */
    public View draft(DraftMetadata metadata, String replyTo, Upload pdf, Identity who) {
        return draft(metadata, replyTo, pdf, List.of(), who);
    }

    /**
     * As {@link #draft(DraftMetadata, String, Upload, Identity)}, with attachments in separate PDF files, each
     * one a PDF the seal step can sign (readable, not encrypted), stored by hash like the main file.
     */
    public View draft(DraftMetadata metadata, String replyTo, Upload pdf, List<Upload> attachments, Identity who) {
        Actor drafter = Steps.actorAs(who, Role.SPECIALIST);
        List<Upload> files = attachments == null ? List.of() : attachments;
        Secrecy level = metadata == null ? null : metadata.secrecy();
        OfficialDocument.requireContentOnline(level, pdf != null || !files.isEmpty());
        if (pdf == null && (level == null || !level.contentKeptOffline())) {
            throw Problem.invalid("file", "Thiếu tệp PDF của dự thảo / The draft's PDF is missing");
        }
        if (files.size() > MAX_ATTACHMENTS) {
            throw Problem.invalid("attachments", "Tối đa " + MAX_ATTACHMENTS + " văn bản kèm theo / At most "
                    + MAX_ATTACHMENTS + " attachments");
        }
        files.forEach(this::requireSignablePdf);
        String id = UUID.randomUUID().toString();
        return view(step(() -> {
            if (replyTo != null) {
                linkReply(replyTo, id, drafter, who);
            }
            String sha256 = pdf == null ? null : documents.storeAll(List.of(pdf)).getFirst().sha256();
            List<Attachment> stored = documents.storeAll(files).stream()
                    .map(file -> new Attachment(file.fileName(), file.sha256())).toList();
            commands.sendAndWait(new DraftDocument(id, who.unitId(), who.unitId(), metadata, replyTo, sha256,
                    stored, drafter));
            runtime.startProcessInstanceByKey(OUTGOING_PROCESS, id,
                    Map.of("documentId", id, "unitId", who.unitId(), "drafterId", who.id()));
            return id;
        }));
    }

    /**
     * The clerk receives an incoming electronic document: its signatures are verified here and the result
     * recorded with it; an authentic one is registered with an arrival number, any other stays received
     * (to be sent back). A Tối mật or Tuyệt mật document is received as metadata only — no file, no trích yếu — and
     * registered: its paper or isolated-network copy is checked by the clerk off-line (Decree 26/2020/ND-CP); one
     * brought with a file is refused before the file is read or stored.
     */
    public View receive(ReceivedMetadata metadata, Upload pdf, Identity who) {
        Actor clerk = Steps.actorAs(who, Role.CLERK);
        Secrecy level = metadata == null ? null : metadata.secrecy();
        boolean offline = level != null && level.contentKeptOffline();
        OfficialDocument.requireContentOnline(level, pdf != null);
        if (pdf == null && !offline) {
            throw Problem.invalid("file", "Thiếu tệp văn bản đến / The incoming document's file is missing");
        }
        String id = UUID.randomUUID().toString();
        return view(step(() -> {
            String sha256 = offline ? null : documents.storeAll(List.of(pdf)).getFirst().sha256();
            SignatureCheck check = offline ? OFFLINE_CHECK : verify(pdf.content());
            commands.sendAndWait(new ReceiveDocument(id, who.unitId(), metadata, check, sha256, clerk));
            if (check.valid() || offline) {
                commands.sendAndWait(new RegisterArrival(id, clerk));
                runtime.startProcessInstanceByKey(INCOMING_PROCESS, id,
                        Map.of("documentId", id, "unitId", who.unitId()));
            }
            return id;
        }));
    }

    /** The clerk sends a received (not registered) document back to its sender, with the reason. */
    public View sendBack(String documentId, String reason, Identity who) {
        Actor clerk = Steps.actorAs(who, Role.CLERK);
        AccessCheck.toAct(policy, who, documentId, found(documentId));
        return view(step(() -> {
            commands.sendAndWait(new SendBack(documentId, reason, clerk));
            return documentId;
        }));
    }

    /** A leader recalls an issued document; its outgoing process ends as recalled. */
    public View recall(String documentId, String reason, Identity who) {
        Actor leader = Steps.actorAs(who, Role.LEADER);
        AccessCheck.toAct(policy, who, documentId, found(documentId));
        return view(step(() -> {
            commands.sendAndWait(new RecallDocument(documentId, reason, leader));
            runtime.createMessageCorrelation(RECALLED_MESSAGE).processInstanceBusinessKey(documentId).correlateAll();
            return documentId;
        }));
    }

    /** The latest version of the document's PDF (signed, sealed, as received). */
    public byte[] pdf(String documentId, Identity who) {
        AccessCheck.toSee(policy, who, documentId, found(documentId));
        String sha256 = content(documentId).sha256();
        if (sha256 == null) {
            throw Problem.notFound("pdf", "Văn bản không có tệp PDF / The document has no PDF");
        }
        return documents.content(sha256).orElseThrow(() -> Problem.notFound("pdf",
                "Không tìm thấy tệp PDF / The PDF is missing"));
    }

    /** The latest version of the document's attachment {@code index} (from 0): as drafted, or sealed. */
    public byte[] attachment(String documentId, int index, Identity who) {
        AccessCheck.toSee(policy, who, documentId, found(documentId));
        List<Attachment> attachments = content(documentId).attachments();
        if (index < 0 || index >= attachments.size()) {
            throw Problem.notFound("attachment", "Văn bản không có văn bản kèm theo số " + index
                    + " / The document has no attachment " + index);
        }
        return documents.content(attachments.get(index).sha256()).orElseThrow(() -> Problem.notFound("attachment",
                "Không tìm thấy tệp văn bản kèm theo / The attachment's file is missing"));
    }

    /** The document, for those its policy lets see it ({@link DocumentPolicy}); for anyone else 404. */
    public View find(String documentId, Identity who) {
        return AccessCheck.toSee(policy, who, documentId, found(documentId));
    }

    /**
     * The documents within the official's reach as the access policy scopes it (an official: their unit's own, and
     * those it was instructed to lead or support; an inspector: every unit's), the most recently changed first, at
     * most {@value #LIST_LIMIT}, read from their MongoDB views; {@code status} and {@code direction} narrow the list
     * when given.
     */
    public List<View> list(DocumentStatus status, Direction direction, Identity who) {
        Scope scope = policy.scope(who);
        if (scope.isNothing()) {
            throw Problem.forbidden("Chỉ cán bộ và thanh tra mới xem được văn bản / Only officials and inspectors see"
                    + " documents");
        }
        return readModels.views(DocumentPlatform.DOCUMENTS, DocumentProjection.filter(scope.unitId(), status,
                        direction), DocumentProjection.NEWEST_FIRST, LIST_LIMIT).stream()
                .map(DocumentProjection::toView).filter(view -> policy.maySee(who, view)).toList();
    }

    /**
     * The documents among {@code documentIds} whose tasks {@code who} may not see although the tasks are of their
     * role and unit: secret documents not assigned to them ({@link DocumentPolicy}). Unclassified documents are judged
     * from the stored views in one query and never hidden; a secret one, or one not yet in the read model, is judged
     * with the events no processor has projected yet, so that the official a step was just routed to finds it at once.
     */
    Set<String> hiddenFrom(Identity who, Set<String> documentIds) {
        if (documentIds.isEmpty()) {
            return Set.of();
        }
        Map<String, View> stored = new HashMap<>();
        try {
            readModels.views(DocumentPlatform.DOCUMENTS, Filters.in("_id", documentIds),
                            DocumentProjection.NEWEST_FIRST, documentIds.size())
                    .forEach(view -> stored.put(view.getString("documentId"), DocumentProjection.toView(view)));
        } catch (MongoException e) {
            // judged one by one from the events below
        }
        Set<String> hidden = new HashSet<>();
        for (String id : documentIds) {
            View view = stored.get(id);
            if (view == null || secret(view)) {
                view = readModels.viewWithPendingEvents(DocumentPlatform.DOCUMENTS, id)
                        .map(DocumentProjection::toView).orElse(null);
            }
            if (view != null && secret(view) && !policy.maySee(who, view)) {
                hidden.add(id);
            }
        }
        return hidden;
    }

    private static boolean secret(View view) {
        return view.secrecy() != null && view.secrecy().isSecret();
    }

    public List<HistoryEntry> history(String documentId, Identity who) {
        AccessCheck.toSee(policy, who, documentId, found(documentId));
        return events(documentId).stream()
                .map(message -> {
                    DocumentEvent event = (DocumentEvent) message.getPayload();
                    return new HistoryEntry(message.getSequenceNumber(), event.getClass().getSimpleName(),
                            event.labelVi(), event.at(), event.actor(), event);
                }).toList();
    }

    /**
     * Records a decision on the document's {@code step} task (for {@link DocumentTasks}, inside the one inbox's
     * step transaction, after its role and unit check): the aggregate's command, or one per delivered recipient;
     * an issued reply is recorded on the incoming document it answers. Adds the process variables the BPMN reads.
     */
    View decide(String id, DocumentStep step, Decision decision, Actor actor, Identity who,
                Map<String, Object> variables) {
        if (step == DocumentStep.TRACK_DELIVERY) {
            confirmDeliveries(id, decision, actor, variables);
        } else if (step == DocumentStep.ASSIGN) {
            assignHandler(id, decision, actor, variables);
        } else {
            commands.sendAndWait(command(id, decision, actor, who, variables));
        }
        if (step == DocumentStep.ISSUE) {
            recordReplyIssued(id, actor);
        }
        return viewWithThisStep(id);
    }

    private DocumentCommand command(String id, Decision decision, Actor actor, Identity who,
                                    Map<String, Object> variables) {
        return switch (decision.outcome()) {
            case SUBMIT -> new SubmitForReview(id, decision.comment(), actor);
            case APPROVE -> new ApproveReview(id, decision.comment(), actor);
            case RETURN -> new ReturnDraft(id, decision.comment(), actor);
            case SIGN -> new SignDocument(id, decision.comment(), signByLeader(id, actor), actor);
            case NUMBER -> new AssignNumber(id, actor);
            case SEAL -> sealByAgency(id, actor);
            case DELIVERED, ALL_DELIVERED -> throw new IllegalStateException("delivery is confirmed per recipient");
            case ISSUE -> new IssueDocument(id, actor);
            case ARCHIVE -> new ArchiveDocument(id, actor);
            case PRESENT -> {
                if (blank(decision.leaderId())) {
                    throw Problem.invalid("leaderId", "Nêu lãnh đạo được trình / Name the leader presented to");
                }
                yield new PresentToLeader(id, new Actor(decision.leaderId(),
                        blank(decision.leaderName()) ? decision.leaderId() : decision.leaderName(), Role.LEADER,
                        who.unitId()), actor);
            }
            case INSTRUCT -> {
                if (blank(decision.leadUnitId()) || properties.unit(decision.leadUnitId()).isEmpty()) {
                    throw Problem.invalid("leadUnitId", "Đơn vị chủ trì không có trong hệ thống / Unknown lead unit");
                }
                variables.put("leadUnitId", decision.leadUnitId());
                yield new GiveInstructions(id, decision.leadUnitId(), decision.supportingUnitIds(), decision.deadline(),
                        decision.comment(), decision.handlerIds(), actor);
            }
            case ASSIGN -> throw new IllegalStateException("the handler is assigned by assignHandler");
            case PROCESS -> new RecordProcessing(id, decision.comment(), actor);
            case CLOSE -> new CloseDocument(id, decision.comment(), actor);
        };
    }

    /**
     * Links the new draft {@code outgoingId} to the incoming document {@code replyTo}. One the drafter may not
     * read is reported like an unknown one, so its existence does not leak; the incoming document's own rules
     * (lead unit, instructed and not closed) come back as its problem, naming the field {@code replyTo}.
     */
    private void linkReply(String replyTo, String outgoingId, Actor drafter, Identity who) {
        if (found(replyTo).filter(incoming -> policy.maySee(who, incoming)).isEmpty()) {
            throw Problem.invalid("replyTo", "Không có văn bản đến " + replyTo + " trong phạm vi được xem"
                    + " / No incoming document " + replyTo + " within your reach");
        }
        try {
            commands.sendAndWait(new LinkReply(replyTo, outgoingId, drafter));
        } catch (DocumentRuleViolation violation) {
            throw new Problem(violation.kind(), violation.slug(), violation.titleVi(), violation.titleEn(),
                    violation.getMessage(), "replyTo");
        }
    }

    /** An issued reply is recorded on the incoming document it answers, by the clerk who issued it. */
    private void recordReplyIssued(String outgoingId, Actor clerk) {
        String replyTo = null;
        String numberSymbol = null;
        for (DomainEventMessage<?> message : events(outgoingId)) {
            switch ((DocumentEvent) message.getPayload()) {
                case DocumentEvent.DocumentDrafted e -> replyTo = e.replyTo();
                case DocumentEvent.NumberAssigned e -> numberSymbol = e.symbol();
                default -> {
                    // nothing else names the reply
                }
            }
        }
        if (replyTo != null) {
            commands.sendAndWait(new RecordReplyIssued(replyTo, outgoingId, numberSymbol, clerk));
        }
    }

    /**
     * The head of the lead unit assigns the handler, known by id to the deployment ({@link Officials}), and the due
     * date; the aggregate's refusals come back naming the field at fault. The process routes the handler's steps to
     * them ({@code handlerId}).
     */
    private void assignHandler(String id, Decision decision, Actor head, Map<String, Object> variables) {
        Actor handler = officials.official(decision.handlerId()).orElseThrow(() -> Problem.invalid("handlerId",
                "Không có cán bộ '" + decision.handlerId() + "' trong danh sách cán bộ / No official '"
                        + decision.handlerId() + "' is listed"));
        try {
            commands.sendAndWait(new AssignHandler(id, handler, decision.dueOn(), decision.comment(), head));
        } catch (DocumentRuleViolation violation) {
            String field = switch ((DocumentRule) violation.rule()) {
                case HANDLER_IS_SPECIALIST_OF_LEAD_UNIT, SECRET_DOCUMENT_HANDLED_BY_NAMED_OFFICIALS -> "handlerId";
                case ASSIGNED_DUE_DATE_WITHIN_LEADERS_DEADLINE -> "dueOn";
                default -> null;
            };
            throw new Problem(violation.kind(), violation.slug(), violation.titleVi(), violation.titleEn(),
                    violation.getMessage(), field);
        }
        variables.put("handlerId", handler.id());
    }

    /** One recipient's delivery, or all the remaining ones; the process moves on once none remain. */
    private void confirmDeliveries(String id, Decision decision, Actor actor, Map<String, Object> variables) {
        Set<String> pending = content(id).undelivered();
        if (decision.outcome() == Outcome.DELIVERED) {
            if (blank(decision.recipientId()) || !pending.contains(decision.recipientId())) {
                throw Problem.invalid("recipientId", "Nơi nhận không có hoặc đã nhận văn bản: " + pending
                        + " / Unknown or already delivered recipient; pending: " + pending);
            }
            commands.sendAndWait(new ConfirmDelivery(id, decision.recipientId(), actor));
            pending.remove(decision.recipientId());
        } else {
            for (String recipient : List.copyOf(pending)) {
                commands.sendAndWait(new ConfirmDelivery(id, recipient, actor));
                pending.remove(recipient);
            }
        }
        variables.put("allDelivered", pending.isEmpty());
    }

    /**
     * Signs the current PDF with the leader's key (PAdES B-T, visible) and stores it; its hash, or null. The signature
     * block shows the signatory's title lines ({@link Signatories}: "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC") and full name,
     * not what the drafter typed; a leader without authority for this kind of document is refused before anything is
     * signed (the aggregate decides it again).
     */
    private String signByLeader(String id, Actor leader) {
        Content current = content(id);
        Signatory signatory = signatories.of(leader.id(), current.unitId(), current.metadata().type().name(),
                LocalDate.now(clock.withZone(properties.zone())));
        if (current.sha256() == null) {
            return null;
        }
        DevPki pki = devPki.getIfAvailable();
        if (pki != null) {
            pki.enrolOfficial(leader.id(), leader.name(), leader.unitId());
        }
        return store(id, "signed", new OutgoingDocumentPdf(pades).signByLeader(stored(current.sha256()),
                OutgoingDocumentPdf.Leader.of(Signer.officialAlias(leader.id()), signatory),
                new OutgoingDocumentPdf.Agency(Signer.sealAlias(current.unitId()), agencyName(current.unitId()))));
    }

    /**
     * Stamps the number and date on the signed PDF, adds the agency's seal signature, archives it, stores it; then
     * signs each attachment with the agency's seal (no image, number/symbol and time top right) and archives it.
     */
    private SealDocument sealByAgency(String id, Actor clerk) {
        Content current = content(id);
        if (current.sha256() == null) {
            return new SealDocument(id, clerk);
        }
        DocumentEvent.NumberAssigned number = events(id).stream().map(DomainEventMessage::getPayload)
                .filter(DocumentEvent.NumberAssigned.class::isInstance).map(DocumentEvent.NumberAssigned.class::cast)
                .reduce((first, last) -> last)
                .orElseThrow(() -> new DocumentRuleViolation(DocumentRule.SEAL_AFTER_NUMBER));
        String agency = agencyName(current.unitId());
        DevPki pki = devPki.getIfAvailable();
        if (pki != null) {
            pki.enrolSeal(current.unitId(), agency);
        }
        List<java.security.cert.X509CRL> crls = pki == null ? List.of() : List.of(pki.crl(), pki.rootCrl());
        OutgoingDocumentPdf pdf = new OutgoingDocumentPdf(pades);
        OutgoingDocumentPdf.Numbering numbering = new OutgoingDocumentPdf.Numbering(number.symbol(),
                number.issuedOn(), properties.unit(current.unitId()).map(MotcuaProperties.OrgUnit::place).orElse(null));
        OutgoingDocumentPdf.Agency seal = new OutgoingDocumentPdf.Agency(Signer.sealAlias(current.unitId()), agency);
        String sealed = store(id, "sealed", pdf.numberSealAndArchive(stored(current.sha256()), numbering, seal, crls));
        List<String> attachments = new ArrayList<>();
        for (int i = 0; i < current.attachments().size(); i++) {
            attachments.add(store(id, "phu-luc-" + (i + 1) + "-sealed", pdf.sealAttachmentAndArchive(
                    stored(current.attachments().get(i).sha256()), numbering, seal, crls)));
        }
        return new SealDocument(id, sealed, attachments, clerk);
    }

    private String store(String id, String version, byte[] pdf) {
        return documents.storeAll(List.of(new Upload("file", "van-ban-" + id + "-" + version + ".pdf",
                DocumentStore.PDF, pdf))).getFirst().sha256();
    }

    /** An attachment the seal step can sign: a PDF that PDFBox reads without a password. */
    private void requireSignablePdf(Upload upload) {
        boolean signable;
        try {
            signable = pdfs.read(upload.content(), "attachments",
                    document -> !document.isEncrypted() && document.getNumberOfPages() > 0);
        } catch (Problem refused) {
            if (refused.kind() != Problem.Kind.UNSUPPORTED_MEDIA) {
                throw refused;
            }
            signable = false;
        }
        if (!signable) {
            throw Problem.invalid("attachments", "Văn bản kèm theo '" + upload.fileName()
                    + "' không phải tệp PDF đọc được (không mã hóa) / Attachment '" + upload.fileName()
                    + "' is not a readable, unencrypted PDF");
        }
    }

    private byte[] stored(String sha256) {
        return documents.content(sha256).orElseThrow(() -> new IllegalStateException("No content " + sha256));
    }

    private String agencyName(String unitId) {
        return properties.unit(unitId).map(MotcuaProperties.OrgUnit::name).orElse(unitId);
    }

    /** Verifies an incoming PDF's signatures against the configured trust anchors. */
    private SignatureCheck verify(byte[] pdf) {
        PdfSignatureVerifier.Report report;
        try {
            report = pdfs.read(pdf, "file", document -> verifier.verify(document, pdf));
        } catch (Problem refused) {
            if (refused.kind() != Problem.Kind.UNSUPPORTED_MEDIA) {
                throw refused;
            }
            return new SignatureCheck(false, List.of(), "Không đọc được chữ ký / Signatures cannot be read");
        } catch (RuntimeException e) {
            return new SignatureCheck(false, List.of(), "Không đọc được chữ ký / Signatures cannot be read");
        }
        List<String> signers = report.signatures().stream()
                .filter(signature -> signature.kind() == PdfSignatureVerifier.Kind.SIGNATURE)
                .map(PdfSignatureVerifier.SignatureReport::signer).filter(Objects::nonNull).distinct().toList();
        if (report.valid()) {
            return new SignatureCheck(true, signers, "Chữ ký hợp lệ (" + report.signatures().size()
                    + ") / Signatures valid");
        }
        if (!report.signed()) {
            return new SignatureCheck(false, signers, "Văn bản không có chữ ký số / The document is not signed");
        }
        List<String> problems = report.signatures().stream().flatMap(signature -> signature.problems().stream())
                .distinct().toList();
        return new SignatureCheck(false, signers, (report.modified()
                ? "Văn bản đã bị sửa đổi sau khi ký / Modified after signing"
                : "Chữ ký không hợp lệ / Invalid signature") + (problems.isEmpty() ? "" : ": " + problems));
    }

    /** The PDF and the facts the signing steps need, folded from the document's events. */
    private record Content(String sha256, DraftMetadata metadata, String unitId, Set<String> undelivered,
                           List<Attachment> attachments) {
    }

    private Content content(String documentId) {
        String sha256 = null;
        DraftMetadata metadata = null;
        String unitId = null;
        Set<String> undelivered = new java.util.LinkedHashSet<>();
        List<Attachment> attachments = List.of();
        for (DomainEventMessage<?> message : events(documentId)) {
            switch ((DocumentEvent) message.getPayload()) {
                case DocumentEvent.DocumentDrafted e -> {
                    sha256 = e.contentSha256();
                    metadata = e.metadata();
                    unitId = e.agencyId();
                    attachments = e.attachments();
                }
                case DocumentEvent.DraftRevised e -> metadata = e.metadata();
                case DocumentEvent.DocumentSigned e -> sha256 = e.contentSha256() == null ? sha256 : e.contentSha256();
                case DocumentEvent.AgencySealed e -> {
                    sha256 = e.contentSha256() == null ? sha256 : e.contentSha256();
                    attachments = sealed(attachments, e.attachmentSha256());
                }
                case DocumentEvent.DocumentIssued e -> e.recipients().forEach(r -> undelivered.add(r.id()));
                case DocumentEvent.DeliveryConfirmed e -> undelivered.remove(e.recipientId());
                case DocumentEvent.DocumentReceived e -> {
                    sha256 = e.contentSha256();
                    unitId = e.agencyId();
                }
                default -> {
                    // no change to the content
                }
            }
        }
        return new Content(sha256, metadata, unitId, undelivered, attachments);
    }

    /** The drafted attachments with the hashes of their sealed versions (unchanged if none were sealed). */
    private static List<Attachment> sealed(List<Attachment> drafted, List<String> sealedSha256) {
        if (sealedSha256.size() != drafted.size()) {
            return drafted;
        }
        List<Attachment> sealed = new ArrayList<>();
        for (int i = 0; i < drafted.size(); i++) {
            sealed.add(new Attachment(drafted.get(i).fileName(), sealedSha256.get(i)));
        }
        return List.copyOf(sealed);
    }

    private List<? extends DomainEventMessage<?>> events(String documentId) {
        return eventStore.readEvents(documentId).asStream().toList();
    }

    /**
     * The document as the MongoDB read model has it ({@link DocumentProjection}), once it has caught up with the
     * document's stored events: a read never folds the events again.
     */
    private View view(String documentId) {
        return found(documentId).orElseThrow(() -> notFound(documentId));
    }

    /** The document's view, empty when there is no document of that id (read as {@link #view} reads it). */
    private Optional<View> found(String documentId) {
        return readModels.currentView(DocumentPlatform.DOCUMENTS, documentId).map(DocumentProjection::toView);
    }

    /**
     * Inside a step's transaction, whose events no processor sees before it commits: the view with them applied
     * in memory by the same projection ({@link MongoReadModels#viewWithPendingEvents}).
     */
    private View viewWithThisStep(String documentId) {
        return readModels.viewWithPendingEvents(DocumentPlatform.DOCUMENTS, documentId)
                .map(DocumentProjection::toView).orElseThrow(() -> notFound(documentId));
    }

    private static Problem notFound(String documentId) {
        return Problem.notFound("document", "Không tìm thấy văn bản " + documentId + " / No document " + documentId);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private <T> T step(Supplier<T> body) {
        return Steps.inOneTransaction(transaction, body);
    }
}
