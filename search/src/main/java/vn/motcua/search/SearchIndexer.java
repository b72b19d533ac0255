package vn.motcua.search;

import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import vn.motcua.process.ProcedureCatalogue;
import vn.motcua.search.internal.AuditDocument;
import vn.motcua.search.internal.DossierDocument;

/**
 * Writes dossier events into the {@code dossiers} index (one document per dossier) and the {@code audit-events}
 * index (one document per event), at least once and in any batch size, with the same result as writing each
 * event exactly once in order ({@link VersionedIndexing}).
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
    public String aggregateType() {
        return "dossier";
    }

    /** Indexes a batch into the live indices (through the aliases). */
    @Override
    public IndexingResult index(List<EventEnvelope> events) {
        indexAdmin.ensureIndices();
        return index(events, IndexAdmin.DOSSIERS, IndexAdmin.AUDIT_EVENTS);
    }

    /** Indexes a batch into one generation's indices directly, e.g. while a rebuild replays the event store. */
    public IndexingResult index(List<EventEnvelope> events, IndexGeneration target) {
        return index(events, target.dossiersIndex(), target.auditEventsIndex());
    }

    @Override
    public String createGeneration() {
        return Long.toString(indexAdmin.createGeneration().number());
    }

    @Override
    public IndexingResult index(List<EventEnvelope> events, String generation) {
        return index(events, new IndexGeneration(Long.parseLong(generation)));
    }

    /** Refreshes the generation's dossier and audit indices and swaps both aliases to it at once. */
    @Override
    public void activate(String generation) {
        IndexGeneration next = new IndexGeneration(Long.parseLong(generation));
        indexAdmin.refresh(next);
        indexAdmin.swapAliases(next);
    }

    private IndexingResult index(List<EventEnvelope> events, String dossiersIndex, String auditIndex) {
        return indexing.index(events, dossiersIndex, event -> {
            AuditDocument audit = AuditDocument.of(event);
            return BulkOperation.of(op -> op.create(c -> c.index(auditIndex).id(audit.eventId()).document(audit)));
        });
    }
}
