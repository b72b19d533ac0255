package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;

/** Dossiers reach Elasticsearch through Kafka and are found the way officials, citizens and inspectors look. */
class SearchTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void officialFindsDossierWithAndWithoutDiacriticsButOnlyInTheirUnit() {
        String code = submittedBy("Đặng Thị Thuỷ Tiên");
        awaitIndexed(code);

        assertThat(search("reception-hn", "q=Đặng Thị Thuỷ Tiên")).contains(code);
        assertThat(search("reception-hn", "q=dang thi thuy tien")).contains(code);
        assertThat(search("leader-hn", "q=DANG TIEN&status=SUBMITTED")).contains(code);
        assertThat(search("reception-hcm", "q=dang thi thuy tien")).doesNotContain(code);
        assertThat(search("inspector", "q=dang thi thuy tien")).contains(code);
        assertThat(as("citizen-a").get("/api/v1/search/dossiers?q=dang").status()).isEqualTo(403);
    }

    @Test
    void searchFollowsTheDossierThroughItsSteps() {
        String code = submittedBy("Phan Văn Khải");
        decideOk("reception-hn", code, "reception", """
                {"outcome":"ACCEPT"}""");
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(search("reception-hn", "q=phan van khai&status=PAYMENT_REQUESTED")).contains(code));
        assertThat(search("reception-hn", "q=phan van khai&status=SUBMITTED")).doesNotContain(code);
        JsonNode hit = hits("reception-hn", "q=phan van khai").get(0);
        assertThat(hit.get("dueDate").asText()).isNotBlank();
        assertThat(hit.has("applicantPhone")).isFalse();
    }

    @Test
    void publicLookupNeedsTheRightPhoneOrIdNumber() {
        String code = submittedBy("Lâm Thị Hoa");
        awaitIndexed(code);
        Api.Response byPhone = anonymous().get("/api/v1/public/dossier-status?code=" + code + "&phoneOrIdNumber=0912345678");
        assertThat(byPhone.status()).isEqualTo(200);
        assertThat(byPhone.json().get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(byPhone.json().has("applicantName")).isFalse();
        assertThat(anonymous().get("/api/v1/public/dossier-status?code=" + code + "&phoneOrIdNumber=001099012345")
                .status()).isEqualTo(200);
        Api.Response wrong = anonymous().get("/api/v1/public/dossier-status?code=" + code + "&phoneOrIdNumber=0999999999");
        Api.Response unknown = anonymous().get(
                "/api/v1/public/dossier-status?code=000.00.16.H26-990101-9999&phoneOrIdNumber=0912345678");
        Api.Response missing = anonymous().get("/api/v1/public/dossier-status?code=" + code);
        Api.Response blank = anonymous().get("/api/v1/public/dossier-status?code=" + code + "&phoneOrIdNumber=");
        Api.Response noCode = anonymous().get("/api/v1/public/dossier-status?phoneOrIdNumber=0912345678");
        // whichever part is wrong or missing, the answer is the same to the byte: it must not tell which one
        for (Api.Response other : List.of(unknown, missing, blank, noCode)) {
            assertThat(other.status()).as(other.toString()).isEqualTo(404);
            assertThat(other.bytes()).as(other.text()).isEqualTo(wrong.bytes());
            assertThat(withoutDate(other.headers())).isEqualTo(withoutDate(wrong.headers()));
        }
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
    }

    private static Map<String, List<String>> withoutDate(HttpHeaders headers) {
        Map<String, List<String>> kept = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach(kept::put);
        kept.remove(HttpHeaders.DATE);
        return kept;
    }

    @Test
    void inspectorSearchesTheAuditEvents() {
        String code = submittedBy("Tạ Quang Bửu");
        decideOk("reception-hn", code, "reception", """
                {"outcome":"ACCEPT","comment":"Hồ sơ hợp lệ, đầy đủ thành phần"}""");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                as("inspector").get("/api/v1/audit/events?dossier=" + code).json().get("total").asInt())
                .as("submitted, accepted, fee requested").isEqualTo(3));
        JsonNode byActor = as("inspector").get("/api/v1/audit/events?actor=reception-hn&action=DossierAccepted&dossier="
                + code).json();
        assertThat(byActor.get("total").asInt()).isEqualTo(1);
        assertThat(as("inspector").get("/api/v1/audit/events?q=hop le day du&dossier=" + code).json().get("total")
                .asInt()).isEqualTo(1);
        assertThat(as("reception-hn").get("/api/v1/audit/events").status()).isEqualTo(403);
    }

    private String submittedBy(String name) {
        Api.Response response = submit("citizen-a", dossierJson(COSMETICS, HANOI, name), "phieu.pdf", pdf("Phieu cong bo"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("code").asText();
    }

    private void awaitIndexed(String code) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(search("inspector", "q=" + code)).contains(code));
    }

    private java.util.List<String> search(String user, String query) {
        return hits(user, query).findValuesAsText("code");
    }

    private JsonNode hits(String user, String query) {
        Api.Response response = as(user).get("/api/v1/search/dossiers?size=100&" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("hits");
    }
}
