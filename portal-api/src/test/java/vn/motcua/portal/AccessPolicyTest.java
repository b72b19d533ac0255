package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.DocumentIntegrationTest;

/**
 * One access policy per aggregate type, one check point (ARCHITECTURE.md, "A citizen sees only their dossiers; an
 * official only their unit's; an inspector reads all and writes nothing"): whatever a person may not see answers
 * the same 404 as something that does not exist, on the aggregate and on each of its sub-resources; an inspector
 * reads every dossier and document and every change they send is refused with nothing written.
 */
class AccessPolicyTest extends DocumentIntegrationTest {

    private static final String UNKNOWN_DOSSIER = HANOI + "-990101-0001";
    private static final String UNKNOWN_DOCUMENT = "00000000-0000-0000-0000-000000000000";

    private static final String DRAFT = """
            {"metadata":{"subject":"Kế hoạch thanh tra chuyên ngành dược","type":"PLAN",
             "urgency":"NORMAL","secrecy":"%s","pageCount":2,"signerPosition":"Phó Giám đốc",
             "signerName":"Đặng Quốc Việt","issuerAbbreviation":"SYT",
             "recipients":[{"id":"000.00.16.H26.VP","name":"Văn phòng Sở","kind":"INTERNAL_UNIT"}]}}""";

    private static final String INCOMING = """
            {"metadata":{"senderAgencyId":"000.00.00.G01","senderName":"Bộ Y tế","numberSymbol":"45/BYT-QLD",
             "issuedOn":"%s","subject":"Về việc báo cáo tình hình quản lý dược","type":"LETTER","urgency":"NORMAL",
             "secrecy":"NONE","pageCount":1}}""";

    @Test
    void anotherUnitsOfficialFindsNoDossierNorAnyOfItsParts() {
        String code = submitted("citizen-a");
        String sha256 = as("reception-hn").get("/api/v1/dossiers/" + code + "/history").json()
                .at("/0/documents/0/sha256").asText();
        assertThat(sha256).hasSize(64);
        Map<String, Integer> before = footprint();

        for (String official : List.of("reception-hcm", "specialist-hcm", "leader-hcm", "clerk-hcm", "unit-head-hcm")) {
            for (String part : List.of("", "/view", "/history", "/documents/" + sha256, "/forms/mau-05")) {
                assertNotThere(as(official).get("/api/v1/dossiers/" + code + part), "dossier", code,
                        as(official).get("/api/v1/dossiers/" + UNKNOWN_DOSSIER + part));
            }
            assertThat(as(official).get("/api/v1/dossiers?size=100").json().findValuesAsText("code"))
                    .as(official).doesNotContain(code);
        }
        assertNotThere(as("leader-hcm").postJson("/api/v1/dossiers/" + code + "/stop", """
                {"reason":"Không thuộc thẩm quyền"}"""), "dossier", code, null);
        assertNotThere(as("leader-hcm").postJson("/api/v1/dossiers/" + code + "/apology", """
                {"newAppointedDate":"%s","reason":"Quá tải"}""".formatted(LocalDate.now().plusDays(30))),
                "dossier", code, null);
        assertThat(footprint()).isEqualTo(before);
        assertThat(as("reception-hn").get("/api/v1/dossiers/" + code).status()).isEqualTo(200);
    }

