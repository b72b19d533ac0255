package vn.motcua.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.BrowserJourney;

/**
 * The officials' pages in a real browser: the one inbox with its counters and deadline tags, the dossier page with its
 * document preview, and every step of a cosmetic notification decided through the page's forms by the official of
 * that step (reception, specialist, unit head, leader, clerk, reception again); the dossier of another province is a
 * 404; the leader's dashboard shows the report's numbers in charts and tables.
 */
class OfficialJourneyTest extends BrowserJourney {

    @Test
    void aDossierIsDecidedStepByStepByTheOfficialsInTheirBrowsers() throws Exception {
        String code = submitted("citizen-a");

        signIn("reception-hn");
        open("/work");
        look("inbox");
        assertThat(heading()).isEqualTo("Công việc của tôi");
        assertThat(counter("Tổng số việc")).isPositive();
        assertThat(row(code).getText()).contains("Nguyễn Văn An", "Tiếp nhận hồ sơ", "Chưa tính hạn");

        field("q").sendKeys(code);
        click("Lọc");
        look("inbox-searched");
        assertThat(browser.getCurrentUrl()).contains("q=" + code);
        assertThat(browser.findElements(By.cssSelector("tbody tr"))).hasSize(1);
        click(code);

        look("dossier-at-reception");
        assertThat(heading()).isEqualTo(code);
        assertThat(status()).isEqualTo("Mới đăng ký");
        WebElement page = browser.findElement(By.cssSelector(".pdf-preview img"));
        assertThat(page.getDomAttribute("alt")).isEqualTo("Trang 1 của phieu-cong-bo.pdf");
        assertThat((Long) ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth", page))
                .as("the first page is drawn").isPositive();
        String open = control("Mở phieu-cong-bo.pdf (PDF) trong thẻ mới").getDomProperty("href");
        String framed = (String) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + '|'
                    + r.headers.get('content-type') + '|' + r.headers.get('content-disposition') + '|'
                    + new TextDecoder().decode(new Uint8Array(b).slice(0, 5)))));""", open);
        assertThat(framed).startsWith("200|application/pdf|inline;").endsWith("|%PDF-");

        choose("Yêu cầu bổ sung hồ sơ");
        click("Ghi quyết định");
        look("supplement-without-items");
        WebElement summary = browser.findElement(By.cssSelector(".error-summary"));
        assertThat(summary.getText()).contains("Có lỗi cần sửa", "Nêu ít nhất một giấy tờ cần bổ sung");
        assertThat(browser.switchTo().activeElement()).as("the error summary is read first").isEqualTo(summary);
        String target = summary.findElement(By.tagName("a")).getDomAttribute("href");
        assertThat(browser.findElement(By.id(target.substring(1))).getDomAttribute("name"))
                .as("the error links to the first item's field").isEqualTo("itemName");

        List<WebElement> names = browser.findElements(By.name("itemName"));
        List<WebElement> reasons = browser.findElements(By.name("itemReason"));
        names.get(0).sendKeys("Giấy ủy quyền của nhà sản xuất");
        reasons.get(0).sendKeys("Người nộp không phải nhà sản xuất");
        names.get(1).sendKeys("Phiếu công bố có chữ ký");
        reasons.get(1).sendKeys("Bản đã nộp chưa ký");
        field("comment").sendKeys("Hồ sơ thiếu hai giấy tờ");
        click("Ghi quyết định");
        look("supplement-requested");
        assertThat(notice()).contains(code);
        assertThat(status()).isEqualTo("Chờ bổ sung");
        assertThat(timeline()).contains("Yêu cầu bổ sung hồ sơ",
                "Giấy ủy quyền của nhà sản xuất – Người nộp không phải nhà sản xuất",
                "Phiếu công bố có chữ ký – Bản đã nộp chưa ký");

        Api.Response supplied = as("citizen-a").multipart("/api/v1/dossiers/" + code + "/supplement", parts -> {
            parts.part("files", Api.file("giay-uy-quyen.pdf", pdf("Giay uy quyen")), MediaType.APPLICATION_PDF);
            parts.part("comment", "Bổ sung giấy ủy quyền và phiếu đã ký");
        });
        assertThat(supplied.status()).as(supplied.toString()).isEqualTo(200);
        open("/work/dossiers/" + code);
        look("supplemented");
        assertThat(timeline()).contains("Nộp bổ sung hồ sơ");
        click("Xem trước giay-uy-quyen.pdf");
        look("supplement-previewed");
        assertThat(browser.findElement(By.cssSelector(".pdf-preview img")).getDomAttribute("alt"))
                .isEqualTo("Trang 1 của giay-uy-quyen.pdf");
        decideInPage("Tiếp nhận hồ sơ", "Hồ sơ đã đầy đủ, hợp lệ", "accepted");
        assertThat(status()).isEqualTo("Chờ nộp phí, lệ phí");
        assertThat(timeline()).contains("Tiếp nhận hồ sơ, hẹn trả kết quả");
        assertThat(summaryValue("Phí, lệ phí")).contains("Chưa nộp");

        pay(code, "citizen-a");
        signInAs("specialist-hn");
        open("/work");
        look("specialist-inbox");
        assertThat(row(code).getText()).contains("Thẩm định", "Đúng hạn");
        click(code);
        look("dossier-at-appraisal");
        assertThat(summaryValue("Phí, lệ phí")).contains("Đã nộp");
        click("Nhận xử lý bước: Thẩm định");
        look("appraisal-taken");
        assertThat(notice()).isEqualTo("Bạn đã nhận xử lý hồ sơ " + code + ".");
        assertThat(summaryValue("Chuyên viên xử lý")).startsWith("Phạm Minh Đức");
        assertThat(status()).isEqualTo("Đang thẩm định");
        decideInPage("Đạt yêu cầu", "Hồ sơ đạt yêu cầu", "appraised");
        assertThat(status()).isEqualTo("Đã thẩm định, chờ phê duyệt");
        assertThat(timeline()).contains("Thẩm định hồ sơ");

        signInAs("unit-head-hn");
        open("/work/dossiers/" + code);
        look("dossier-at-result-review");
        decideInPage("Đồng ý, trình lãnh đạo ký", "Đồng ý, trình lãnh đạo ký", "reviewed");
        assertThat(timeline()).contains("Trưởng đơn vị kiểm tra, trình lãnh đạo");

        signInAs("leader-hn");
        open("/work/dossiers/" + code);
        look("dossier-at-approval");
        decideInPage("Phê duyệt và ký", "Cấp số tiếp nhận Phiếu công bố", "approved");
        assertThat(status()).isEqualTo("Đã phê duyệt, chờ trả kết quả");
        assertThat(timeline()).contains("Phê duyệt kết quả");

        signInAs("clerk-hn");
        open("/work/dossiers/" + code);
        look("dossier-at-issue");
        decideInPage("Cấp số, đóng dấu và phát hành", "", "issued");
        String symbol = issuedSymbol(code);
        assertThat(browser.findElement(By.cssSelector(".result-number")).getText()).isEqualTo(symbol);
        assertThat(summaryValue("Người ký")).isNotBlank();
        assertThat(timeline()).contains("Cấp số, đóng dấu, phát hành kết quả " + symbol);

        signInAs("reception-hn");
        open("/work/dossiers/" + code);
        look("dossier-at-return");
        decideInPage("Trả kết quả cho người nộp", "Trả kết quả trực tuyến", "returned");
        assertThat(status()).isEqualTo("Đã trả kết quả");
        assertThat(timeline()).contains("Trả kết quả");
        assertThat(text()).contains("Hồ sơ không có bước nào đang chờ bạn xử lý.");
        clearDownloads();
        click("Tải kết quả đã ký số (PDF)");
        byte[] result = Files.readAllBytes(downloaded(".*\\.pdf"));
        assertThat(new String(result, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        open("/work/dossiers/" + code + "?lang=en");
        look("returned-in-english");
        assertThat(status()).isEqualTo("Result returned");
        assertThat(timeline()).contains("Result numbered, sealed and issued", "Supplement requested");
        assertThat(summaryValue("Number and symbol")).isEqualTo(symbol);
        open("/work?lang=vi");
        look("inbox-after-return");
        assertThat(browser.findElements(By.cssSelector("tr[data-reference='" + code + "']"))).isEmpty();

        signInAs("specialist-hcm");
        openErrorPage("/work/dossiers/" + code, 404);
        look("other-province-not-found");
        assertThat(text()).contains("Không tìm thấy").doesNotContain("Nguyễn Văn An");
        openErrorPage("/work/dossiers/" + code + "/documents/" + "0".repeat(64), 404);
    }

    @Test
    void theLeaderSeesTheReportOfThePeriodAsChartsAndTables() {
        decidedAndReturned("citizen-a");
        signIn("leader-hn");
        open("/dashboard");
        look("dashboard");
        assertThat(heading()).isEqualTo("Tình hình giải quyết hồ sơ");
        WebElement section = browser.findElement(By.cssSelector("section.dashboard"));
        String from = section.getDomAttribute("data-from");
        String to = section.getDomAttribute("data-to");
        eventually(20, () -> tableTotals().equals(apiTotals(from, to)) && tableTotals().getFirst() > 0);
        assertThat(browser.findElement(By.id("chart-rate-procedure")).getTagName()).isEqualTo("canvas");
        assertThat((Boolean) ((JavascriptExecutor) browser).executeScript("return typeof Chart !== 'undefined'"
                + " && Chart.getChart(document.getElementById('chart-workload-procedure')) !== undefined")).isTrue();
        assertThat(browser.findElement(By.id("table-unit")).getText()).contains("Tổng cộng");

        new org.openqa.selenium.support.ui.Select(field("month")).selectByValue(String.valueOf(
                java.time.LocalDate.parse(to).getMonthValue()));
        click("Xem số liệu");
        look("dashboard-month");
        assertThat(browser.getCurrentUrl()).contains("month=");
        WebElement monthly = browser.findElement(By.cssSelector("section.dashboard"));
        assertThat(tableTotals()).isEqualTo(apiTotals(monthly.getDomAttribute("data-from"),
                monthly.getDomAttribute("data-to")));
    }

    private List<Long> tableTotals() {
        return browser.findElements(By.cssSelector("#table-procedure tfoot td")).stream().limit(5)
                .map(cell -> Long.parseLong(cell.getText().strip())).toList();
    }

    private List<Long> apiTotals(String from, String to) {
        Api.Response report = as("leader-hn").get("/api/v1/reports/summary?from=" + from + "&to=" + to);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        JsonNode total = report.json().get("total");
        return List.of(total.get("received").asLong(), total.get("finishedOnTime").asLong(),
                total.get("finishedLate").asLong(), total.get("inProgress").asLong(),
                total.get("withdrawnOrStopped").asLong());
    }

    private WebElement row(String code) {
        return browser.findElement(By.cssSelector("tr[data-reference='" + code + "']"));
    }

    private long counter(String label) {
        WebElement counter = browser.findElement(By.xpath("//li[contains(@class,'counter')][normalize-space(span[2])='"
                + label + "']"));
        return Long.parseLong(counter.findElement(By.className("counter__value")).getText());
    }

    private String issuedSymbol(String code) {
        for (JsonNode step : as("inspector").get("/api/v1/dossiers/" + code + "/history").json()) {
            if (step.get("type").asText().equals("ResultIssued")) {
                return step.path("details").path("symbol").asText();
            }
        }
        throw new AssertionError("no ResultIssued step for " + code);
    }
}
