package vn.motcua.portal.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.engine.audit.crypto.DevPki;
import vn.motcua.engine.audit.crypto.Signer;
import vn.motcua.eoffice.signing.PadesSigner;
import vn.motcua.eoffice.signing.PdfSignatureVerifier;
import vn.motcua.eoffice.signing.PdfSignatureVerifier.Kind;
import vn.motcua.eoffice.signing.PdfSignatureVerifier.SignatureReport;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.DocumentIntegrationTest;
import vn.motcua.portal.support.TestJwt;

/** Outgoing and incoming official documents through the REST API, the BPMN processes and the aggregate. */
class DocumentWorkflowTest extends DocumentIntegrationTest {

    private static final String VP = "000.00.16.H26.VP";
    private static final String BYT = "000.00.00.G01";

    @Autowired
    private PdfSignatureVerifier verifier;
    @Autowired
    private PadesSigner pades;
    @Autowired
    private DevPki pki;

    private static final String DRAFT = """
            {"metadata":{"subject":"Quyết định về việc kiểm tra cơ sở kinh doanh mỹ phẩm","type":"DECISION",
             "urgency":"NORMAL","secrecy":"NONE","pageCount":2,"signerPosition":"Phó Giám đốc",
             "signerName":"Đặng Quốc Việt","issuerAbbreviation":"SYT",
             "recipients":[{"id":"000.00.16.H26.VP","name":"Văn phòng Sở","kind":"INTERNAL_UNIT"},
                            {"id":"000.00.00.G01","name":"Bộ Y tế","kind":"EXTERNAL_AGENCY"}]}}""";

    private static final String INCOMING = """
            {"metadata":{"senderAgencyId":"000.00.00.G01","senderName":"Bộ Y tế","numberSymbol":"123/BYT-QLD",
             "issuedOn":"%s","subject":"Về việc tăng cường quản lý mỹ phẩm","type":"LETTER","urgency":"NORMAL",
             "secrecy":"NONE","pageCount":3}}""";

    @Test
    void outgoingDocumentIsReviewedSignedNumberedSealedIssuedAndArchived() {
        String id = drafted();
        complete("specialist-hn", id, "doc_draft", "{\"outcome\":\"SUBMIT\",\"comment\":\"Kính trình\"}");
        complete("unit-head-hn", id, "doc_review", "{\"outcome\":\"APPROVE\",\"comment\":\"Đồng ý\"}");
        String draftSha = event(id, "DocumentDrafted").at("/event/contentSha256").asText();
        assertThat(draftSha).hasSize(64);
        complete("leader-hn", id, "doc_sign", "{\"outcome\":\"SIGN\"}");
        String signedSha = event(id, "DocumentSigned").at("/event/contentSha256").asText();
        assertThat(signedSha).hasSize(64).isNotEqualTo(draftSha);
        PdfSignatureVerifier.Report signed = verifier.verify(latestPdf("leader-hn", id, signedSha));
        assertThat(signed.valid()).as(signed.toString()).isTrue();
        assertThat(signed.signatures()).extracting(SignatureReport::signer)
                .containsExactly("Đặng Quốc Việt (Phó Giám đốc Sở Y tế Hà Nội)");
        JsonNode numbered = complete("clerk-hn", id, "doc_number", "{\"outcome\":\"NUMBER\"}");
        int year = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        assertThat(numbered.get("status").asText()).isEqualTo("NUMBERED");
        assertThat(numbered.get("numberSymbol").asText()).matches("\\d{2,}/QĐ-SYT");
        assertThat(numbered.get("issuedOn").asText()).startsWith(year + "-");
        assertThat(numbered.get("identifier").asText())
                .isEqualTo(HANOI + "." + year + "." + numbered.get("numberSymbol").asText());
        complete("clerk-hn", id, "doc_seal", "{\"outcome\":\"SEAL\"}");
        String sealedSha = event(id, "AgencySealed").at("/event/contentSha256").asText();
        assertThat(sealedSha).hasSize(64).isNotEqualTo(signedSha);
        PdfSignatureVerifier.Report sealed = verifier.verify(latestPdf("clerk-hn", id, sealedSha));
        assertThat(sealed.valid()).as(sealed.toString()).isTrue();
        assertThat(sealed.modified()).isFalse();
        assertThat(sealed.signatures()).extracting(SignatureReport::kind)
                .containsExactly(Kind.SIGNATURE, Kind.SIGNATURE, Kind.DOCUMENT_TIMESTAMP);
        assertThat(sealed.signatures()).extracting(SignatureReport::signer).startsWith(
                "Đặng Quốc Việt (Phó Giám đốc Sở Y tế Hà Nội)", "Sở Y tế Hà Nội (demo)");
        assertThat(sealed.signatures()).allMatch(SignatureReport::valid);

        assertThat(complete("clerk-hn", id, "doc_issue", "{\"outcome\":\"ISSUE\"}").get("status").asText())
                .isEqualTo("ISSUED");
        assertThat(openTasks("clerk-hn", id)).containsExactly("doc_trackDelivery");
        Api.Response unknown = as("clerk-hn").postJson("/api/v1/tasks/"
                + taskId("clerk-hn", id, "doc_trackDelivery") + "/complete",
                "{\"outcome\":\"DELIVERED\",\"recipientId\":\"nobody\"}");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        complete("clerk-hn", id, "doc_trackDelivery", "{\"outcome\":\"DELIVERED\",\"recipientId\":\"" + VP + "\"}");
        assertThat(openTasks("clerk-hn", id)).as("one recipient still pending").containsExactly("doc_trackDelivery");
        complete("clerk-hn", id, "doc_trackDelivery", "{\"outcome\":\"ALL_DELIVERED\"}");
        assertThat(openTasks("clerk-hn", id)).containsExactly("doc_archive");
        assertThat(complete("clerk-hn", id, "doc_archive", "{\"outcome\":\"ARCHIVE\"}").get("status").asText())
                .isEqualTo("ARCHIVED");
        assertThat(openTasks("clerk-hn", id)).isEmpty();
        assertThat(verifier.verify(latestPdf("clerk-hn", id, sealedSha)).valid()).isTrue();

        Api.Response history = as("leader-hn").get("/api/v1/documents/" + id + "/history");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(types(history)).containsExactly("DocumentDrafted", "SubmittedForReview",
                "ReviewApproved", "DocumentSigned", "NumberAssigned", "AgencySealed", "DocumentIssued",
                "DeliveryConfirmed", "DeliveryConfirmed", "DocumentArchived");
    }

