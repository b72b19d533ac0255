package vn.motcua.eoffice.forms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

import vn.motcua.eoffice.forms.Sheet.Align;
import vn.motcua.eoffice.forms.Sheet.Column;
import vn.motcua.eoffice.forms.Sheet.Run;
import vn.motcua.eoffice.forms.Sheet.Signature;

/**
 * Renders the forms of Circular 01/2018/TT-VPCP (Appendix, Mẫu 01–06) as PDF: A5 for the forms of one
 * dossier, each with a QR code of the dossier code, and A4 landscape for the dossier register, which also
 * comes as CSV. Times are written in the agency's legal time zone. The same form renders to the same bytes, and
 * Mẫu 01–06 leave the top of the first page to the agency's signature ({@link SignedForms}). Stateless and
 * thread-safe.
 */
public final class OneStopForms {

    /**
     * The department that receives dossiers and returns results, by the name Decree 61/2018/ND-CP gives all of
     * them whatever their local name (Bộ phận Tiếp nhận và Trả kết quả, Trung tâm Phục vụ hành chính công):
     * "Bộ phận Một cửa". In the heading it sits below the agency it belongs to, its direct governing agency
     * (Decree 30/2020/ND-CP Appendix I: the issuer and its direct superior only).
     */
    static final String ONE_STOP_DEPARTMENT = "Bộ phận Một cửa";

