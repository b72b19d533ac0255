package vn.motcua.eoffice.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.eoffice.forms.Samples.AGENCY;
import static vn.motcua.eoffice.forms.Samples.AN;
import static vn.motcua.eoffice.forms.Samples.APPOINTED;
import static vn.motcua.eoffice.forms.Samples.CODE;
import static vn.motcua.eoffice.forms.Samples.PROCEDURE;
import static vn.motcua.eoffice.forms.Samples.RECEIVED;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.zxing.ReaderException;

class OneStopFormsTest {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final OneStopForms FORMS = new OneStopForms();

    static Stream<OneStopForm> dossierForms() {
        return Stream.of(Samples.receipt(), Samples.supplementRequest(), Samples.refusal(), Samples.apology(),
                Samples.processControl());
    }

    @Test
    void receiptCarriesTheApplicantTheDocumentsTheDatesAndTheFeeInVietnamese() {
        String text = Pdfs.text(FORMS.receipt(Samples.receipt()));

        assertThat(text).contains(Sheet.MOTTO, Sheet.MOTTO_2, AGENCY.toUpperCase(VI),
                "Giấy tiếp nhận hồ sơ và hẹn trả kết quả".toUpperCase(VI), "Mã hồ sơ: " + CODE,
                "Ông/Bà: Nguyễn Văn An", "Số 1 Tràng Tiền, phường Hoàn Kiếm, Hà Nội", "0912345678",
                "an@example.vn", "001099012345", PROCEDURE, "Giấy chứng nhận đủ điều kiện sản xuất mỹ phẩm",
                "03 ngày làm việc", "09 giờ 15 phút, ngày 22 tháng 11 năm 2026", "ngày 27 tháng 11 năm 2026",
                "Bộ phận Một cửa Sở Y tế Hà Nội hoặc trực tuyến", "500.000 đồng", "NGƯỜI TIẾP NHẬN HỒ SƠ",
                "Lê Thị Thu");
    }