    @Test
    void aLeaderSignsOnlyWithAuthorityAndTheSignatureCarriesItsTitleLines() {
        String id = drafted();
        complete("specialist-hn", id, "doc_draft", "{\"outcome\":\"SUBMIT\"}");
        complete("unit-head-hn", id, "doc_review", "{\"outcome\":\"APPROVE\"}");
        // a leader of the unit with no delegation from the director (motcua.signatories): refused, nothing written
        Api unauthorised = bearer(TestJwt.token("leader-hn-b", "Lương Văn Bình", List.of("leader"), HANOI));
        Map<String, Integer> before = footprint();
        Api.Response refused = unauthorised.postJson("/api/v1/tasks/" + taskId("leader-hn", id, "doc_sign")
                + "/complete", "{\"outcome\":\"SIGN\"}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:motcua:problem:rule/SIGNER_HAS_AUTHORITY");
        assertThat(footprint()).isEqualTo(before);

        complete("leader-hn", id, "doc_sign", "{\"outcome\":\"SIGN\"}");
        JsonNode signatory = event(id, "DocumentSigned").at("/event/signatory");
        assertThat(signatory.get("authority").asText()).as("a deputy signs KT. (ký thay)").isEqualTo("KT");
        assertThat(signatory.get("headTitle").asText()).isEqualTo("Giám đốc");
        assertThat(signatory.get("jobTitle").asText()).isEqualTo("Phó Giám đốc");
        assertThat(signatory.get("fullName").asText()).isEqualTo("Đặng Quốc Việt");
    }

