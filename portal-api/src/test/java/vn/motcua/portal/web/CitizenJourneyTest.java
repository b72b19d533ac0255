package vn.motcua.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.eoffice.result.ResultVerificationCodes;
import vn.motcua.portal.support.BrowserJourney;

/**
 * A citizen's journeys in a real browser: finding the cosmetics procedure, applying with a PDF (and the errors a
 * person makes on the way), the receipt; answering a supplement request and paying through the sandbox provider;
 * downloading the signed result and rating the service; and the public lookup and result check, signed out.
 */
class CitizenJourneyTest extends BrowserJourney {

    @Autowired
    ResultVerificationCodes verificationCodes;

    @Test
    void aCitizenFindsTheProcedureAppliesWithAPdfAndGetsTheReceipt() {
        signIn("citizen-a");
        open("/procedures");
        look("catalogue");
        field("q").sendKeys("my pham trong nuoc");
        click(By.cssSelector("form.search-form button[type=submit]"));
        look("catalogue-search");
        assertThat(text()).contains("Tìm thấy 1 thủ tục")
                .contains("Cấp số tiếp nhận Phiếu công bố sản phẩm mỹ phẩm sản xuất trong nước");
        click("Cấp số tiếp nhận Phiếu công bố sản phẩm mỹ phẩm sản xuất trong nước");
        look("procedure");
        assertThat(text()).contains("1.002600", "3 ngày làm việc", "500.000 ₫", "Thông tư 06/2011/TT-BYT",
                "Giấy ủy quyền của nhà sản xuất");

        click("Nộp hồ sơ trực tuyến");
        look("apply");
        assertThat(field("applicant-fullName").getDomProperty("value")).as("prefilled from the identity")
                .isEqualTo("Nguyễn Văn An");
        click(field("unitId"));
        field("applicant-idNumber").clear();
        field("applicant-idNumber").sendKeys("001099012345");
        field("applicant-phone").clear();
        field("applicant-phone").sendKeys("0912345678");
        field("applicant-email").clear();
        field("applicant-email").sendKeys("an@example.vn");
        field("applicant-address").clear();
        field("applicant-address").sendKeys("Số 1 Tràng Tiền, Hà Nội");
        field("f-brand").sendKeys("Sen Việt");
        field("f-ingredients-0-name").sendKeys("Aqua");
        field("f-ingredients-0-concentrationPercent").sendKeys("80");
        field("files").sendKeys(file("khong-phai-pdf.pdf", "this is not a PDF".getBytes(StandardCharsets.UTF_8)));
        click("Tiếp tục");
        look("apply-errors");
        String summary = browser.findElement(By.cssSelector(".error-summary")).getText();
        assertThat(summary).contains("Tên sản phẩm").contains("khong-phai-pdf.pdf");
        assertThat(browser.findElement(By.cssSelector(".field--error #f-productName")).isDisplayed()).isTrue();
        click(browser.findElement(By.cssSelector(".error-summary a[href='#f-productName']")));
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("f-productName");
        assertThat(field("f-brand").getDomProperty("value")).as("what was typed is kept").isEqualTo("Sen Việt");

        field("f-productName").sendKeys("Kem dưỡng da Sen Việt");
        field("files").sendKeys(file("phieu-cong-bo.pdf", pdf("Phieu cong bo san pham my pham")));
        click("Tiếp tục");
        look("check-answers");
        assertThat(heading()).isEqualTo("Kiểm tra thông tin trước khi gửi");
        assertThat(text()).contains("Sở Y tế Hà Nội", "001099012345", "Kem dưỡng da Sen Việt", "Aqua – 80",
                "phieu-cong-bo.pdf");

        click(browser.findElement(By.cssSelector("a[href$='#f-productName']")));
        look("change-answer");
        assertThat(text()).as("the attachment is kept, nothing to upload again").contains("phieu-cong-bo.pdf");
        field("f-productName").clear();
        field("f-productName").sendKeys("Kem dưỡng ẩm Sen Việt");
        click("Tiếp tục");
        assertThat(text()).contains("Kem dưỡng ẩm Sen Việt");
        click("Đồng ý và gửi hồ sơ");
        look("submitted");
        assertThat(heading()).isEqualTo("Đã gửi hồ sơ");
        String code = browser.findElement(By.cssSelector(".citizen-code")).getText();
        assertThat(code).startsWith(HANOI + "-");

        decideOk("reception-hn", code, "reception", """
                {"outcome":"ACCEPT","comment":"Hồ sơ hợp lệ"}""");
        click("Theo dõi hồ sơ này");
        look("dossier-accepted");
        assertThat(text()).contains("Chờ nộp phí", "Tiếp nhận hồ sơ, hẹn trả kết quả", "phieu-cong-bo.pdf");
        clearDownloads();
        click("Tải giấy tiếp nhận và hẹn trả kết quả (Mẫu 01, PDF)");
        assertThat(startOf(downloaded(".*mau-01\\.pdf"))).isEqualTo("%PDF");

        open("/my/dossiers");
        look("my-dossiers");
        assertThat(browser.findElement(By.cssSelector("table")).getText()).contains(code, "Chờ nộp phí");
    }

