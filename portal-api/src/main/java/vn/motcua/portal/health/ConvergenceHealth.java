package vn.motcua.portal.health;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import vn.motcua.engine.platform.AggregateType;
import vn.motcua.engine.platform.AggregateTypes;
import vn.motcua.engine.publication.ParkedEvents;
import vn.motcua.engine.readmodel.MongoReadModels;
import vn.motcua.engine.readmodel.ReadModelReconciliation;
import vn.motcua.search.AuditIndex;
import vn.motcua.search.DocumentIndex;
import vn.motcua.search.IndexAdmin;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;

/**
 * Each store downstream of the event store compared with it, per aggregate type ({@code /actuator/health}, entry
 * {@code convergence}): the aggregates and events in PostgreSQL, the views in MongoDB (and the events they reflect:
 * the sum of their versions + 1), the documents of the type's own search index (one per aggregate) and of the audit
 * index (one per event), each with {@code behind}, what it lacks now. A store lagging while its pipeline works is
 * normal and stays UP; the entry is DOWN, naming the store in {@code notCatchingUp}, when
 * <ul>
 *   <li>MongoDB holds less than the events its processor's position says were written (the crash the issue
 *   found: "behind: 0" with views missing), or</li>
 *   <li>a store holds less now than the event store held at a check at least {@code grace} (30 s) ago.</li>
 * </ul>
 * Events held back from Kafka as undeliverable ({@code publication}, {@code ParkedEvents}) are not counted against
 * the indexes fed from Kafka. Counts only (one {@code group by} over {@code domain_event_entry}, one MongoDB {@code $group}, Elasticsearch
 * counts), cached for {@code cache} (5 s). Not in the readiness group: a store behind delays reads, it stops nothing.
 */
