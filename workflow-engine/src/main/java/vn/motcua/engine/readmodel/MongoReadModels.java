package vn.motcua.engine.readmodel;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

import vn.motcua.engine.platform.AggregateType;

/**
 * The MongoDB read models of every registered aggregate type, downstream of the event store: one tracking
 * processor ({@value #PROCESSING_GROUP}) runs each type's {@link Projection} on its events, and readers get the
 * views from here. It knows no tenant: today dossiers ({@code dossierview}: the applicant's view, the officials'
 * inbox counters, attachments in GridFS) and official documents (the e-office's projection) register theirs.
 *
 * <p>mongo-java-server (the embedded default) has no transactions, so every write is a single-document,
 * idempotent, version-checked write: an event is applied only if the view's version is below its sequence
 * number, and derived collections are recomputed from the views rather than incremented — once per key at the end
 * of each batch of events (the processor's batch, a rebuild's chunk), not once per event. Replaying the event
 * store into a new generation of empty collections rebuilds the same state ({@link Rebuilds}, target
 * {@value #TARGET}).
 *
 * <p>Crash safety: the processor's position (its token, in PostgreSQL) commits only after the batch's view writes
 * were made durable ({@link ReadModelDurability}), and {@link ReadModelReconciliation} checks the views against the
 * event store at start, so a view lost by a crash is mended rather than left behind a position that says it is
 * current.
 */
@Component
@ProcessingGroup(MongoReadModels.PROCESSING_GROUP)
public class MongoReadModels implements RebuildTarget {

    private static final Logger log = LoggerFactory.getLogger(MongoReadModels.class);

    public static final String PROCESSING_GROUP = "mongo-read-models";
    public static final String TARGET = "mongodb";
    static final String META = "read_model_meta";

    private final MongoClient client;
    private final GridFsAttachments attachments;
    private final EventStore eventStore;
    private final List<Projection<?>> projections;
    private final String databaseName;
    private final Duration patience;
    private final ReadModelDurability durability;
    private final Duration outagePatience;
    private static final long OUTAGE_POLL_MILLIS = 250;

    public MongoReadModels(MongoClient client, GridFsAttachments attachments, EventStore eventStore,
                           List<Projection<?>> projections, ReadModelDurability durability,
                           @Value("${motcua.mongodb.database:motcua}") String databaseName,
                           @Value("${motcua.read-models.read-your-writes:5s}") Duration patience,
                           @Value("${motcua.read-models.outage-patience:20s}") Duration outagePatience) {
        this.client = client;
        this.attachments = attachments;
        this.eventStore = eventStore;
        this.projections = List.copyOf(projections);
        this.databaseName = databaseName;
        this.patience = patience;
        this.durability = durability;
        this.outagePatience = outagePatience;
    }

    @EventHandler
    void on(Object event, @SequenceNumber long sequence) {
        whileMongoDbIsUnreachable(() -> {
            String generation = activeGeneration();
            if (CurrentUnitOfWork.isStarted()) {
                apply(generation, event, sequence, batchOf(CurrentUnitOfWork.get()));
            } else {
                apply(generation, event, sequence);
            }
        });
    }

