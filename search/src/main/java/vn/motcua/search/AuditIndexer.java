package vn.motcua.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import vn.motcua.search.internal.AuditDocument;

/**
 * Writes the events of every aggregate type into the {@value AuditIndex#AUDIT_EVENTS} index, one document per
 * event, the event id as the document id, with {@code op_type=create}: a redelivered or replayed event is refused
 * by Elasticsearch rather than recorded twice, so writing at least once, in any order and batch size, gives the
 * same index as writing each event once. It indexes whatever type the CloudEvent names, so a new aggregate type is
 * covered as soon as its topic is read ({@link SearchPipelineConfiguration}).
 */
public class AuditIndexer implements EventIndex {

    private static final int EVENTS_PER_REQUEST = 1_000;
    private static final String ALREADY_RECORDED = "version_conflict_engine_exception";

    private final ElasticsearchClient client;
    private final AuditIndex index;

    public AuditIndexer(ElasticsearchClient client, AuditIndex index) {
        this.client = client;
        this.index = index;
    }

    @Override
    public boolean indexes(String aggregateType) {
        return true;
    }

    /** Records a batch in the live index (through the alias); the result counts only {@code auditAdded}. */
    @Override
    public IndexingResult index(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return IndexingResult.NOTHING;
        }
        index.ensureIndex();
        return index(events, AuditIndex.AUDIT_EVENTS);
    }

    @Override
    public String createGeneration() {
        return index.createGeneration();
    }

    /** Records a batch in one index directly, e.g. a generation a rebuild is filling. */
    @Override
    public IndexingResult index(List<EventEnvelope> events, String targetIndex) {
        Map<String, EventEnvelope> byId = new LinkedHashMap<>();
        events.forEach(event -> byId.putIfAbsent(event.eventId(), event));
        List<EventEnvelope> unique = new ArrayList<>(byId.values());
        int added = 0;
        for (int from = 0; from < unique.size(); from += EVENTS_PER_REQUEST) {
            added += create(unique.subList(from, Math.min(unique.size(), from + EVENTS_PER_REQUEST)), targetIndex);
        }
        return new IndexingResult(0, 0, added);
    }

    /** Refreshes the new index, moves the alias to it and drops the old index at once. */
    @Override
    public void activate(String generation) {
        index.refresh(generation);
        index.swapAlias(generation);
    }

    private int create(List<EventEnvelope> events, String targetIndex) {
        List<BulkOperation> operations = events.stream().map(AuditDocument::of)
                .map(audit -> BulkOperation.of(op -> op.create(c -> c.index(targetIndex).id(audit.eventId())
                        .document(audit))))
                .toList();
        BulkResponse response = IndexAdmin.call(() -> client.bulk(b -> b.operations(operations)));
        int added = 0;
        List<String> failures = new ArrayList<>();
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null) {
                added++;
            } else if (!ALREADY_RECORDED.equals(item.error().type())) {
                failures.add(item.index() + "/" + item.id() + ": " + item.error().type() + " "
                        + item.error().reason());
            }
        }
        if (!failures.isEmpty()) {
            throw new SearchIndexingException(failures);
        }
        return added;
    }
}
