package vn.motcua.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.engine.audit.Checkpointer;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.BrowserJourney;
import vn.motcua.portal.support.OfflineVerifier;

/**
 * The inspector's journey: find a dossier's steps in the audit search, read its signed trail with every event
 * verified, take the audit package away and verify it offline as the note says; and a citizen kept out.
 */
class InspectorJourneyTest extends BrowserJourney {

    @Autowired
    Checkpointer checkpoints;

    @Test
    void anInspectorFindsADossierSeesEveryStepVerifiedAndTakesThePackageAway(@TempDir Path dir) throws Exception {
        String code = decidedAndReturned("citizen-a");
        // the checkpoint the log makes every minute, made now: every event committed and time-stamped
        checkpoints.checkpointNow();
        int steps = events(code);
        assertThat(steps).as("submitted … result returned").isGreaterThanOrEqualTo(9);

        signIn("inspector");
        open("/audit");
        look("audit-search");
        assertThat(heading()).isEqualTo("Tra cứu nhật ký xử lý");

        open("/audit?from=2026-02-31&to=2026-01-01");
        look("audit-search-wrong-dates");
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText())
                .contains("Từ ngày: ngày không đúng");
        assertThat(browser.findElements(By.cssSelector("table.audit-results"))).as("no search with wrong filters")
                .isEmpty();

        open("/audit");
        field("dossier").sendKeys(code);
        click(By.cssSelector("form.audit-filters button[type=submit]"));
        assertThat(browser.getCurrentUrl()).as("the filters stay in the address").contains("dossier=" + code);
        eventually(30, () -> text().contains(steps + " bước khớp tìm kiếm"));
        look("audit-search-results");
        List<WebElement> rows = browser.findElements(By.cssSelector("table.audit-results tbody tr"));
        assertThat(rows).hasSize(steps);
        assertThat(rows.getLast().getText()).as("oldest last").contains("Nộp hồ sơ", "Nguyễn Văn An");
        assertThat(rows.getFirst().getText()).as("newest first").contains("Trả kết quả", "Lê Thị Thu");

        click(browser.findElements(By.cssSelector("table.audit-results a[href$='/audit/dossiers/" + code + "']"))
                .getFirst());
        look("audit-trail");
        assertThat(heading()).isEqualTo("Nhật ký ký số của hồ sơ " + code);
        assertThat(browser.findElement(By.id("verdict")).getText())
                .contains("Tất cả " + steps + " sự kiện đã được kiểm chứng");
        List<WebElement> events = browser.findElements(By.cssSelector(".audit-event"));
        assertThat(events).hasSize(steps);
        for (WebElement event : events) {
            assertThat(event.findElement(By.cssSelector(".audit-event__title .tag")).getText())
                    .as(event.getText()).isEqualTo("Chữ ký hợp lệ");
            assertThat(event.findElements(By.cssSelector(".audit-checks .tag")))
                    .as("content, signature, chain link, certificate, checkpoint: " + event.getText())
                    .hasSize(5).allSatisfy(tag -> assertThat(tag.getText()).isEqualTo("Đúng"));
        }
        assertThat(events.getFirst().getText()).contains("1. Nộp hồ sơ", "Nguyễn Văn An", "Công dân, tổ chức",
                "con dấu số của cơ quan");
        assertThat(events.get(1).getText()).contains("Tiếp nhận hồ sơ", "Lê Thị Thu", "Cán bộ Bộ phận Một cửa",
                "Sở Y tế", "chữ ký cá nhân của cán bộ", "UID=reception-hn");
        assertThat(text()).contains("Điểm kiểm xác nhận các sự kiện này", "Hợp lệ");

