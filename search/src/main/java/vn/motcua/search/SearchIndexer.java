package vn.motcua.search;

import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import vn.motcua.process.ProcedureCatalogue;
import vn.motcua.search.internal.DossierDocument;

/**
 * Writes dossier events into the {@code dossiers} index (one document per dossier), at least once and in any
 * batch size, with the same result as writing each event exactly once in order ({@link VersionedIndexing}). The
 * audit trail of dossiers, like that of every other type, is {@link AuditIndexer}'s.
 */
public class SearchIndexer implements EventIndex {

    private final IndexAdmin indexAdmin;
    private final VersionedIndexing<DossierDocument> indexing;

    public SearchIndexer(ElasticsearchClient client, IndexAdmin indexAdmin, ProcedureCatalogue catalogue) {
        this.indexAdmin = indexAdmin;
        this.indexing = new VersionedIndexing<>(client, DossierDocument.class, DossierDocument::empty,
                (document, event) -> document.apply(event, catalogue));
    }

    @Override
    public boolean indexes(String aggregateType) {
        return "dossier".equals(aggregateType);
    }

    /** Indexes a batch into the live index (through the alias). */
    @Override
    public IndexingResult index(List<EventEnvelope> events) {
        indexAdmin.ensureIndices();
        return indexing.index(events, IndexAdmin.DOSSIERS, null);
    }

    /** Indexes a batch into one generation's index directly, e.g. while a rebuild replays the event store. */
    public IndexingResult index(List<EventEnvelope> events, IndexGeneration target) {
        return indexing.index(events, target.dossiersIndex(), null);
    }

    @Override
    public String createGeneration() {
        return Long.toString(indexAdmin.createGeneration().number());
    }

    @Override
    public IndexingResult index(List<EventEnvelope> events, String generation) {
        return index(events, new IndexGeneration(Long.parseLong(generation)));
    }

    /** Refreshes the generation's dossier index and moves the alias to it. */
    @Override
    public void activate(String generation) {
        IndexGeneration next = new IndexGeneration(Long.parseLong(generation));
        indexAdmin.refresh(next);
        indexAdmin.swapAliases(next);
    }
}