    private static final PDRectangle A5 = PDRectangle.A5;
    private static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(),
            PDRectangle.A4.getWidth());
    private static final float A5_MARGIN = 12 * Sheet.MM;
    private static final float A4_MARGIN = 14 * Sheet.MM;
    private static final float BODY = 10.5f;
    private static final float TITLE = 12f;
    private static final float QR_SIDE = 64f;
    /** The result's margins (Appendix I: top 20–25 mm, left 30–35 mm; Sheet takes 1.25 × on the left). */
    private static final float RESULT_MARGIN = 20 * Sheet.MM;
    private static final float RESULT_BODY = 13f;
    /** The band for number and date ends here, as {@code OutgoingDocumentPdf} stamps them. */
    static final int RESULT_BAND_BOTTOM_MM = 42;
    /** The foot of the last page kept for the signature block (60 + 120 points) and a margin. */
    private static final float RESULT_FOOT = 190;
    private static final float RESULT_RECIPIENTS_WIDTH = 280;
    private static final String SIGN = "(Ký và ghi rõ họ tên)";
    /** Printed above the agency's signature stamp: who signed the electronic form (the stamp adds when). */
    static final String SIGNED_NOTE = "Văn bản điện tử được ký số bởi ";

    private final ZoneId zone;

    /** Forms dated in Vietnam's time, Asia/Ho_Chi_Minh. */
    public OneStopForms() {
        this(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    public OneStopForms(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Any of the forms of one dossier, Mẫu 01–05. */
    public byte[] render(OneStopForm form) {
        return switch (form) {
            case ResultForm result -> result(result);
            case ReceiptForm receipt -> receipt(receipt);
            case SupplementRequestForm request -> supplementRequest(request);
            case RefusalForm refusal -> refusal(refusal);
            case ApologyForm apology -> apology(apology);
            case ProcessControlForm control -> processControl(control);
        };
    }

    /** Mẫu 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
    public byte[] receipt(ReceiptForm form) {
        return pdf(A5, A5_MARGIN, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "Mẫu 01", form.dossierCode(),
                form.agencyName(), sheet -> {
            sheet.nationalHeading(form.agencyName(), ONE_STOP_DEPARTMENT, null,
                    capitalised(Forms.longDate(form.receivedAt().atZone(zone).toLocalDate())));
            sheet.title("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", TITLE);
            FormApplicant applicant = form.applicant();
            sheet.besideQr(form.dossierCode(), QR_SIDE, beside -> {
                code(beside, form.dossierCode());
                beside.line(beside.regular, BODY, Align.LEFT, ONE_STOP_DEPARTMENT + " " + Forms.text(form.agencyName())
                        + " tiếp nhận hồ sơ của:");
                applicant(beside, applicant);
            });
            sheet.labelled(BODY, "Nội dung yêu cầu giải quyết", form.procedureName());
            sheet.line(sheet.bold, BODY, Align.LEFT, "1. Thành phần hồ sơ nộp gồm:");
            List<List<String>> rows = new ArrayList<>();
            int n = 0;
            for (ReceivedDocument document : form.documents()) {
                rows.add(List.of(Integer.toString(++n), document.name(), Forms.count(document.originals()),
                        Forms.count(document.certifiedCopies()), Forms.count(document.photocopies())));
            }
            sheet.table(List.of(new Column("STT", 0.6f, Align.CENTER),
                    new Column("Tên loại giấy tờ", 4.6f, Align.LEFT),
                    new Column("Bản chính", 1.1f, Align.CENTER),
                    new Column("Bản sao chứng thực", 1.3f, Align.CENTER),
                    new Column("Bản photo", 1.1f, Align.CENTER)), rows, BODY - 1.5f);
            if (form.documents().isEmpty()) {
                sheet.line(sheet.italic, BODY - 1.5f, Align.LEFT, "Chưa nhận giấy tờ nào.");
            } else if (form.documents().stream().anyMatch(document -> !document.kindKnown())) {
                sheet.line(sheet.italic, BODY - 1.5f, Align.LEFT, "Giấy tờ nộp trực tuyến là bản điện tử (tệp "
                        + "đính kèm); “—”: loại bản (bản chính, bản sao có chứng thực, bản photo) không được khai báo.");
            }
            item(sheet, "2. Số lượng hồ sơ", "01 bộ");
            item(sheet, "3. Thời gian giải quyết hồ sơ theo quy định", Forms.count(form.timeLimitDays())
                    + (form.workingDays() ? " ngày làm việc" : " ngày") + unverified(form, "timeLimit"));
            item(sheet, "4. Thời gian nhận hồ sơ", Forms.longTime(form.receivedAt(), zone));
            item(sheet, "5. Thời gian trả kết quả giải quyết hồ sơ", Forms.longDate(form.appointedReturnDate()));
            item(sheet, "6. Đăng ký nhận kết quả tại", form.resultPlace());
            item(sheet, "7. Phí, lệ phí", Forms.money(form.feeVnd()) + unverified(form, "feeVnd"));
            sheet.gap(6);
            sheet.signatures(BODY, List.of(new Signature("Người nộp hồ sơ", SIGN, applicant.fullName()),
                    new Signature("Người tiếp nhận hồ sơ", SIGN, form.officerName())));
        });
    }

    /** Mẫu 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
    public byte[] supplementRequest(SupplementRequestForm form) {
        return pdf(A5, A5_MARGIN, "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", "Mẫu 02", form.dossierCode(),
                form.agencyName(), sheet -> {
            sheet.nationalHeading(form.agencyName(), ONE_STOP_DEPARTMENT, null,
                    capitalised(Forms.longDate(form.requestedAt().atZone(zone).toLocalDate())));
            sheet.title("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", TITLE);
            sheet.besideQr(form.dossierCode(), QR_SIDE, beside -> {
                code(beside, form.dossierCode());
                beside.line(beside.regular, BODY, Align.LEFT, "Hồ sơ của:");
                applicant(beside, form.applicant());
            });
            sheet.labelled(BODY, "Nội dung yêu cầu giải quyết", form.procedureName());
            sheet.line(sheet.regular, BODY, Align.LEFT,
                    "Sau khi xem xét, đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:");
            int n = 0;
            for (String item : form.items()) {
                sheet.line(sheet.regular, BODY, Align.LEFT, (++n) + ". " + Forms.text(item));
            }
            sheet.labelled(BODY, "Lý do", form.reason());
            sheet.line(sheet.regular, BODY, Align.LEFT, "Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà "
                    + "liên hệ với " + Forms.text(form.officerName()) + ", " + ONE_STOP_DEPARTMENT
                    + " " + Forms.text(form.agencyName()) + " để được hướng dẫn.");
            sheet.gap(6);
            sheet.signatures(BODY, List.of(new Signature("Người hướng dẫn", SIGN, form.officerName())));
        });
    }

    /** Mẫu 03, Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
    public byte[] refusal(RefusalForm form) {
        return pdf(A5, A5_MARGIN, "Phiếu từ chối tiếp nhận giải quyết hồ sơ", "Mẫu 03", form.dossierCode(),
                form.agencyName(), sheet -> {
            sheet.nationalHeading(form.agencyName(), ONE_STOP_DEPARTMENT, null,
                    capitalised(Forms.longDate(form.refusedAt().atZone(zone).toLocalDate())));
            sheet.title("Phiếu từ chối tiếp nhận giải quyết hồ sơ", TITLE);
            sheet.besideQr(form.dossierCode(), QR_SIDE, beside -> {
                code(beside, form.dossierCode());
                beside.line(beside.regular, BODY, Align.LEFT, ONE_STOP_DEPARTMENT + " " + Forms.text(form.agencyName())
                        + " tiếp nhận hồ sơ của:");
                applicant(beside, form.applicant());
            });
            sheet.labelled(BODY, "Nội dung yêu cầu giải quyết", form.procedureName());
            sheet.line(sheet.regular, BODY, Align.LEFT, "Qua xem xét, " + Forms.text(form.agencyName())
                    + " thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:");
            sheet.line(sheet.regular, BODY, Align.LEFT, Forms.text(form.reasons()));
            sheet.line(sheet.regular, BODY, Align.LEFT, "Xin thông báo cho Ông/Bà được biết và thực hiện./.");
            sheet.gap(6);
            sheet.signatures(BODY, List.of(new Signature("Người tiếp nhận hồ sơ", SIGN, form.officerName())));
        });
    }

    /**
     * The result returned online: the decision, with room at the foot of the page for the leader's
     * signature and the agency's seal, which are added as PAdES signatures with their images.
     */
    public byte[] result(ResultForm form) {
        String title = form.approved() ? "Kết quả giải quyết thủ tục hành chính" : "Thông báo không chấp thuận";
        return pdf(A5, A5_MARGIN, title, "Kết quả", form.dossierCode(), null, sheet -> {
            sheet.nationalHeading(form.agencyName(), null, null,
                    capitalised(Forms.longDate(form.decidedAt().atZone(zone).toLocalDate())));
            sheet.title(title, TITLE);
            sheet.besideQr(form.verificationUrl(), QR_SIDE, beside -> {
                code(beside, form.dossierCode());
                beside.labelled(BODY, "Thủ tục", form.procedureName());
                beside.labelled(BODY, "Tổ chức, cá nhân", form.applicant().fullName());
            });
            sheet.labelled(BODY, "Địa chỉ", form.applicant().address());
            sheet.line(sheet.regular, BODY, Align.LEFT, Forms.text(form.decisionText()));
            sheet.line(sheet.regular, BODY, Align.LEFT, "Văn bản điện tử được ký số; quét mã QR để kiểm tra bản gốc.");
            if (form.verificationCode() != null) {
                sheet.labelled(BODY, "Mã kiểm tra", form.verificationCode());
            }
        });
    }

    /**
     * A result as the law issues it ({@link IssuedResultForm}), A4 with the margins of Decree 30/2020/ND-CP
     * Appendix I: the heading above a blank band down to {@value #RESULT_BAND_BOTTOM_MM} mm from the top (where the
     * clerk's step stamps the number and the place and date, {@code OutgoingDocumentPdf}), the kind's title, the
     * content, the QR code of the electronic original, and "Nơi nhận" beside the blank foot of the last page where the
     * signer's block and the seal go.
     */
    public byte[] issuedResult(IssuedResultForm form) {
        try (Sheet sheet = new Sheet(PDRectangle.A4, RESULT_MARGIN, form.title(), "Kết quả giải quyết thủ tục hành chính"
                + " — hồ sơ " + form.dossierCode())) {
            sheet.documentHeading(form.superiorName(), form.agencyName(), RESULT_BAND_BOTTOM_MM * Sheet.MM);
            sheet.title(form.title(), 14f);
            if (form.subtitle() != null && !form.subtitle().isBlank()) {
                sheet.line(sheet.bold, RESULT_BODY, Align.CENTER, Forms.text(form.subtitle()));
            }
            sheet.gap(10);
            for (IssuedResultForm.Line line : form.lines()) {
                sheet.labelled(RESULT_BODY, line.label(), line.value());
            }
            for (String paragraph : form.paragraphs()) {
                sheet.gap(3);
                sheet.line(sheet.regular, RESULT_BODY, Align.LEFT, Forms.text(paragraph));
            }
            sheet.gap(6);
            sheet.besideQr(form.verificationUrl(), QR_SIDE, beside -> {
                code(beside, form.dossierCode());
                beside.line(beside.italic, BODY, Align.LEFT,
                        "Văn bản điện tử được ký số; quét mã QR để kiểm tra bản gốc.");
                if (form.verificationCode() != null) {
                    beside.labelled(BODY, "Mã kiểm tra", form.verificationCode());
                }
            });
            sheet.footWithRecipients(RESULT_FOOT, RESULT_RECIPIENTS_WIDTH, form.recipients());
            return sheet.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the result of " + form.dossierCode(), e);
        }
    }

    /** Mẫu 04, Phiếu xin lỗi và hẹn lại ngày trả kết quả. */
    public byte[] apology(ApologyForm form) {
        return pdf(A5, A5_MARGIN, "Phiếu xin lỗi và hẹn lại ngày trả kết quả", "Mẫu 04", form.dossierCode(),
                form.agencyName(), sheet -> {
            String agency = Forms.text(form.agencyName());
            // issued by the agency itself: its direct superior above it, the agency in bold (Decree 30/2020)
            boolean superior = form.superiorName() != null && !form.superiorName().isBlank();
            sheet.nationalHeading(superior ? form.superiorName() : form.agencyName(),
                    superior ? form.agencyName() : null, "Số: " + Forms.text(form.documentNumber()),
                    capitalised(Forms.longDate(form.issuedAt().atZone(zone).toLocalDate())));
            sheet.title("Phiếu xin lỗi và hẹn lại ngày trả kết quả", TITLE);
            sheet.line(sheet.regular, BODY, Align.CENTER, "Kính gửi: Ông/Bà " + Forms.text(form.applicantName()));
            sheet.gap(2);
            sheet.besideQr(form.dossierCode(), QR_SIDE, beside -> {
                String received = form.receivedAt() == null ? "Ngày … tháng … năm …"
                        : capitalised(Forms.longDate(form.receivedAt().atZone(zone).toLocalDate()));
                beside.line(beside.regular, BODY, Align.LEFT, received + ", " + agency
                        + " tiếp nhận giải quyết hồ sơ của Ông/Bà " + Forms.text(form.applicantName())
                        + " đề nghị giải quyết thủ tục " + Forms.text(form.procedureName()) + ".");
                code(beside, form.dossierCode());
            });
            sheet.labelled(BODY, "Thời gian hẹn trả kết quả giải quyết hồ sơ", Forms.longDate(form.originalAppointment()));
            sheet.line(sheet.regular, BODY, Align.LEFT, "Tuy nhiên đến nay, " + agency + " chưa trả kết quả giải quyết "
                    + "hồ sơ của Ông/Bà đúng hạn ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.");
            sheet.labelled(BODY, "Đơn vị để chậm trễ", form.delayingUnit());
            sheet.labelled(BODY, "Lý do", form.reason());
            sheet.lines(BODY, Align.LEFT, List.of(new Run(sheet.regular, "Sự chậm trễ này đã gây phiền hà cho Ông/Bà. "
                            + agency + " xin lỗi Ông/Bà và hẹn lại ngày trả kết quả vào "),
                    new Run(sheet.bold, Forms.longDate(form.newAppointment())), new Run(sheet.regular, ".")));
            sheet.line(sheet.regular, BODY, Align.LEFT, "Mong nhận được sự thông cảm của Ông/Bà./.");
            sheet.gap(6);
            sheet.signatures(BODY, List.of(new Signature("Thủ trưởng cơ quan", "(Ký, ghi rõ họ tên và đóng dấu)",
                    form.headName())));
        });
    }

    /** Mẫu 05, Phiếu kiểm soát quá trình giải quyết hồ sơ: one row per hand-over. */
    public byte[] processControl(ProcessControlForm form) {
        return pdf(A5, A5_MARGIN, "Phiếu kiểm soát quá trình giải quyết hồ sơ", "Mẫu 05", form.dossierCode(),
                form.agencyName(), sheet -> {
            sheet.nationalHeading(form.agencyName(), ONE_STOP_DEPARTMENT, null, null);
            sheet.title("Phiếu kiểm soát quá trình giải quyết hồ sơ", TITLE);
            sheet.line(sheet.italic, BODY - 1, Align.CENTER, "(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)");
            sheet.gap(2);
            sheet.besideQr(form.dossierCode(), QR_SIDE, beside -> {
                code(beside, form.dossierCode());
                beside.labelled(BODY, "Người nộp hồ sơ", form.applicantName());
                beside.labelled(BODY, "Thủ tục", form.procedureName());
                beside.labelled(BODY, "Cơ quan giải quyết hồ sơ", form.agencyName());
                beside.labelled(BODY, "Ngày hẹn trả kết quả", Forms.shortDate(form.appointedReturnDate()));
            });
            List<List<String>> rows = new ArrayList<>();
            int n = 0;
            for (HandOver handOver : form.handOvers()) {
                rows.add(List.of(Integer.toString(++n), handOver.step(), Forms.text(handOver.from()),
                        Forms.text(handOver.to()), Forms.shortTime(handOver.at(), zone),
                        handOver.timeliness().labelVi()));
            }
            sheet.table(List.of(new Column("STT", 0.6f, Align.CENTER),
                    new Column("Bước xử lý", 2.2f, Align.LEFT),
                    new Column("Bên giao", 1.9f, Align.LEFT),
                    new Column("Bên nhận", 1.9f, Align.LEFT),
                    new Column("Thời gian giao, nhận", 1.35f, Align.CENTER),
                    new Column("Kết quả", 1.05f, Align.CENTER)), rows, 8f);
            sheet.line(sheet.italic, 8f, Align.LEFT, "Kết quả: “Quá hạn” khi việc giao, nhận diễn ra sau ngày hẹn trả "
                    + "kết quả ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả; “—” khi hồ sơ chưa được tiếp nhận "
                    + "nên chưa có ngày hẹn.");
        });
    }

    /** Mẫu 06, Sổ theo dõi hồ sơ, as PDF (A4 landscape, pages numbered). */
    public byte[] registerPdf(DossierRegister register) {
        return pdf(A4_LANDSCAPE, A4_MARGIN, "Sổ theo dõi hồ sơ", "Mẫu 06", null, register.agencyName(), sheet -> {
            sheet.nationalHeading(register.agencyName(), ONE_STOP_DEPARTMENT, null, null);
            sheet.title("Sổ theo dõi hồ sơ", 13f);
            sheet.line(sheet.italic, 10.5f, Align.CENTER, "Từ ngày " + Forms.shortDate(register.from())
                    + " đến ngày " + Forms.shortDate(register.to()));
            sheet.gap(6);
            List<List<String>> rows = new ArrayList<>();
            int n = 0;
            for (RegisterEntry entry : register.entries()) {
                rows.add(registerRow(++n, entry));
            }
            List<Column> columns = new ArrayList<>();
            for (int i = 0; i < REGISTER_HEADINGS.size(); i++) {
                columns.add(new Column(REGISTER_HEADINGS.get(i).replace(RETURN_GROUP + ": ", RETURN_GROUP + "\n"),
                        REGISTER_SHARES[i], REGISTER_ALIGN[i]));
            }
            sheet.table(columns, rows, 7.5f);
            Map<Timeliness, Integer> counts = new EnumMap<>(Timeliness.class);
            register.entries().forEach(entry -> counts.merge(entry.timeliness(), 1, Integer::sum));
            sheet.line(sheet.regular, 10f, Align.LEFT, "Tổng số: " + register.entries().size() + " hồ sơ; "
                    + Timeliness.EARLY.labelVi() + ": " + counts.getOrDefault(Timeliness.EARLY, 0) + "; "
                    + Timeliness.ON_TIME.labelVi() + ": " + counts.getOrDefault(Timeliness.ON_TIME, 0) + "; "
                    + Timeliness.LATE.labelVi() + ": " + counts.getOrDefault(Timeliness.LATE, 0) + "; "
                    + Timeliness.NOT_DUE.labelVi() + ": " + counts.getOrDefault(Timeliness.NOT_DUE, 0) + ".");
            sheet.line(sheet.italic, 8f, Align.LEFT, "Trả kết quả: “" + Timeliness.EARLY.labelVi() + "”, “"
                    + Timeliness.ON_TIME.labelVi() + "”, “" + Timeliness.LATE.labelVi() + "”: giải quyết xong trước, "
                    + "đúng hoặc sau ngày hẹn trả kết quả (không tính thời gian chờ bổ sung hồ sơ; hồ sơ yêu cầu bổ "
                    + "sung quá một lần là quá hạn); hồ sơ đang giải quyết đã qua ngày hẹn được đánh dấu “"
                    + Timeliness.LATE.labelVi() + "”.");
        });
    }

    /**
     * Mẫu 06, Sổ theo dõi hồ sơ, as CSV (RFC 4180, CRLF): UTF-8 with a byte-order mark so that Excel reads the
     * Vietnamese text; cells that a spreadsheet would take for a formula are quoted with a leading apostrophe.
     */
    public byte[] registerCsv(DossierRegister register) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csvLine(csv, REGISTER_HEADINGS);
        int n = 0;
        for (RegisterEntry entry : register.entries()) {
            csvLine(csv, registerRow(++n, entry));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final String RETURN_GROUP = "Trả kết quả";

    /**
     * The columns of the register, in the order of Circular 01/2018/TT-VPCP Mẫu 06: number, dossier code,
     * procedure, applicant, address and telephone, the lead handling agency, date received, appointed date, date
     * the dossier went to the handling agency, date of its result or supplement request, the result returned
     * before, on or after the appointed date (one column each, marked "x"), date returned, remarks.
     */
    public static final List<String> REGISTER_HEADINGS = List.of("STT", "Mã hồ sơ", "Tên thủ tục hành chính",
            "Tên tổ chức, cá nhân", "Địa chỉ, số điện thoại", "Cơ quan chủ trì giải quyết", "Ngày nhận hồ sơ",
            "Ngày hẹn trả kết quả", "Ngày chuyển hồ sơ đến cơ quan giải quyết", "Ngày có kết quả/yêu cầu bổ sung",
            RETURN_GROUP + ": " + Timeliness.EARLY.labelVi(), RETURN_GROUP + ": " + Timeliness.ON_TIME.labelVi(),
            RETURN_GROUP + ": " + Timeliness.LATE.labelVi(), "Ngày trả kết quả", "Ghi chú");
    /** Shares of the width: the dossier code (25 characters, one word) must fit its column on one line. */
    private static final float[] REGISTER_SHARES = {0.45f, 2.3f, 1.9f, 1.3f, 1.4f, 1.1f, 0.95f, 0.85f, 0.95f, 0.95f,
            0.6f, 0.6f, 0.6f, 0.95f, 1.1f};
    private static final Align[] REGISTER_ALIGN = {Align.CENTER, Align.LEFT, Align.LEFT, Align.LEFT, Align.LEFT,
            Align.LEFT, Align.CENTER, Align.CENTER, Align.CENTER, Align.CENTER, Align.CENTER, Align.CENTER,
            Align.CENTER, Align.CENTER, Align.LEFT};
    private static final String MARK = "x";

    private List<String> registerRow(int n, RegisterEntry entry) {
        Timeliness verdict = entry.timeliness();
        String remarks = verdict == Timeliness.NOT_DUE ? entry.status() + " (" + verdict.labelVi().toLowerCase(
                Forms.VIETNAMESE) + ")" : entry.status();
        return List.of(Integer.toString(n), entry.dossierCode(), Forms.text(entry.procedureName()),
                Forms.text(entry.applicantName()), Forms.text(entry.applicantContact()),
                Forms.text(entry.handlingAgency()), Forms.shortTime(entry.receivedAt(), zone),
                Forms.shortDate(entry.appointedReturnDate()), Forms.shortTime(entry.transferredAt(), zone),
                Forms.shortTime(entry.resultAt(), zone), verdict == Timeliness.EARLY ? MARK : "",
                verdict == Timeliness.ON_TIME ? MARK : "", verdict == Timeliness.LATE ? MARK : "",
                Forms.shortTime(entry.returnedAt(), zone), Forms.text(remarks));
    }

    private static void csvLine(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String cell = cells.get(i) == null ? "" : cells.get(i);
            if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0) {
                cell = "'" + cell;
            }
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                cell = "\"" + cell.replace("\"", "\"\"") + "\"";
            }
            csv.append(cell);
        }
        csv.append("\r\n");
    }

    // ---- shared parts ----------------------------------------------------------------------------------------

    private static void code(Sheet sheet, String dossierCode) throws IOException {
        sheet.lines(BODY + 0.5f, Align.LEFT, List.of(new Run(sheet.bold, "Mã hồ sơ: "),
                new Run(sheet.bold, dossierCode)));
    }

    private static void applicant(Sheet sheet, FormApplicant applicant) throws IOException {
        sheet.labelled(BODY, "Ông/Bà", applicant.fullName());
        sheet.labelled(BODY, "Địa chỉ", applicant.address());
        sheet.lines(BODY, Align.LEFT, List.of(new Run(sheet.bold, "Số điện thoại: "),
                new Run(sheet.regular, Forms.text(applicant.phone()) + "    "),
                new Run(sheet.bold, "Email: "), new Run(sheet.regular, Forms.text(applicant.email()))));
        sheet.labelled(BODY, "Số định danh cá nhân", applicant.idNumber());
        if (applicant.taxCode() != null && !applicant.taxCode().isBlank()) {
            sheet.labelled(BODY, "Mã số thuế", applicant.taxCode());
        }
    }

    /** " (chưa xác minh)" after a figure the catalogue has not checked against the legal text. */
    private static String unverified(ReceiptForm form, String field) {
        return form.unverified().contains(field) ? " (" + ReceiptForm.UNVERIFIED + ")" : "";
    }

    private static void item(Sheet sheet, String label, String value) throws IOException {
        sheet.lines(BODY, Align.LEFT, List.of(new Run(sheet.bold, label + ": "), new Run(sheet.regular,
                Forms.text(value))));
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * A form on one sheet. {@code signedBy}: the agency whose organisation signature the electronic form
     * carries ({@link SignedForms}): the top of the first page is left to the signature's stamp, with a note
     * naming the agency; null for the result, whose signatures sit at the foot of the page.
     */
    private static byte[] pdf(PDRectangle size, float margin, String title, String form, String dossierCode,
                              String signedBy, Sheet.Body body) {
        String subject = form + ", Thông tư số 01/2018/TT-VPCP" + (dossierCode == null ? "" : " — hồ sơ " + dossierCode);
        try (Sheet sheet = new Sheet(size, margin, title, subject)) {
            if (signedBy != null) {
                sheet.signatureBand(SIGNED_NOTE + Forms.text(signedBy) + ".");
            }
            body.draw(sheet);
            return sheet.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + form, e);
        }
    }
}