        clearDownloads();
        click("Tải gói nhật ký (JSON)");
        Path file = downloaded("motcua-audit-" + Pattern.quote(code) + "\\.json");
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes[0]).as("a JSON document").isEqualTo((byte) '{');
        JsonNode pack = new ObjectMapper().readTree(bytes);
        assertThat(pack.path("format").asText()).isEqualTo("motcua-audit-package/1");
        assertThat(pack.path("aggregateId").asText()).isEqualTo(code);
        assertThat(pack.path("exportedBy").asText()).isEqualTo("inspector");
        assertThat(pack.path("events")).hasSize(steps);
        // and it verifies offline, as the note says, against the root certificate the note links to
        Path root = dir.resolve("root.pem");
        Files.writeString(root, anonymous().get("/api/v1/pki/root-ca.pem").text());
        OfflineVerifier.Run verified = OfflineVerifier.run("package", file.toString(), "--trust-anchor",
                root.toString());
        assertThat(verified.exit()).as(verified.out()).isZero();
        assertThat(verified.out()).contains("VALID package of dossier " + code);

        click("Cách kiểm chứng gói nhật ký ngoại tuyến");
        look("audit-offline");
        assertThat(heading()).isEqualTo("Kiểm chứng ngoại tuyến");
        assertThat(text()).contains("motcua-audit-package/1",
                "java -jar motcua-verifier.jar package motcua-audit-<mã hồ sơ>.json --trust-anchor root.pem",
                "./mvnw -q -pl workflow-engine -am install -DskipTests");

        // what the inspector read here is on the record, as their reads through the API are
        assertThat(jdbc.queryForObject("select count(*) from inspector_access_log where user_id = 'inspector'"
                + " and path = ? and status = 200", Integer.class, "/audit/dossiers/" + code)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from inspector_access_log where user_id = 'inspector'"
                + " and path = ? and status = 200", Integer.class, "/api/v1/audit/dossiers/" + code + "/package"))
                .isEqualTo(1);

        click("English");
        look("audit-offline-english");
        assertThat(heading()).isEqualTo("Offline verification");
        open("/audit/dossiers/" + code);
        look("audit-trail-english");
        assertThat(browser.findElement(By.id("verdict")).getText()).contains("All " + steps + " events verified");
        open("/audit?lang=vi");
    }

    @Test
    void anInspectorReadsTheSignedTrailOfAnOfficialDocument() {
        Api.Response created = as("specialist-hn").multipart("/api/v1/documents/outgoing", parts -> {
            parts.part("document", """
                    {"metadata":{"subject":"Quyết định thanh tra cơ sở bán lẻ thuốc","type":"DECISION",
                     "urgency":"NORMAL","secrecy":"NONE","pageCount":1,"signerPosition":"Phó Giám đốc",
                     "signerName":"Đặng Quốc Việt","issuerAbbreviation":"SYT",
                     "recipients":[{"id":"000.00.16.H26.VP","name":"Văn phòng Sở","kind":"INTERNAL_UNIT"}]}}""",
                    MediaType.APPLICATION_JSON);
            parts.part("file", Api.file("du-thao.pdf", pdf("Du thao quyet dinh")), MediaType.APPLICATION_PDF);
        });
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("documentId").asText();
        checkpoints.checkpointNow();
        int steps = events(id);

        signIn("inspector");
        open("/audit?type=document&id=" + id);
        eventually(30, () -> text().contains(steps + " bước khớp tìm kiếm"));
        look("audit-search-document");
        assertThat(text()).contains("Soạn thảo văn bản", "Phạm Minh Đức");
        click(browser.findElements(By.cssSelector("table.audit-results a[href$='/audit/documents/" + id + "']"))
                .getFirst());
        look("audit-trail-document");
        assertThat(heading()).isEqualTo("Nhật ký ký số của văn bản " + id);
        assertThat(browser.findElement(By.id("verdict")).getText())
                .contains("Tất cả " + steps + " sự kiện đã được kiểm chứng");
        assertThat(browser.findElements(By.cssSelector(".audit-event__title .tag"))).hasSize(steps)
                .allSatisfy(tag -> assertThat(tag.getText()).isEqualTo("Chữ ký hợp lệ"));
    }

    /**
     * A dossier that does not exist is "not found" in Vietnamese, and a citizen who opens the inspector's pages is
     * told they may not, on the web front's error page (in the frame of every page: their name, the language).
     */
    @Test
    void aMissingTrailIsNotFoundAndACitizenIsToldTheyMayNotOpenTheAuditPages() {
        signIn("inspector");
        openErrorPage("/audit/dossiers/000.00.16.H26-991231-9999", 404);
        look("audit-trail-unknown");
        assertThat(heading()).isEqualTo("Không tìm thấy");
        assertThat(text()).contains("Không tìm thấy hồ sơ 000.00.16.H26-991231-9999");
        signOut();

        signIn("citizen-a");
        openErrorPage("/audit", 403);
        look("audit-forbidden");
        assertThat(heading()).isEqualTo("Bạn không có quyền thực hiện việc này");
        assertThat(browser.findElement(By.cssSelector(".site-header__person")).getText()).isEqualTo("Nguyễn Văn An");
    }
}
