package vn.motcua.portal.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.DocumentIntegrationTest;

/**
 * One inbox for every kind of task: dossier steps and document steps are listed by the same
 * {@code GET /api/v1/tasks}, each naming its aggregate type and id, and taken and decided through the same
 * {@code /api/v1/tasks/{id}/claim} and {@code /complete}, with the same role and unit checks.
 */
class OneInboxTest extends DocumentIntegrationTest {

    private static final String DRAFT = """
            {"metadata":{"subject":"Quyết định về việc hướng dẫn hồ sơ công bố mỹ phẩm","type":"DECISION",
             "urgency":"NORMAL","secrecy":"NONE","pageCount":1,"signerPosition":"Phó Giám đốc",
             "signerName":"Đặng Quốc Việt","issuerAbbreviation":"SYT",
             "recipients":[{"id":"000.00.00.G01","name":"Bộ Y tế","kind":"EXTERNAL_AGENCY"}]}}""";

    @Test
    void dossierAndDocumentTasksAreListedClaimedAndCompletedThroughTheOneInbox() {
        String code = submitted("citizen-a");
        String documentId = drafted();

        JsonNode dossierTask = item(as("reception-hn").get("/api/v1/tasks"), code, "reception");
        assertThat(dossierTask.get("aggregateType").asText()).isEqualTo("dossier");
        assertThat(dossierTask.get("dossierCode").asText()).isEqualTo(code);
        assertThat(dossierTask.get("procedureCode").asText()).isEqualTo(COSMETICS);
        assertThat(dossierTask.get("unitId").asText()).isEqualTo(HANOI);
        assertThat(aggregateIds(as("reception-hn").get("/api/v1/tasks"))).doesNotContain(documentId);

        JsonNode draftTask = item(as("specialist-hn").get("/api/v1/tasks"), documentId, "doc_draft");
        assertThat(draftTask.get("aggregateType").asText()).isEqualTo("document");
        assertThat(draftTask.get("documentId").asText()).isEqualTo(documentId);
        assertThat(draftTask.get("direction").asText()).isEqualTo("OUTGOING");
        assertThat(draftTask.get("unitId").asText()).isEqualTo(HANOI);
        assertThat(draftTask.get("outcomes").toString()).isEqualTo("[\"SUBMIT\"]");
        assertThat(draftTask.has("dossierCode") || draftTask.has("details")).isFalse();
        JsonNode claimed = as("specialist-hn").post("/api/v1/tasks/" + draftTask.get("id").asText() + "/claim").json();
        assertThat(claimed.get("assignee").asText()).isEqualTo("specialist-hn");
        assertThat(claimed.get("aggregateId").asText()).isEqualTo(documentId);
        Api.Response submitted = as("specialist-hn").postJson("/api/v1/tasks/" + draftTask.get("id").asText()
                + "/complete", "{\"outcome\":\"SUBMIT\",\"comment\":\"Kính trình\"}");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.json().get("status").asText()).isEqualTo("IN_REVIEW");

        // the unit head of the drafting unit sees the review in the same inbox; another unit's does not
        JsonNode review = item(as("unit-head-hn").get("/api/v1/tasks"), documentId, "doc_review");
        String reviewId = review.get("id").asText();
        assertThat(aggregateIds(as("unit-head-hcm").get("/api/v1/tasks"))).doesNotContain(documentId);
        Map<String, Integer> before = footprint();
        for (String outsider : List.of("unit-head-hcm", "clerk-hn", "reception-hn")) {
            Api.Response claim = as(outsider).post("/api/v1/tasks/" + reviewId + "/claim");
            assertThat(claim.status()).as(outsider + ": " + claim).isEqualTo(404);
            assertThat(claim.contentType()).startsWith("application/problem+json");
            Api.Response decision = as(outsider).postJson("/api/v1/tasks/" + reviewId + "/complete",
                    "{\"outcome\":\"APPROVE\"}");
            assertThat(decision.status()).as(outsider + ": " + decision).isEqualTo(404);
        }
        assertThat(footprint()).isEqualTo(before);

        Api.Response approved = as("unit-head-hn").postJson("/api/v1/tasks/" + reviewId + "/complete",
                "{\"outcome\":\"APPROVE\",\"comment\":\"Đồng ý\"}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("AWAITING_SIGNATURE");
        assertThat(openTasks("unit-head-hn", documentId)).isEmpty();
        assertThat(openTasks("leader-hn", documentId)).containsExactly("doc_sign");
        JsonNode history = as("leader-hn").get("/api/v1/documents/" + documentId + "/history").json();
        assertThat(history.get(2).get("type").asText()).isEqualTo("ReviewApproved");
        assertThat(history.get(2).at("/actor/role").asText()).isEqualTo("UNIT_HEAD");

        // the dossier step is decided through the same path, and answers with the dossier
        Api.Response accepted = decide("reception-hn", dossierTask.get("id").asText(), """
                {"outcome":"ACCEPT","comment":"Hồ sơ hợp lệ"}""");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().get("code").asText()).isEqualTo(code);
    }

    @Test
    void oneOfficialSeesBothKindsAndMayFilterByAggregateType() {
        String code = submitted("citizen-a");
        acceptAndPay(code, "citizen-a");
        String documentId = drafted();

        Api.Response all = as("specialist-hn").get("/api/v1/tasks");
        JsonNode appraisal = item(all, code, "appraisal");
        assertThat(appraisal.get("dueAt").isNull()).as("an accepted dossier has a due date").isFalse();
        assertThat(appraisal.get("deadline").asText()).isIn("ON_TIME", "DUE_SOON", "OVERDUE");
        assertThat(item(all, documentId, "doc_draft").get("aggregateType").asText()).isEqualTo("document");

        Api.Response dossiers = as("specialist-hn").get("/api/v1/tasks?aggregateType=dossier");
        assertThat(dossiers.json().findValuesAsText("aggregateType")).containsOnly("dossier");
        assertThat(aggregateIds(dossiers)).contains(code).doesNotContain(documentId);
        Api.Response documents = as("specialist-hn").get("/api/v1/tasks?aggregateType=document");
        assertThat(aggregateIds(documents)).contains(documentId).doesNotContain(code);
        Api.Response unknown = as("specialist-hn").get("/api/v1/tasks?aggregateType=no-such-type");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.json().get("field").asText()).isEqualTo("aggregateType");
    }

    private String drafted() {
        Api.Response created = as("specialist-hn").multipart("/api/v1/documents/outgoing", parts -> {
            parts.part("document", DRAFT, MediaType.APPLICATION_JSON);
            parts.part("file", Api.file("cong-van.pdf", pdf("Cong van huong dan")), MediaType.APPLICATION_PDF);
        });
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("documentId").asText();
    }

    private static JsonNode item(Api.Response inbox, String aggregateId, String step) {
        assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
        for (JsonNode task : inbox.json()) {
            if (task.get("aggregateId").asText().equals(aggregateId) && task.get("step").asText().equals(step)) {
                return task;
            }
        }
        throw new AssertionError("no " + step + " task for " + aggregateId + ": " + inbox.text());
    }

    private static List<String> aggregateIds(Api.Response inbox) {
        assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
        return inbox.json().findValuesAsText("aggregateId");
    }
}