    @Test
    void aCitizenFindsNoOtherCitizensDossierNorAnyOfItsParts() {
        String code = submitted("citizen-a");
        String sha256 = as("citizen-a").get("/api/v1/dossiers/" + code + "/history").json()
                .at("/0/documents/0/sha256").asText();
        Map<String, Integer> before = footprint();

        for (String part : List.of("", "/view", "/history", "/documents/" + sha256, "/forms/mau-05")) {
            assertNotThere(as("citizen-b").get("/api/v1/dossiers/" + code + part), "dossier", code,
                    as("citizen-b").get("/api/v1/dossiers/" + UNKNOWN_DOSSIER + part));
        }
        assertNotThere(as("citizen-b").post("/api/v1/dossiers/" + code + "/payments"), "dossier", code, null);
        assertNotThere(as("citizen-b").postJson("/api/v1/dossiers/" + code + "/rating", """
                {"score":1}"""), "dossier", code, null);
        assertNotThere(as("citizen-b").multipart("/api/v1/dossiers/" + code + "/supplement",
                parts -> parts.part("files", Api.file("bo-sung.pdf", pdf("Bo sung")), MediaType.APPLICATION_PDF)),
                "dossier", code, null);
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void anotherUnitsOfficialFindsNoDocumentNorAnyOfItsParts() {
        String outgoing = drafted("NONE");
        String incoming = received();
        Map<String, Integer> before = footprint();

        for (String official : List.of("specialist-hcm", "leader-hcm", "clerk-hcm", "unit-head-hcm", "reception-hcm")) {
            for (String id : List.of(outgoing, incoming)) {
                for (String part : List.of("", "/history", "/pdf", "/attachments/0")) {
                    assertNotThere(as(official).get("/api/v1/documents/" + id + part), "document", id,
                            as(official).get("/api/v1/documents/" + UNKNOWN_DOCUMENT + part));
                }
            }
        }
        assertNotThere(as("leader-hcm").postJson("/api/v1/documents/" + outgoing + "/recall", """
                {"reason":"Sai căn cứ"}"""), "document", outgoing, null);
        assertNotThere(as("clerk-hcm").postJson("/api/v1/documents/" + incoming + "/send-back", """
                {"reason":"Không có chữ ký số"}"""), "document", incoming, null);
        assertThat(footprint()).isEqualTo(before);
        assertThat(as("specialist-hn").get("/api/v1/documents/" + outgoing).status()).isEqualTo(200);
        assertThat(as("clerk-hn").get("/api/v1/documents/" + incoming).status()).isEqualTo(200);
    }

    @Test
    void inspectorReadsEveryDossierAndDocumentAndEveryChangeIsRefusedWithNothingWritten() {
        String code = submitted("citizen-a");
        String reception = task("reception-hn", code, "reception");
        String sha256 = as("reception-hn").get("/api/v1/dossiers/" + code + "/history").json()
                .at("/0/documents/0/sha256").asText();
        String outgoing = drafted("NONE");
        String draftTask = taskId("specialist-hn", outgoing, "doc_draft");
        String incoming = received();
        Api inspector = as("inspector");

        assertThat(eventually(() -> inspector.get("/api/v1/dossiers/" + code + "/view")).status()).isEqualTo(200);
        for (String part : List.of("", "/history", "/documents/" + sha256, "/forms/mau-05")) {
            Api.Response read = inspector.get("/api/v1/dossiers/" + code + part);
            assertThat(read.status()).as(part + ": " + read).isEqualTo(200);
        }
        assertThat(inspector.get("/api/v1/dossiers?size=100").json().findValuesAsText("code")).contains(code);
        for (String id : List.of(outgoing, incoming)) {
            for (String part : List.of("", "/history", "/pdf")) {
                Api.Response read = inspector.get("/api/v1/documents/" + id + part);
                assertThat(read.status()).as(id + part + ": " + read).isEqualTo(200);
            }
        }
        assertThat(inspector.get("/api/v1/documents/" + outgoing).json().get("unitId").asText()).isEqualTo(HANOI);
        assertThat(inspector.get("/api/v1/search/documents").status()).isEqualTo(200);
        assertThat(inspector.get("/api/v1/search/dossiers").status()).isEqualTo(200);

        Map<String, Integer> before = footprint();
        String dossier = "/api/v1/dossiers/" + code;
        String document = "/api/v1/documents/" + outgoing;
        List<Api.Response> changes = List.of(
                submit("inspector", dossierJson(COSMETICS, HANOI, "Thanh tra"), "a.pdf", pdf("Thanh tra")),
                inspector.multipart(dossier + "/supplement",
                        parts -> parts.part("files", Api.file("b.pdf", pdf("b")), MediaType.APPLICATION_PDF)),
                inspector.postJson(dossier + "/withdrawal", "{\"reason\":\"x\"}"),
                inspector.post(dossier + "/payments"),
                inspector.postJson(dossier + "/payments/counter", "{\"amountVnd\":1,\"receiptNumber\":\"x\"}"),
                inspector.postJson(dossier + "/rating", "{\"score\":5}"),
                inspector.postJson(dossier + "/apology", "{\"newAppointedDate\":\"" + LocalDate.now().plusDays(30)
                        + "\",\"reason\":\"x\"}"),
                inspector.postJson(dossier + "/stop", "{\"reason\":\"x\"}"),
                inspector.post("/api/v1/tasks/" + reception + "/claim"),
                inspector.postJson("/api/v1/tasks/" + reception + "/complete", "{\"outcome\":\"ACCEPT\"}"),
                inspector.putJson(dossier, "{}"),
                inspector.delete(dossier),
                inspector.multipart("/api/v1/documents/outgoing", parts -> {
                    parts.part("document", DRAFT.formatted("NONE"), MediaType.APPLICATION_JSON);
                    parts.part("file", Api.file("d.pdf", pdf("d")), MediaType.APPLICATION_PDF);
                }),
                inspector.multipart("/api/v1/documents/incoming", parts -> {
                    parts.part("document", INCOMING.formatted(LocalDate.now().minusDays(1)),
                            MediaType.APPLICATION_JSON);
                    parts.part("file", Api.file("i.pdf", pdf("i")), MediaType.APPLICATION_PDF);
                }),
                inspector.postJson(document + "/recall", "{\"reason\":\"x\"}"),
                inspector.postJson("/api/v1/documents/" + incoming + "/send-back", "{\"reason\":\"x\"}"),
                inspector.post("/api/v1/tasks/" + draftTask + "/claim"),
                inspector.postJson("/api/v1/tasks/" + draftTask + "/complete", "{\"outcome\":\"SUBMIT\"}"),
                inspector.putJson(document, "{}"),
                inspector.delete(document));
        for (Api.Response change : changes) {
            assertThat(change.status()).as(change.toString()).isEqualTo(403);
            assertThat(change.contentType()).startsWith("application/problem+json");
        }
        assertThat(footprint()).isEqualTo(before);
        assertThat(task("reception-hn", code, "reception")).isEqualTo(reception);
        assertThat(openTasks("specialist-hn", outgoing)).containsExactly("doc_draft");
    }

    /** Who else of the unit may read a secret document is SecretDocumentTest's matter; here, the other unit's view. */
    @Test
    void aSecretDocumentIsOpenToItsDrafterAndInspectorsAndUnknownToAnotherUnit() {
        String id = drafted("CONFIDENTIAL");
        Api.Response own = as("specialist-hn").get("/api/v1/documents/" + id);
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().get("secrecy").asText()).isEqualTo("CONFIDENTIAL");
        assertThat(as("inspector").get("/api/v1/documents/" + id).status()).isEqualTo(200);
        assertNotThere(as("specialist-hcm").get("/api/v1/documents/" + id), "document", id,
                as("specialist-hcm").get("/api/v1/documents/" + UNKNOWN_DOCUMENT));
    }

