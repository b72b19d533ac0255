package vn.motcua.eoffice.forms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

import vn.motcua.eoffice.forms.Sheet.Align;
import vn.motcua.eoffice.forms.Sheet.Run;

/**
 * Renders the {@link HandlingSheet} (Phiếu giải quyết văn bản đến) as an A4 PDF in the face of administrative
 * documents (Decree 30/2020/ND-CP): the agency's heading, the document as registered, then the three parts of the
 * sheet — the leader's instructions, the opinion of the head of the lead unit, the handler's opinions and result —
 * each opinion signed off with its author's name and the time, in the agency's legal time zone. Stateless.
 */
public final class HandlingSheets {

    private static final float MARGIN = 20 * Sheet.MM;
    private static final float BODY = 11f;
    private static final float TITLE = 13f;
    static final String TITLE_TEXT = "Phiếu giải quyết văn bản đến";

    private final ZoneId zone;

    public HandlingSheets() {
        this(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    public HandlingSheets(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public byte[] render(HandlingSheet form) {
        try (Sheet sheet = new Sheet(PDRectangle.A4, MARGIN, TITLE_TEXT, TITLE_TEXT + " — số đến "
                + Forms.text(form.arrivalNumber()))) {
            sheet.nationalHeading(form.agencyName(), null, null, null);
            sheet.title(TITLE_TEXT, TITLE);
            sheet.gap(4);
            sheet.labelled(BODY, "Số đến", form.arrivalNumber());
            sheet.labelled(BODY, "Ngày đến", Forms.shortDate(form.arrivedOn()));
            sheet.labelled(BODY, "Nơi gửi", form.senderName());
            sheet.labelled(BODY, "Số, ký hiệu văn bản", form.numberSymbol());
            sheet.labelled(BODY, "Ngày văn bản", Forms.shortDate(form.issuedOn()));
            sheet.labelled(BODY, "Trích yếu nội dung", form.subject());
            sheet.labelled(BODY, "Độ khẩn", form.urgency());
            if (form.secrecy() != null) {
                sheet.labelled(BODY, "Độ mật", form.secrecy());
            }
            part(sheet, "1. Ý kiến chỉ đạo của lãnh đạo cơ quan", form.leader());
            part(sheet, "2. Ý kiến của lãnh đạo đơn vị chủ trì", form.unitHead());
            part(sheet, "3. Ý kiến đề xuất và kết quả giải quyết của người giải quyết", form.handler());
            if (form.printedAt() != null) {
                sheet.gap(8);
                sheet.line(sheet.italic, BODY - 2, Align.RIGHT, "In từ hệ thống lúc " + Forms.shortTime(
                        form.printedAt(), zone));
            }
            return sheet.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the handling sheet", e);
        }
    }

    private void part(Sheet sheet, String heading, List<HandlingSheet.Opinion> opinions) throws IOException {
        sheet.gap(8);
        sheet.line(sheet.bold, BODY, Align.LEFT, heading);
        if (opinions.isEmpty()) {
            sheet.line(sheet.italic, BODY, Align.LEFT, "(Chưa có ý kiến)");
            return;
        }
        for (HandlingSheet.Opinion opinion : opinions) {
            if (opinion.text() != null && !opinion.text().isBlank()) {
                sheet.lines(BODY, Align.LEFT, List.of(new Run(sheet.regular, Forms.text(opinion.text()))));
            }
            for (String detail : opinion.details()) {
                sheet.lines(BODY, Align.LEFT, List.of(new Run(sheet.regular, "- " + Forms.text(detail))));
            }
            String who = Forms.text(opinion.name()) + (opinion.position() == null || opinion.position().isBlank()
                    ? "" : " (" + opinion.position().strip() + ")");
            sheet.lines(BODY, Align.RIGHT, List.of(new Run(sheet.italic, who + ", "
                    + Forms.shortTime(opinion.at(), zone))));
            sheet.gap(3);
        }
    }
}