    @Test
    void leaderRecallsAnIssuedDocumentAndItsProcessEnds() {
        String id = drafted();
        complete("specialist-hn", id, "doc_draft", "{\"outcome\":\"SUBMIT\"}");
        complete("unit-head-hn", id, "doc_review", "{\"outcome\":\"APPROVE\"}");
        Api.Response early = as("leader-hn").postJson("/api/v1/documents/" + id + "/recall", "{\"reason\":\"Sai\"}");
        assertThat(early.status()).as("only an issued document is recalled: " + early).isEqualTo(409);
        complete("leader-hn", id, "doc_sign", "{\"outcome\":\"SIGN\"}");
        complete("clerk-hn", id, "doc_number", "{\"outcome\":\"NUMBER\"}");
        complete("clerk-hn", id, "doc_seal", "{\"outcome\":\"SEAL\"}");
        complete("clerk-hn", id, "doc_issue", "{\"outcome\":\"ISSUE\"}");
        complete("clerk-hn", id, "doc_trackDelivery", "{\"outcome\":\"DELIVERED\",\"recipientId\":\"" + BYT + "\"}");

        assertThat(as("clerk-hn").postJson("/api/v1/documents/" + id + "/recall",
                "{\"reason\":\"Sai căn cứ\"}").status()).isEqualTo(403);
        assertThat(as("leader-hn").postJson("/api/v1/documents/" + id + "/recall", "{\"reason\":\"\"}").status())
                .isEqualTo(400);
        Api.Response recalled = as("leader-hn").postJson("/api/v1/documents/" + id + "/recall",
                "{\"reason\":\"Sai căn cứ pháp lý\"}");
        assertThat(recalled.status()).as(recalled.toString()).isEqualTo(200);
        assertThat(recalled.json().get("status").asText()).isEqualTo("RECALLED");
        assertThat(openTasks("clerk-hn", id)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from act_ru_execution where business_key_ = ?",
                Integer.class, id)).isZero();
        assertThat(types(as("leader-hn").get("/api/v1/documents/" + id + "/history")))
                .endsWith("DocumentIssued", "DeliveryConfirmed", "DocumentRecalled");
        assertThat(as("leader-hn").postJson("/api/v1/documents/" + id + "/recall", "{\"reason\":\"Lần nữa\"}")
                .status()).isEqualTo(409);
    }

    @Test
    void reviewerReturnsTheDraftAndTheDrafterSubmitsAgain() {
        String id = drafted();
        complete("specialist-hn", id, "doc_draft", "{\"outcome\":\"SUBMIT\"}");
        String review = taskId("unit-head-hn", id, "doc_review");
        Api.Response noReason = as("unit-head-hn").postJson("/api/v1/tasks/" + review + "/complete",
                "{\"outcome\":\"RETURN\"}");
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(409);
        assertThat(openTasks("unit-head-hn", id)).containsExactly("doc_review");

        assertThat(complete("unit-head-hn", id, "doc_review", "{\"outcome\":\"RETURN\",\"comment\":\"Sửa căn cứ\"}")
                .get("status").asText()).isEqualTo("RETURNED");
        assertThat(openTasks("specialist-hn", id)).containsExactly("doc_draft");
        complete("specialist-hn", id, "doc_draft", "{\"outcome\":\"SUBMIT\",\"comment\":\"Đã sửa\"}");
        assertThat(complete("unit-head-hn", id, "doc_review", "{\"outcome\":\"APPROVE\"}").get("status").asText())
                .isEqualTo("AWAITING_SIGNATURE");
        assertThat(openTasks("leader-hn", id)).containsExactly("doc_sign");
    }

    @Test
    void incomingDocumentIsRegisteredInstructedProcessedAndClosed() {
        Api.Response received = incoming("clerk-hn", signedByTheMinistry());
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        String id = received.json().get("documentId").asText();
        assertThat(received.json().get("status").asText()).isEqualTo("REGISTERED");
        assertThat(received.json().at("/signatureCheck/valid").asBoolean()).isTrue();
        assertThat(received.json().at("/signatureCheck/signers").toString()).contains("Bộ Y tế");
        assertThat(received.json().get("arrivalFormatted").asText()).matches("\\d{2,}");
        assertThat(received.json().get("arrivalNumber").asInt()).isPositive();

        complete("clerk-hn", id, "doc_present", """
                {"outcome":"PRESENT","leaderId":"leader-hn","leaderName":"Đặng Quốc Việt"}""");
        JsonNode instructed = complete("leader-hn", id, "doc_instructions", """
                {"outcome":"INSTRUCT","leadUnitId":"%s","supportingUnitIds":[],"deadline":"%s",
                 "comment":"Giao chuyên viên xử lý"}""".formatted(HANOI, LocalDate.now().plusDays(10)));
        assertThat(instructed.get("status").asText()).isEqualTo("INSTRUCTED");
        assertThat(instructed.get("leadUnitId").asText()).isEqualTo(HANOI);
        assertThat(openTasks("specialist-hn", id)).as("the head of the lead unit assigns first").isEmpty();
        JsonNode assigned = complete("unit-head-hn", id, "doc_assign", """
                {"outcome":"ASSIGN","handlerId":"specialist-hn","dueOn":"%s","comment":"Giao đồng chí Đức"}"""
                .formatted(LocalDate.now().plusDays(7)));
        assertThat(assigned.get("status").asText()).isEqualTo("ASSIGNED");
        JsonNode processTask = tasks("specialist-hn").findParents("aggregateId").stream()
                .filter(task -> task.get("aggregateId").asText().equals(id)).findFirst().orElseThrow();
        assertThat(processTask.get("step").asText()).isEqualTo("doc_process");
        assertThat(processTask.get("assignee").asText()).isEqualTo("specialist-hn");
        assertThat(processTask.get("dueAt").isNull()).as("the assigned due date").isFalse();
        assertThat(processTask.get("deadline").asText()).isEqualTo("ON_TIME");
        complete("specialist-hn", id, "doc_process", "{\"outcome\":\"PROCESS\",\"comment\":\"Đã triển khai\"}");
        assertThat(complete("specialist-hn", id, "doc_close", "{\"outcome\":\"CLOSE\"}").get("status").asText())
                .isEqualTo("CLOSED");
        assertThat(complete("clerk-hn", id, "doc_archive", "{\"outcome\":\"ARCHIVE\"}").get("status").asText())
                .isEqualTo("ARCHIVED");

        Api.Response history = as("clerk-hn").get("/api/v1/documents/" + id + "/history");
        assertThat(types(history)).containsExactly("DocumentReceived",
                "ArrivalRegistered", "PresentedToLeader", "InstructionsGiven", "HandlerAssigned", "ProcessingRecorded",
                "DocumentClosed", "DocumentArchived");
    }

    @Test
    void incomingDocumentWithATamperedSignatureIsRecordedInvalidAndSentBack() {
        byte[] tampered = signedByTheMinistry();
        assertThat((char) tampered[9]).as("the binary comment line of the header").isEqualTo('%');
        tampered[11] ^= 1;
        Api.Response received = incoming("clerk-hn", tampered);
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        String id = received.json().get("documentId").asText();
        assertThat(received.json().get("status").asText()).isEqualTo("RECEIVED");
        assertThat(received.json().at("/signatureCheck/valid").asBoolean()).as(received.toString()).isFalse();
        assertThat(received.json().path("arrivalNumber").isMissingNode() || received.json().get("arrivalNumber").isNull())
                .isTrue();
        assertThat(openTasks("clerk-hn", id)).isEmpty();
        assertThat(as("clerk-hn").get("/api/v1/documents/" + id + "/pdf").bytes()).isEqualTo(tampered);

        Api.Response unsigned = incoming("clerk-hn", pdf("Cong van khong ky"));
        assertThat(unsigned.json().get("status").asText()).isEqualTo("RECEIVED");
        assertThat(unsigned.json().at("/signatureCheck/valid").asBoolean()).isFalse();

        Api.Response sentBack = as("clerk-hn").postJson("/api/v1/documents/" + id + "/send-back",
                "{\"reason\":\"Chữ ký số không hợp lệ, đề nghị gửi lại\"}");
        assertThat(sentBack.status()).as(sentBack.toString()).isEqualTo(200);
        assertThat(sentBack.json().get("status").asText()).isEqualTo("SENT_BACK");
        assertThat(types(as("clerk-hn").get("/api/v1/documents/" + id + "/history")))
                .containsExactly("DocumentReceived", "DocumentSentBack");
    }

    @Test
    void officialOfAnotherUnitCannotActOrRead() {
        String id = drafted();
        String draftTask = taskId("specialist-hn", id, "doc_draft");
        Api.Response other = as("specialist-hcm").postJson("/api/v1/tasks/" + draftTask + "/complete",
                "{\"outcome\":\"SUBMIT\"}");
        // another unit's task is not in their inbox: the same 404 as an unknown task
        assertThat(other.status()).as(other.toString()).isEqualTo(404);
        // the document does not exist for another unit: the same 404 as for an unknown id
        assertThat(as("specialist-hcm").get("/api/v1/documents/" + id).status()).isEqualTo(404);
        assertThat(openTasks("specialist-hcm", id)).isEmpty();
        // a wrong role of the right unit cannot take the step either
        assertThat(as("leader-hn").postJson("/api/v1/tasks/" + draftTask + "/complete",
                "{\"outcome\":\"SUBMIT\"}").status()).isEqualTo(404);
        assertThat(openTasks("specialist-hn", id)).containsExactly("doc_draft");
    }

    @Test
    void oneStopOfficerTakesNoClerksStepAndALeaderNotTheUnitHeadsReview() {
        String id = drafted();
        complete("specialist-hn", id, "doc_draft", "{\"outcome\":\"SUBMIT\"}");
        assertThat(openTasks("leader-hn", id)).as("the review is not in the leader's inbox").isEmpty();
        String review = taskId("unit-head-hn", id, "doc_review");
        Map<String, Integer> before = footprint();
        Api.Response byLeader = as("leader-hn").postJson("/api/v1/tasks/" + review + "/complete",
                "{\"outcome\":\"APPROVE\"}");
        assertThat(byLeader.status()).as(byLeader.toString()).isEqualTo(404);
        assertThat(byLeader.contentType()).startsWith("application/problem+json");
        assertThat(footprint()).isEqualTo(before);
        assertThat(openTasks("unit-head-hn", id)).containsExactly("doc_review");
        complete("unit-head-hn", id, "doc_review", "{\"outcome\":\"APPROVE\"}");
        complete("leader-hn", id, "doc_sign", "{\"outcome\":\"SIGN\"}");

        assertThat(openTasks("reception-hn", id)).as("numbering is not in the one-stop officer's inbox").isEmpty();
        String number = taskId("clerk-hn", id, "doc_number");
        byte[] letter = signedByTheMinistry();
        before = footprint();
        Api.Response byReception = as("reception-hn").postJson("/api/v1/tasks/" + number + "/complete",
                "{\"outcome\":\"NUMBER\"}");
        assertThat(byReception.status()).as(byReception.toString()).isEqualTo(404);
        assertThat(byReception.contentType()).startsWith("application/problem+json");
        Api.Response receivedByReception = incoming("reception-hn", letter);
        assertThat(receivedByReception.status()).as(receivedByReception.toString()).isEqualTo(403);
        assertThat(receivedByReception.contentType()).startsWith("application/problem+json");
        assertThat(footprint()).isEqualTo(before);
        assertThat(complete("clerk-hn", id, "doc_number", "{\"outcome\":\"NUMBER\"}").get("status").asText())
                .isEqualTo("NUMBERED");
        assertThat(event(id, "NumberAssigned").at("/actor/role").asText()).isEqualTo("CLERK");
        assertThat(event(id, "ReviewApproved").at("/actor/role").asText()).isEqualTo("UNIT_HEAD");
    }

    @Test
    void citizensGetForbidden() {
        assertThat(as("citizen-a").get("/api/v1/tasks").status()).isEqualTo(403);
        assertThat(draft("citizen-a").status()).isEqualTo(403);
        assertThat(incoming("citizen-a", pdf("x")).status()).isEqualTo(403);
        String id = drafted();
        assertThat(as("citizen-a").get("/api/v1/documents/" + id).status()).isEqualTo(403);
        assertThat(anonymous().get("/api/v1/documents/" + id).status()).isEqualTo(401);
    }

    private Api.Response draft(String official) {
        return as(official).multipart("/api/v1/documents/outgoing", parts -> {
            parts.part("document", DRAFT, MediaType.APPLICATION_JSON);
            parts.part("file", Api.file("quyet-dinh.pdf", pdf("Quyet dinh kiem tra")), MediaType.APPLICATION_PDF);
        });
    }

    private Api.Response incoming(String official, byte[] content) {
        return as(official).multipart("/api/v1/documents/incoming", parts -> {
            parts.part("document", INCOMING.formatted(LocalDate.now().minusDays(1)), MediaType.APPLICATION_JSON);
            parts.part("file", Api.file("cong-van-den.pdf", content), MediaType.APPLICATION_PDF);
        });
    }

    /** A letter sealed by the Ministry of Health with a certificate of the dev PKI. */
    private byte[] signedByTheMinistry() {
        pki.enrolSeal(BYT, "Bộ Y tế");
        return pades.sign(pdf("Cong van Bo Y te"), new PadesSigner.Request(Signer.sealAlias(BYT),
                PadesSigner.Level.B_T, new PadesSigner.Appearance.Invisible(), "Ban hành", "Hà Nội"));
    }

    /** The latest PDF, which must be the version named by the last event. */
    private byte[] latestPdf(String official, String documentId, String sha256) {
        Api.Response pdf = as(official).get("/api/v1/documents/" + documentId + "/pdf");
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        assertThat(vn.motcua.engine.document.DocumentStore.sha256(pdf.bytes())).isEqualTo(sha256);
        return pdf.bytes();
    }

    private JsonNode event(String documentId, String type) {
        JsonNode found = null;
        for (JsonNode step : as("leader-hn").get("/api/v1/documents/" + documentId + "/history").json()) {
            if (step.get("type").asText().equals(type)) {
                found = step;
            }
        }
        assertThat(found).as(type).isNotNull();
        return found;
    }

    private String drafted() {
        Api.Response created = draft("specialist-hn");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).isEqualTo("DRAFT");
        return created.json().get("documentId").asText();
    }

    private static List<String> types(Api.Response history) {
        List<String> types = new ArrayList<>();
        history.json().forEach(step -> types.add(step.get("type").asText()));
        return types;
    }
}