    @Test
    void aCitizenAnswersASupplementRequestAndPaysOnline() {
        String code = submitted("citizen-a");
        decideOk("reception-hn", code, "reception", """
                {"outcome":"REQUEST_SUPPLEMENT","comment":"Thiếu giấy ủy quyền","items":["Giấy ủy quyền"]}""");
        signIn("citizen-a");
        open("/my/dossiers/" + code);
        look("supplement-requested");
        assertThat(text()).contains("Cần bổ sung", "Thiếu giấy ủy quyền", "Giấy ủy quyền");
        field("supplement-files").sendKeys(file("giay-uy-quyen.pdf", pdf("Giay uy quyen")));
        field("supplement-comment").sendKeys("Gửi bổ sung giấy ủy quyền");
        click("Gửi bổ sung");
        look("supplement-sent");
        assertThat(text()).contains("Đã gửi giấy tờ bổ sung", "giay-uy-quyen.pdf");

        decideOk("reception-hn", code, "reception", """
                {"outcome":"ACCEPT","comment":"Hồ sơ hợp lệ"}""");
        open("/my/dossiers/" + code);
        look("fee-to-pay");
        assertThat(text()).contains("Chờ nộp phí", "500.000 ₫", "Chưa thanh toán");
        click("Thanh toán trực tuyến");
        assertThat(browser.getPageSource()).contains("CỔNG THANH TOÁN THỬ NGHIỆM", code);
        click(By.cssSelector("button[value=pay]"));
        click(By.partialLinkText("Quay lại hồ sơ"));
        eventually(10, () -> text().contains("Đã thanh toán phí, lệ phí"));
        look("paid");
        assertThat(text()).contains("Đã tiếp nhận", "Đã thanh toán").doesNotContain("Thanh toán trực tuyến");

        String another = submitted("citizen-a");
        open("/my/dossiers/" + another);
        click(browser.findElement(By.cssSelector("#withdraw summary")));
        look("withdraw");
        field("withdraw-reason").sendKeys("Nộp nhầm thủ tục");
        browser.findElement(By.cssSelector("#withdraw button[type=submit]")).click();
        browser.switchTo().alert().accept();
        eventually(10, () -> text().contains("Đã rút hồ sơ."));
        look("withdrawn");
        assertThat(text()).contains("Đã rút", "Nộp nhầm thủ tục");
        assertThat(browser.findElements(By.id("withdraw"))).as("nothing more to withdraw").isEmpty();
    }

