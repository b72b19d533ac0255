package vn.motcua.eoffice.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import vn.motcua.engine.identity.Role;
import vn.motcua.engine.platform.AggregateType;
import vn.motcua.engine.readmodel.Projection;
import vn.motcua.eoffice.document.DocumentWorkflow.View;

/**
 * The officials' view of each official document in MongoDB ({@code document_views}): what
 * {@code GET /api/v1/documents/{id}} and the document lists serve, so that no read folds the events again.
 * The status comes from the one fold, {@link DocumentStatus#after}. Dates are ISO-8601 strings. {@code assignees}
 * are the officials the workflow named on the document, by id: whoever took one of its steps, the leader it was
 * presented to and the handlers the leader's instructions name — those a secret document is assigned to
 * ({@link DocumentPolicy}).
 */
@Component
public class DocumentProjection implements Projection<DocumentEvent> {

    static final String VIEWS = "document_views";
    /** Lists show the most recently changed documents first. */
    static final Bson NEWEST_FIRST = Sorts.descending("updatedAt");

    @Override
    public AggregateType<DocumentEvent> type() {
        return DocumentPlatform.DOCUMENTS;
    }

    @Override
    public String views() {
        return VIEWS;
    }

    @Override
    public Document apply(Document current, DocumentEvent event, long sequence) {
        Document view = current != null ? current : new Document("documentId", event.documentId())
                .append("supportingUnitIds", new ArrayList<String>())
                .append("replies", new ArrayList<String>())
                .append("attachments", new ArrayList<Document>())
                .append("assignees", new ArrayList<String>());
        DocumentStatus status = DocumentStatus.after(current == null ? null
                : DocumentStatus.valueOf(current.getString("status")), event);
        if (status != null) {
            view.append("status", status.name()).append("statusLabelVi", status.labelVi());
        }
        view.append("updatedAt", Date.from(event.at()));
        assign(view, event);
        switch (event) {
            case DocumentEvent.DocumentDrafted e -> view.append("direction", Direction.OUTGOING.name())
                    .append("unitId", e.agencyId())
                    .append("subject", e.metadata().subject())
                    .append("type", e.metadata().type().name())
                    .append("replyTo", e.replyTo())
                    .append("attachments", attachments(e.attachments()))
                    .append("secrecy", name(e.metadata().secrecy()))
                    .append("signerPosition", e.metadata().signerPosition())
                    .append("signerName", e.metadata().signerName())
                    .append("recipientNames", recipientNames(e.metadata().recipients()));
            case DocumentEvent.DraftRevised e -> view.append("subject", e.metadata().subject())
                    .append("type", e.metadata().type().name())
                    .append("secrecy", name(e.metadata().secrecy()))
                    .append("signerPosition", e.metadata().signerPosition())
                    .append("signerName", e.metadata().signerName())
                    .append("recipientNames", recipientNames(e.metadata().recipients()));
            case DocumentEvent.DocumentSigned e -> view.append("signedBy", e.signatory() == null ? e.actor().name()
                    : e.signatory().fullName()).append("signerTitleLines", e.signatory() == null ? null
                    : new ArrayList<>(e.signatory().titleLines()));
            case DocumentEvent.NumberAssigned e -> view.append("number", e.number())
                    .append("numberSymbol", e.symbol())
                    .append("issuedOn", date(e.issuedOn()))
                    .append("identifier", e.identifier())
                    .append("register", e.register());
            case DocumentEvent.AgencySealed e -> view.append("attachments",
                    sealed(view.getList("attachments", Document.class), e.attachmentSha256()));
            case DocumentEvent.DocumentReceived e -> view.append("direction", Direction.INCOMING.name())
                    .append("unitId", e.agencyId())
                    .append("subject", e.metadata().subject())
                    .append("type", e.metadata().type().name())
                    .append("senderName", e.metadata().senderName())
                    .append("senderNumberSymbol", e.metadata().numberSymbol())
                    .append("senderIssuedOn", date(e.metadata().issuedOn()))
                    .append("secrecy", name(e.metadata().secrecy()))
                    .append("signatureCheck", new Document("valid", e.check().valid())
                            .append("signers", e.check().signers()).append("summary", e.check().summary()));
            case DocumentEvent.ArrivalRegistered e -> view.append("arrivalNumber", e.arrivalNumber())
                    .append("arrivalFormatted", e.formattedNumber())
                    .append("arrivedOn", date(e.arrivedOn()));
            case DocumentEvent.InstructionsGiven e -> view.append("leadUnitId", e.leadUnitId())
                    .append("supportingUnitIds", e.supportingUnitIds() == null ? List.of() : e.supportingUnitIds())
                    .append("deadline", date(e.deadline()));
            case DocumentEvent.HandlerAssigned e -> view.append("handlerId", e.handler().id())
                    .append("handlerName", e.handler().name())
                    .append("dueOn", date(e.dueOn()));
            case DocumentEvent.ReplyLinked e -> view.getList("replies", String.class).add(e.outgoingDocumentId());
            default -> {
                // the status, set above, is all these change; the history shows the rest
            }
        }
        return view;
    }

