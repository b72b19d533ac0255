package vn.motcua.portal.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.engine.document.DocumentStore;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;

/**
 * The public register of issued results and the acts that refer to a result (Decree 30/2020/ND-CP: a result is
 * corrected or revoked only by a new numbered act; the original is never edited): anyone finds a result by its
 * number, its holder's name (diacritics ignored) or its procedure, with its status and the acts' numbers and dates,
 * and nothing personal beyond the holder's name; only the leader of the issuing unit corrects or revokes, and nothing
 * follows a revocation.
 */
class ResultRegisterTest extends IntegrationTest {

    private static final String REGISTER = "/api/v1/public/result-register";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /**
     * Each test asks from loopback addresses of its own, so the public door's limit is nobody else's; queries are
     * written plain, the client encodes them.
     */
    private Api publicFrom(int host) {
        return anonymousFrom("127.0.13." + host);
    }

    @Test
    void theRegisterFindsAResultByNumberByHolderWithoutDiacriticsAndByProcedure() {
        String code = issuedTo("Lưu Thị Ngọc Trâm");
        JsonNode result = acts("citizen-a", code);
        String symbol = result.path("symbol").asText();
        assertThat(symbol).isNotBlank();

        JsonNode byNumber = entry(search(publicFrom(1), "number=" + symbol), symbol);
        assertThat(byNumber.path("holder").asText()).isEqualTo("Lưu Thị Ngọc Trâm");
        assertThat(byNumber.path("status").asText()).isEqualTo("VALID");
        assertThat(byNumber.path("statusLabel").asText()).isEqualTo("Còn hiệu lực");
        assertThat(byNumber.path("kindTitle").asText()).isEqualTo(result.path("title").asText());
        assertThat(byNumber.path("procedureCode").asText()).isEqualTo(COSMETICS);
        assertThat(byNumber.path("procedureName").asText()).isNotBlank().isNotEqualTo(COSMETICS);
        assertThat(byNumber.path("issuingAgency").asText()).contains("Sở Y tế");
        assertThat(byNumber.path("issuedOn").asText()).isEqualTo(result.path("issuedOn").asText());
        assertThat(byNumber.path("acts")).isEmpty();

        assertThat(symbols(search(publicFrom(1), "holder=" + "luu thi NGOC tram"))).contains(symbol);
        assertThat(symbols(search(publicFrom(1), "holder=" + "Ngọc Trâm"))).contains(symbol);
        List<String> byProcedure = new ArrayList<>();
        for (int page = 0; page < 8 && !byProcedure.contains(symbol); page++) {
            JsonNode entries = search(publicFrom(1), "procedure=" + COSMETICS + "&page=" + page);
            assertThat(entries.findValuesAsText("procedureCode")).containsOnly(COSMETICS);
            byProcedure.addAll(symbols(entries));
        }
        assertThat(byProcedure).contains(symbol);
        assertThat(symbols(search(publicFrom(1), "procedure=" + COSMETICS + "&holder=" + "Không Ai Cả")))
                .isEmpty();
    }