    @Test
    void aCitizenDownloadsTheSignedResultAndRatesTheService() {
        String code = decidedAndReturned("citizen-a");
        signIn("citizen-a");
        open("/my/dossiers/" + code);
        look("result-returned");
        assertThat(text()).contains("Đã trả kết quả");
        clearDownloads();
        click("Tải kết quả đã ký số (PDF)");
        assertThat(startOf(downloaded(".*\\.pdf"))).isEqualTo("%PDF");

        click("Gửi đánh giá");
        look("rating-missing");
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText())
                .contains("Chọn mức độ hài lòng của bạn");
        click(browser.findElement(By.cssSelector("label[for=score-4]")));
        field("rating-comment").sendKeys("Nhanh, đúng hẹn");
        click("Gửi đánh giá");
        look("rated");
        assertThat(text()).contains("Cảm ơn bạn đã đánh giá", "Đánh giá mức độ hài lòng");
        assertThat(browser.findElements(By.id("rating"))).isEmpty();
    }

    @Test
    void anyoneLooksUpADossierAndChecksAResult() throws IOException {
        String code = decidedAndReturned("citizen-b");
        String verification = verificationCodes.of(code).orElseThrow();
        byte[] result = as("citizen-b").get("/api/v1/dossiers/" + code + "/result").bytes();

        open("/lookup");
        look("lookup");
        field("code").sendKeys(code);
        field("phoneOrIdNumber").sendKeys("0900000000");
        click("Tra cứu");
        look("lookup-not-found");
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText()).contains("Không có hồ sơ khớp");
        field("phoneOrIdNumber").clear();
        field("phoneOrIdNumber").sendKeys("0912345678");
        click("Tra cứu");
        long until = System.nanoTime() + 15_000_000_000L;
        while (!text().contains("Đã trả kết quả") && System.nanoTime() < until) {
            // the search index lags the dossier by a moment; at most 10 tries, within the limit of 20 a minute
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            click("Tra cứu");
        }
        assertThat(browser.getCurrentUrl()).as("the phone number is not in the address").doesNotContain("0912345678");
        look("lookup-found");
        assertThat(text()).contains("Cấp số tiếp nhận Phiếu công bố sản phẩm mỹ phẩm");

        open("/verify");
        look("verify");
        field("code").sendKeys(code);
        field("v").sendKeys("WRONG");
        click("Kiểm tra");
        look("verify-not-found");
        assertThat(text()).contains("Không có kết quả điện tử nào khớp");
        open("/verify/" + code + "?v=" + verification);
        look("verify-by-qr");
        assertThat(text()).contains("Kết quả điện tử hợp lệ", code);

        field("up-code").sendKeys(code);
        field("up-v").sendKeys(verification);
        field("file").sendKeys(file("ket-qua.pdf", result));
        click("So sánh");
        look("verify-copy");
        assertThat(text()).contains("trùng khớp từng byte");
    }

    @Test
    void everyProcedureOffersItsApplicationFormDrawnFromItsSchema() {
        String someoneElses = submitted("citizen-a");
        signIn("citizen-b");
        openErrorPage("/my/dossiers/" + someoneElses, 404);
        // no look(): an error page raised by an exception lacks the frame's lang attribute (WebErrors, reported)
        assertThat(text()).as("another applicant's dossier is as unknown as a missing one")
                .contains("Không tìm thấy").doesNotContain("Nguyễn Văn An");
        openErrorPage("/my/dossiers/" + someoneElses + "/receipt", 404);
        openErrorPage("/my/apply/NO.SUCH.PROCEDURE", 404);
        submitted("citizen-b");
        open("/my/apply/BYT.KCB.01");
        assertThat(field("applicant-phone").getDomProperty("value")).as("from the latest dossier")
                .isEqualTo("0912345678");
        for (com.fasterxml.jackson.databind.JsonNode procedure : as("citizen-b").get("/api/v1/procedures").json()) {
            String code = procedure.get("code").asText();
            open("/my/apply/" + code);
            look("apply-" + code);
            assertThat(heading()).isEqualTo("Nộp hồ sơ trực tuyến");
            assertThat(text()).contains(procedure.get("name").asText());
        }
        open("/my/apply/BYT.DUOC.02");
        assertThat(browser.findElement(By.id("f-reason")).getText()).as("codes shown in words").contains("Bị mất");
        open("/procedures/BYT.DUOC.03?lang=en");
        look("procedure-in-english");
        assertThat(text()).contains("Documents required", "Apply online");
        click("Apply online");
        look("apply-in-english");
        assertThat(heading()).isEqualTo("Apply online");
        click("Continue");
        look("apply-errors-in-english");
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText())
                .contains("There is a problem", "Choose where to apply", "“Tên cơ sở bán lẻ thuốc” is required",
                        "“Người chịu trách nhiệm chuyên môn về dược” is required", "Attach at least one PDF document");
        assertThat(browser.findElements(By.cssSelector(".error-summary a[href='#f-responsiblePharmacist-fullName']")))
                .as("a group left out links to its first field").hasSize(1);
    }
}