@Component("convergenceHealthIndicator")
public class ConvergenceHealth implements HealthIndicator, MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(ConvergenceHealth.class);
    /** The search index of one document per aggregate of a type, by type name. */
    private static final MongoReadModels.ViewCounts UNAVAILABLE = new MongoReadModels.ViewCounts(-1, -1);
    private static final Map<String, String> AGGREGATE_INDEX = Map.of("dossier", IndexAdmin.DOSSIERS,
            "document", DocumentIndex.DOCUMENTS);

    private final AggregateTypes types;
    private final JdbcTemplate jdbc;
    private final MongoReadModels readModels;
    private final ElasticsearchClient elasticsearch;
    private final EventProcessingConfiguration processing;
    private final ReadModelReconciliation reconciliation;
    private final ParkedEvents parked;
    private final Clock clock;
    private final Duration cacheFor;
    private final Duration grace;
    private final Deque<Observation> observations = new ArrayDeque<>();
    private Health cached;
    private Instant cachedAt = Instant.MIN;

    public ConvergenceHealth(AggregateTypes types, JdbcTemplate jdbc, MongoReadModels readModels,
                             ElasticsearchClient elasticsearch, EventProcessingConfiguration processing,
                             ReadModelReconciliation reconciliation, ParkedEvents parked, Clock clock,
                             @Value("${motcua.health.convergence.cache:5s}") Duration cacheFor,
                             @Value("${motcua.health.convergence.grace:30s}") Duration grace) {
        this.types = types;
        this.jdbc = jdbc;
        this.readModels = readModels;
        this.elasticsearch = elasticsearch;
        this.processing = processing;
        this.reconciliation = reconciliation;
        this.parked = parked;
        this.clock = clock;
        this.cacheFor = cacheFor;
        this.grace = grace;
    }

    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(cachedAt.plus(cacheFor))) {
            cached = check(now);
            cachedAt = now;
        }
        return cached;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("motcua.readmodels.mended.views", reconciliation,
                        ReadModelReconciliation::mendedViews)
                .description("MongoDB views found behind the event store and brought up to it").register(registry);
    }

    private Health check(Instant now) {
        long started = System.nanoTime();
        Position written = mongoPosition();
        Map<String, Stored> stored = eventStore(written);
        Map<String, Long> auditEvents = auditDocumentsByType();
        List<ParkedEvents.ParkedEvent> parkedNow = parkedEvents();
        Optional<Observation> baseline = baseline(now);
        observations.addLast(new Observation(now, stored));

        List<String> notCatchingUp = new ArrayList<>();
        Map<String, Object> details = new LinkedHashMap<>();
        for (AggregateType<?> type : types.all()) {
            Stored store = stored.getOrDefault(type.storedType(), Stored.NONE);
            Stored before = baseline.map(b -> b.stored().getOrDefault(type.storedType(), Stored.NONE))
                    .orElse(Stored.NONE);
            List<ParkedEvents.ParkedEvent> parkedOfType = parkedNow.stream()
                    .filter(event -> type.name().equals(event.aggregateType())).toList();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("eventStore", Map.of("aggregates", store.aggregates(), "events", store.events()));

            mongo(type).ifPresent(views -> {
                if (views == UNAVAILABLE) {
                    entry.put("mongodb", Map.of("available", false));
                    return;
                }
                entry.put("mongodb", Map.of("views", views.views(), "events", views.events(),
                        "behind", Math.max(0, store.aggregates() - views.views()),
                        "eventsBehind", Math.max(0, store.events() - views.events())));
                if (views.views() < store.writtenAggregates() || views.events() < store.writtenEvents()) {
                    notCatchingUp.add(type.name() + ": mongodb (behind its processor's position)");
                } else if (views.views() < before.aggregates() || views.events() < before.events()) {
                    notCatchingUp.add(type.name() + ": mongodb");
                }
            });

            Map<String, Object> search = new LinkedHashMap<>();
            String index = AGGREGATE_INDEX.get(type.name());
            if (index != null) {
                Long documents = count(index);
                if (documents == null) {
                    search.put(index, Map.of("available", false));
                } else {
                    search.put(index, Map.of("documents", documents,
                            "behind", Math.max(0, store.aggregates() - documents)));
                    long heldBack = parkedOfType.stream().filter(event -> event.sequence() == 0).count();
                    if (documents < before.aggregates() - heldBack) {
                        notCatchingUp.add(type.name() + ": elasticsearch " + index);
                    }
                }
            }
            if (auditEvents == null) {
                search.put(AuditIndex.AUDIT_EVENTS, Map.of("available", false));
            } else {
                long documents = auditEvents.getOrDefault(type.name(), 0L);
                long held = parkedOfType.stream().mapToLong(event -> 1 + event.waiting()).sum();
                search.put(AuditIndex.AUDIT_EVENTS, Map.of("documents", documents,
                        "behind", Math.max(0, store.events() - documents), "parked", held));
                if (documents < before.events() - held) {
                    notCatchingUp.add(type.name() + ": elasticsearch " + AuditIndex.AUDIT_EVENTS);
                }
            }
            entry.put("elasticsearch", search);
            details.put(type.name(), entry);
        }
        Health.Builder health = notCatchingUp.isEmpty() ? Health.up() : Health.down()
                .withDetail("notCatchingUp", notCatchingUp);
        if (!notCatchingUp.isEmpty()) {
            log.warn("Stores not catching up with the event store: {}", notCatchingUp);
        }
        ReadModelReconciliation.Result last = reconciliation.last();
        if (last != null) {
            details.put("lastReconciliation", Map.of("at", last.at().toString(), "mendedViews", last.mendedViews()));
        }
        details.put("checkedInMs", (System.nanoTime() - started) / 1_000_000);
        return health.withDetails(details).build();
    }

    /**
     * The latest check at least {@code grace} old: what the event store held then, which every store should hold by
     * now; older ones are dropped.
     */
    private Optional<Observation> baseline(Instant now) {
        Instant cutoff = now.minus(grace);
        while (observations.size() > 1 && !secondOldest().at().isAfter(cutoff)) {
            observations.removeFirst();
        }
        Observation first = observations.peekFirst();
        return first != null && !first.at().isAfter(cutoff) ? Optional.of(first) : Optional.empty();
    }

    private Observation secondOldest() {
        var iterator = observations.iterator();
        iterator.next();
        return iterator.next();
    }

    /**
     * How far {@value MongoReadModels#PROCESSING_GROUP} has written: every event at or below the lowest index of
     * its segments, except the gaps its tokens still hold (global indexes it has not seen: a transaction still
     * running, or one rolled back, which leaves a gap for good); null when unknown.
     */
    private Position mongoPosition() {
        return processing.eventProcessor(MongoReadModels.PROCESSING_GROUP, TrackingEventProcessor.class)
                .flatMap(processor -> {
                    Collection<TrackingToken> tokens = processor.processingStatus().values().stream()
                            .map(status -> status.getTrackingToken() == null ? null
                                    : WrappedToken.unwrapLowerBound(status.getTrackingToken()))
                            .toList();
                    if (tokens.isEmpty() || tokens.stream().anyMatch(token -> token == null)) {
                        return Optional.empty();
                    }
                    long index = tokens.stream().mapToLong(token -> token.position().orElse(-1)).min().orElse(-1);
                    Set<Long> gaps = new TreeSet<>();
                    tokens.forEach(token -> {
                        if (token instanceof GapAwareTrackingToken gapAware) {
                            gaps.addAll(gapAware.getGaps());
                        }
                    });
                    return Optional.of(new Position(index, gaps));
                }).orElse(null);
    }

    private Map<String, Stored> eventStore(Position written) {
        long index = written == null ? -1 : written.index();
        Long[] gaps = written == null ? new Long[0] : written.gaps().toArray(Long[]::new);
        Map<String, Stored> stored = new HashMap<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    select type, count(*) filter (where sequence_number = 0), count(*),
                           count(*) filter (where sequence_number = 0 and global_index <= ?
                                            and global_index <> all(?)),
                           count(*) filter (where global_index <= ? and global_index <> all(?))
                    from domain_event_entry group by type""");
            Array gapArray = connection.createArrayOf("bigint", gaps);
            statement.setLong(1, index);
            statement.setArray(2, gapArray);
            statement.setLong(3, index);
            statement.setArray(4, gapArray);
            return statement;
        }, (ResultSet row) -> {
            stored.put(row.getString(1), new Stored(row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5)));
        });
        return stored;
    }

    /**
     * The aggregates whose events are held back from Kafka (parked, and the later ones waiting behind,
     * {@link ParkedEvents}): the indexes fed from Kafka cannot have those events, and health says so under
     * {@code publication}, not here.
     */
    private List<ParkedEvents.ParkedEvent> parkedEvents() {
        try {
            return parked.list();
        } catch (RuntimeException e) {
            log.warn("Parked events could not be counted: {}", e.getMessage());
            return List.of();
        }
    }

    /** Empty for a type without views; {@link #UNAVAILABLE} when MongoDB does not answer. */
    private Optional<MongoReadModels.ViewCounts> mongo(AggregateType<?> type) {
        try {
            return readModels.counts(type);
        } catch (RuntimeException e) {
            return Optional.of(UNAVAILABLE);
        }
    }

    /** The documents of an index (0 before it exists); null when Elasticsearch does not answer. */
    private Long count(String index) {
        try {
            return elasticsearch.count(c -> c.index(index)).count();
        } catch (ElasticsearchException e) {
            return e.status() == 404 ? 0L : null;
        } catch (Exception e) {
            return null;
        }
    }

    private Map<String, Long> auditDocumentsByType() {
        try {
            Map<String, Long> byType = new HashMap<>();
            elasticsearch.search(s -> s.index(AuditIndex.AUDIT_EVENTS).size(0).aggregations("types",
                            a -> a.terms(t -> t.field("aggregateType").size(1000))), Void.class)
                    .aggregations().get("types").sterms().buckets().array()
                    .forEach((StringTermsBucket bucket) -> byType.put(bucket.key().stringValue(), bucket.docCount()));
            return byType;
        } catch (ElasticsearchException e) {
            return e.status() == 404 ? Map.of() : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** What the event store holds of one type, and of it what lies at or below the read models' position. */
    private record Stored(long aggregates, long events, long writtenAggregates, long writtenEvents) {
        static final Stored NONE = new Stored(0, 0, 0, 0);
    }

    private record Position(long index, Set<Long> gaps) {
    }

    private record Observation(Instant at, Map<String, Stored> stored) {
    }
}
