package vn.motcua.portal.documentsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.resolve_index.ResolveIndexItem;
import vn.motcua.engine.readmodel.MongoReadModels;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;
import vn.motcua.search.DocumentIndex;
import vn.motcua.search.IndexAdmin;

/**
 * An administrator rebuilds the {@code documents} index alone from the event store: officials and
 * inspectors find the same documents as before (number/symbol, subject, status, unit), the alias points at
 * a new index and the old one is gone, the other read models are left as they were, and a step taken as
 * the rebuild starts is not lost.
 */
class DocumentRebuildTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static final String DRAFT = """
            {"metadata":{"subject":"%s","type":"DECISION","urgency":"NORMAL","secrecy":"NONE","pageCount":1,
             "signerPosition":"Phó Giám đốc","signerName":"%s","issuerAbbreviation":"SYT",
             "recipients":[{"id":"000.00.16.H26.VP","name":"Văn phòng Sở","kind":"INTERNAL_UNIT"}]}}""";

    private static final String INCOMING = """
            {"metadata":{"senderAgencyId":"000.00.00.G01","senderName":"Bộ Y tế","numberSymbol":"88/BYT-ATTP",
             "issuedOn":"%s","subject":"Về việc bảo đảm an toàn thực phẩm dịp Tết","type":"LETTER",
             "urgency":"NORMAL","secrecy":"NONE","pageCount":2}}""";

    @Autowired
    private DocumentIndex documentIndex;
    @Autowired
    private IndexAdmin indexAdmin;
    @Autowired
    private MongoReadModels readModels;
    @Autowired
    private ElasticsearchClient elasticsearch;

    @Test
    void rebuildingTheDocumentsIndexGivesTheSameSearchResultsBehindANewIndex() throws IOException {
        String numbered = drafted("specialist-hn", "Quyết định về việc kiểm tra an toàn thực phẩm bếp ăn tập thể",
                "Đặng Quốc Việt");
        complete("specialist-hn", numbered, "doc_draft", "{\"outcome\":\"SUBMIT\"}");
        complete("unit-head-hn", numbered, "doc_review", "{\"outcome\":\"APPROVE\"}");
        complete("leader-hn", numbered, "doc_sign", "{\"outcome\":\"SIGN\"}");
        String numberSymbol = complete("clerk-hn", numbered, "doc_number", "{\"outcome\":\"NUMBER\"}")
                .get("numberSymbol").asText();
        String received = received("clerk-hn");
        String otherUnit = drafted("specialist-hcm", "Kế hoạch hậu kiểm cơ sở kinh doanh thực phẩm chức năng",
                "Bùi Thanh Sơn");

        Map<String, JsonNode> before = caughtUp();
        Map<String, Set<String>> scopesBefore = scopes();
        assertThat(before.get(numbered).get("numberSymbol").asText()).isEqualTo(numberSymbol);
        assertThat(before.get(numbered).get("status").asText()).isEqualTo("NUMBERED");
        assertThat(before.get(received).get("numberSymbol").asText()).isEqualTo("88/BYT-ATTP");
        assertThat(scopesBefore.get("specialist-hn")).contains(numbered, received).doesNotContain(otherUnit);
        assertThat(scopesBefore.get("specialist-hcm")).contains(otherUnit).doesNotContain(numbered, received);
        String indexBefore = documentIndex.currentIndex().orElseThrow();
        indexAdmin.ensureIndices();
        long dossierGeneration = indexAdmin.currentGeneration().orElseThrow().number();
        String mongoGeneration = readModels.activeGeneration();
        long storedEvents = documentEvents().values().stream().mapToLong(last -> last + 1).sum();

        Api.Response started = as("admin").post("/api/v1/admin/rebuilds?target=documents");
        // a step taken as the rebuild starts: whether the replay or the catch-up after the switch picks it up
        // depends on timing (search's DocumentAliasSwapTest covers the catch-up itself); it must not be lost
        complete("specialist-hcm", otherUnit, "doc_draft", "{\"outcome\":\"SUBMIT\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().get("targets")).hasSize(1);
        assertThat(started.json().at("/targets/0").asText()).isEqualTo("documents");
        assertThat(started.json().get("total").asLong()).as("the official-document events in the store")
                .isEqualTo(storedEvents);
        String progress = started.headers().getLocation().toString();
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(as("admin").get(progress).json().get("state").asText()).isEqualTo("DONE"));
        JsonNode done = as("admin").get(progress).json();
        assertThat(done.get("replayed").asLong()).isGreaterThanOrEqualTo(done.get("total").asLong());

        String indexAfter = documentIndex.currentIndex().orElseThrow();
        assertThat(indexAfter).isNotEqualTo(indexBefore);
        assertThat(aliasesByIndex()).isEqualTo(Map.of(indexAfter, List.of(DocumentIndex.DOCUMENTS)));
        assertThat(indexAdmin.currentGeneration().orElseThrow().number()).as("dossier indices untouched")
                .isEqualTo(dossierGeneration);
        assertThat(readModels.activeGeneration()).as("MongoDB untouched").isEqualTo(mongoGeneration);

        Map<String, JsonNode> after = caughtUp();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        assertThat(after.get(otherUnit).get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(after.get(otherUnit).get("version").asLong())
                .isEqualTo(before.get(otherUnit).get("version").asLong() + 1);
        after.remove(otherUnit);
        before.remove(otherUnit);
        assertThat(after).isEqualTo(before);
        assertThat(scopes()).isEqualTo(scopesBefore);
    }

    @Test
    void anUnknownIndexIsRefusedWithAProblem() {
        Api.Response unknown = as("admin").post("/api/v1/admin/rebuilds?target=documents&target=letters");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().get("field").asText()).isEqualTo("target");
        assertThat(unknown.json().get("titleVi").asText()).isNotBlank();
        assertThat(unknown.json().get("titleEn").asText()).isNotBlank();
        assertThat(unknown.json().get("detail").asText()).contains("letters", "documents", "dossiers", "mongodb");
    }

    @Test
    void onlyAdministratorsRebuildTheDocumentsIndex() {
        for (String official : List.of("inspector", "leader-hn", "reception-hn", "specialist-hn", "citizen-a")) {
            assertThat(as(official).post("/api/v1/admin/rebuilds?target=documents").status()).as(official)
                    .isEqualTo(403);
        }
        assertThat(anonymous().post("/api/v1/admin/rebuilds?target=documents").status()).isEqualTo(401);
    }

    /**
     * Waits until the index has caught up with every official document in the event store (same version
     * as its last sequence number) and returns every document as an inspector finds it.
     */
    private Map<String, JsonNode> caughtUp() {
        Map<String, JsonNode> found = new TreeMap<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Long> stored = documentEvents();
            found.clear();
            hits("inspector").forEach(hit -> found.put(hit.get("documentId").asText(), hit));
            assertThat(found.keySet()).isEqualTo(stored.keySet());
            stored.forEach((id, sequence) -> assertThat(found.get(id).get("version").asLong()).as(id)
                    .isEqualTo(sequence));
        });
        return found;
    }

    /** The documents each official's unit scope lets them find. */
    private Map<String, Set<String>> scopes() {
        Map<String, Set<String>> scopes = new TreeMap<>();
        for (String official : List.of("specialist-hn", "specialist-hcm", "reception-hcm")) {
            Set<String> ids = new TreeSet<>();
            hits(official).forEach(hit -> ids.add(hit.get("documentId").asText()));
            scopes.put(official, ids);
        }
        return scopes;
    }

    private List<JsonNode> hits(String user) {
        List<JsonNode> hits = new ArrayList<>();
        for (int page = 0; ; page++) {
            Api.Response response = as(user).get("/api/v1/search/documents?size=100&page=" + page);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            response.json().get("hits").forEach(hits::add);
            if ((page + 1) * 100 >= response.json().get("total").asInt()) {
                return hits;
            }
        }
    }

    /** Document id → its last sequence number, from the event store. */
    private Map<String, Long> documentEvents() {
        Map<String, Long> documents = new TreeMap<>();
        jdbc.query("select aggregate_identifier, max(sequence_number) from domain_event_entry"
                + " where type = 'OfficialDocument' group by aggregate_identifier",
                row -> {
                    documents.put(row.getString(1), row.getLong(2));
                });
        return documents;
    }

    private Map<String, List<String>> aliasesByIndex() throws IOException {
        Map<String, List<String>> aliases = new TreeMap<>();
        for (ResolveIndexItem index : elasticsearch.indices()
                .resolveIndex(r -> r.name(DocumentIndex.DOCUMENTS + "-*")).indices()) {
            aliases.put(index.name(), index.aliases());
        }
        return aliases;
    }

    private String drafted(String official, String subject, String signer) {
        Api.Response created = as(official).multipart("/api/v1/documents/outgoing", parts -> {
            parts.part("document", DRAFT.formatted(subject, signer), MediaType.APPLICATION_JSON);
            parts.part("file", Api.file("du-thao.pdf", pdf("Du thao van ban")), MediaType.APPLICATION_PDF);
        });
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("documentId").asText();
    }

    private String received(String official) {
        Api.Response created = as(official).multipart("/api/v1/documents/incoming", parts -> {
            parts.part("document", INCOMING.formatted(LocalDate.now().minusDays(2)), MediaType.APPLICATION_JSON);
            parts.part("file", Api.file("cong-van-den.pdf", pdf("Cong van an toan thuc pham")),
                    MediaType.APPLICATION_PDF);
        });
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("documentId").asText();
    }

    private JsonNode complete(String official, String documentId, String step, String decision) {
        String task = null;
        Api.Response inbox = as(official).get("/api/v1/documents/tasks");
        assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
        for (JsonNode open : inbox.json()) {
            if (open.get("documentId").asText().equals(documentId) && open.get("step").asText().equals(step)) {
                task = open.get("id").asText();
            }
        }
        assertThat(task).as(official + " has a " + step + " task for " + documentId).isNotNull();
        Api.Response response = as(official).postJson("/api/v1/documents/tasks/" + task + "/complete", decision);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
