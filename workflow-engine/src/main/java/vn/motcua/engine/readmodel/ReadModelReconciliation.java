package vn.motcua.engine.readmodel;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks every MongoDB view against the event store and re-applies the events a view lacks: the position of
 * {@value MongoReadModels#PROCESSING_GROUP} lives in PostgreSQL, the views in MongoDB, and no transaction spans
 * both, so a crash (or a MongoDB that lost acknowledged writes) can leave a view behind a position that says it
 * was written. For each aggregate type with a projection: the last sequence of each aggregate in the event store
 * (one {@code group by} over {@code domain_event_entry}) against each view's {@code version}; a view that is
 * missing or older gets the missing events through {@link MongoReadModels#apply}, which is idempotent and
 * version-checked, so this may run while the processor runs. Runs at start (after {@link ViewsOnUpgrade}, whose
 * rebuild covers types with no views at all) and on demand; logs and counts what it mended
 * (portal-api's metric {@code motcua.readmodels.mended.views}).
 */
@Component
public class ReadModelReconciliation {

    private static final Logger log = LoggerFactory.getLogger(ReadModelReconciliation.class);

    private final MongoReadModels readModels;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final AtomicLong mendedViews = new AtomicLong();
    private volatile Result last;

    public ReadModelReconciliation(MongoReadModels readModels, EventStore eventStore, JdbcTemplate jdbc) {
        this.readModels = readModels;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    /** At start: MongoDB being down only skips it (the live processor catches up; run it again on demand). */
    @EventListener(ApplicationReadyEvent.class)
    public void atStart() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.warn("Could not check the MongoDB views against the event store at start-up: {}", e.getMessage());
        }
    }

    /** Brings every view of the active generation up to the event store; what it found and mended. */
    public Result reconcile() {
        long started = System.nanoTime();
        Set<String> withoutViews = Set.copyOf(readModels.typesWithoutViews());
        Map<String, Mended> byType = new LinkedHashMap<>();
        for (Projection<?> projection : readModels.projections()) {
            if (withoutViews.contains(projection.type().storedType())) {
                continue; // being rebuilt whole by ViewsOnUpgrade
            }
            byType.put(projection.type().name(), reconcile(projection));
        }
        readModels.writeToDisk();
        Result result = new Result(Instant.now(), byType, (System.nanoTime() - started) / 1_000_000);
        long views = result.mendedViews();
        if (views > 0) {
            // lost by a crash, or not yet reached by the processor (which would have written them too)
            log.warn("MongoDB views behind the event store, brought up to it: {} ({} ms)", byType, result.millis());
        } else {
            log.info("MongoDB views checked against the event store: none behind ({} ms)", result.millis());
        }
        last = result;
        return result;
    }

    /** Views mended since the application started. */
    public long mendedViews() {
        return mendedViews.get();
    }

    /** The last reconciliation, if one ran. */
    public Result last() {
        return last;
    }

    private Mended reconcile(Projection<?> projection) {
        Map<String, Long> versions = readModels.versions(projection);
        List<String[]> behind = new ArrayList<>();
        jdbc.query("select aggregate_identifier, max(sequence_number) from domain_event_entry where type = ? "
                + "group by aggregate_identifier", row -> {
                    String id = row.getString(1);
                    long last = row.getLong(2);
                    long version = versions.getOrDefault(id, -1L);
                    if (version < last) {
                        behind.add(new String[] {id, Long.toString(version)});
                    }
                }, projection.type().storedType());
        String generation = readModels.activeGeneration();
        long events = 0;
        int missing = 0;
        for (String[] view : behind) {
            long version = Long.parseLong(view[1]);
            if (version < 0) {
                missing++;
            }
            long[] applied = {0};
            eventStore.readEvents(view[0], version + 1).asStream()
                    .filter(message -> projection.type().owns(message.getPayload()))
                    .forEach(message -> {
                        readModels.apply(generation, message.getPayload(), message.getSequenceNumber());
                        applied[0]++;
                    });
            events += applied[0];
        }
        mendedViews.addAndGet(behind.size());
        return new Mended(behind.size(), missing, events);
    }

    /** Views brought up to the event store ({@code missing} of them were absent), with the events re-applied. */
    public record Mended(int views, int missing, long events) implements Serializable {
    }

    /** One reconciliation: when it ended, what it mended per aggregate type name, how long it took. */
    public record Result(Instant at, Map<String, Mended> byType, long millis) implements Serializable {

        public long mendedViews() {
            return byType.values().stream().mapToLong(Mended::views).sum();
        }
    }
}
