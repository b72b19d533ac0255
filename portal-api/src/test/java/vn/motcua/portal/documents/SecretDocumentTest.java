package vn.motcua.portal.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import vn.motcua.engine.audit.crypto.DevPki;
import vn.motcua.engine.audit.crypto.Signer;
import vn.motcua.eoffice.signing.PadesSigner;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.DocumentIntegrationTest;
import vn.motcua.portal.support.TestJwt;

/**
 * Secret documents (Law 29/2018/QH14 on State Secrets, Decree 26/2020/ND-CP; docs/security.md "Secret documents"): a
 * Mật document is read only by the officials it is assigned to — for another official of the same unit it does not
 * exist (404 like an unknown id, in reads, lists, the inbox and search) — and is indexed by its metadata only; a Tối
 * mật or Tuyệt mật document is refused with any content and recorded by its metadata only.
 *
 * <p>Before this change every one of these tests failed: the policy let every official of the unit read a secret
 * document ({@code DocumentPolicy.cleared} answered true), the search index held its trích yếu, instructions named no
 * handler, and a Tối mật draft with a PDF was stored like any other (a draft without a file was a 400).
 */
class SecretDocumentTest extends DocumentIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String BYT = "000.00.00.G01";
    /** The index fields that a secret document's entry may have: its register metadata, never its content. */
    private static final Set<String> METADATA_FIELDS = Set.of("documentId", "direction", "numberSymbol",
            "arrivalNumber", "type", "issuer", "agencyId", "unitId", "issuedOn", "receivedOn", "status", "updatedAt",
            "version", "secrecy", "readers");

    @Autowired
    private PadesSigner pades;
    @Autowired
    private DevPki pki;
    @Autowired
    private ElasticsearchClient elasticsearch;

    /** Another specialist of the same unit as specialist-hn, signed in through the agency's identity provider. */
    private Api colleague() {
        return bearer(TestJwt.token("specialist-hn-b", "Nguyễn Văn Bảo", List.of("specialist"), HANOI));
    }

    /** Another head of a unit of Hanoi's department, signed in through the identity provider. */
    private Api otherUnitHead() {
        return bearer(TestJwt.token("unit-head-hn-b", "Vũ Thị Cẩm", List.of("unit_head"), HANOI));
    }

    @Test
    void aConfidentialIncomingDocumentIsReadOnlyByThoseItIsAssignedTo() throws IOException {
        String numberSymbol = "M" + (System.nanoTime() % 100000) + "/BYT-QLD";
        Api.Response received = incoming("CONFIDENTIAL", numberSymbol, "Về việc xác minh nguồn tin về mỹ phẩm giả",
                signedByTheMinistry());
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        String id = received.json().get("documentId").asText();
        complete("clerk-hn", id, "doc_present", """
                {"outcome":"PRESENT","leaderId":"leader-hn","leaderName":"Đặng Quốc Việt"}""");
        String instructions = """
                {"outcome":"INSTRUCT","leadUnitId":"%s","supportingUnitIds":[],"deadline":"%s"%s}""";
        Api.Response unnamed = as("leader-hn").postJson("/api/v1/tasks/" + taskId("leader-hn", id, "doc_instructions")
                + "/complete", instructions.formatted(HANOI, LocalDate.now().plusDays(5), ""));
        assertThat(unnamed.status()).as(unnamed.toString()).isEqualTo(409);
        assertThat(unnamed.json().get("type").asText())
                .isEqualTo("urn:motcua:problem:rule/SECRET_DOCUMENT_HANDLED_BY_NAMED_OFFICIALS");
        complete("leader-hn", id, "doc_instructions", instructions.formatted(HANOI, LocalDate.now().plusDays(5),
                ",\"handlerIds\":[\"specialist-hn\"]"));
        // the head of the lead unit assigns it, to one of those the leader named (Decree 30/2020 Art. 24)
        assertThat(openTasks("unit-head-hn", id)).containsExactly("doc_assign");
        assertThat(otherUnitHead().get("/api/v1/documents/" + id).status()).isEqualTo(200);
        String assign = taskId("unit-head-hn", id, "doc_assign");
        Api.Response unnamedHandler = as("unit-head-hn").postJson("/api/v1/tasks/" + assign + "/complete",
                "{\"outcome\":\"ASSIGN\",\"handlerId\":\"unit-head-hn\",\"dueOn\":\"" + LocalDate.now().plusDays(3)
                        + "\"}");
        assertThat(unnamedHandler.status()).as(unnamedHandler.toString()).isEqualTo(409);
        assertThat(unnamedHandler.json().get("field").asText()).isEqualTo("handlerId");
        complete("unit-head-hn", id, "doc_assign", "{\"outcome\":\"ASSIGN\",\"handlerId\":\"specialist-hn\","
                + "\"dueOn\":\"" + LocalDate.now().plusDays(3) + "\"}");

        for (Api assigned : List.of(as("specialist-hn"), as("clerk-hn"), as("leader-hn"), as("inspector"))) {
            assertThat(assigned.get("/api/v1/documents/" + id).status()).isEqualTo(200);
            assertThat(assigned.get("/api/v1/documents/" + id + "/history").status()).isEqualTo(200);
        }
        assertThat(as("specialist-hn").get("/api/v1/documents/" + id).json().get("subject").asText())
                .isEqualTo("Về việc xác minh nguồn tin về mỹ phẩm giả");
        assertThat(as("specialist-hn").get("/api/v1/documents/" + id + "/pdf").status()).isEqualTo(200);
        Api.Response unknown = colleague().get("/api/v1/documents/" + UUID.randomUUID());
        for (Api other : List.of(colleague(), otherUnitHead())) {
            for (String path : List.of("", "/history", "/pdf", "/attachments/0")) {
                Api.Response hidden = other.get("/api/v1/documents/" + id + path);
                assertThat(hidden.status()).as(path + " " + hidden).isEqualTo(404);
                assertThat(hidden.json().get("type")).isEqualTo(unknown.json().get("type"));
                assertThat(hidden.json().get("title")).isEqualTo(unknown.json().get("title"));
            }
            assertThat(ids(other.get("/api/v1/documents"))).doesNotContain(id);
        }
        assertThat(ids(as("specialist-hn").get("/api/v1/documents"))).contains(id);

        String processTask = taskId("specialist-hn", id, "doc_process");
        assertThat(inbox(colleague())).doesNotContain(id);
        Api.Response claim = colleague().post("/api/v1/tasks/" + processTask + "/claim");
        assertThat(claim.status()).as(claim.toString()).isEqualTo(404);
        Api.Response decide = colleague().postJson("/api/v1/tasks/" + processTask + "/complete",
                "{\"outcome\":\"PROCESS\",\"comment\":\"Đã xem\"}");
        assertThat(decide.status()).as(decide.toString()).isEqualTo(404);

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(search(as("specialist-hn"), numberSymbol)).extracting(hit -> hit.get("documentId").asText())
                        .containsExactly(id));
        JsonNode hit = search(as("specialist-hn"), numberSymbol).getFirst();
        assertThat(hit.path("subject").isNull() || hit.path("subject").isMissingNode()).as(hit.toString()).isTrue();
        assertThat(hit.get("secrecy").asText()).isEqualTo("CONFIDENTIAL");
        assertThat(hit.get("issuer").asText()).isEqualTo("Bộ Y tế");
        assertThat(search(as("inspector"), numberSymbol)).hasSize(1);
        assertThat(search(colleague(), numberSymbol)).isEmpty();
        assertThat(search(otherUnitHead(), numberSymbol)).isEmpty();
        assertThat(search(colleague(), "xac minh nguon tin")).isEmpty();
        assertThat(search(as("specialist-hn"), "xac minh nguon tin")).as("the trích yếu is not indexed").isEmpty();

        ObjectNode entry = elasticsearch.get(g -> g.index("documents").id(id), ObjectNode.class).source();
        assertThat(entry).isNotNull();
        List<String> fields = new ArrayList<>();
        entry.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as(entry.toString()).doesNotContain("subject", "searchText").allMatch(METADATA_FIELDS::contains);
        assertThat(entry.get("numberSymbol").asText()).isEqualTo(numberSymbol);
        assertThat(entry.get("secrecy").asText()).isEqualTo("CONFIDENTIAL");
        assertThat(entry.toString()).doesNotContain("nguồn tin");
    }

    @Test
    void aConfidentialDraftIsTheDraftersAndThenTheReviewingUnitHeads() {
        Api.Response created = as("specialist-hn").multipart("/api/v1/documents/outgoing", parts -> {
            parts.part("document", draft("CONFIDENTIAL", "\"Kế hoạch kiểm tra đột xuất cơ sở mỹ phẩm\""),
                    MediaType.APPLICATION_JSON);
            parts.part("file", Api.file("ke-hoach.pdf", pdf("Ke hoach kiem tra")), MediaType.APPLICATION_PDF);
            parts.part("attachments", Api.file("danh-sach.pdf", pdf("Danh sach co so")), MediaType.APPLICATION_PDF);
        });
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("documentId").asText();

        assertThat(as("specialist-hn").get("/api/v1/documents/" + id + "/attachments/0").status()).isEqualTo(200);
        for (Api other : List.of(colleague(), as("unit-head-hn"), as("leader-hn"), as("clerk-hn"))) {
            for (String path : List.of("", "/history", "/pdf", "/attachments/0")) {
                assertThat(other.get("/api/v1/documents/" + id + path).status()).as(path).isEqualTo(404);
            }
        }
        complete("specialist-hn", id, "doc_draft", "{\"outcome\":\"SUBMIT\"}");
        assertThat(as("unit-head-hn").get("/api/v1/documents/" + id + "/attachments/0").status())
                .as("the review is routed to the unit head").isEqualTo(200);
        assertThat(openTasks("unit-head-hn", id)).containsExactly("doc_review");
        assertThat(colleague().get("/api/v1/documents/" + id).status()).isEqualTo(404);
        assertThat(as("leader-hn").get("/api/v1/documents/" + id).status()).as("not yet to sign").isEqualTo(404);
    }

    @Test
    void aTopSecretDocumentWithContentIsRefusedAndNothingIsStored() {
        Map<String, Integer> before = footprint();
        refused(as("specialist-hn").multipart("/api/v1/documents/outgoing", parts -> {
            parts.part("document", draft("TOP_SECRET", "null"), MediaType.APPLICATION_JSON);
            parts.part("file", Api.file("tuyet-mat.pdf", pdf("Noi dung tuyet mat")), MediaType.APPLICATION_PDF);
        }));
        refused(as("specialist-hn").multipart("/api/v1/documents/outgoing", parts -> {
            parts.part("document", draft("SECRET", "null"), MediaType.APPLICATION_JSON);
            parts.part("attachments", Api.file("phu-luc.pdf", pdf("Phu luc toi mat")), MediaType.APPLICATION_PDF);
        }));
        refused(as("specialist-hn").multipart("/api/v1/documents/outgoing", parts ->
                parts.part("document", draft("SECRET", "\"Phương án bảo vệ mục tiêu\""), MediaType.APPLICATION_JSON)));
        refused(incoming("SECRET", "T1/BYT", null, signedByTheMinistry()));
        refused(incoming("TOP_SECRET", "T2/BYT", "Về việc bảo vệ mục tiêu", null));
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void aTopSecretDocumentIsRecordedByItsMetadataOnly() {
        int contents = jdbc.queryForObject("select count(*) from document_content", Integer.class);
        Api.Response drafted = as("specialist-hn").multipart("/api/v1/documents/outgoing", parts ->
                parts.part("document", draft("TOP_SECRET", "null"), MediaType.APPLICATION_JSON));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        assertThat(drafted.json().get("secrecy").asText()).isEqualTo("TOP_SECRET");
        assertThat(drafted.json().get("subject").asText()).startsWith("Văn bản Tuyệt mật: nội dung được quản lý");
        assertThat(drafted.json().get("attachments")).isEmpty();
        String draftId = drafted.json().get("documentId").asText();
        assertThat(as("specialist-hn").get("/api/v1/documents/" + draftId + "/pdf").status()).isEqualTo(404);

        Api.Response received = incoming("SECRET", "T3/BYT", null, null);
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        assertThat(received.json().get("status").asText()).as("registered on the off-line check").isEqualTo("REGISTERED");
        assertThat(received.json().get("arrivalFormatted").asText()).isNotBlank();
        assertThat(received.json().get("senderNumberSymbol").asText()).isEqualTo("T3/BYT");
        assertThat(received.json().get("subject").asText()).startsWith("Văn bản Tối mật");
        assertThat(jdbc.queryForObject("select count(*) from document_content", Integer.class)).isEqualTo(contents);
    }

    private static void refused(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.json().get("type").asText())
                .isEqualTo("urn:motcua:problem:rule/CONTENT_OF_HIGHEST_LEVELS_KEPT_OFF_LINE");
    }

    private static String draft(String secrecy, String subjectJson) {
        return """
                {"metadata":{"subject":%s,"type":"PLAN","urgency":"NORMAL","secrecy":"%s","pageCount":2,
                 "signerPosition":"Phó Giám đốc","signerName":"Đặng Quốc Việt","issuerAbbreviation":"SYT",
                 "recipients":[{"id":"000.00.16.H26.VP","name":"Văn phòng Sở","kind":"INTERNAL_UNIT"}]}}"""
                .formatted(subjectJson, secrecy);
    }

    private Api.Response incoming(String secrecy, String numberSymbol, String subject, byte[] content) {
        String metadata = """
                {"metadata":{"senderAgencyId":"%s","senderName":"Bộ Y tế","numberSymbol":"%s","issuedOn":"%s",
                 "subject":%s,"type":"LETTER","urgency":"URGENT","secrecy":"%s","pageCount":2}}"""
                .formatted(BYT, numberSymbol, LocalDate.now().minusDays(1),
                        subject == null ? "null" : "\"" + subject + "\"", secrecy);
        return as("clerk-hn").multipart("/api/v1/documents/incoming", parts -> {
            parts.part("document", metadata, MediaType.APPLICATION_JSON);
            if (content != null) {
                parts.part("file", Api.file("cong-van-mat.pdf", content), MediaType.APPLICATION_PDF);
            }
        });
    }

    /** A letter sealed by the Ministry of Health with a certificate of the dev PKI. */
    private byte[] signedByTheMinistry() {
        pki.enrolSeal(BYT, "Bộ Y tế");
        return pades.sign(pdf("Cong van mat Bo Y te " + System.nanoTime()), new PadesSigner.Request(
                Signer.sealAlias(BYT), PadesSigner.Level.B_T, new PadesSigner.Appearance.Invisible(), "Ban hành",
                "Hà Nội"));
    }

    private static List<String> ids(Api.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().forEach(view -> ids.add(view.get("documentId").asText()));
        return ids;
    }

    private static List<String> inbox(Api official) {
        Api.Response inbox = official.get("/api/v1/tasks?aggregateType=document");
        assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        inbox.json().forEach(task -> ids.add(task.get("aggregateId").asText()));
        return ids;
    }

    private static List<JsonNode> search(Api official, String q) {
        Api.Response response = official.get("/api/v1/search/documents?size=100&q=" + q);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> hits = new ArrayList<>();
        response.json().get("hits").forEach(hits::add);
        return hits;
    }
}
