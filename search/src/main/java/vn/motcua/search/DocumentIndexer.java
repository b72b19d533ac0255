package vn.motcua.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import vn.motcua.search.internal.DocumentRecord;

/**
 * Writes official-document events into the {@value DocumentIndex#DOCUMENTS} index, at least once and in
 * any batch size, with the same result as writing each event exactly once in order: events are grouped by
 * document, sorted by sequence and folded onto the stored state; an event at or below the stored version is
 * a redelivery and is skipped; the document is written with {@code version_type=external} (version = last
 * sequence applied), so a late write of an older state is refused by Elasticsearch itself.
 */
public class DocumentIndexer implements EventIndex {

    private static final int DOCUMENTS_PER_REQUEST = 500;
    private static final String VERSION_CONFLICT = "version_conflict_engine_exception";

    private final ElasticsearchClient client;
    private final DocumentIndex index;

    public DocumentIndexer(ElasticsearchClient client, DocumentIndex index) {
        this.client = client;
        this.index = index;
    }

    @Override
    public String aggregateType() {
        return "document";
    }

    @Override
    public String createGeneration() {
        return index.createGeneration();
    }

    /** Refreshes the new index, moves the alias to it and drops the old index at once. */
    @Override
    public void activate(String generation) {
        index.refresh(generation);
        index.swapAlias(generation);
    }

    /**
     * Indexes a batch into the live index (through the alias); {@code auditAdded} of the result is always 0
     * (documents have no audit index here).
     */
    @Override
    public IndexingResult index(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return IndexingResult.NOTHING;
        }
        index.ensureIndex();
        return index(events, DocumentIndex.DOCUMENTS);
    }

    /**
     * Indexes a batch into one index directly, e.g. a generation a rebuild is filling before the alias
     * moves to it ({@link DocumentIndex#createGeneration()}).
     */
    @Override
    public IndexingResult index(List<EventEnvelope> events, String targetIndex) {
        if (events.isEmpty()) {
            return IndexingResult.NOTHING;
        }
        Map<String, List<EventEnvelope>> byDocument = new LinkedHashMap<>();
        for (EventEnvelope event : events) {
            byDocument.computeIfAbsent(event.aggregateId(), id -> new ArrayList<>()).add(event);
        }
        List<String> ids = new ArrayList<>(byDocument.keySet());
        IndexingResult result = IndexingResult.NOTHING;
        for (int from = 0; from < ids.size(); from += DOCUMENTS_PER_REQUEST) {
            result = result.plus(indexChunk(targetIndex,
                    ids.subList(from, Math.min(ids.size(), from + DOCUMENTS_PER_REQUEST)), byDocument));
        }
        return result;
    }

    private IndexingResult indexChunk(String targetIndex, List<String> ids,
                                      Map<String, List<EventEnvelope>> byDocument) {
        Map<String, Stored> stored = load(targetIndex, ids);
        List<BulkOperation> operations = new ArrayList<>();
        Map<String, Integer> appliedPerDocument = new HashMap<>();
        int skipped = 0;
        for (String id : ids) {
            List<EventEnvelope> events = new ArrayList<>(byDocument.get(id));
            events.sort(Comparator.comparingLong(EventEnvelope::sequence));
            Stored current = stored.get(id);
            DocumentRecord document = current == null ? DocumentRecord.empty(id) : current.document();
            long version = current == null ? -1 : current.version();
            int applied = 0;
            for (EventEnvelope event : events) {
                if (event.sequence() <= version) {
                    skipped++;
                } else {
                    document = document.apply(event);
                    version = event.sequence();
                    applied++;
                }
            }
            if (applied > 0) {
                DocumentRecord toWrite = document;
                long writeVersion = version;
                operations.add(BulkOperation.of(op -> op.index(i -> i.index(targetIndex).id(id)
                        .versionType(VersionType.External).version(writeVersion).document(toWrite))));
                appliedPerDocument.put(id, applied);
            }
        }
        if (operations.isEmpty()) {
            return new IndexingResult(0, skipped, 0);
        }
        BulkResponse response = IndexAdmin.call(() -> client.bulk(b -> b.operations(operations)));
        List<String> failures = new ArrayList<>();
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null) {
                continue;
            }
            if (VERSION_CONFLICT.equals(item.error().type())) {
                // a newer state was written meanwhile: ours lost, which is right
                skipped += appliedPerDocument.getOrDefault(item.id(), 0);
                appliedPerDocument.remove(item.id());
            } else {
                failures.add(item.index() + "/" + item.id() + ": " + item.error().type() + " " + item.error().reason());
            }
        }
        if (!failures.isEmpty()) {
            throw new SearchIndexingException(failures);
        }
        int applied = appliedPerDocument.values().stream().mapToInt(Integer::intValue).sum();
        return new IndexingResult(applied, skipped, 0);
    }

    private Map<String, Stored> load(String targetIndex, List<String> ids) {
        MgetResponse<DocumentRecord> response = IndexAdmin.call(() -> client.mget(m -> m.index(targetIndex)
                .ids(ids), DocumentRecord.class));
        Map<String, Stored> stored = new HashMap<>();
        for (MultiGetResponseItem<DocumentRecord> item : response.docs()) {
            if (item.isFailure()) {
                throw new SearchIndexingException(List.of(item.failure().id() + ": "
                        + item.failure().error().reason()));
            }
            if (item.result().found() && item.result().source() != null) {
                stored.put(item.result().id(), new Stored(item.result().source(), item.result().version()));
            }
        }
        return stored;
    }

    private record Stored(DocumentRecord document, long version) {
    }
}
