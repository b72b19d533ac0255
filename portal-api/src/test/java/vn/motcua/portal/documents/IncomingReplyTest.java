package vn.motcua.portal.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.engine.audit.crypto.DevPki;
import vn.motcua.engine.audit.crypto.Signer;
import vn.motcua.eoffice.signing.PadesSigner;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.DocumentIntegrationTest;

/**
 * An incoming document answered by an outgoing one (Decree 30/2020 Art. 20–24), over HTTP with the
 * e-office roles: the clerk receives, registers, presents and archives; the leader instructs; the lead
 * unit's specialist drafts the reply with {@code replyTo}; the unit head reviews it, the leader signs it,
 * the clerk numbers, seals and issues it; only then may the lead unit close the incoming document.
 */
class IncomingReplyTest extends DocumentIntegrationTest {

    private static final String BYT = "000.00.00.G01";

    @Autowired
    private PadesSigner pades;
    @Autowired
    private DevPki pki;

    private static final String INCOMING = """
            {"metadata":{"senderAgencyId":"000.00.00.G01","senderName":"Bộ Y tế","numberSymbol":"456/BYT-QLD",
             "issuedOn":"%s","subject":"Đề nghị báo cáo tình hình hậu kiểm mỹ phẩm quý IV","type":"LETTER",
             "urgency":"URGENT","secrecy":"NONE","pageCount":2}}""";

    private static final String REPLY = """
            {"metadata":{"subject":"Báo cáo tình hình hậu kiểm mỹ phẩm quý IV","type":"REPORT",
             "urgency":"URGENT","secrecy":"NONE","pageCount":3,"signerPosition":"Phó Giám đốc",
             "signerName":"Đặng Quốc Việt","issuerAbbreviation":"SYT",
             "recipients":[{"id":"000.00.00.G01","name":"Bộ Y tế","kind":"EXTERNAL_AGENCY"}]}%s}""";

    @Test
    void incomingDocumentIsAnsweredByALinkedReplyAndClosedOnlyOnceTheReplyIsIssued() {
        Api.Response received = incoming("clerk-hn", signedByTheMinistry());
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        assertThat(received.json().get("status").asText()).isEqualTo("REGISTERED");
        assertThat(received.json().at("/signatureCheck/valid").asBoolean()).isTrue();
        String incoming = received.json().get("documentId").asText();
        assertThat(openTasks("clerk-hn", incoming)).containsExactly("doc_present");
        assertThat(openTasks("reception-hn", incoming)).as("the one-stop officer is not the clerk").isEmpty();

        complete("clerk-hn", incoming, "doc_present", """
                {"outcome":"PRESENT","leaderId":"leader-hn","leaderName":"Đặng Quốc Việt"}""");
        complete("leader-hn", incoming, "doc_instructions", """
                {"outcome":"INSTRUCT","leadUnitId":"%s","supportingUnitIds":[],"deadline":"%s",
                 "comment":"Phòng Nghiệp vụ Dược dự thảo báo cáo"}""".formatted(HANOI, LocalDate.now().plusDays(5)));
        assign(incoming);

        Api.Response drafted = draft("specialist-hn", incoming);
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String reply = drafted.json().get("documentId").asText();
        assertThat(drafted.json().get("replyTo").asText()).isEqualTo(incoming);
        assertThat(drafted.json().get("status").asText()).isEqualTo("DRAFT");

        JsonNode answered = document("clerk-hn", incoming);
        assertThat(answered.get("status").asText()).isEqualTo("IN_PROCESS");
        assertThat(texts(answered.get("replies"))).containsExactly(reply);
        JsonNode linked = event(incoming, "ReplyLinked");
        assertThat(linked.at("/event/outgoingDocumentId").asText()).isEqualTo(reply);
        assertThat(linked.at("/actor/id").asText()).isEqualTo("specialist-hn");
        assertThat(document("specialist-hn", reply).get("replyTo").asText()).isEqualTo(incoming);

        complete("specialist-hn", reply, "doc_draft", "{\"outcome\":\"SUBMIT\",\"comment\":\"Kính trình\"}");
        complete("unit-head-hn", reply, "doc_review", "{\"outcome\":\"APPROVE\"}");
        complete("leader-hn", reply, "doc_sign", "{\"outcome\":\"SIGN\"}");
        String numberSymbol = complete("clerk-hn", reply, "doc_number", "{\"outcome\":\"NUMBER\"}")
                .get("numberSymbol").asText();
        assertThat(numberSymbol).matches("\\d{2,}/BC-SYT");
        complete("clerk-hn", reply, "doc_seal", "{\"outcome\":\"SEAL\"}");

        // the handler has processed, but the reply is signed and numbered, not yet issued: no closing yet
        complete("specialist-hn", incoming, "doc_process", "{\"outcome\":\"PROCESS\",\"comment\":\"Đã dự thảo báo cáo\"}");
        String close = taskId("specialist-hn", incoming, "doc_close");
        Map<String, Integer> before = footprint();
        Api.Response early = as("specialist-hn").postJson("/api/v1/tasks/" + close + "/complete",
                "{\"outcome\":\"CLOSE\"}");
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.json().get("type").asText()).isEqualTo("urn:motcua:problem:rule/CLOSE_AFTER_REPLY_ISSUED");
        assertThat(footprint()).isEqualTo(before);
        assertThat(openTasks("specialist-hn", incoming)).containsExactly("doc_close");