    /**
     * Runs {@code work} (idempotent) again each {@value #OUTAGE_POLL_MILLIS} ms while MongoDB cannot be reached, for
     * at most {@code motcua.read-models.outage-patience} (20 s), then lets the failure through to the processor's
     * own retry. Failing the batch at once hands the outage to Axon's tracking processor, which waits 1, 2, 4… up to
     * 60 s between attempts (not configurable): after a 60 s outage it slept 32 s more before it looked again
     * (measured: 29.5 s of a 35.5 s catch-up). Waiting here resumes within a poll of the server's return. The
     * patience stays below Axon's handler timeout ({@code axon.timeout.handler.events.timeout-ms}, 30 s), which
     * would interrupt the thread; the batch keeps its transaction (the token row) open meanwhile. Any other failure
     * fails the batch as before.
     */
    private void whileMongoDbIsUnreachable(Runnable work) {
        long deadline = System.nanoTime() + outagePatience.toNanos();
        boolean logged = false;
        while (true) {
            try {
                work.run();
                if (logged) {
                    log.info("MongoDB answers again; {} resumes", PROCESSING_GROUP);
                }
                return;
            } catch (MongoTimeoutException | MongoSocketException unreachable) {
                if (System.nanoTime() > deadline) {
                    throw unreachable;
                }
                if (!logged) {
                    log.warn("MongoDB unreachable; {} waits for it (at most {}): {}", PROCESSING_GROUP,
                            outagePatience, unreachable.getMessage());
                    logged = true;
                }
                try {
                    Thread.sleep(OUTAGE_POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw unreachable;
                }
            }
        }
    }

    /**
     * The derived keys touched by the processor's batch, registered once a batch with what ends it: the token is
     * stored in the batch's transaction, which commits after the prepare-commit phase, so the derived collections
     * are recomputed and the writes made durable before the position moves; a failure of either rolls the position
     * back and the batch is retried (its events then find their views written and touch their keys again).
     */
    private Set<Touched> batchOf(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> batch = unitOfWork.root();
        return batch.getOrComputeResource(MongoReadModels.class.getName() + ".touched", key -> {
            Set<Touched> touched = new LinkedHashSet<>();
            batch.onPrepareCommit(committing -> whileMongoDbIsUnreachable(() -> {
                recompute(touched);
                durability.writeToDisk();
            }));
            return touched;
        });
    }

    /** Makes every view written so far durable (end of a rebuild's batch, of a reconciliation). */
    public void writeToDisk() {
        durability.writeToDisk();
    }

    /**
     * Applies one event to the read models of a generation, derived collections included; applying it twice
     * changes nothing.
     */
    public void apply(String generation, Object event, long sequence) {
        Set<Touched> touched = new LinkedHashSet<>();
        apply(generation, event, sequence, touched);
        recompute(touched);
    }

    private void apply(String generation, Object event, long sequence, Set<Touched> touched) {
        projectionOf(event).ifPresent(projection ->
                apply(generation(generation), projection, event, sequence, touched));
    }

    /**
     * Writes the view, version-checked; what the projection derives from it is only marked {@code touched}, to be
     * recomputed once for the whole batch ({@link #recompute}) rather than once an event, which made a catch-up of
     * n events over n views cost n² (the derived counters are an aggregate over the views, and mongo-java-server
     * scans for it).
     */
    private <E> void apply(Projection.Generation generation, Projection<E> projection, Object payload,
                           long sequence, Set<Touched> touched) {
        E event = projection.type().eventType().cast(payload);
        projection.beforeApply(event);
        String id = projection.type().idOf(event);
        MongoCollection<Document> views = generation.collection(projection.views());
        Document current = views.find(eq("_id", id)).first();
        if (current != null && version(current) >= sequence) {
            touch(touched, generation, projection, current);
            return;
        }
        if (current == null && sequence > 0) {
            log.warn("No {} view of {} for event {}: it is created from the first event; rebuild target {}",
                    projection.type().name(), id, sequence, TARGET);
            return;
        }
        Document view = projection.apply(current, event, sequence);
        view.put("_id", id);
        view.put("version", sequence);
        touch(touched, generation, projection, view);
        if (current == null) {
            try {
                views.insertOne(view);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        } else {
            views.replaceOne(and(eq("_id", id), lt("version", sequence)), view);
        }
    }

    private static void touch(Set<Touched> touched, Projection.Generation generation, Projection<?> projection,
                              Document view) {
        String key = projection.derivedKey(view);
        if (key != null) {
            touched.add(new Touched(generation.id(), projection, key));
        }
    }

    private void recompute(Set<Touched> touched) {
        for (Iterator<Touched> keys = touched.iterator(); keys.hasNext(); ) {
            Touched each = keys.next();
            each.projection().recompute(generation(each.generation()), each.key());
            keys.remove();
        }
    }

    /** A key of a projection's derived collections in one generation, to be recomputed from the views. */
    private record Touched(String generation, Projection<?> projection, String key) {
    }

    /** The view of an aggregate as the read model has it now. */
    public Optional<Document> view(AggregateType<?> type, String id) {
        return projectionOf(type).map(projection -> generation(activeGeneration()).collection(projection.views())
                .find(eq("_id", id)).first());
    }

    /**
     * The view of an aggregate once the read model has caught up with the events stored for it (read your own
     * writes after a step), waiting at most {@code motcua.read-models.read-your-writes} (5 s); after that, the
     * view as it stands. Never folds events: it only asks the event store how far the aggregate has got.
     */
    public Optional<Document> currentView(AggregateType<?> type, String id) {
        long stored = eventStore.lastSequenceNumberFor(id).orElse(-1L);
        long deadline = System.nanoTime() + patience.toNanos();
        Optional<Document> view = view(type, id);
        while (view.map(MongoReadModels::version).orElse(-1L) < stored && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            view = view(type, id);
        }
        if (view.map(MongoReadModels::version).orElse(-1L) < stored) {
            log.warn("The {} view of {} is behind the event store (event {}); serving it as it stands",
                    type.name(), id, stored);
        }
        return view;
    }

    /**
     * The view of an aggregate including the events no processor has projected yet — those appended by the current
     * transaction, invisible to the processors until it commits: the stored view (none if MongoDB does not answer)
     * with the later events applied in memory by the same projection. For a step's own answer inside its
     * transaction; reads use {@link #currentView}.
     */
    public Optional<Document> viewWithPendingEvents(AggregateType<?> type, String id) {
        return projectionOf(type).flatMap(projection -> withPending(projection, id));
    }

    private <E> Optional<Document> withPending(Projection<E> projection, String id) {
        Document stored;
        try {
            stored = view(projection.type(), id).orElse(null);
        } catch (MongoException e) {
            log.warn("MongoDB unavailable, the view of {} is folded from its events: {}", id, e.getMessage());
            stored = null;
        }
        Document[] view = {stored};
        eventStore.readEvents(id, stored == null ? 0 : version(stored) + 1).asStream()
                .filter(message -> projection.type().owns(message.getPayload()))
                .forEach(message -> {
                    Document next = projection.apply(view[0], projection.type().eventType().cast(message.getPayload()),
                            message.getSequenceNumber());
                    next.put("_id", id);
                    next.put("version", message.getSequenceNumber());
                    view[0] = next;
                });
        return Optional.ofNullable(view[0]);
    }

    /** Views of the type matching {@code filter}, in {@code sort} order, at most {@code limit}. */
    public List<Document> views(AggregateType<?> type, Bson filter, Bson sort, int limit) {
        return projectionOf(type).map(projection -> generation(activeGeneration()).collection(projection.views())
                .find(filter).sort(sort).limit(limit).into(new ArrayList<>())).orElse(new ArrayList<>());
    }

    /** A document of a collection a projection derives from its views ({@link Projection#derived()}). */
    public Optional<Document> derived(String baseName, String id) {
        return Optional.ofNullable(generation(activeGeneration()).collection(baseName).find(eq("_id", id)).first());
    }

    /**
     * The aggregate types (as stored) whose views are missing from the active generation: types registered, or
     * given a projection, since the generation was built.
     */
    public List<String> typesWithoutViews() {
        String generation = activeGeneration();
        Set<String> existing = database().listCollectionNames().into(new java.util.HashSet<>());
        return projections.stream().filter(projection -> !existing.contains(projection.views() + "_" + generation))
                .map(projection -> projection.type().storedType()).toList();
    }

    /**
     * How many views of the type the active generation holds and how many events they reflect (the sum of each
     * view's {@code version} + 1, sequences starting at 0), to compare with the event store; empty for a type with
     * no projection.
     */
    public Optional<ViewCounts> counts(AggregateType<?> type) {
        return projectionOf(type).map(projection -> {
            Document totals = generation(activeGeneration()).collection(projection.views()).aggregate(List.of(
                    new Document("$group", new Document("_id", null).append("views", new Document("$sum", 1))
                            .append("events", new Document("$sum", new Document("$add", List.of("$version", 1)))))))
                    .first();
            return totals == null ? new ViewCounts(0, 0)
                    : new ViewCounts(((Number) totals.get("views")).longValue(),
                    ((Number) totals.get("events")).longValue());
        });
    }

    /** What the views of one aggregate type hold: one view per aggregate, reflecting that many events. */
    public record ViewCounts(long views, long events) {
    }

    /** The aggregate types that have a projection, with the base name of their views' collection. */
    List<Projection<?>> projections() {
        return projections;
    }

    /** The version of each view of a projection in the active generation, by aggregate id. */
    Map<String, Long> versions(Projection<?> projection) {
        Map<String, Long> versions = new HashMap<>();
        generation(activeGeneration()).collection(projection.views()).find()
                .projection(new Document("_id", 1).append("version", 1))
                .forEach(view -> versions.put(view.get("_id").toString(), version(view)));
        return versions;
    }

    /** The bytes of an attachment from GridFS, if it has been copied there yet. */
    public Optional<byte[]> attachment(String sha256) {
        return attachments.content(sha256);
    }

    @Override
    public String name() {
        return TARGET;
    }

    @Override
    public Set<String> aggregateTypes() {
        return projections.stream().map(projection -> projection.type().storedType())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Override
    public String prepare() {
        String generation = "g" + System.currentTimeMillis();
        drop(generation);
        return generation;
    }

    @Override
    public void apply(String generation, List<Replayed> events) {
        Set<Touched> touched = new LinkedHashSet<>();
        events.forEach(replayed -> apply(generation, replayed.event(), replayed.sequence(), touched));
        recompute(touched);
        durability.writeToDisk();
    }

    /** Makes a generation the one that reads and the live processor use. */
    @Override
    public void activate(String newGeneration) {
        String previous = activeGeneration();
        database().getCollection(META).replaceOne(eq("_id", "active"),
                new Document("_id", "active").append("generation", newGeneration), new ReplaceOptions().upsert(true));
        if (previous != null && !previous.equals(newGeneration)) {
            drop(previous);
        }
    }

    /** The generation in use, read each time so that every application instance follows a rebuild at once. */
    public String activeGeneration() {
        Document meta = database().getCollection(META).find(eq("_id", "active")).first();
        return meta == null ? "g0" : meta.getString("generation");
    }

    private void drop(String generation) {
        Projection.Generation collections = generation(generation);
        for (Projection<?> projection : projections) {
            collections.collection(projection.views()).drop();
            projection.derived().forEach(name -> collections.collection(name).drop());
        }
    }

    private Optional<Projection<?>> projectionOf(Object event) {
        return projections.stream().filter(projection -> projection.type().owns(event)).findFirst();
    }

    private Optional<Projection<?>> projectionOf(AggregateType<?> type) {
        return projections.stream().filter(projection -> projection.type().name().equals(type.name())).findFirst();
    }

    private Projection.Generation generation(String id) {
        MongoDatabase database = database();
        return new Projection.Generation() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public MongoCollection<Document> collection(String baseName) {
                return database.getCollection(baseName + "_" + id);
            }
        };
    }

    private MongoDatabase database() {
        return client.getDatabase(databaseName);
    }

    private static long version(Document view) {
        return ((Number) view.get("version")).longValue();
    }
}