    @Test
    void supplementRequestListsEveryMissingItemWithTheReasonAndTheOfficer() {
        String text = Pdfs.text(FORMS.supplementRequest(Samples.supplementRequest()));

        assertThat(text).contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", CODE, "Nguyễn Văn An",
                "1. Giấy ủy quyền của nhà sản xuất (bản sao chứng thực)", "2. Bản gốc phiếu công bố có chữ ký",
                "Lý do: Thành phần hồ sơ chưa đầy đủ theo Nghị định 93/2016/NĐ-CP", "NGƯỜI HƯỚNG DẪN", "Lê Thị Thu");
    }

    @Test
    void refusalStatesItsReasons() {
        String text = Pdfs.text(FORMS.refusal(Samples.refusal()));

        assertThat(text).contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", CODE, "Nguyễn Văn An",
                "thông báo không tiếp nhận, giải quyết hồ sơ này", "Sản phẩm không thuộc phạm vi mỹ phẩm");
    }

    @Test
    void apologyGivesTheNumberTheOriginalAndNewDatesTheDelayingUnitAndIsSignedByTheHead() {
        String text = Pdfs.text(FORMS.apology(Samples.apology()));

        assertThat(text).contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Số: 261122-0001/PXL-SYT", CODE,
                "Kính gửi: Ông/Bà Nguyễn Văn An", "Thời gian hẹn trả kết quả giải quyết hồ sơ: ngày 27 tháng 11 năm 2026",
                "Đơn vị để chậm trễ: Phòng Quản lý Dược", "Lý do: Cần lấy ý kiến của Cục Quản lý Dược",
                "hẹn lại ngày trả kết quả vào ngày 02 tháng 12 năm 2026", "THỦ TRƯỞNG CƠ QUAN", "Đặng Quốc Việt");
    }

    @Test
    void processControlFormHasOneRowPerHandOverWithItsTimeAndTimeliness() {
        String text = Pdfs.text(FORMS.processControl(Samples.processControl()));

        assertThat(text).contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", CODE, "Ngày hẹn trả kết quả: 27/11/2026",
                "Bên giao", "Bên nhận", "Tiếp nhận hồ sơ, hẹn trả kết quả", "22/11/2026 09:15", "30/11/2026 10:00",
                "Phạm Minh Đức", "Đặng Quốc Việt");
        assertThat(occurrences(text, "Quá hạn")).isEqualTo(3); // two late rows and the note explaining the rule
        assertThat(occurrences(text, "Đúng hạn")).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("dossierForms")
    void everyDossierFormIsOneA5PageWithTheCodeInWordsAndAsAQrCode(OneStopForm form) throws ReaderException {
        byte[] pdf = FORMS.render(form);

        assertThat(Pdfs.pageSizes(pdf)).hasSize(1).allSatisfy(size -> {
            assertThat(size.getWidth()).isEqualTo(PDRectangle.A5.getWidth());
            assertThat(size.getHeight()).isEqualTo(PDRectangle.A5.getHeight());
        });
        assertThat(Pdfs.text(pdf)).contains(CODE, Sheet.MOTTO, Sheet.MOTTO_2);
        assertThat(Pdfs.qrCode(pdf)).isEqualTo(CODE);
    }

    @ParameterizedTest
    @MethodSource("dossierForms")
    void everyFormEmbedsLiberationSerif(OneStopForm form) {
        assertEmbeddedLiberationSerif(FORMS.render(form));
    }

    /** The signed copy of a form is found by the hash of its rendering, so equal forms must be equal files. */
    @ParameterizedTest
    @MethodSource("dossierForms")
    void theSameFormRendersToTheSameBytes(OneStopForm form) throws InterruptedException {
        byte[] first = FORMS.render(form);
        Thread.sleep(5); // PDFBox's default file identifier would come from the clock
        assertThat(FORMS.render(form)).isEqualTo(first);
    }

    @Test
    void theSameRegisterRendersToTheSameBytes() throws InterruptedException {
        byte[] first = FORMS.registerPdf(Samples.register(40));
        Thread.sleep(5);
        assertThat(FORMS.registerPdf(Samples.register(40))).isEqualTo(first);
    }

    @Test
    void registerIsA4LandscapeWithOneLinePerDossierAndNoQrCode() {
        byte[] pdf = FORMS.registerPdf(Samples.register(3));

        assertThat(Pdfs.pageSizes(pdf)).singleElement().satisfies(size -> {
            assertThat(size.getWidth()).isEqualTo(PDRectangle.A4.getHeight());
            assertThat(size.getHeight()).isEqualTo(PDRectangle.A4.getWidth());
        });
        String text = Pdfs.text(pdf);
        assertThat(text).contains("SỔ THEO DÕI HỒ SƠ", "Từ ngày 01/11/2026 đến ngày 30/11/2026",
                "000.00.16.H26-261122-0001", "000.00.16.H26-261122-0002", "000.00.16.H26-261122-0003",
                "Đã trả kết quả", "Đúng hạn", "Quá hạn", "Tổng số: 3 hồ sơ; đúng hạn: 2; quá hạn: 1");
        assertEmbeddedLiberationSerif(pdf);
        assertThatThrownBy(() -> Pdfs.qrCode(pdf)).isInstanceOf(ReaderException.class);
    }

    @Test
    void longRegisterContinuesOnNumberedPagesRepeatingTheHeadings() {
        byte[] pdf = FORMS.registerPdf(Samples.register(60));

        assertThat(Pdfs.pageSizes(pdf)).hasSizeGreaterThan(2);
        String text = Pdfs.text(pdf);
        int pages = Pdfs.pageSizes(pdf).size();
        assertThat(text).contains("000.00.16.H26-261122-0060", "Trang 1/" + pages, "Trang " + pages + "/" + pages);
        assertThat(occurrences(text, "Thủ tục hành chính")).isEqualTo(pages);
    }

    @Test
    void registerAsCsvIsUtf8WithByteOrderMarkAHeaderAndOneQuotedRowPerDossier() {
        byte[] csv = FORMS.registerCsv(Samples.register(2));

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = List.of(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines).containsExactly(
                "STT,Mã hồ sơ,Thủ tục hành chính,\"Tên cá nhân, tổ chức\",Nhận hồ sơ,Hẹn trả kết quả,Trả kết quả,"
                        + "Trạng thái,Đúng hạn / Quá hạn",
                "1,000.00.16.H26-261122-0001," + PROCEDURE + ",Nguyễn Văn An,22/11/2026 09:15,27/11/2026,"
                        + "26/11/2026 15:00,Đã trả kết quả,Đúng hạn",
                "2,000.00.16.H26-261122-0002," + PROCEDURE + ",\"Công ty TNHH Mỹ phẩm \"\"Sen Việt\"\", chi nhánh Hà Nội\","
                        + "22/11/2026 09:15,27/11/2026,—,Đang thẩm định,Quá hạn");
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAsFormulasAreDefused() {
        DossierRegister register = new DossierRegister(AGENCY, APPOINTED, APPOINTED, List.of(new RegisterEntry(CODE,
                PROCEDURE, "=HYPERLINK(\"http://x\")", RECEIVED, null, null, "Mới đăng ký", Timeliness.NOT_APPLICABLE)));

        String csv = new String(FORMS.registerCsv(register), StandardCharsets.UTF_8);

        assertThat(csv).contains(",\"'=HYPERLINK(\"\"http://x\"\")\",");
    }

    @Test
    void decomposedVietnameseIsPrintedAsComposedLetters() {
        String decomposed = Normalizer.normalize("Nguyễn Thị Hường", Normalizer.Form.NFD);
        ReceiptForm form = Samples.receipt();
        ReceiptForm receipt = new ReceiptForm(form.agencyName(), form.dossierCode(), form.procedureName(),
                new FormApplicant(decomposed, AN.address(), AN.phone(), AN.email(), AN.idNumber()), form.documents(),
                form.timeLimitDays(), form.workingDays(), form.receivedAt(), form.appointedReturnDate(),
                form.resultPlace(), form.feeVnd(), form.officerName());

        assertThat(Pdfs.text(FORMS.receipt(receipt))).contains("Ông/Bà: Nguyễn Thị Hường");
    }

    @Test
    void aCharacterTheFontLacksIsShownAsAQuestionMarkInsteadOfFailing() {
        RefusalForm form = new RefusalForm(AGENCY, CODE, PROCEDURE, AN, "Nhãn ghi 漢字 không đúng quy định",
                RECEIVED, "Lê Thị Thu");

        assertThat(Pdfs.text(FORMS.refusal(form))).contains("Nhãn ghi ?? không đúng quy định");
    }

    @Test
    void calendarDayLimitsAndFreeProceduresAreWrittenAsSuch() {
        ReceiptForm form = Samples.receipt();
        ReceiptForm free = new ReceiptForm(form.agencyName(), form.dossierCode(), form.procedureName(),
                form.applicant(), List.of(), 20, false, form.receivedAt(), form.appointedReturnDate(), null, 0, null);

        assertThat(Pdfs.text(FORMS.receipt(free))).contains("20 ngày", "Không thu phí, lệ phí")
                .doesNotContain("ngày làm việc");
    }

    @Test
    void timesAreWrittenInTheAgencyTimeZone() {
        String text = Pdfs.text(new OneStopForms(java.time.ZoneOffset.UTC).receipt(Samples.receipt()));

        assertThat(text).contains("02 giờ 15 phút, ngày 22 tháng 11 năm 2026");
    }

    private static void assertEmbeddedLiberationSerif(byte[] pdf) {
        assertThat(Pdfs.fonts(pdf)).isNotEmpty().allSatisfy((name, embedded) -> {
            assertThat(name).matches("[A-Z]{6}\\+LiberationSerif.*"); // a subset
            assertThat(embedded).as(name).isTrue();
        });
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