        assertThat(complete("clerk-hn", reply, "doc_issue", "{\"outcome\":\"ISSUE\"}").get("status").asText())
                .isEqualTo("ISSUED");
        JsonNode issued = event(incoming, "ReplyIssued");
        assertThat(issued.at("/event/outgoingDocumentId").asText()).isEqualTo(reply);
        assertThat(issued.at("/event/numberSymbol").asText()).isEqualTo(numberSymbol);
        assertThat(issued.at("/actor/role").asText()).isEqualTo("CLERK");

        assertThat(complete("specialist-hn", incoming, "doc_close", "{\"outcome\":\"CLOSE\",\"comment\":\"Đã báo cáo Bộ\"}")
                .get("status").asText()).isEqualTo("CLOSED");
        assertThat(openTasks("reception-hn", incoming)).isEmpty();
        JsonNode archived = complete("clerk-hn", incoming, "doc_archive", "{\"outcome\":\"ARCHIVE\"}");
        assertThat(archived.get("status").asText()).isEqualTo("ARCHIVED");
        assertThat(texts(archived.get("replies"))).containsExactly(reply);

        List<JsonNode> history = history(incoming);
        assertThat(history).extracting(step -> step.get("type").asText()).containsExactly("DocumentReceived",
                "ArrivalRegistered", "PresentedToLeader", "InstructionsGiven", "HandlerAssigned", "ReplyLinked",
                "ProcessingRecorded", "ReplyIssued", "DocumentClosed", "DocumentArchived");
        assertThat(history).extracting(step -> step.at("/actor/role").asText()).containsExactly("CLERK", "CLERK",
                "CLERK", "LEADER", "UNIT_HEAD", "SPECIALIST", "SPECIALIST", "CLERK", "SPECIALIST", "CLERK");
        assertThat(history(reply)).extracting(step -> step.at("/actor/role").asText()).containsExactly("SPECIALIST",
                "SPECIALIST", "UNIT_HEAD", "LEADER", "CLERK", "CLERK", "CLERK");
    }

    @Test
    void replyToAnUnknownDocumentOrOneOfAnotherUnitIsRefusedAndWritesNothing() {
        Map<String, Integer> before = footprint();
        refused(draft("specialist-hn", UUID.randomUUID().toString()), 400, "invalid-input");
        refused(draft("specialist-hn", "not an id"), 400, "invalid-input");
        assertThat(footprint()).isEqualTo(before);

        // Ho Chi Minh City's document, instructed to its own unit: out of Hanoi's reach, reported as unknown
        String foreign = instructed("clerk-hcm", "leader-hcm", HCMC, List.of());
        before = footprint();
        refused(draft("specialist-hn", foreign), 400, "invalid-input");
        assertThat(footprint()).isEqualTo(before);

        // Hanoi only supports: it reads the document, but the lead unit answers it (Decree 30/2020 Art. 24)
        String supported = instructed("clerk-hcm", "leader-hcm", HCMC, List.of(HANOI));
        assertThat(document("specialist-hn", supported).get("leadUnitId").asText()).isEqualTo(HCMC);
        before = footprint();
        refused(draft("specialist-hn", supported), 409, "rule/PROCESSING_BY_LEAD_UNIT");
        assertThat(footprint()).isEqualTo(before);
        assertThat(history(supported)).extracting(step -> step.get("type").asText()).doesNotContain("ReplyLinked");
        assertThat(document("clerk-hcm", supported).get("replies")).isEmpty();

        // an outgoing document is not something to reply to
        Api.Response plain = draft("specialist-hn", null);
        assertThat(plain.status()).as(plain.toString()).isEqualTo(201);
        before = footprint();
        refused(draft("specialist-hn", plain.json().get("documentId").asText()), 409, "rule/STEP_OF_ITS_DIRECTION");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void replyToAClosedDocumentIsRefusedAndWritesNothing() {
        String closed = instructed("clerk-hn", "leader-hn", HANOI, List.of());
        assign(closed);
        complete("specialist-hn", closed, "doc_process", "{\"outcome\":\"PROCESS\",\"comment\":\"Đã nghiên cứu\"}");
        complete("specialist-hn", closed, "doc_close", "{\"outcome\":\"CLOSE\",\"comment\":\"Lưu để biết\"}");
        Map<String, Integer> before = footprint();
        refused(draft("specialist-hn", closed), 409, "rule/REPLY_TO_DOCUMENT_IN_PROCESS");
        assertThat(footprint()).isEqualTo(before);

        complete("clerk-hn", closed, "doc_archive", "{\"outcome\":\"ARCHIVE\"}");
        before = footprint();
        refused(draft("specialist-hn", closed), 409, "rule/ARCHIVED_DOCUMENT_IS_FINAL");
        assertThat(footprint()).isEqualTo(before);
        assertThat(document("clerk-hn", closed).get("replies")).isEmpty();
    }

    private void refused(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("urn:motcua:problem:" + type);
        assertThat(response.json().get("field").asText()).isEqualTo("replyTo");
    }

    /** The head of the Hanoi lead unit assigns the document to specialist-hn, due in five days. */
    private void assign(String incoming) {
        assertThat(complete("unit-head-hn", incoming, "doc_assign", """
                {"outcome":"ASSIGN","handlerId":"specialist-hn","dueOn":"%s"}""".formatted(LocalDate.now().plusDays(5)))
                .get("status").asText()).isEqualTo("ASSIGNED");
    }

    /** An incoming document received by {@code clerk}, presented and instructed by {@code leader}; its id. */
    private String instructed(String clerk, String leader, String leadUnit, List<String> supporting) {
        Api.Response received = incoming(clerk, signedByTheMinistry());
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        String id = received.json().get("documentId").asText();
        complete(clerk, id, "doc_present", """
                {"outcome":"PRESENT","leaderId":"%s"}""".formatted(leader));
        JsonNode instructed = complete(leader, id, "doc_instructions", """
                {"outcome":"INSTRUCT","leadUnitId":"%s","supportingUnitIds":[%s],"deadline":"%s"}""".formatted(
                leadUnit, String.join(",", supporting.stream().map(unit -> "\"" + unit + "\"").toList()),
                LocalDate.now().plusDays(7)));
        assertThat(instructed.get("status").asText()).isEqualTo("INSTRUCTED");
        return id;
    }

    private Api.Response draft(String official, String replyTo) {
        String document = REPLY.formatted(replyTo == null ? "" : ",\"replyTo\":\"" + replyTo + "\"");
        return as(official).multipart("/api/v1/documents/outgoing", parts -> {
            parts.part("document", document, MediaType.APPLICATION_JSON);
            parts.part("file", Api.file("bao-cao.pdf", pdf("Bao cao hau kiem " + UUID.randomUUID())),
                    MediaType.APPLICATION_PDF);
        });
    }

    private Api.Response incoming(String clerk, byte[] content) {
        return as(clerk).multipart("/api/v1/documents/incoming", parts -> {
            parts.part("document", INCOMING.formatted(LocalDate.now().minusDays(1)), MediaType.APPLICATION_JSON);
            parts.part("file", Api.file("cong-van-den.pdf", content), MediaType.APPLICATION_PDF);
        });
    }

    /** A letter sealed by the Ministry of Health with a certificate of the dev PKI. */
    private byte[] signedByTheMinistry() {
        pki.enrolSeal(BYT, "Bộ Y tế");
        return pades.sign(pdf("Cong van Bo Y te " + UUID.randomUUID()), new PadesSigner.Request(Signer.sealAlias(BYT),
                PadesSigner.Level.B_T, new PadesSigner.Appearance.Invisible(), "Ban hành", "Hà Nội"));
    }

    private JsonNode document(String official, String documentId) {
        Api.Response response = as(official).get("/api/v1/documents/" + documentId);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private List<JsonNode> history(String documentId) {
        Api.Response response = as("clerk-hn").get("/api/v1/documents/" + documentId + "/history");
        if (response.status() == 404) {
            response = as("clerk-hcm").get("/api/v1/documents/" + documentId + "/history");
        }
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> steps = new ArrayList<>();
        response.json().forEach(steps::add);
        return steps;
    }

    private JsonNode event(String documentId, String type) {
        return history(documentId).stream().filter(step -> step.get("type").asText().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in the history of " + documentId));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
