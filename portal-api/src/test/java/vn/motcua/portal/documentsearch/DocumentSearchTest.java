package vn.motcua.portal.documentsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;

/**
 * Official documents reach Elasticsearch through Kafka, like dossiers, and are found by their unit; their steps are
 * in the inspectors' audit search, like every aggregate type's.
 */
class DocumentSearchTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final String DRAFT = """
            {"metadata":{"subject":"Quyết định về việc thanh tra chuyên đề cơ sở sản xuất nước giải khát","type":"DECISION",
             "urgency":"NORMAL","secrecy":"NONE","pageCount":2,"signerPosition":"Phó Giám đốc",
             "signerName":"Đặng Quốc Việt","issuerAbbreviation":"SYT",
             "recipients":[{"id":"000.00.16.H26.VP","name":"Văn phòng Sở","kind":"INTERNAL_UNIT"}]}}""";

    @Test
    void officialFindsTheDraftWithoutDiacriticsOthersUnitsDoNot() {
        String id = drafted();

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(search("specialist-hn", "q=giai khat")).contains(id));
        JsonNode hit = hits("specialist-hn", "q=thanh tra chuyen de&status=DRAFT&direction=OUTGOING").stream()
                .filter(h -> h.get("documentId").asText().equals(id)).findFirst().orElseThrow();
        assertThat(hit.get("subject").asText()).startsWith("Quyết định về việc thanh tra");
        assertThat(hit.get("status").asText()).isEqualTo("DRAFT");
        assertThat(hit.get("type").asText()).isEqualTo("DECISION");
        assertThat(search("specialist-hn", "q=giai khat&status=ISSUED")).doesNotContain(id);
        assertThat(search("reception-hcm", "q=giai khat")).doesNotContain(id);
        assertThat(search("clerk-hn", "q=giai khat")).contains(id);
        assertThat(search("unit-head-hn", "q=giai khat")).contains(id);
        assertThat(search("clerk-hcm", "q=giai khat")).doesNotContain(id);
        assertThat(search("unit-head-hcm", "q=giai khat")).doesNotContain(id);
        assertThat(search("inspector", "q=giai khat")).contains(id);
        assertThat(as("citizen-a").get("/api/v1/search/documents?q=giai").status()).isEqualTo(403);
        assertThat(as("specialist-hn").get("/api/v1/search/documents?status=NOPE").status()).isEqualTo(400);
    }

    @Test
    void inspectorsFindADocumentsStepsInTheAuditSearch() {
        String id = drafted();

        await().atMost(PATIENCE).untilAsserted(() -> {
            Api.Response response = as("inspector").get("/api/v1/audit/events?aggregateType=document&aggregateId="
                    + id);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().get("hits")).extracting(hit -> hit.get("type").asText())
                    .containsExactly("DocumentDrafted");
        });
        JsonNode step = as("inspector").get("/api/v1/audit/events?aggregateId=" + id).json().get("hits").get(0);
        assertThat(step.get("aggregateType").asText()).isEqualTo("document");
        assertThat(step.get("actorId").asText()).isEqualTo("specialist-hn");
        assertThat(step.path("dossierCode").isMissingNode() || step.get("dossierCode").isNull())
                .as("a document is not a dossier").isTrue();
        assertThat(as("inspector").get("/api/v1/audit/events?aggregateType=dossier&aggregateId=" + id).json()
                .get("total").asLong()).isZero();
    }

    private String drafted() {
        Api.Response created = as("specialist-hn").multipart("/api/v1/documents/outgoing", parts -> {
            parts.part("document", DRAFT, org.springframework.http.MediaType.APPLICATION_JSON);
            parts.part("file", Api.file("du-thao.pdf", pdf("Du thao quyet dinh")),
                    org.springframework.http.MediaType.APPLICATION_PDF);
        });
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("documentId").asText();
    }

    private List<String> search(String user, String query) {
        return hits(user, query).stream().map(h -> h.get("documentId").asText()).toList();
    }

    private List<JsonNode> hits(String user, String query) {
        Api.Response response = as(user).get("/api/v1/search/documents?size=100&" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> hits = new ArrayList<>();
        response.json().get("hits").forEach(hits::add);
        return hits;
    }
}