    /** Adds the officials the event names to the view's {@code assignees}, each once, in order. */
    private static void assign(Document view, DocumentEvent event) {
        List<String> named = new ArrayList<>();
        if (event.actor() != null && event.actor().role() != Role.SYSTEM) {
            named.add(event.actor().id());
        }
        switch (event) {
            case DocumentEvent.PresentedToLeader e when e.leader() != null -> named.add(e.leader().id());
            case DocumentEvent.InstructionsGiven e -> named.addAll(e.handlerIds());
            case DocumentEvent.HandlerAssigned e when e.handler() != null -> named.add(e.handler().id());
            default -> {
                // the actor is all it names
            }
        }
        List<String> assignees = new ArrayList<>(view.getList("assignees", String.class, List.of()));
        named.stream().filter(id -> id != null && !assignees.contains(id)).forEach(assignees::add);
        view.append("assignees", assignees);
    }

    /**
     * The views of a unit (its own documents, and those it leads or supports), or of every unit when
     * {@code unitId} is null, narrowed when asked.
     */
    static Bson filter(String unitId, DocumentStatus status, Direction direction) {
        List<Bson> filters = new ArrayList<>();
        if (unitId != null) {
            filters.add(Filters.or(Filters.eq("unitId", unitId), Filters.eq("leadUnitId", unitId),
                    Filters.eq("supportingUnitIds", unitId)));
        }
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        if (direction != null) {
            filters.add(Filters.eq("direction", direction.name()));
        }
        return filters.isEmpty() ? new Document() : Filters.and(filters);
    }

    /** The API's view of a stored view document. */
    public static View toView(Document view) {
        Document check = view.get("signatureCheck", Document.class);
        return new View(view.getString("documentId"), enumOf(Direction.class, view.getString("direction")),
                view.getString("unitId"), enumOf(DocumentStatus.class, view.getString("status")),
                view.getString("statusLabelVi"), view.getString("subject"), view.getString("type"),
                view.getInteger("number"), view.getString("numberSymbol"), localDate(view.getString("issuedOn")),
                view.getString("identifier"), view.getInteger("arrivalNumber"), view.getString("arrivalFormatted"),
                localDate(view.getString("arrivedOn")), view.getString("leadUnitId"),
                new ArrayList<>(view.getList("supportingUnitIds", String.class, List.of())),
                localDate(view.getString("deadline")), view.getString("senderName"),
                view.getString("senderNumberSymbol"), check == null ? null : new SignatureCheck(
                        check.getBoolean("valid", false), check.getList("signers", String.class, List.of()),
                        check.getString("summary")),
                view.getString("replyTo"), new ArrayList<>(view.getList("replies", String.class, List.of())),
                view.getList("attachments", Document.class, List.of()).stream()
                        .map(a -> new Attachment(a.getString("fileName"), a.getString("sha256"))).toList(),
                enumOf(Secrecy.class, view.getString("secrecy")),
                new ArrayList<>(view.getList("assignees", String.class, List.of())), view.getString("handlerId"),
                view.getString("handlerName"), localDate(view.getString("dueOn")));
    }

    private static List<String> recipientNames(List<Recipient> recipients) {
        return recipients == null ? new ArrayList<>() : recipients.stream().map(Recipient::name)
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    private static List<Document> attachments(List<Attachment> attachments) {
        return (attachments == null ? List.<Attachment>of() : attachments).stream()
                .map(a -> new Document("fileName", a.fileName()).append("sha256", a.sha256()))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    /** The drafted attachments with the hashes of their sealed versions (unchanged if none were sealed). */
    private static List<Document> sealed(List<Document> drafted, List<String> sealedSha256) {
        if (sealedSha256 == null || sealedSha256.size() != drafted.size()) {
            return drafted;
        }
        List<Document> sealed = new ArrayList<>();
        for (int i = 0; i < drafted.size(); i++) {
            sealed.add(new Document("fileName", drafted.get(i).getString("fileName"))
                    .append("sha256", sealedSha256.get(i)));
        }
        return sealed;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate localDate(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    private static <T extends Enum<T>> T enumOf(Class<T> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
