package vn.motcua.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import vn.motcua.process.ProcedureCatalogue;
import vn.motcua.search.internal.AuditDocument;
import vn.motcua.search.internal.DossierDocument;

/**
 * Writes dossier events into the search indices, at least once and in any batch size, with the same
 * result as writing each event exactly once in order.
 *
 * <ul>
 *   <li>{@code dossiers}: events are grouped by dossier, sorted by sequence, and folded onto the stored
 *   document; an event whose sequence is not above the stored version is a redelivery and is skipped.
 *   The document is written with {@code version_type=external} and version = last sequence applied,
 *   so a concurrent or late write of an older state is refused by Elasticsearch itself.</li>
 *   <li>{@code audit-events}: one document per event, id = event id, written with {@code op_type=create},
 *   so a redelivered event is refused rather than duplicated.</li>
 * </ul>
 * Kafka keeps per-dossier order (the topic is keyed by dossier), so the live stream has no gaps; a gap
 * (logged) can only come from writes by another path, and is applied without waiting.
 * No refresh is requested: indexing stays cheap and search sees the write within the periodic refresh.
 */
public class SearchIndexer implements EventIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    private static final int DOSSIERS_PER_REQUEST = 500;
    private static final String VERSION_CONFLICT = "version_conflict_engine_exception";

    private final ElasticsearchClient client;
    private final IndexAdmin indexAdmin;
    private final ProcedureCatalogue catalogue;

    public SearchIndexer(ElasticsearchClient client, IndexAdmin indexAdmin, ProcedureCatalogue catalogue) {
        this.client = client;
        this.indexAdmin = indexAdmin;
        this.catalogue = catalogue;
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
        if (events.isEmpty()) {
            return IndexingResult.NOTHING;
        }
        Map<String, List<EventEnvelope>> byDossier = new LinkedHashMap<>();
        for (EventEnvelope event : events) {
            byDossier.computeIfAbsent(event.aggregateId(), code -> new ArrayList<>()).add(event);
        }
        List<String> codes = new ArrayList<>(byDossier.keySet());
        IndexingResult result = IndexingResult.NOTHING;
        for (int from = 0; from < codes.size(); from += DOSSIERS_PER_REQUEST) {
            List<String> chunk = codes.subList(from, Math.min(codes.size(), from + DOSSIERS_PER_REQUEST));
            result = result.plus(indexChunk(chunk, byDossier, dossiersIndex, auditIndex));
        }
        return result;
    }

    private IndexingResult indexChunk(List<String> codes, Map<String, List<EventEnvelope>> byDossier,
                                      String dossiersIndex, String auditIndex) {
        Map<String, Stored> stored = load(codes, dossiersIndex);
        List<BulkOperation> operations = new ArrayList<>();
        List<Boolean> isAuditOperation = new ArrayList<>();
        Map<String, Integer> appliedPerDossier = new HashMap<>();
        int skipped = 0;
        Set<String> auditIds = new HashSet<>();
        for (String code : codes) {
            List<EventEnvelope> events = new ArrayList<>(byDossier.get(code));
            events.sort(Comparator.comparingLong(EventEnvelope::sequence));
            Stored current = stored.get(code);
            DossierDocument document = current == null ? DossierDocument.empty(code) : current.document();
            long version = current == null ? -1 : current.version();
            int applied = 0;
            for (EventEnvelope event : events) {
                if (event.sequence() <= version) {
                    skipped++;
                } else {
                    if (event.sequence() > version + 1) {
                        // per-dossier order holds on the topic, so a gap means events reached the index
                        // by another path (e.g. an overlapping rebuild): the state may lack a step until
                        // the next rebuild
                        log.warn("Dossier {}: events {} to {} were never indexed; applying {} anyway", code,
                                version + 1, event.sequence() - 1, event.sequence());
                    }
                    document = document.apply(event, catalogue);
                    version = event.sequence();
                    applied++;
                }
                if (auditIds.add(event.eventId())) {
                    AuditDocument audit = AuditDocument.of(event);
                    operations.add(BulkOperation.of(op -> op.create(c -> c.index(auditIndex).id(audit.eventId())
                            .document(audit))));
                    isAuditOperation.add(true);
                }
            }
            if (applied > 0) {
                DossierDocument latest = document;
                long latestVersion = version;
                appliedPerDossier.put(code, applied);
                operations.add(BulkOperation.of(op -> op.index(i -> i.index(dossiersIndex).id(code)
                        .version(latestVersion).versionType(VersionType.External).document(latest))));
                isAuditOperation.add(false);
            }
        }
        if (operations.isEmpty()) {
            return new IndexingResult(0, skipped, 0);
        }
        BulkResponse response = IndexAdmin.call(() -> client.bulk(b -> b.operations(operations)));
        int auditAdded = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < response.items().size(); i++) {
            BulkResponseItem item = response.items().get(i);
            boolean isAudit = isAuditOperation.get(i);
            if (item.error() == null) {
                if (isAudit) {
                    auditAdded++;
                }
            } else if (VERSION_CONFLICT.equals(item.error().type())) {
                if (!isAudit) {
                    // a write at the same or a newer version got there first: ours changed nothing
                    int lost = appliedPerDossier.remove(item.id());
                    skipped += lost;
                }
            } else {
                failures.add(item.index() + "/" + item.id() + ": " + item.error().type() + " " + item.error().reason());
            }
        }
        if (!failures.isEmpty()) {
            throw new SearchIndexingException(failures);
        }
        int applied = appliedPerDossier.values().stream().mapToInt(Integer::intValue).sum();
        return new IndexingResult(applied, skipped, auditAdded);
    }

    private Map<String, Stored> load(List<String> codes, String dossiersIndex) {
        MgetResponse<DossierDocument> response = IndexAdmin.call(() -> client.mget(m -> m.index(dossiersIndex)
                .ids(codes), DossierDocument.class));
        Map<String, Stored> stored = new HashMap<>();
        for (MultiGetResponseItem<DossierDocument> item : response.docs()) {
            if (item.isFailure()) {
                throw new SearchIndexingException(List.of(item.failure().id() + ": " + item.failure().error().reason()));
            }
            if (item.result().found() && item.result().source() != null) {
                stored.put(item.result().id(), new Stored(item.result().source(), item.result().version()));
            }
        }
        return stored;
    }

    private record Stored(DossierDocument document, long version) {
    }
}