    /**
     * A 404 problem of the aggregate type, and — when {@code unknown} is given — the very problem an unknown id
     * gets, but for the id: nothing tells an aggregate one may not see from one that does not exist.
     */
    private static void assertNotThere(Api.Response response, String type, String id, Api.Response unknown) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("urn:motcua:problem:" + type + "-not-found");
        assertThat(response.json().get("titleVi").asText()).isEqualTo("Không tìm thấy");
        assertThat(response.json().get("titleEn").asText()).isEqualTo("Not found");
        if (unknown != null) {
            assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
            String unknownId = unknown.json().get("instance").asText().split("/")[4];
            assertThat(response.json().get("type")).isEqualTo(unknown.json().get("type"));
            assertThat(response.json().get("detail").asText())
                    .isEqualTo(unknown.json().get("detail").asText().replace(unknownId, id));
        }
    }

    private String drafted(String secrecy) {
        Api.Response created = as("specialist-hn").multipart("/api/v1/documents/outgoing", parts -> {
            parts.part("document", DRAFT.formatted(secrecy), MediaType.APPLICATION_JSON);
            parts.part("file", Api.file("ke-hoach.pdf", pdf("Ke hoach thanh tra " + secrecy)),
                    MediaType.APPLICATION_PDF);
        });
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("documentId").asText();
    }

    /** An unsigned incoming letter: received by the Hanoi clerk, not registered. */
    private String received() {
        Api.Response created = as("clerk-hn").multipart("/api/v1/documents/incoming", parts -> {
            parts.part("document", INCOMING.formatted(LocalDate.now().minusDays(1)), MediaType.APPLICATION_JSON);
            parts.part("file", Api.file("cong-van.pdf", pdf("Cong van chua ky " + System.nanoTime())),
                    MediaType.APPLICATION_PDF);
        });
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).isEqualTo("RECEIVED");
        return created.json().get("documentId").asText();
    }

    /** The read model follows the event store by a moment. */
    private static Api.Response eventually(Supplier<Api.Response> read) {
        Api.Response response = read.get();
        for (int i = 0; i < 100 && response.status() == 404; i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            response = read.get();
        }
        return response;
    }
}
