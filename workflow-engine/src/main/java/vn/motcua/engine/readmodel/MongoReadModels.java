package vn.motcua.engine.readmodel;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;

import vn.motcua.engine.document.DocumentStore;
import vn.motcua.engine.dossier.AttachedDocument;
import vn.motcua.engine.dossier.Dossier;
import vn.motcua.engine.dossier.DossierEvent;
import vn.motcua.engine.dossier.DossierStatus;

/**
 * MongoDB read models, downstream of the event store: the applicant's view of each dossier (status,
 * timeline, appointed date, documents), the officials' inbox counters per unit and status, and the
 * attachments in GridFS (file name = SHA-256, so each content is stored once).
 *
 * <p>mongo-java-server (the embedded default) has no transactions, so every write is a single-document,
 * idempotent, version-checked write: an event is applied only if the view's version is below its
 * sequence number, and counters are recomputed from the views rather than incremented. Replaying the
 * event store into a new generation of empty collections rebuilds the same state ({@link Rebuilds}).
 */
@Component
@ProcessingGroup(MongoReadModels.PROCESSING_GROUP)
public class MongoReadModels implements RebuildTarget {

    public static final String PROCESSING_GROUP = "mongo-read-models";
    static final String VIEWS = "dossier_views";
    static final String COUNTERS = "inbox_counters";
    static final String META = "read_model_meta";

    private final MongoClient client;
    private final DocumentStore documents;
    private final String databaseName;

    public MongoReadModels(MongoClient client, DocumentStore documents,
                           @org.springframework.beans.factory.annotation.Value("${motcua.mongodb.database:motcua}")
                           String databaseName) {
        this.client = client;
        this.documents = documents;
        this.databaseName = databaseName;
    }

    @EventHandler
    void on(DossierEvent event, @SequenceNumber long sequence) {
        apply(activeGeneration(), event, sequence);
    }