    @Test
    void thePublicDoorNeedsACriterionAndLeaksNothingPersonal() {
        Api.Response none = publicFrom(2).get(REGISTER);
        assertThat(none.status()).as(none.toString()).isEqualTo(400);
        assertThat(fieldsOf(none).isEmpty() ? List.of(none.json().path("field").asText()) : fieldsOf(none))
                .contains("number");
        assertThat(none.json().path("title").asText()).isNotBlank();
        assertThat(publicFrom(2).get(REGISTER + "?number=&holder=").status()).isEqualTo(400);

        String code = issuedTo("Phan Thị Hải Yến");
        acts("citizen-a", code);
        Api.Response found = publicFrom(2).get(REGISTER + "?holder=" + "Phan Thị Hải Yến");
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json()).isNotEmpty();
        assertThat(found.text()).doesNotContain(code, "001099012345", "0912345678", "applicant@example.vn",
                "Tràng Tiền", "sha256", "ownerId", "citizen-a", "reason");
        List<String> fields = new ArrayList<>();
        found.json().get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("symbol", "kindTitle", "holder", "procedureCode",
                "procedureName", "issuingAgency", "issuedOn", "status", "statusLabel", "acts");
    }

    @Test
    void aCorrectionAndARevocationShowInTheRegisterWhileTheOriginalStaysUnchanged() {
        String code = issuedTo("Đoàn Minh Khôi");
        byte[] original = as("citizen-a").get("/api/v1/dossiers/" + code + "/result").bytes();
        String symbol = acts("citizen-a", code).path("symbol").asText();

        Api.Response corrected = as("leader-hn").postJson("/api/v1/dossiers/" + code + "/result/corrections", """
                {"reason":"Sai chính tả tên sản phẩm","corrections":"Tên sản phẩm: Kem dưỡng da Sen Việt Nam"}""");
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
        String correction = corrected.json().path("symbol").asText();
        assertThat(correction).matches("\\d{2,}/QĐ-ĐC-SYT");
        Api.Response correctionPdf = as("citizen-a").get("/api/v1/dossiers/" + code + "/documents/"
                + corrected.json().path("sha256").asText());
        assertThat(correctionPdf.status()).as(correctionPdf.toString()).isEqualTo(200);
        assertThat(text(correctionPdf.bytes())).contains("QUYẾTĐỊNH", squeezed("Về việc đính chính"),
                squeezed(symbol), squeezed("Kem dưỡng da Sen Việt Nam"), squeezed("Sai chính tả tên sản phẩm"));
        Api.Response checked = as("leader-hn").multipart("/api/v1/documents/verification", parts -> parts.part("file",
                Api.file("dinh-chinh.pdf", correctionPdf.bytes()), MediaType.APPLICATION_PDF));
        assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
        assertThat(checked.json().path("valid").asBoolean()).as("signed by the leader, sealed by the agency").isTrue();
        assertThat(checked.json().path("signatures")).hasSizeGreaterThanOrEqualTo(2);

        assertThat(acts("citizen-a", code).path("status").asText()).isEqualTo("CORRECTED");
        JsonNode entry = entry(search(publicFrom(3), "number=" + symbol), symbol);
        assertThat(entry.path("statusLabel").asText()).isEqualTo("Đã đính chính");
        assertThat(entry.path("acts").get(0).path("symbol").asText()).isEqualTo(correction);
        assertThat(entry.path("acts").get(0).path("typeLabel").asText()).isEqualTo("Văn bản đính chính");
        assertThat(entry.path("acts").get(0).path("issuedOn").asText()).isEqualTo(corrected.json().path("issuedOn")
                .asText());

        Api.Response revoked = as("leader-hn").postJson("/api/v1/dossiers/" + code + "/result/revocation", """
                {"reason":"Sản phẩm không an toàn cho người sử dụng","decisionReference":"Kết luận thanh tra số 12/KL-TTr"}""");
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(201);
        String revocation = revoked.json().path("symbol").asText();
        assertThat(revocation).matches("\\d{2,}/QĐ-TH-SYT");

        JsonNode acts = acts("citizen-a", code);
        entry = entry(search(publicFrom(3), "number=" + symbol), symbol);
        assertThat(entry.path("status").asText()).isEqualTo("REVOKED");
        assertThat(entry.path("statusLabel").asText()).isEqualTo("Đã thu hồi");
        assertThat(entry.path("acts").findValuesAsText("symbol")).containsExactly(correction, revocation);
        assertThat(entry.path("acts").get(1).path("typeLabel").asText()).isEqualTo("Quyết định thu hồi");

        assertThat(acts.path("status").asText()).isEqualTo("REVOKED");
        assertThat(acts.path("acts").get(0).path("reason").asText()).isEqualTo("Sai chính tả tên sản phẩm");
        assertThat(acts.path("acts").get(1).path("decisionReference").asText()).contains("12/KL-TTr");
        assertThat(acts("inspector", code).path("acts")).hasSize(2);

        byte[] after = as("citizen-a").get("/api/v1/dossiers/" + code + "/result").bytes();
        assertThat(after).as("the original result, byte for byte").isEqualTo(original);
        assertThat(DocumentStore.sha256(after)).isEqualTo(acts.path("sha256").asText());

        await().atMost(PATIENCE).until(() -> jdbc.queryForList(
                "select kind from notification_sent where dossier_code = ? and channel = 'EMAIL'", String.class, code)
                .containsAll(List.of("RESULT_CORRECTION", "RESULT_REVOCATION")));
    }

    @Test
    void aRevokedResultIsNeitherCorrectedNorRevokedAgain() {
        String code = decidedAndReturned("citizen-a");
        Api.Response revoked = as("leader-hn").postJson("/api/v1/dossiers/" + code + "/result/revocation", """
                {"reason":"Hồ sơ giả mạo giấy tờ"}""");
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(201);

        Api.Response correction = as("leader-hn").postJson("/api/v1/dossiers/" + code + "/result/corrections", """
                {"reason":"Sai ngày","corrections":"Ngày cấp: 01/12/2026"}""");
        assertThat(correction.status()).as(correction.toString()).isEqualTo(409);
        assertThat(correction.json().path("type").asText()).endsWith("rule/NOTHING_AFTER_REVOCATION");
        Api.Response again = as("leader-hn").postJson("/api/v1/dossiers/" + code + "/result/revocation", """
                {"reason":"Lần nữa"}""");
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(acts("leader-hn", code).path("acts")).hasSize(1);
    }

    @Test
    void onlyTheLeaderOfTheIssuingUnitCorrectsOrRevokes() {
        String code = decidedAndReturned("citizen-a");
        String correction = """
                {"reason":"Sai chính tả","corrections":"Tên sản phẩm: Kem Sen Việt"}""";
        for (String user : List.of("citizen-a", "specialist-hn", "reception-hn", "inspector")) {
            Api.Response refused = as(user).postJson("/api/v1/dossiers/" + code + "/result/corrections", correction);
            assertThat(refused.status()).as(user + ": " + refused).isEqualTo(403);
            assertThat(as(user).postJson("/api/v1/dossiers/" + code + "/result/revocation", """
                    {"reason":"Thu hồi"}""").status()).as(user).isEqualTo(403);
        }
        Api.Response otherUnit = as("leader-hcm").postJson("/api/v1/dossiers/" + code + "/result/corrections",
                correction);
        assertThat(otherUnit.status()).as(otherUnit.toString()).isEqualTo(404);
        assertThat(as("leader-hcm").postJson("/api/v1/dossiers/" + code + "/result/revocation", """
                {"reason":"Thu hồi"}""").status()).isEqualTo(404);

        Api.Response noReason = as("leader-hn").postJson("/api/v1/dossiers/" + code + "/result/corrections", """
                {"reason":" ","corrections":"Tên sản phẩm: Kem Sen Việt"}""");
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
        assertThat(fieldsOf(noReason)).contains("reason");

        Api.Response notIssued = as("leader-hn").postJson("/api/v1/dossiers/" + submitted("citizen-a")
                + "/result/revocation", """
                {"reason":"Thu hồi"}""");
        assertThat(notIssued.status()).as(notIssued.toString()).isEqualTo(409);
        assertThat(notIssued.json().path("type").asText()).endsWith("rule/RESULT_ACT_ONLY_FOR_ISSUED_RESULT");

        assertThat(as("citizen-b").get("/api/v1/dossiers/" + code + "/result/acts").status()).isEqualTo(404);
        assertThat(acts("leader-hn", code).path("acts")).isEmpty();
    }

    /** A cosmetic notification whose applicant (and so the result's holder) is {@code holder}, issued and returned. */
    private String issuedTo(String holder) {
        Api.Response submitted = submit("citizen-a", dossierJson(COSMETICS, HANOI, holder), "phieu-cong-bo.pdf",
                pdf("Phieu cong bo " + System.nanoTime()));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        return decidedAndReturned(submitted.json().get("code").asText(), "citizen-a");
    }

    private JsonNode acts(String user, String code) {
        Api.Response acts = as(user).get("/api/v1/dossiers/" + code + "/result/acts");
        assertThat(acts.status()).as(acts.toString()).isEqualTo(200);
        return acts.json();
    }

    /** The register's answer once the read model has caught up with the last step (it may lag by a moment). */
    private JsonNode search(Api api, String query) {
        Api.Response response = api.get(REGISTER + "?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode entry(JsonNode entries, String symbol) {
        for (JsonNode entry : entries) {
            if (entry.path("symbol").asText().equals(symbol)) {
                return entry;
            }
        }
        throw new AssertionError("no entry " + symbol + " in " + entries);
    }

    private static List<String> symbols(JsonNode entries) {
        return entries.findValuesAsText("symbol").stream().distinct().toList();
    }

    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return squeezed(new PDFTextStripper().getText(document));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }
}
