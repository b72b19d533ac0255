package vn.motcua.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.resolve_index.ResolveIndexItem;
import vn.motcua.search.support.DossierStory;
import vn.motcua.search.support.SearchIntegrationTest;

/**
 * A rebuild fills a fresh generation from the event store, then moves the alias to it: the dossier index, and the
 * audit index (its own generations, rebuilt from every type's events).
 */
class AliasSwapTest extends SearchIntegrationTest {

    @Test
    void newGenerationAndAliasSwapLeaveOnlyTheNewIndicesWithTheSameDocuments() throws IOException {
        DossierStory story = new DossierStory(unique("SWAP"), unique("unit-swap"), Instant.parse("2026-08-03T02:00:00Z"))
                .submitted("Tạ Văn Đổi", "0907000001", "001040000001", "Xà phòng thảo mộc").withdrawn();
        indexAndRefresh(story.events());
        IndexGeneration old = indexAdmin.currentGeneration().orElseThrow();
        String oldAudit = auditIndex.currentIndex().orElseThrow();
        Map<String, String> dossiersBefore = documents(IndexAdmin.DOSSIERS);
        Map<String, String> auditBefore = documents(AuditIndex.AUDIT_EVENTS);

        IndexGeneration next = indexAdmin.createGeneration();
        String nextAudit = auditIndexer.createGeneration();
        // the event store holds each event once; tests that redelivered events recorded them twice
        Map<String, EventEnvelope> stored = new LinkedHashMap<>();
        synchronized (EVENT_STORE) {
            EVENT_STORE.forEach(event -> stored.putIfAbsent(event.eventId(), event));
        }
        List<EventEnvelope> replay = new ArrayList<>(stored.values());
        IndexingResult rebuilt = indexer.index(
                replay.stream().filter(event -> indexer.indexes(event.aggregateType())).toList(), next);
        IndexingResult auditRebuilt = auditIndexer.index(replay, nextAudit);
        indexAdmin.swapAliases(next);
        auditIndexer.activate(nextAudit);
        indexAdmin.refresh();

        assertThat(next.number()).isGreaterThan(old.number());
        assertThat(IndexAdmin.generationOf(nextAudit)).isGreaterThan(IndexAdmin.generationOf(oldAudit));
        assertThat(rebuilt.skipped()).isZero();
        assertThat(auditRebuilt.auditAdded()).isEqualTo(replay.size());
        assertThat(indexAdmin.currentGeneration()).contains(next);
        assertThat(auditIndex.currentIndex()).contains(nextAudit);
        assertThat(aliasesByIndex()).isEqualTo(Map.of(
                next.dossiersIndex(), List.of(IndexAdmin.DOSSIERS),
                nextAudit, List.of(AuditIndex.AUDIT_EVENTS)));
        assertThat(documents(IndexAdmin.DOSSIERS)).isEqualTo(dossiersBefore).containsKey(story.code());
        assertThat(documents(AuditIndex.AUDIT_EVENTS)).isEqualTo(auditBefore).hasSize(replay.size());
        indexAdmin.discard(old);
    }

    @Test
    void theLiveGenerationCannotBeDiscarded() {
        indexAdmin.ensureIndices();
        IndexGeneration live = indexAdmin.currentGeneration().orElseThrow();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> indexAdmin.discard(live))
                .isInstanceOf(IllegalStateException.class);
    }

    private Map<String, List<String>> aliasesByIndex() throws IOException {
        Map<String, List<String>> aliases = new TreeMap<>();
        for (ResolveIndexItem index : client.indices().resolveIndex(r -> r.name("dossiers-*", "audit-events-*"))
                .indices()) {
            aliases.put(index.name(), index.aliases());
        }
        return aliases;
    }

    /** id → version and source of every document behind an alias. */
    private Map<String, String> documents(String alias) throws IOException {
        Map<String, String> documents = new TreeMap<>();
        for (Hit<JsonNode> hit : client.search(s -> s.index(alias).size(10_000).version(true), JsonNode.class)
                .hits().hits()) {
            documents.put(hit.id(), hit.version() + " " + hit.source());
        }
        return documents;
    }
}
