package vn.motcua.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.engine.audit.crypto.DevPki;
import vn.motcua.engine.audit.crypto.Signer;
import vn.motcua.eoffice.signing.PadesSigner;
import vn.motcua.portal.support.BrowserJourney;

/**
 * An incoming document through the e-office pages (Decree 30/2020/ND-CP Art. 22–24): the clerk registers it with its
 * signed PDF (after a first try without its summary) and sees its arrival number on the confirmation and in the
 * register of incoming documents, then presents it to the leader; the leader gives instructions (lead unit, deadline);
 * the head of the lead unit finds it, previews its PDF and assigns the handler with a due date, and the page shows it
 * assigned; a clerk of another unit gets the page of an unknown document.
 */
class EofficeJourneyTest extends BrowserJourney {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String BYT = "000.00.00.G01";

    @Autowired
    private PadesSigner pades;
    @Autowired
    private DevPki pki;

    @Test
    void anIncomingDocumentIsRegisteredPresentedInstructedAndAssigned() throws IOException {
        String numberSymbol = "%d/BYT-QLD".formatted(System.nanoTime() % 100000);
        String subject = "Về việc rà soát cơ sở bán lẻ thuốc " + numberSymbol;
        Path signed = signedPdf(numberSymbol);
        LocalDate today = LocalDate.now(VIETNAM);

        signIn("clerk-hn");
        open("/eoffice");
        look("documents-of-the-clerk");
        assertThat(heading()).isEqualTo("Văn bản của đơn vị");
        click("Vào sổ văn bản đến");
        look("register-incoming");
        assertThat(heading()).isEqualTo("Vào sổ văn bản đến");
        field("senderName").sendKeys("Bộ Y tế");
        field("numberSymbol").sendKeys(numberSymbol);
        field("issuedOn").sendKeys(DAY.format(today.minusDays(1)));
        new Select(field("type")).selectByVisibleText("Công văn");
        click(By.cssSelector("label[for='urgency-URGENT']"));
        field("pageCount").sendKeys("2");
        field("file").sendKeys(signed.toAbsolutePath().toString());
        click("Vào sổ");
        look("register-incoming-without-summary");
        WebElement summary = browser.findElement(By.cssSelector(".error-summary"));
        assertThat(summary.getText()).contains("Nhập trích yếu nội dung của văn bản");
        assertThat(summary.findElement(By.linkText("Nhập trích yếu nội dung của văn bản")).getDomAttribute("href"))
                .isEqualTo("#subject");
        assertThat(field("numberSymbol").getDomProperty("value")).as("what was typed stays").isEqualTo(numberSymbol);

        field("subject").sendKeys(subject);
        field("file").sendKeys(signed.toAbsolutePath().toString());
        click("Vào sổ");
        look("registered");
        assertThat(heading()).isEqualTo("Đã vào sổ văn bản đến");
        String arrival = browser.findElement(By.cssSelector(".eoffice-confirmation__reference")).getText();
        assertThat(arrival).isNotBlank();
        assertThat(text()).contains(numberSymbol, subject, "Đã vào sổ văn bản đến");

        click("Sổ văn bản");
        look("registers");
        click("Sổ đăng ký văn bản đến");
        look("register-of-incoming-documents");
        eventually(10, () -> text().contains(numberSymbol));
        WebElement row = browser.findElement(By.xpath("//tr[td[normalize-space()=" + quote(numberSymbol) + "]]"));
        assertThat(row.findElement(By.tagName("th")).getText()).isEqualTo(arrival);
        assertThat(row.getText()).contains("Bộ Y tế", subject);

        click(By.linkText(subject));
        look("document-for-the-clerk");
        String documentPath = browser.getCurrentUrl().substring(base().length());
        assertThat(documentPath).startsWith("/eoffice/documents/");
        new Select(browser.findElement(By.cssSelector("select[name=leaderId]")))
                .selectByValue("leader-hn");
        click("Trình lãnh đạo");
        look("presented");
        assertThat(text()).contains("Đã trình văn bản lên lãnh đạo.", "Đã trình lãnh đạo");
        signOut();

        signIn("leader-hn");
        open(documentPath);
        eventually(10, () -> !browser.findElements(By.cssSelector("select[name=leadUnitId]")).isEmpty());
        look("document-for-the-leader");
        new Select(browser.findElement(By.cssSelector("select[name=leadUnitId]"))).selectByValue(HANOI);
        browser.findElement(By.cssSelector("input[name=deadline]")).sendKeys(DAY.format(today.plusDays(10)));
        browser.findElement(By.cssSelector("textarea[name=comment]"))
                .sendKeys("Giao Phòng Nghiệp vụ Dược chủ trì, báo cáo kết quả");
        click("Cho ý kiến chỉ đạo");
        look("instructed");
        assertThat(text()).contains("Đã cho ý kiến chỉ đạo.", "Đã có ý kiến chỉ đạo",
                "Giao Phòng Nghiệp vụ Dược chủ trì, báo cáo kết quả");
        signOut();

        signIn("unit-head-hn");
        open("/eoffice?direction=INCOMING");
        eventually(10, () -> text().contains(subject) && text().contains("Chờ bạn xử lý"));
        look("documents-of-the-unit-head");
        open("/eoffice?direction=INCOMING&q=" + numberSymbol);
        look("documents-found");
        assertThat(browser.findElements(By.cssSelector("tbody tr"))).hasSize(1);
        click(By.linkText(subject));
        look("document-for-the-unit-head");
        assertThat(browser.getCurrentUrl()).endsWith(documentPath);
        WebElement page = browser.findElement(By.cssSelector(".eoffice-pages img"));
        assertThat(page.getDomAttribute("alt")).isEqualTo("Trang 1 của văn bản");
        assertThat(((Number) browser.executeScript("arguments[0].scrollIntoView(); return arguments[0].naturalWidth",
                page)).intValue()).as("the preview of page 1 is drawn").isGreaterThan(0);
        clearDownloads();
        click("Tải văn bản (PDF)");
        assertThat(new String(Files.readAllBytes(downloaded("van-ban-.*\\.pdf")), 0, 5)).isEqualTo("%PDF-");

        String handlerBox = browser.findElement(By.cssSelector("input[name=dueOn]")).getDomAttribute("id");
        browser.findElement(By.cssSelector("input[name=dueOn]")).sendKeys(DAY.format(today.plusDays(20)));
        click("Phân công");
        look("assignment-refused");
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText()).isNotBlank();
        assertThat(browser.findElement(By.cssSelector(".error-summary a")).getDomAttribute("href"))
                .isEqualTo("#" + handlerBox);

