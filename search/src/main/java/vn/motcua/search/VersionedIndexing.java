package vn.motcua.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;

/**
 * Writes events into an index of one document per aggregate, at least once and in any batch size, with the same
 * result as writing each event exactly once in order — the one way every {@link EventIndex} writes:
 * <ul>
 *   <li>events are grouped by aggregate, sorted by sequence and folded onto the stored document; an event whose
 *   sequence is not above the stored version is a redelivery and is skipped. The document is written with
 *   {@code version_type=external} and version = last sequence applied, so a concurrent or late write of an older
 *   state is refused by Elasticsearch itself;</li>
 *   <li>optionally, one more document per event (the audit events), written with {@code op_type=create}, so a
 *   redelivered event is refused rather than duplicated.</li>
 * </ul>
 * Kafka keeps per-aggregate order (topics are keyed by aggregate id), so the live stream has no gaps; a gap
 * (logged) can only come from writes by another path, and is applied without waiting. No refresh is requested.
 *
 * @param <R> the indexed document of one aggregate
 */
final class VersionedIndexing<R> {

    private static final Logger log = LoggerFactory.getLogger(VersionedIndexing.class);
    private static final int AGGREGATES_PER_REQUEST = 500;
    private static final String VERSION_CONFLICT = "version_conflict_engine_exception";

    private final ElasticsearchClient client;
    private final Class<R> documentClass;
    private final Function<String, R> empty;
    private final BiFunction<R, EventEnvelope, R> fold;

    /**
     * @param empty the document of an aggregate none of whose events has been indexed yet
     * @param fold  the document after one more event
     */
    VersionedIndexing(ElasticsearchClient client, Class<R> documentClass, Function<String, R> empty,
                      BiFunction<R, EventEnvelope, R> fold) {
        this.client = client;
        this.documentClass = documentClass;
        this.empty = empty;
        this.fold = fold;
    }

    /**
     * Indexes a batch into {@code index}; {@code perEvent}, when not null, gives the create operation of the
     * event's own document, counted in {@link IndexingResult#auditAdded()}.
     */
    IndexingResult index(List<EventEnvelope> events, String index, Function<EventEnvelope, BulkOperation> perEvent) {
        if (events.isEmpty()) {
            return IndexingResult.NOTHING;
        }
        Map<String, List<EventEnvelope>> byAggregate = new LinkedHashMap<>();
        for (EventEnvelope event : events) {
            byAggregate.computeIfAbsent(event.aggregateId(), id -> new ArrayList<>()).add(event);
        }
        List<String> ids = new ArrayList<>(byAggregate.keySet());
        IndexingResult result = IndexingResult.NOTHING;
        for (int from = 0; from < ids.size(); from += AGGREGATES_PER_REQUEST) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + AGGREGATES_PER_REQUEST));
            result = result.plus(indexChunk(chunk, byAggregate, index, perEvent));
        }
        return result;
    }

    private IndexingResult indexChunk(List<String> ids, Map<String, List<EventEnvelope>> byAggregate, String index,
                                      Function<EventEnvelope, BulkOperation> perEvent) {
        Map<String, Stored<R>> stored = load(ids, index);
        List<BulkOperation> operations = new ArrayList<>();
        List<Boolean> isPerEvent = new ArrayList<>();
        Map<String, Integer> appliedPerAggregate = new HashMap<>();
        int skipped = 0;
        Set<String> eventIds = new HashSet<>();
        for (String id : ids) {
            List<EventEnvelope> events = new ArrayList<>(byAggregate.get(id));
            events.sort(Comparator.comparingLong(EventEnvelope::sequence));
            Stored<R> current = stored.get(id);
            R document = current == null ? empty.apply(id) : current.document();
            long version = current == null ? -1 : current.version();
            int applied = 0;
            for (EventEnvelope event : events) {
                if (event.sequence() <= version) {
                    skipped++;
                } else {
                    if (event.sequence() > version + 1) {
                        // per-aggregate order holds on the topic, so a gap means events reached the index by
                        // another path (e.g. an overlapping rebuild): the state may lack a step until the next rebuild
                        log.warn("{} {}: events {} to {} were never indexed; applying {} anyway",
                                event.aggregateType(), id, version + 1, event.sequence() - 1, event.sequence());
                    }
                    document = fold.apply(document, event);
                    version = event.sequence();
                    applied++;
                }
                if (perEvent != null && eventIds.add(event.eventId())) {
                    operations.add(perEvent.apply(event));
                    isPerEvent.add(true);
                }
            }
            if (applied > 0) {
                R latest = document;
                long latestVersion = version;
                appliedPerAggregate.put(id, applied);
                operations.add(BulkOperation.of(op -> op.index(i -> i.index(index).id(id)
                        .version(latestVersion).versionType(VersionType.External).document(latest))));
                isPerEvent.add(false);
            }
        }
        if (operations.isEmpty()) {
            return new IndexingResult(0, skipped, 0);
        }
        BulkResponse response = IndexAdmin.call(() -> client.bulk(b -> b.operations(operations)));
        int perEventAdded = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < response.items().size(); i++) {
            BulkResponseItem item = response.items().get(i);
            boolean eventDocument = isPerEvent.get(i);
            if (item.error() == null) {
                if (eventDocument) {
                    perEventAdded++;
                }
            } else if (VERSION_CONFLICT.equals(item.error().type())) {
                if (!eventDocument) {
                    // a write at the same or a newer version got there first: ours changed nothing
                    Integer lost = appliedPerAggregate.remove(item.id());
                    skipped += lost == null ? 0 : lost;
                }
            } else {
                failures.add(item.index() + "/" + item.id() + ": " + item.error().type() + " " + item.error().reason());
            }
        }
        if (!failures.isEmpty()) {
            throw new SearchIndexingException(failures);
        }
        int applied = appliedPerAggregate.values().stream().mapToInt(Integer::intValue).sum();
        return new IndexingResult(applied, skipped, perEventAdded);
    }

    private Map<String, Stored<R>> load(List<String> ids, String index) {
        MgetResponse<R> response = IndexAdmin.call(() -> client.mget(m -> m.index(index).ids(ids), documentClass));
        Map<String, Stored<R>> stored = new HashMap<>();
        for (MultiGetResponseItem<R> item : response.docs()) {
            if (item.isFailure()) {
                throw new SearchIndexingException(List.of(item.failure().id() + ": " + item.failure().error().reason()));
            }
            if (item.result().found() && item.result().source() != null) {
                stored.put(item.result().id(), new Stored<>(item.result().source(), item.result().version()));
            }
        }
        return stored;
    }

    private record Stored<R>(R document, long version) {
    }
}
