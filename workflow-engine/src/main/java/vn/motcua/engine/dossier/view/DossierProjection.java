package vn.motcua.engine.dossier.view;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.ReplaceOptions;

import vn.motcua.engine.document.AttachedDocument;
import vn.motcua.engine.dossier.DossierEvent;
import vn.motcua.engine.dossier.DossierPlatform;
import vn.motcua.engine.dossier.DossierStatus;
import vn.motcua.engine.platform.AggregateType;
import vn.motcua.engine.readmodel.GridFsAttachments;
import vn.motcua.engine.readmodel.Projection;

/**
 * The applicant's view of each dossier (status, timeline, appointed date, documents, supplement items), the
 * officials' inbox counters per unit and status (recomputed from the views, never incremented), the issued result
 * with its corrections and revocation ({@link IssuedResults}, which the public register of results searches), and
 * the attachments copied to GridFS.
 */
@Component
public class DossierProjection implements Projection<DossierEvent> {

    public static final String VIEWS = "dossier_views";
    public static final String COUNTERS = "inbox_counters";

    private final GridFsAttachments attachments;

    public DossierProjection(GridFsAttachments attachments) {
        this.attachments = attachments;
    }

    @Override
    public AggregateType<DossierEvent> type() {
        return DossierPlatform.DOSSIERS;
    }

    @Override
    public String views() {
        return VIEWS;
    }

    @Override
    public List<String> derived() {
        return List.of(COUNTERS);
    }

    @Override
    public void beforeApply(DossierEvent event) {
        event.documents().forEach(document -> attachments.store(document.sha256(), document.mediaType(),
                document.size()));
    }

    @Override
    public Document apply(Document current, DossierEvent event, long sequence) {
        Document step = new Document("sequence", sequence)
                .append("type", event.getClass().getSimpleName())
                .append("labelVi", event.labelVi())
                .append("at", Date.from(event.at()))
                .append("actorName", event.actor().name())
                .append("actorRole", event.actor().role().name())
                .append("comment", event.comment());
        List<Document> attached = event.documents().stream().map(DossierProjection::toDocument).toList();
        DossierStatus status = DossierStatus.after(current == null ? null
                : DossierStatus.valueOf(current.getString("status")), event);
        Document view;
        if (current == null && event instanceof DossierEvent.DossierSubmitted submitted) {
            view = new Document("procedureCode", submitted.procedureCode())
                    .append("unitId", submitted.unitId())
                    .append("ownerId", event.actor().id())
                    .append("applicantName", submitted.applicant() == null ? null : submitted.applicant().fullName())
                    .append("submittedAt", Date.from(event.at()))
                    .append("timeline", new ArrayList<>())
                    .append("documents", new ArrayList<>());
        } else {
            view = current == null ? new Document("timeline", new ArrayList<>()).append("documents", new ArrayList<>())
                    : current;
        }
        view.append("status", status.name())
                .append("statusLabel", status.labelVi())
                .append("portalStatus", status.portalCode())
                .append("updatedAt", Date.from(event.at()));
        view.getList("timeline", Document.class).add(step);
        view.getList("documents", Document.class).addAll(attached);
        java.time.LocalDate appointed = switch (event) {
            case DossierEvent.DossierAccepted e -> e.appointedReturnDate();
            case DossierEvent.PaymentReceived e -> e.appointedReturnDate();
            case DossierEvent.SupplementProvided e -> e.appointedReturnDate();
            case DossierEvent.DelayApologised e -> e.appointedReturnDate();
            default -> null;
        };
        if (appointed != null) {
            view.append("appointedReturnDate", appointed.toString());
        }
        if (event instanceof DossierEvent.SupplementRequested requested) {
            view.append("supplementItems", requested.items());
        }
        IssuedResults.apply(view, event, sequence);
        return view;
    }

    /** The unit whose inbox counters count the dossier. */
    @Override
    public String derivedKey(Document view) {
        return view.getString("unitId");
    }

    /** Officials' counters: how many dossiers of the unit are in each status, recomputed from the views. */
    @Override
    public void recompute(Generation generation, String unitId) {
        Map<String, Integer> counts = new HashMap<>();
        generation.collection(VIEWS).aggregate(List.of(
                        Aggregates.match(eq("unitId", unitId)),
                        Aggregates.group("$status", Accumulators.sum("count", 1))))
                .forEach(group -> counts.put(group.getString("_id"), group.getInteger("count")));
        generation.collection(COUNTERS).replaceOne(eq("_id", unitId),
                new Document("_id", unitId).append("counts", new Document(new HashMap<>(counts))),
                new ReplaceOptions().upsert(true));
    }

    private static Document toDocument(AttachedDocument document) {
        return new Document("fileName", document.fileName()).append("sha256", document.sha256())
                .append("size", document.size()).append("mediaType", document.mediaType());
    }
}