        new Select(browser.findElement(By.cssSelector("select[name=handlerId]"))).selectByValue("specialist-hn");
        WebElement due = browser.findElement(By.cssSelector("input[name=dueOn]"));
        due.clear();
        due.sendKeys(DAY.format(today.plusDays(4)));
        browser.findElement(By.cssSelector("textarea[name=comment]")).sendKeys("Đồng chí Đức rà soát, tham mưu trả lời");
        click("Phân công");
        look("assigned");
        assertThat(text()).contains("Đã phân công xử lý văn bản.", "Đã phân công xử lý", "Phạm Minh Đức",
                DAY.format(today.plusDays(4)), "Lãnh đạo đơn vị phân công xử lý", "Đồng chí Đức rà soát, tham mưu trả lời");
        assertThat(browser.findElement(By.cssSelector("h1 + p .tag")).getText()).isEqualTo("Đã phân công xử lý");
        clearDownloads();
        click("Tải phiếu giải quyết văn bản đến (PDF)");
        assertThat(new String(Files.readAllBytes(downloaded("phieu-giai-quyet-.*\\.pdf")), 0, 5)).isEqualTo("%PDF-");
        open(documentPath + "?lang=en");
        look("assigned-in-english");
        assertThat(text()).contains("Handling assigned", "Handling history", "Lead unit", "Due on")
                .doesNotContain("??");
        open("/eoffice?lang=vi");
        signOut();

