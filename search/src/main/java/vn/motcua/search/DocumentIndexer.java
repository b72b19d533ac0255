package vn.motcua.search;

import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import vn.motcua.search.internal.DocumentRecord;

/**
 * Writes official-document events into the {@value DocumentIndex#DOCUMENTS} index, one document per official
 * document, at least once and in any batch size, with the same result as writing each event exactly once in order
 * ({@link VersionedIndexing}).
 */
public class DocumentIndexer implements EventIndex {

    private final DocumentIndex index;
    private final VersionedIndexing<DocumentRecord> indexing;

    public DocumentIndexer(ElasticsearchClient client, DocumentIndex index) {
        this.index = index;
        this.indexing = new VersionedIndexing<>(client, DocumentRecord.class, DocumentRecord::empty,
                DocumentRecord::apply);
    }

    @Override
    public boolean indexes(String aggregateType) {
        return "document".equals(aggregateType);
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
     * (the audit index of every type is {@link AuditIndexer}'s).
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
        return indexing.index(events, targetIndex, null);
    }
}
