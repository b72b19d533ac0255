package vn.motcua.portal.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;

/** Outgoing and incoming official documents through the REST API, the BPMN processes and the aggregate. */
class DocumentWorkflowTest extends IntegrationTest {

    private static final String DRAFT = """
            {"metadata":{"subject":"Quyết định về việc kiểm tra cơ sở kinh doanh mỹ phẩm","type":"DECISION",
             "urgency":"NORMAL","secrecy":"NONE","pageCount":2,"signerPosition":"Phó Giám đốc",
             "signerName":"Đặng Quốc Việt","issuerAbbreviation":"SYT",
             "recipients":[{"id":"000.00.16.H26.VP","name":"Văn phòng Sở","kind":"INTERNAL_UNIT"}]}}""";

    private static final String INCOMING = """
            {"metadata":{"senderAgencyId":"000.00.00.G01","senderName":"Bộ Y tế","numberSymbol":"123/BYT-QLD",
             "issuedOn":"%s","subject":"Về việc tăng cường quản lý mỹ phẩm","type":"LETTER","urgency":"NORMAL",
             "secrecy":"NONE","pageCount":3},
             "signatureCheck":{"valid":true,"signers":["Bộ Y tế"],"summary":"Chữ ký hợp lệ"}}""";

    @Test
    void outgoingDocumentIsReviewedSignedNumberedSealedIssuedAndArchived() {
        String id = drafted();
        complete("specialist-hn", id, "doc_draft", "{\"outcome\":\"SUBMIT\",\"comment\":\"Kính trình\"}");
        complete("leader-hn", id, "doc_review", "{\"outcome\":\"APPROVE\",\"comment\":\"Đồng ý\"}");
        complete("leader-hn", id, "doc_sign", "{\"outcome\":\"SIGN\"}");
        JsonNode numbered = complete("reception-hn", id, "doc_number", "{\"outcome\":\"NUMBER\"}");
        int year = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        assertThat(numbered.get("status").asText()).isEqualTo("NUMBERED");
        assertThat(numbered.get("numberSymbol").asText()).matches("\\d{2,}/QĐ-SYT");
        assertThat(numbered.get("issuedOn").asText()).startsWith(year + "-");
        assertThat(numbered.get("identifier").asText())
                .isEqualTo(HANOI + "." + year + "." + numbered.get("numberSymbol").asText());
        complete("reception-hn", id, "doc_seal", "{\"outcome\":\"SEAL\"}");
        assertThat(complete("reception-hn", id, "doc_issue", "{\"outcome\":\"ISSUE\"}").get("status").asText())
                .isEqualTo("ISSUED");
        assertThat(complete("reception-hn", id, "doc_archive", "{\"outcome\":\"ARCHIVE\"}").get("status").asText())
                .isEqualTo("ARCHIVED");
        assertThat(openTasks("reception-hn", id)).isEmpty();

        Api.Response history = as("leader-hn").get("/api/v1/documents/" + id + "/history");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(types(history)).containsExactly("DocumentDrafted", "SubmittedForReview",
                "ReviewApproved", "DocumentSigned", "NumberAssigned", "AgencySealed", "DocumentIssued",
                "DocumentArchived");
    }

    @Test
    void reviewerReturnsTheDraftAndTheDrafterSubmitsAgain() {
        String id = drafted();
        complete("specialist-hn", id, "doc_draft", "{\"outcome\":\"SUBMIT\"}");
        String review = taskId("leader-hn", id, "doc_review");
        Api.Response noReason = as("leader-hn").postJson("/api/v1/documents/tasks/" + review + "/complete",
                "{\"outcome\":\"RETURN\"}");
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(409);
        assertThat(openTasks("leader-hn", id)).containsExactly("doc_review");

        assertThat(complete("leader-hn", id, "doc_review", "{\"outcome\":\"RETURN\",\"comment\":\"Sửa căn cứ\"}")
                .get("status").asText()).isEqualTo("RETURNED");
        assertThat(openTasks("specialist-hn", id)).containsExactly("doc_draft");
        complete("specialist-hn", id, "doc_draft", "{\"outcome\":\"SUBMIT\",\"comment\":\"Đã sửa\"}");
        assertThat(complete("leader-hn", id, "doc_review", "{\"outcome\":\"APPROVE\"}").get("status").asText())
                .isEqualTo("AWAITING_SIGNATURE");
        assertThat(openTasks("leader-hn", id)).containsExactly("doc_sign");
    }

