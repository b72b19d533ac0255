package vn.motcua.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.engine.audit.Checkpointer;
import vn.motcua.eoffice.result.ResultVerificationCodes;
import vn.motcua.portal.support.BrowserJourney;

/**
 * One dossier from the application to the verified trail with every person in their own browser and nobody
 * touching the API: the citizen applies with an attachment and downloads the receipt; reception asks for a
 * supplement and the citizen supplies it; reception accepts; the citizen pays through the sandbox gateway; the
 * specialist appraises, the unit head checks, the leader approves and signs, the clerk numbers and issues, reception
 * returns; the citizen downloads the signed result and checks it on the public page; the inspector finds the trail
 * with every event verified (Decree 61/2018 and Decree 45/2020: the whole one-stop path, online end to end).
 */
class DossierJourneyTest extends BrowserJourney {

    @Autowired
    Checkpointer checkpoints;

    @Autowired
    ResultVerificationCodes verificationCodes;

    @Test
    void aDossierGoesFromTheApplicationToAVerifiedTrailThroughThePagesAlone() {
        signIn("citizen-b");
        open("/procedures/" + COSMETICS);
        click("Nộp hồ sơ trực tuyến");
        click(field("unitId"));
        type("applicant-idNumber", "001199004321");
        type("applicant-phone", "0987654321");
        type("applicant-email", "binh@example.vn");
        type("applicant-address", "Số 8 Lê Thánh Tông, Hà Nội");
        type("f-productName", "Sữa rửa mặt Trà Xanh");
        type("f-brand", "Trà Xanh");
        type("f-ingredients-0-name", "Aqua");
        type("f-ingredients-0-concentrationPercent", "70");
        field("files").sendKeys(file("phieu-cong-bo.pdf", pdf("Phieu cong bo Sua rua mat Tra Xanh")));
        click("Tiếp tục");
        look("check-answers");
        click("Đồng ý và gửi hồ sơ");
        look("submitted");
        String code = browser.findElement(By.cssSelector(".citizen-code")).getText();
        assertThat(code).startsWith(HANOI + "-");

        signInAs("reception-hn");
        open("/work");
        click(code);
        look("at-reception");
        choose("Yêu cầu bổ sung hồ sơ");
        browser.findElements(By.name("itemName")).getFirst().sendKeys("Giấy ủy quyền của nhà sản xuất");
        browser.findElements(By.name("itemReason")).getFirst().sendKeys("Người nộp không phải nhà sản xuất");
        click("Ghi quyết định");
        look("supplement-requested");
        assertThat(status()).isEqualTo("Chờ bổ sung");

        signInAs("citizen-b");
        open("/my/dossiers/" + code);
        look("supplement-asked");
        assertThat(text()).contains("Giấy ủy quyền của nhà sản xuất");
        field("supplement-files").sendKeys(file("giay-uy-quyen.pdf", pdf("Giay uy quyen cua nha san xuat")));
        field("supplement-comment").sendKeys("Gửi giấy ủy quyền");
        click("Gửi bổ sung");
        look("supplement-sent");

        signInAs("reception-hn");
        open("/work/dossiers/" + code);
        decideInPage("Tiếp nhận hồ sơ", "Hồ sơ đã đầy đủ", "accepted");
        assertThat(status()).isEqualTo("Chờ nộp phí, lệ phí");

        signInAs("citizen-b");
        open("/my/dossiers/" + code);
        clearDownloads();
        click("Tải giấy tiếp nhận và hẹn trả kết quả (Mẫu 01, PDF)");
        assertThat(startOf(downloaded(".*mau-01\\.pdf"))).isEqualTo("%PDF");
        click("Thanh toán trực tuyến");
        assertThat(browser.getPageSource()).contains("CỔNG THANH TOÁN THỬ NGHIỆM", code, "500.000 ₫");
        click(By.cssSelector("button[value=pay]"));
        click(By.partialLinkText("Quay lại hồ sơ"));
        eventually(15, () -> text().contains("Đã thanh toán phí, lệ phí"));
        look("paid");

        signInAs("specialist-hn");
        open("/work/dossiers/" + code);
        click("Nhận xử lý bước: Thẩm định");
        decideInPage("Đạt yêu cầu", "Sản phẩm đáp ứng yêu cầu", "appraised");
        signInAs("unit-head-hn");
        open("/work/dossiers/" + code);
        decideInPage("Đồng ý, trình lãnh đạo ký", "Trình ký", "checked");
        signInAs("leader-hn");
        open("/work/dossiers/" + code);
        decideInPage("Phê duyệt và ký", "Đồng ý cấp", "signed");
        signInAs("clerk-hn");
        open("/work/dossiers/" + code);
        decideInPage("Cấp số, đóng dấu và phát hành", "", "issued");
        String number = browser.findElement(By.cssSelector(".result-number")).getText();
        signInAs("reception-hn");
        open("/work/dossiers/" + code);
        decideInPage("Trả kết quả cho người nộp", "Trả kết quả trực tuyến", "returned");
        assertThat(status()).isEqualTo("Đã trả kết quả");

        signInAs("citizen-b");
        open("/my/dossiers/" + code);
        look("result");
        assertThat(text()).contains("Đã trả kết quả", number);
        clearDownloads();
        click("Tải kết quả đã ký số (PDF)");
        String result = downloaded(".*\\.pdf").toAbsolutePath().toString();
        assertThat(startOf(java.nio.file.Path.of(result))).isEqualTo("%PDF");

        signOut();
        open("/verify");
        field("up-code").sendKeys(code);
        field("up-v").sendKeys(verificationCodes.of(code).orElseThrow()); // printed on the result ("Mã kiểm tra")
        field("file").sendKeys(result);
        click("So sánh");
        look("result-checked");
        assertThat(text()).contains("trùng khớp từng byte");

        checkpoints.checkpointNow();
        int steps = events(code);

        signIn("inspector");
        open("/audit");
        field("dossier").sendKeys(code);
        click(By.cssSelector("form.audit-filters button[type=submit]"));
        eventually(30, () -> text().contains(steps + " bước khớp tìm kiếm"));
        look("audit-search");
        click(browser.findElements(By.cssSelector("table.audit-results a[href$='/audit/dossiers/" + code + "']"))
                .getFirst());
        look("audit-trail");
        assertThat(browser.findElement(By.id("verdict")).getText())
                .contains("Tất cả " + steps + " sự kiện đã được kiểm chứng");
        List<WebElement> badges = browser.findElements(By.cssSelector(".audit-event__title .tag"));
        assertThat(badges).hasSize(steps).allSatisfy(badge -> assertThat(badge.getText()).isEqualTo("Chữ ký hợp lệ"));
        assertThat(text()).contains("2. Yêu cầu bổ sung hồ sơ", "3. Nộp bổ sung hồ sơ", "6. Đã nộp phí, lệ phí",
                "11. Cấp số, đóng dấu, phát hành kết quả", steps + ". Trả kết quả");
    }

    private void type(String field, String value) {
        field(field).clear();
        field(field).sendKeys(value);
    }
}
