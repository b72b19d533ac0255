package vn.motcua.portal.forms;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Autowired;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.eoffice.signing.PdfSignatureVerifier;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;

/**
 * The forms of Circular 01/2018/TT-VPCP over HTTP, filled from the event store: each is downloaded as a
 * person would, read back as text and checked as signed by the dossier's agency; an unchanged form comes back
 * as the same file, a changed one as a new signed file.
 */
class FormsTest extends IntegrationTest {

    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    PdfSignatureVerifier verifier;
    @Autowired
    MotcuaProperties properties;

    private static final String NOT_APPLICABLE = "urn:motcua:problem:form-not-applicable";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Test
    void receiptIsIssuedOnceTheDossierIsAcceptedWithTheCodeAndTheApplicant() {
        String code = submitted("citizen-a");
        Api.Response early = form("citizen-a", code, "mau-01");
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.json().get("type").asText()).isEqualTo(NOT_APPLICABLE);

        decideOk("reception-hn", code, "reception", """
                {"outcome":"ACCEPT","comment":"Hồ sơ đầy đủ, hợp lệ"}""");
        Api.Response receipt = form("citizen-a", code, "mau-01");

        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(200);
        assertThat(receipt.contentType()).isEqualTo("application/pdf");
        assertThat(receipt.headers().getContentDisposition().getFilename()).isEqualTo(code + "-mau-01.pdf");
        assertThat(pageSize(receipt.bytes())).isEqualTo(PDRectangle.A5.getWidth() + "x" + PDRectangle.A5.getHeight());
        assertThat(text(receipt.bytes())).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mã hồ sơ: " + code,
                "Ông/Bà: Nguyễn Văn An", "Số 1 Tràng Tiền, Hà Nội", "0912345678", "001099012345",
                "Cấp số tiếp nhận Phiếu công bố sản phẩm mỹ phẩm sản xuất trong nước", "03 ngày làm việc",
                "500.000 đồng", "SỞ Y TẾ HÀ NỘI", "Lê Thị Thu");
        // Circular 01/2018 Mẫu 01: the documents received (the file submitted), issued by the Bộ phận Một cửa
        assertThat(text(receipt.bytes())).contains("phieu-cong-bo.pdf", "BỘ PHẬN MỘT CỬA")
                .doesNotContain("kèm dữ liệu công bố");
        assertSignedByTheAgency(receipt.bytes(), HANOI);

        Api.Response again = form("reception-hn", code, "mau-01");
        assertThat(again.bytes()).as("kept, not signed again").isEqualTo(receipt.bytes());
        assertThat(again.headers().getETag()).isEqualTo(receipt.headers().getETag()).isNotBlank();
    }

    @Test
    void supplementRequestFormListsTheItemsOnceTheyAreRequested() {
        String code = submitted("citizen-a");
        assertThat(form("reception-hn", code, "mau-02").status()).isEqualTo(409);

        decideOk("reception-hn", code, "reception", """
                {"outcome":"REQUEST_SUPPLEMENT","comment":"Thiếu giấy ủy quyền",
                 "items":["Giấy ủy quyền của nhà sản xuất (bản sao chứng thực)"]}""");
        Api.Response request = form("reception-hn", code, "mau-02");

        assertThat(request.status()).as(request.toString()).isEqualTo(200);
        assertThat(text(request.bytes())).contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", code, "Nguyễn Văn An",
                "1. Giấy ủy quyền của nhà sản xuất (bản sao chứng thực)", "Lý do: Thiếu giấy ủy quyền");
        assertSignedByTheAgency(request.bytes(), HANOI);
    }

    @Test
    void refusalFormStatesTheReasonsAndOnlyARefusedDossierHasOne() {
        String code = submitted("citizen-a");
        assertThat(form("citizen-a", code, "mau-03").status()).isEqualTo(409);

        decideOk("reception-hn", code, "reception", """
                {"outcome":"REFUSE","comment":"Sản phẩm không thuộc phạm vi mỹ phẩm"}""");
        Api.Response refusal = form("citizen-a", code, "mau-03");

        assertThat(refusal.status()).as(refusal.toString()).isEqualTo(200);
        assertThat(text(refusal.bytes())).contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", code,
                "Sản phẩm không thuộc phạm vi mỹ phẩm");
        assertSignedByTheAgency(refusal.bytes(), HANOI);
    }

    @Test
    void dossierRunningLateGetsOneApologyWithMau04AndExactlyOneNewAppointment() {
        String code = submitted("citizen-a");
        acceptAndPay(code, "citizen-a");
        // 75% of the time has passed: the BPMN timer warns the handler that the dossier is running late
        String process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(process).timers()
                .activityId("deadlineWarningTimer").singleResult().getId());
        Api.Response early = form("citizen-a", code, "mau-04");
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.json().get("type").asText()).isEqualTo(NOT_APPLICABLE);

        LocalDate appointed = LocalDate.parse(as("citizen-a").get("/api/v1/dossiers/" + code).json()
                .get("appointedReturnDate").asText());
        LocalDate newDate = appointed.plusDays(7);
        Api.Response apologised = as("leader-hn").postJson("/api/v1/dossiers/" + code + "/apology", """
                {"newAppointedDate":"%s","causingUnit":"Phòng Nghiệp vụ Dược",
                 "reason":"Cần thêm thời gian lấy ý kiến chuyên gia"}""".formatted(newDate));
        assertThat(apologised.status()).as(apologised.toString()).isEqualTo(200);
        Api.Response apology = form("citizen-a", code, "mau-04");

        assertThat(apology.status()).as(apology.toString()).isEqualTo(200);
        assertThat(text(apology.bytes())).contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", code,
                "Kính gửi: Ông/Bà Nguyễn Văn An", "Đơn vị để chậm trễ: Phòng Nghiệp vụ Dược",
                "Cần thêm thời gian lấy ý kiến chuyên gia", longDate(appointed), longDate(newDate), "Đặng Quốc Việt");
        assertSignedByTheAgency(apology.bytes(), HANOI);

        Api.Response secondDate = as("leader-hn").postJson("/api/v1/dossiers/" + code + "/apology", """
                {"newAppointedDate":"%s","reason":"Lần hẹn thứ hai"}""".formatted(newDate.plusDays(7)));
        assertThat(secondDate.status()).as("the date may be moved only once").isEqualTo(409);
        assertThat(as("citizen-a").get("/api/v1/dossiers/" + code).json().get("appointedReturnDate").asText())
                .isEqualTo(newDate.toString());
    }

    @Test
    void apologyLetterShowsItsNumberAndSymbolTakenFromItsDossier() {
        String code = submitted("citizen-a");
        acceptAndPay(code, "citizen-a");
        LocalDate appointed = LocalDate.parse(as("citizen-a").get("/api/v1/dossiers/" + code).json()
                .get("appointedReturnDate").asText());
        Api.Response apologised = as("leader-hn").postJson("/api/v1/dossiers/" + code + "/apology", """
                {"newAppointedDate":"%s","reason":"Cần thêm thời gian kiểm nghiệm"}""".formatted(appointed.plusDays(7)));
        assertThat(apologised.status()).as(apologised.toString()).isEqualTo(200);

        Api.Response apology = form("citizen-a", code, "mau-04");

        assertThat(apology.status()).as(apology.toString()).isEqualTo(200);
        // 000.00.16.H26-YYMMDD-NNNN → Số: YYMMDD-NNNN/PXL-SYT
        String number = code.substring(code.length() - 11) + "/PXL-SYT";
        assertThat(text(apology.bytes())).contains("Số: " + number)
                .as("no unit named: the dossier's own unit answers for the delay")
                .contains("Đơn vị để chậm trễ: Sở Y tế Hà Nội (demo)");
    }

    @Test
    void processControlFormHasARowForEveryStepOfTheHistory() {
        String code = submitted("citizen-a");
        decideOk("reception-hn", code, "reception", """
                {"outcome":"ACCEPT"}""");

        long start = System.nanoTime();
        Api.Response control = form("inspector", code, "mau-05");
        long first = System.nanoTime();

        assertThat(control.status()).as(control.toString()).isEqualTo(200);
        assertThat(text(control.bytes())).contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", code,
                "Nộp hồ sơ", "Tiếp nhận hồ sơ, hẹn trả kết quả", "Nguyễn Văn An (Công dân, tổ chức)", "Lê Thị Thu",
                "(Cán bộ Bộ phận Một cửa)", "Đúng hạn");
        assertSignedByTheAgency(control.bytes(), HANOI);
        assertThat(text(control.bytes())).doesNotContain("Đã nộp phí, lệ phí");

        Api.Response same = form("citizen-a", code, "mau-05");
        assertThat(same.bytes()).as("the same form, kept: not signed again").isEqualTo(control.bytes());

        pay(code, "citizen-a");
        long changed = System.nanoTime();
        Api.Response afterPayment = form("inspector", code, "mau-05");
        long signedAgain = System.nanoTime();
        long[] kept = new long[5];
        for (int i = 0; i < kept.length; i++) {
            long before = System.nanoTime();
            assertThat(form("inspector", code, "mau-05").status()).isEqualTo(200);
            kept[i] = System.nanoTime() - before;
        }
        Arrays.sort(kept);
        // what signing adds to a download, for the record (no timed assertion: machines differ)
        System.out.printf("[FormsTest timing] Mẫu 05 over HTTP: first download, signed %.1f ms (first in this "
                + "test) and %.1f ms (after a new step); kept copy, median of %d: %.1f ms%n", (first - start) / 1e6,
                (signedAgain - changed) / 1e6, kept.length, kept[kept.length / 2] / 1e6);
        assertThat(afterPayment.status()).as(afterPayment.toString()).isEqualTo(200);
        assertThat(afterPayment.bytes()).as("a new step, a new form").isNotEqualTo(control.bytes());
        assertThat(afterPayment.headers().getETag()).isNotEqualTo(control.headers().getETag());
        assertThat(text(afterPayment.bytes())).contains("Đã nộp phí, lệ phí");
        assertSignedByTheAgency(afterPayment.bytes(), HANOI);
        assertThat(form("inspector", code, "mau-05").bytes()).isEqualTo(afterPayment.bytes());
    }

    @Test
    void formsOfADossierAreHiddenFromThoseWhoMayNotReadIt() {
        String code = submitted("citizen-a");

        assertThat(form("citizen-b", code, "mau-05").status()).isEqualTo(404);
        assertThat(form("reception-hcm", code, "mau-05").status()).isEqualTo(404);
        assertThat(form("citizen-a", code, "mau-05").status()).isEqualTo(200);
        assertThat(form("citizen-a", code, "mau-07").status()).isEqualTo(400);
        assertThat(anonymous().get("/api/v1/dossiers/" + code + "/forms/mau-05").status()).isEqualTo(401);
    }

    @Test
    void registerAsCsvListsTheUnitsDossiersForOfficialsAndEveryUnitsForInspectors() {
        String code = submitted("citizen-a");

        Api.Response csv = register("reception-hn", "csv", null);
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(Arrays.copyOf(csv.bytes(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String body = new String(csv.bytes(), 3, csv.bytes().length - 3, StandardCharsets.UTF_8);
        assertThat(body).startsWith("STT,Mã hồ sơ,Tên thủ tục hành chính,\"Tên tổ chức, cá nhân\",")
                .contains(code + ",Cấp số tiếp nhận Phiếu công bố sản phẩm mỹ phẩm sản xuất trong nước,Nguyễn Văn An,"
                        + "\"Số 1 Tràng Tiền, Hà Nội; 0912345678\",Sở Y tế Hà Nội (demo),")
                .contains("Mới đăng ký");

        assertThat(register("reception-hcm", "csv", null).text()).doesNotContain(code);
        assertThat(register("inspector", "csv", null).text()).contains(code);
        assertThat(register("inspector", "csv", HCMC).text()).doesNotContain(code);
        assertThat(register("reception-hn", "csv", HCMC).status()).isEqualTo(403);
        assertThat(register("citizen-a", "csv", null).status()).isEqualTo(403);
    }

    @Test
    void registerAsPdfIsAnA4LandscapeBook() {
        String code = submitted("citizen-a");

        Api.Response pdf = register("leader-hn", "pdf", null);

        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pageSize(pdf.bytes())).isEqualTo(PDRectangle.A4.getHeight() + "x" + PDRectangle.A4.getWidth());
        assertThat(text(pdf.bytes())).contains("SỔ THEO DÕI HỒ SƠ", code);
        assertSignedByTheAgency(pdf.bytes(), HANOI);

        Api.Response inspected = register("inspector", "pdf", HANOI);
        assertThat(inspected.status()).as(inspected.toString()).isEqualTo(200);
        assertSignedByTheAgency(inspected.bytes(), HANOI);
        Api.Response everyUnit = register("inspector", "pdf", null);
        assertThat(everyUnit.status()).as("a signed register is one unit's").isEqualTo(400);
        assertThat(fieldsOf(everyUnit)).containsExactly("unitId");
        assertThat(register("inspector", "pdf", "000.00.99.X99").status()).isEqualTo(400);
        Api.Response backwards = as("leader-hn").get("/api/v1/reports/dossier-register?from=%s&to=%s"
                .formatted(TODAY, TODAY.minusDays(1)));
        assertThat(backwards.status()).isEqualTo(400);
    }

    /** Valid under the application's trust list, one signature: the seal of the unit's agency, time-stamped. */
    private void assertSignedByTheAgency(byte[] pdf, String unitId) {
        PdfSignatureVerifier.Report report = verifier.verify(pdf);
        assertThat(report.valid()).as(report.toString()).isTrue();
        assertThat(report.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.signer()).isEqualTo(properties.unit(unitId).orElseThrow().name());
            assertThat(signature.coversWholeDocument()).isTrue();
            assertThat(signature.timestampTime()).isNotNull();
        });
    }

    private Api.Response form(String user, String code, String form) {
        return as(user).get("/api/v1/dossiers/" + code + "/forms/" + form);
    }

    private Api.Response register(String user, String format, String unitId) {
        return as(user).get("/api/v1/reports/dossier-register?from=%s&to=%s&format=%s%s".formatted(
                TODAY.minusDays(1), TODAY.plusDays(1), format, unitId == null ? "" : "&unitId=" + unitId));
    }

    private static String longDate(LocalDate date) {
        return "ngày %s tháng %s năm %d".formatted(
                (date.getDayOfMonth() < 10 ? "0" : "") + date.getDayOfMonth(),
                (date.getMonthValue() < 3 ? "0" : "") + date.getMonthValue(), date.getYear());
    }

    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pageSize(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDRectangle box = document.getPage(0).getMediaBox();
            return box.getWidth() + "x" + box.getHeight();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