    /** Applies one event to the read models of a generation; applying it twice changes nothing. */
    public void apply(String generation, DossierEvent event, long sequence) {
        storeAttachments(event.documents());
        MongoCollection<Document> views = views(generation);
        Document step = new Document("sequence", sequence)
                .append("type", event.getClass().getSimpleName())
                .append("labelVi", event.labelVi())
                .append("at", Date.from(event.at()))
                .append("actorName", event.actor().name())
                .append("actorRole", event.actor().role().name())
                .append("comment", event.comment());
        List<Document> attached = event.documents().stream().map(MongoReadModels::toDocument).toList();
        String unitId;
        if (event instanceof DossierEvent.DossierSubmitted submitted) {
            unitId = submitted.unitId();
            Document view = new Document("_id", event.code())
                    .append("procedureCode", submitted.procedureCode())
                    .append("unitId", submitted.unitId())
                    .append("ownerId", event.actor().id())
                    .append("applicantName", submitted.applicant() == null ? null : submitted.applicant().fullName())
                    .append("status", DossierStatus.SUBMITTED.name())
                    .append("statusLabel", DossierStatus.SUBMITTED.labelVi())
                    .append("portalStatus", DossierStatus.SUBMITTED.portalCode())
                    .append("submittedAt", Date.from(event.at()))
                    .append("updatedAt", Date.from(event.at()))
                    .append("timeline", List.of(step))
                    .append("documents", attached)
                    .append("version", sequence);
            try {
                views.insertOne(view);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        } else {
            Document current = views.find(eq("_id", event.code())).first();
            DossierStatus status = DossierStatus.after(current == null ? DossierStatus.SUBMITTED
                    : DossierStatus.valueOf(current.getString("status")), event);
            List<Bson> updates = new ArrayList<>(List.of(
                    Updates.set("status", status.name()),
                    Updates.set("statusLabel", status.labelVi()),
                    Updates.set("portalStatus", status.portalCode()),
                    Updates.set("updatedAt", Date.from(event.at())),
                    Updates.set("version", sequence),
                    Updates.push("timeline", step)));
            if (!attached.isEmpty()) {
                updates.add(Updates.pushEach("documents", attached));
            }
            java.time.LocalDate appointed = switch (event) {
                case DossierEvent.DossierAccepted e -> e.appointedReturnDate();
                case DossierEvent.PaymentReceived e -> e.appointedReturnDate();
                case DossierEvent.SupplementProvided e -> e.appointedReturnDate();
                case DossierEvent.DelayApologised e -> e.appointedReturnDate();
                default -> null;
            };
            if (appointed != null) {
                updates.add(Updates.set("appointedReturnDate", appointed.toString()));
            }
            if (event instanceof DossierEvent.SupplementRequested requested) {
                updates.add(Updates.set("supplementItems", requested.items()));
            }
            views.updateOne(and(eq("_id", event.code()), lt("version", sequence)), Updates.combine(updates));
            unitId = current == null ? null : current.getString("unitId");
        }
        if (unitId != null) {
            recountInbox(generation, unitId);
        }
    }

    /** Officials' counters: how many dossiers of the unit are in each status, recomputed from the views. */
    void recountInbox(String generation, String unitId) {
        Map<String, Integer> counts = new HashMap<>();
        views(generation).aggregate(List.of(
                Aggregates.match(eq("unitId", unitId)),
                Aggregates.group("$status", Accumulators.sum("count", 1))))
                .forEach(group -> counts.put(group.getString("_id"), group.getInteger("count")));
        collection(generation, COUNTERS).replaceOne(eq("_id", unitId),
                new Document("_id", unitId).append("counts", new Document(new HashMap<>(counts))),
                new ReplaceOptions().upsert(true));
    }

    public Optional<Document> view(String code) {
        return Optional.ofNullable(views(activeGeneration()).find(eq("_id", code)).first());
    }

    public Map<String, Integer> inboxCounters(String unitId) {
        Document counters = collection(activeGeneration(), COUNTERS).find(eq("_id", unitId)).first();
        Map<String, Integer> result = new HashMap<>();
        if (counters != null) {
            counters.get("counts", Document.class).forEach((status, count) -> result.put(status, (Integer) count));
        }
        return result;
    }

    /** The bytes of an attachment from GridFS, if it has been copied there yet. */
    public Optional<byte[]> attachment(String sha256) {
        GridFSBucket bucket = bucket();
        if (bucket.find(eq("filename", sha256)).first() == null) {
            return Optional.empty();
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        bucket.downloadToStream(sha256, out);
        return Optional.of(out.toByteArray());
    }

    private void storeAttachments(List<AttachedDocument> attached) {
        GridFSBucket bucket = bucket();
        for (AttachedDocument document : attached) {
            if (bucket.find(eq("filename", document.sha256())).first() != null) {
                continue;
            }
            byte[] content = documents.content(document.sha256()).orElseThrow(() -> new IllegalStateException(
                    "Attachment " + document.sha256() + " is referenced by an event but not stored"));
            bucket.uploadFromStream(document.sha256(), new ByteArrayInputStream(content),
                    new GridFSUploadOptions().metadata(new Document("mediaType", document.mediaType())
                            .append("size", document.size())));
        }
    }

    @Override
    public String name() {
        return "mongodb";
    }

    @Override
    public String aggregateType() {
        return Dossier.class.getSimpleName();
    }

    @Override
    public String prepare() {
        String generation = "g" + System.currentTimeMillis();
        views(generation).drop();
        collection(generation, COUNTERS).drop();
        return generation;
    }

    @Override
    public void apply(String generation, List<Replayed> events) {
        events.forEach(replayed -> apply(generation, (DossierEvent) replayed.event(), replayed.sequence()));
    }

    /** Makes a generation the one that reads and the live processor use. */
    @Override
    public void activate(String newGeneration) {
        String previous = activeGeneration();
        database().getCollection(META).replaceOne(eq("_id", "active"),
                new Document("_id", "active").append("generation", newGeneration), new ReplaceOptions().upsert(true));
        if (previous != null && !previous.equals(newGeneration)) {
            views(previous).drop();
            collection(previous, COUNTERS).drop();
        }
    }

    /** The generation in use, read each time so that every application instance follows a rebuild at once. */
    public String activeGeneration() {
        Document meta = database().getCollection(META).find(eq("_id", "active")).first();
        return meta == null ? "g0" : meta.getString("generation");
    }

    private MongoCollection<Document> views(String generation) {
        return collection(generation, VIEWS);
    }

    private MongoCollection<Document> collection(String generation, String name) {
        return database().getCollection(name + "_" + generation);
    }

    private MongoDatabase database() {
        return client.getDatabase(databaseName);
    }

    private GridFSBucket bucket() {
        return GridFSBuckets.create(database(), "attachments");
    }

    private static Document toDocument(AttachedDocument document) {
        return new Document("fileName", document.fileName()).append("sha256", document.sha256())
                .append("size", document.size()).append("mediaType", document.mediaType());
    }
}
