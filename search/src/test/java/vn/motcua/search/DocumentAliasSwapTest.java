package vn.motcua.search;

import vn.motcua.search.support.PublishedDocumentStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.resolve_index.ResolveIndexItem;
import vn.motcua.engine.readmodel.RebuildTarget.Replayed;
import vn.motcua.search.support.SearchIntegrationTest;

/**
 * The {@code documents} index is rebuilt like the dossier indices: a fresh {@code documents-<n>} is filled
 * from the stored events through the publisher's CloudEvents, the alias moves to it and the old index goes
 * in one request; an event indexed live while the rebuild ran reaches the new index through the catch-up.
 */
class DocumentAliasSwapTest extends SearchIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private DocumentIndex documentIndex;
    @Autowired
    private DocumentIndexer documentIndexer;
    @Autowired
    private DocumentSearch documentSearch;

    private final String unit = unique("unit-docswap");
    /** The event store's document events, in order: what a rebuild replays. */
    private final List<Replayed> store = new ArrayList<>();

    @Test
    void rebuildFillsANewIndexThenTheAliasPointsOnlyAtItWithTheSameDocuments() throws IOException {
        String draft = document();
        live(draft, "DocumentDrafted", drafted("Quyết định về việc thanh tra cơ sở sản xuất mỹ phẩm"));
        live(draft, "SubmittedForReview", data(draft));
        String received = document();
        live(received, "DocumentReceived", received("Bộ Y tế", "45/BYT-QLD", "Về việc hậu kiểm mỹ phẩm"));
        live(received, "ArrivalRegistered", registered(received, 17, "2026-05-06"));
        documentIndex.refresh();
        String old = documentIndex.currentIndex().orElseThrow();
        Map<String, String> before = documents(Set.of(draft, received));

        IndexRebuildTarget rebuild = rebuildTarget();
        String next = rebuild.prepare();
        assertThat(aliasesByIndex()).containsEntry(next, List.of()).containsEntry(old, List.of(DocumentIndex.DOCUMENTS));
        rebuild.apply(next, List.copyOf(store));
        rebuild.activate(next);

        assertThat(IndexAdmin.generationOf(next)).isGreaterThan(IndexAdmin.generationOf(old));
        assertThat(documentIndex.currentIndex()).contains(next);
        assertThat(aliasesByIndex()).isEqualTo(Map.of(next, List.of(DocumentIndex.DOCUMENTS)));
        assertThat(documents(Set.of(draft, received))).isEqualTo(before).hasSize(2);
        // the new index holds what the store holds, nothing a test indexed without storing
        assertThat(documents(null).keySet()).containsExactlyInAnyOrderElementsOf(before.keySet());
        DocumentHit hit = documentSearch.search("45/BYT-QLD", "REGISTERED", "INCOMING", unit, 0, 20).hits().get(0);
        assertThat(hit.documentId()).isEqualTo(received);
        assertThat(hit.arrivalNumber()).isEqualTo(17);
        assertThat(hit.version()).isEqualTo(1);
    }

    @Test
    void anEventIndexedLiveDuringTheRebuildReachesTheNewIndexThroughTheCatchUp() throws IOException {
        String id = document();
        live(id, "DocumentDrafted", drafted("Kế hoạch kiểm tra chất lượng nước uống đóng chai"));
        IndexRebuildTarget rebuild = rebuildTarget();
        String next = rebuild.prepare();
        int position = store.size();
        rebuild.apply(next, List.copyOf(store));

        // the live consumer indexes an event appended after the replay reached the end: into the old index
        live(id, "SubmittedForReview", data(id));
        rebuild.activate(next);
        documentIndex.refresh();
        assertThat(status(id)).as("not replayed yet; the old index that had it is gone").isEqualTo("DRAFT");

        // the rebuild replays once more from where it stopped, as Rebuilds does after the switch
        rebuild.apply(next, List.copyOf(store.subList(position, store.size())));
        live(id, "ReviewApproved", data(id));
        documentIndex.refresh();
        assertThat(status(id)).isEqualTo("AWAITING_SIGNATURE");
        assertThat(documentIndex.currentIndex()).contains(next);
    }

    @Test
    void theAliasMovesOnlyToADocumentsIndex() {
        assertThatIllegalArgumentException().isThrownBy(() -> documentIndex.swapAlias("dossiers-1"));
        assertThatIllegalArgumentException().isThrownBy(() -> documentIndex.swapAlias("documents-0"));
    }

    private IndexRebuildTarget rebuildTarget() {
        return new IndexRebuildTarget("documents", Set.of("OfficialDocument"),
                (event, eventId, sequence) -> cloudEvent((Stored) event, eventId, sequence), documentIndexer);
    }

    private String status(String id) {
        List<DocumentHit> hits = documentSearch.search(id, null, null, unit, 0, 20).hits();
        assertThat(hits).hasSize(1);
        return hits.get(0).status();
    }

    // ------------------------------------------------------------------ a stand-in event store

    /** A stored document event: its type and its record, as e-office keeps it. */
    private record Stored(String type, ObjectNode data) {
    }

    private static String document() {
        return UUID.randomUUID().toString();
    }

    /** Appends an event to the store and indexes it as the live consumer does, through the alias. */
    private void live(String documentId, String type, ObjectNode data) {
        data.put("documentId", documentId);
        long sequence = store.stream().filter(e -> ((Stored) e.event()).data().get("documentId").asText()
                .equals(documentId)).count();
        Replayed stored = new Replayed(UUID.randomUUID().toString(), sequence, new Stored(type, data));
        store.add(stored);
        try {
            documentIndexer.index(List.of(EventEnvelope.fromCloudEvent(JSON.readTree(
                    cloudEvent((Stored) stored.event(), stored.eventId(), stored.sequence())), "document")));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** What the e-office publisher writes for a stored event (CloudEvents 1.0 JSON). */
    private byte[] cloudEvent(Stored event, String eventId, long sequence) {
        ObjectNode cloudEvent = JSON.createObjectNode();
        cloudEvent.put("specversion", "1.0");
        cloudEvent.put("id", eventId);
        cloudEvent.put("source", "urn:motcua:unit:" + unit);
        cloudEvent.put("type", EventEnvelope.typePrefix("document") + event.type());
        cloudEvent.put("subject", event.data().get("documentId").asText());
        cloudEvent.put("time", event.data().get("at").asText());
        cloudEvent.put("datacontenttype", "application/json");
        cloudEvent.put("sequence", Long.toString(sequence));
        if (PublishedDocumentStatus.after(event.type()) != null) {
            cloudEvent.put("status", PublishedDocumentStatus.after(event.type()));
        }
        cloudEvent.set("data", event.data());
        return cloudEvent.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Instant at = Instant.parse("2026-05-06T02:00:00Z");

    private ObjectNode data(String documentId) {
        ObjectNode data = JSON.createObjectNode();
        if (documentId != null) {
            data.put("documentId", documentId);
        }
        ObjectNode actor = data.putObject("actor");
        actor.put("id", "specialist-" + unit);
        actor.put("role", "SPECIALIST");
        actor.put("unitId", unit);
        data.put("at", at.toString());
        at = at.plus(Duration.ofHours(1));
        return data;
    }

    private ObjectNode drafted(String subject) {
        ObjectNode data = data(null);
        data.put("agencyId", "000.00.16.H26");
        data.put("unitId", unit);
        ObjectNode metadata = data.putObject("metadata");
        metadata.put("subject", subject);
        metadata.put("type", "PLAN");
        metadata.put("issuerAbbreviation", "SYT");
        return data;
    }

    private ObjectNode received(String sender, String numberSymbol, String subject) {
        ObjectNode data = data(null);
        data.put("agencyId", "000.00.16.H26");
        ObjectNode metadata = data.putObject("metadata");
        metadata.put("senderName", sender);
        metadata.put("numberSymbol", numberSymbol);
        metadata.put("issuedOn", "2026-05-04");
        metadata.put("subject", subject);
        metadata.put("type", "LETTER");
        return data;
    }

    private ObjectNode registered(String documentId, int number, String arrivedOn) {
        ObjectNode data = data(documentId);
        data.put("arrivalNumber", number);
        data.put("formattedNumber", Integer.toString(number));
        data.put("arrivedOn", arrivedOn);
        return data;
    }

    // ------------------------------------------------------------------ what Elasticsearch holds

    private Map<String, List<String>> aliasesByIndex() throws IOException {
        Map<String, List<String>> aliases = new TreeMap<>();
        for (ResolveIndexItem index : client.indices().resolveIndex(r -> r.name(DocumentIndex.DOCUMENTS + "-*"))
                .indices()) {
            aliases.put(index.name(), index.aliases());
        }
        return aliases;
    }

    /** id → version and source of the documents behind the alias ({@code ids} null: all of them). */
    private Map<String, String> documents(Set<String> ids) throws IOException {
        documentIndex.refresh();
        Map<String, String> documents = new TreeMap<>();
        for (Hit<JsonNode> hit : client.search(s -> s.index(DocumentIndex.DOCUMENTS).size(10_000).version(true),
                JsonNode.class).hits().hits()) {
            if (ids == null || ids.contains(hit.id())) {
                documents.put(hit.id(), hit.version() + " " + hit.source());
            }
        }
        return documents;
    }
}