    @Test
    void incomingDocumentIsRegisteredInstructedProcessedAndClosed() {
        Api.Response received = as("reception-hn").postJson("/api/v1/documents/incoming",
                INCOMING.formatted(LocalDate.now().minusDays(1)));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        String id = received.json().get("documentId").asText();
        assertThat(received.json().get("status").asText()).isEqualTo("REGISTERED");
        assertThat(received.json().get("arrivalFormatted").asText()).matches("\\d{2,}");
        assertThat(received.json().get("arrivalNumber").asInt()).isPositive();

        complete("reception-hn", id, "doc_present", """
                {"outcome":"PRESENT","leaderId":"leader-hn","leaderName":"Đặng Quốc Việt"}""");
        JsonNode instructed = complete("leader-hn", id, "doc_instructions", """
                {"outcome":"INSTRUCT","leadUnitId":"%s","supportingUnitIds":[],"deadline":"%s",
                 "comment":"Giao chuyên viên xử lý"}""".formatted(HANOI, LocalDate.now().plusDays(10)));
        assertThat(instructed.get("status").asText()).isEqualTo("INSTRUCTED");
        assertThat(instructed.get("leadUnitId").asText()).isEqualTo(HANOI);
        complete("specialist-hn", id, "doc_process", "{\"outcome\":\"PROCESS\",\"comment\":\"Đã triển khai\"}");
        assertThat(complete("specialist-hn", id, "doc_close", "{\"outcome\":\"CLOSE\"}").get("status").asText())
                .isEqualTo("CLOSED");
        assertThat(complete("reception-hn", id, "doc_archive", "{\"outcome\":\"ARCHIVE\"}").get("status").asText())
                .isEqualTo("ARCHIVED");

        Api.Response history = as("reception-hn").get("/api/v1/documents/" + id + "/history");
        assertThat(types(history)).containsExactly("DocumentReceived",
                "ArrivalRegistered", "PresentedToLeader", "InstructionsGiven", "ProcessingRecorded", "DocumentClosed",
                "DocumentArchived");
    }

    @Test
    void officialOfAnotherUnitCannotActOrRead() {
        String id = drafted();
        String draftTask = taskId("specialist-hn", id, "doc_draft");
        Api.Response other = as("specialist-hcm").postJson("/api/v1/documents/tasks/" + draftTask + "/complete",
                "{\"outcome\":\"SUBMIT\"}");
        assertThat(other.status()).as(other.toString()).isEqualTo(403);
        assertThat(as("specialist-hcm").get("/api/v1/documents/" + id).status()).isEqualTo(403);
        assertThat(openTasks("specialist-hcm", id)).isEmpty();
        // a wrong role of the right unit cannot take the step either
        assertThat(as("leader-hn").postJson("/api/v1/documents/tasks/" + draftTask + "/complete",
                "{\"outcome\":\"SUBMIT\"}").status()).isEqualTo(403);
        assertThat(openTasks("specialist-hn", id)).containsExactly("doc_draft");
    }

    @Test
    void citizensGetForbidden() {
        assertThat(as("citizen-a").get("/api/v1/documents/tasks").status()).isEqualTo(403);
        assertThat(as("citizen-a").postJson("/api/v1/documents/outgoing", DRAFT).status()).isEqualTo(403);
        assertThat(as("citizen-a").postJson("/api/v1/documents/incoming",
                INCOMING.formatted(LocalDate.now())).status()).isEqualTo(403);
        String id = drafted();
        assertThat(as("citizen-a").get("/api/v1/documents/" + id).status()).isEqualTo(403);
        assertThat(anonymous().get("/api/v1/documents/" + id).status()).isEqualTo(401);
    }

    private String drafted() {
        Api.Response created = as("specialist-hn").postJson("/api/v1/documents/outgoing", DRAFT);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).isEqualTo("DRAFT");
        return created.json().get("documentId").asText();
    }

    private JsonNode complete(String official, String documentId, String step, String decision) {
        Api.Response response = as(official).postJson(
                "/api/v1/documents/tasks/" + taskId(official, documentId, step) + "/complete", decision);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private String taskId(String official, String documentId, String step) {
        for (JsonNode task : tasks(official)) {
            if (task.get("documentId").asText().equals(documentId) && task.get("step").asText().equals(step)) {
                return task.get("id").asText();
            }
        }
        throw new AssertionError(official + " has no " + step + " task for " + documentId);
    }

    private List<String> openTasks(String official, String documentId) {
        List<String> steps = new ArrayList<>();
        for (JsonNode task : tasks(official)) {
            if (task.get("documentId").asText().equals(documentId)) {
                steps.add(task.get("step").asText());
            }
        }
        return steps;
    }

    private static List<String> types(Api.Response history) {
        List<String> types = new ArrayList<>();
        history.json().forEach(step -> types.add(step.get("type").asText()));
        return types;
    }

    private JsonNode tasks(String official) {
        Api.Response inbox = as(official).get("/api/v1/documents/tasks");
        assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
        return inbox.json();
    }
}