        signIn("clerk-hcm");
        openErrorPage(documentPath, 404);
        look("document-of-another-unit");
        assertThat(heading()).isEqualTo("Không tìm thấy");
        assertThat(text()).doesNotContain(subject, numberSymbol);
        openErrorPage("/eoffice/documents/" + java.util.UUID.randomUUID(), 404);
        assertThat(heading()).as("as for a document that does not exist").isEqualTo("Không tìm thấy");
    }

    @Test
    void aSpecialistDraftsAnOutgoingDocumentAndSubmitsItToTheHeadOfUnit() throws IOException {
        long unique = System.nanoTime() % 100000;
        String subject = "Quyết định kiểm tra cơ sở kinh doanh mỹ phẩm " + unique;
        Path draft = Files.createTempFile("du-thao-", ".pdf");
        Files.write(draft, pdf("Du thao quyet dinh kiem tra " + unique));
        draft.toFile().deleteOnExit();

        signIn("specialist-hn");
        open("/eoffice");
        click("Soạn văn bản đi");
        look("draft-outgoing");
        assertThat(heading()).isEqualTo("Soạn văn bản đi");
        click("Tạo dự thảo");
        look("draft-outgoing-empty");
        WebElement summary = browser.findElement(By.cssSelector(".error-summary"));
        assertThat(summary.getText()).contains("Nhập trích yếu nội dung của văn bản", "Chọn loại văn bản",
                "Nhập ít nhất một nơi nhận", "Chọn tệp PDF của dự thảo");
        assertThat(summary.findElement(By.linkText("Nhập ít nhất một nơi nhận")).getDomAttribute("href"))
                .isEqualTo("#recipients0.id");

        field("subject").sendKeys(subject);
        new Select(field("type")).selectByVisibleText("Quyết định");
        field("pageCount").sendKeys("2");
        field("signerPosition").sendKeys("Phó Giám đốc");
        field("signerName").sendKeys("Đặng Quốc Việt");
        field("issuerAbbreviation").sendKeys("SYT");
        field("recipients0.id").sendKeys("000.00.00.G01");
        field("recipients0.name").sendKeys("Bộ Y tế");
        field("file").sendKeys(draft.toAbsolutePath().toString());
        click("Tạo dự thảo");
        look("drafted");
        assertThat(heading()).isEqualTo(subject);
        assertThat(text()).contains("Đã tạo dự thảo.", "Chưa cấp số");
        assertThat(browser.findElement(By.cssSelector("h1 + p .tag")).getText()).isEqualTo("Dự thảo");
        eventually(10, () -> !browser.findElements(By.xpath("//button[normalize-space()='Trình lãnh đạo đơn vị']"))
                .isEmpty());
        browser.findElement(By.cssSelector("textarea[name=comment]")).sendKeys("Kính trình");
        click("Trình lãnh đạo đơn vị");
        look("submitted");
        assertThat(text()).contains("Đã trình dự thảo lên lãnh đạo đơn vị.", "Kính trình");
        assertThat(browser.findElement(By.cssSelector("h1 + p .tag")).getText()).isEqualTo("Chờ lãnh đạo đơn vị duyệt");
    }

    /** A letter of the Ministry of Health signed with its seal (the dev PKI's), as the clerk receives it. */
    private Path signedPdf(String numberSymbol) throws IOException {
        pki.enrolSeal(BYT, "Bộ Y tế");
        byte[] signed = pades.sign(pdf("Cong van " + numberSymbol), new PadesSigner.Request(Signer.sealAlias(BYT),
                PadesSigner.Level.B_T, new PadesSigner.Appearance.Invisible(), "Ban hành", "Hà Nội"));
        Path file = Files.createTempFile("cong-van-den-", ".pdf");
        Files.write(file, signed);
        file.toFile().deleteOnExit();
        return file;
    }

    private static String quote(String text) {
        return "'" + text + "'";
    }
}
