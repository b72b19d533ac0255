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
import java.time.LocalDate;
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

    private static final String LONG_AGENCY = "Sở Y tế tỉnh Bà Rịa - Vũng Tàu, Chi cục Dân số - Kế hoạch hóa gia đình "
            + "và Trung tâm Kiểm nghiệm Thuốc, Mỹ phẩm, Thực phẩm trực thuộc";

    static Stream<byte[]> formsOfALongAgency() {
        OneStopForms forms = new OneStopForms();
        ReceiptForm receipt = Samples.receipt();
        ApologyForm apology = Samples.apology();
        return Stream.of(
                forms.receipt(new ReceiptForm(LONG_AGENCY, CODE, PROCEDURE, AN, receipt.documents(), 3, true, RECEIVED,
                        APPOINTED, "Bộ phận Một cửa", 0, "Lê Thị Thu")),
                forms.apology(new ApologyForm(LONG_AGENCY, apology.documentNumber(), CODE, PROCEDURE, AN.fullName(),
                        RECEIVED, APPOINTED, "Phòng Quản lý Dược", "Cần lấy ý kiến", LocalDate.of(2026, 12, 2),
                        apology.issuedAt(), "Đặng Quốc Việt", "UBND tỉnh Bà Rịa - Vũng Tàu")),
                forms.registerPdf(new DossierRegister(LONG_AGENCY, LocalDate.of(2026, 11, 1),
                        LocalDate.of(2026, 11, 30), Samples.register(1).entries())));
    }

    /**
     * Decree 30/2020/ND-CP Appendix I: the agency's name is written in full in the heading. A name longer than the
     * heading's column wraps onto further lines; no character of it runs off the page.
     */
    @ParameterizedTest
    @MethodSource("formsOfALongAgency")
    void aLongAgencyNameIsPrintedWholeAndInsideThePage(byte[] pdf) {
        assertThat(Pdfs.text(pdf)).contains(LONG_AGENCY.toUpperCase(VI));
        assertThat(Pdfs.outsideThePage(pdf)).as("characters beyond the page's edges").isEmpty();
    }

    /** An organisation's tax code is printed with its particulars; a citizen has none to print. */
    @Test
    void receiptOfAnOrganisationPrintsItsTaxCode() {
        ReceiptForm sample = Samples.receipt();
        FormApplicant company = new FormApplicant("Công ty TNHH Mỹ phẩm Sen Việt", "Hà Nội", "0912345678", null,
                "001099012345", "0101234567-001");
        ReceiptForm receipt = new ReceiptForm(AGENCY, CODE, PROCEDURE, company, sample.documents(), 3, true, RECEIVED,
                APPOINTED, sample.resultPlace(), 500_000, "Lê Thị Thu");

        assertThat(Pdfs.text(FORMS.receipt(receipt))).contains("Mã số thuế: 0101234567-001");
        assertThat(Pdfs.text(FORMS.receipt(sample))).doesNotContain("Mã số thuế");
    }

    /** A figure the catalogue has not checked is printed as such, never as if certain. */
    @Test
    void receiptMarksTheUncheckedTimeLimitAndFeeChuaXacMinh() {
        ReceiptForm sample = Samples.receipt();
        ReceiptForm unchecked = new ReceiptForm(AGENCY, CODE, PROCEDURE, AN, sample.documents(), 30, false, RECEIVED,
                APPOINTED, sample.resultPlace(), 500_000, "Lê Thị Thu", List.of("timeLimit", "feeVnd", "code"));

        assertThat(Pdfs.text(FORMS.receipt(unchecked))).contains("30 ngày (chưa xác minh)",
                "500.000 đồng (chưa xác minh)");
        assertThat(Pdfs.text(FORMS.receipt(sample))).doesNotContain("chưa xác minh");
    }

    /** Decree 30/2020/ND-CP Appendix I: the issuing agency in bold below its direct governing agency. */
    @Test
    void apologyHeadingNamesTheGoverningAgencyAboveTheAgency() {
        ApologyForm sample = Samples.apology();
        ApologyForm apology = new ApologyForm(AGENCY, sample.documentNumber(), CODE, PROCEDURE, AN.fullName(), RECEIVED,
                APPOINTED, sample.delayingUnit(), sample.reason(), sample.newAppointment(), sample.issuedAt(),
                sample.headName(), "UBND Thành phố Hà Nội");
        String text = Pdfs.text(FORMS.apology(apology));

        assertThat(text).contains("UBND THÀNH PHỐ HÀ NỘI", AGENCY.toUpperCase(VI));
        assertThat(text.indexOf("UBND THÀNH PHỐ HÀ NỘI")).isLessThan(text.indexOf(AGENCY.toUpperCase(VI)));
    }

    /** Decree 61/2018/ND-CP: the one-stop department is the "Bộ phận Một cửa" of its agency, below it. */
    @Test
    void oneStopFormsAreIssuedByTheBoPhanMotCuaOfTheAgency() {
        String text = Pdfs.text(FORMS.receipt(Samples.receipt()));

        assertThat(text).contains(AGENCY.toUpperCase(VI) + " BỘ PHẬN MỘT CỬA", "Bộ phận Một cửa " + AGENCY
                + " tiếp nhận hồ sơ của:");
        assertThat(Pdfs.text(FORMS.supplementRequest(Samples.supplementRequest())))
                .contains("Bộ phận Một cửa " + AGENCY + " để được hướng dẫn");
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
                "Đã trả kết quả", "Trước hạn", "Đúng hạn", "Quá hạn",
                "Tổng số: 3 hồ sơ; Trước hạn: 1; Đúng hạn: 1; Quá hạn: 1; Chưa đến hạn: 0");
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
        assertThat(occurrences(text, "Tên thủ tục hành chính")).isEqualTo(pages);
    }

    /**
     * Circular 01/2018/TT-VPCP Mẫu 06: the register's columns, and its result returned "Trước hạn", "Đúng hạn" or
     * "Quá hạn" marked in a column of its own.
     */
    @Test
    void registerHasTheColumnsOfMau06AndMarksEachResultTruocDungOrQuaHan() {
        assertThat(OneStopForms.REGISTER_HEADINGS).containsExactly("STT", "Mã hồ sơ", "Tên thủ tục hành chính",
                "Tên tổ chức, cá nhân", "Địa chỉ, số điện thoại", "Cơ quan chủ trì giải quyết", "Ngày nhận hồ sơ",
                "Ngày hẹn trả kết quả", "Ngày chuyển hồ sơ đến cơ quan giải quyết", "Ngày có kết quả/yêu cầu bổ sung",
                "Trả kết quả: Trước hạn", "Trả kết quả: Đúng hạn", "Trả kết quả: Quá hạn", "Ngày trả kết quả",
                "Ghi chú");
        String csv = new String(FORMS.registerCsv(Samples.register(3)), StandardCharsets.UTF_8);
        List<String> early = List.of(csv.split("\r\n")[3].split(","));
        assertThat(early.subList(10, 13)).containsExactly("x", "", "");
        assertThat(early.get(13)).isEqualTo("25/11/2026 15:00");
        String text = Pdfs.text(FORMS.registerPdf(Samples.register(3)));
        assertThat(text).contains("Cơ quan chủ trì giải quyết", "Ngày chuyển hồ sơ đến cơ quan giải quyết",
                "Số 1 Tràng Tiền, Hà Nội; 0912345678", "Ghi chú");
    }

    @Test
    void registerAsCsvIsUtf8WithByteOrderMarkAHeaderAndOneQuotedRowPerDossier() {
        byte[] csv = FORMS.registerCsv(Samples.register(2));

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = List.of(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines).containsExactly(
                "STT,Mã hồ sơ,Tên thủ tục hành chính,\"Tên tổ chức, cá nhân\",\"Địa chỉ, số điện thoại\","
                        + "Cơ quan chủ trì giải quyết,Ngày nhận hồ sơ,Ngày hẹn trả kết quả,"
                        + "Ngày chuyển hồ sơ đến cơ quan giải quyết,Ngày có kết quả/yêu cầu bổ sung,"
                        + "Trả kết quả: Trước hạn,Trả kết quả: Đúng hạn,Trả kết quả: Quá hạn,Ngày trả kết quả,Ghi chú",
                "1,000.00.16.H26-261122-0001," + PROCEDURE + ",Nguyễn Văn An,\"Số 1 Tràng Tiền, Hà Nội; 0912345678\","
                        + AGENCY + ",22/11/2026 09:15,27/11/2026,22/11/2026 10:15,27/11/2026 10:00,,x,,"
                        + "27/11/2026 15:00,Đã trả kết quả",
                "2,000.00.16.H26-261122-0002," + PROCEDURE + ",\"Công ty TNHH Mỹ phẩm \"\"Sen Việt\"\", chi nhánh Hà Nội\","
                        + "—," + AGENCY + ",22/11/2026 09:15,27/11/2026,22/11/2026 10:15,—,,,x,—,Đang thẩm định");
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
