package vn.motcua.eoffice.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A drafted decision of several A4 pages laid out as Decree 30/2020/ND-CP Appendix I asks (margins top 20 mm,
 * left 30 mm, right 15 mm), with what {@link OutgoingDocumentPdf} expects left blank: the number and the date
 * band under the issuer's name and the national motto on page 1, and the signature block on the last page.
 */
final class Drafts {

    static final String ISSUER_SUPERIOR = "UBND THÀNH PHỐ HÀ NỘI";
    static final String ISSUER = "SỞ Y TẾ";
    static final String TITLE = "QUYẾT ĐỊNH";

    private static final float MM = 72f / 25.4f;
    private static final float LEFT = 30 * MM;
    private static final float RIGHT = 15 * MM;

    private Drafts() {
    }

    static byte[] decision(int pages) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font regular = PadesSigner.font(document, "LiberationSerif-Regular.ttf");
            PDType0Font bold = PadesSigner.font(document, "LiberationSerif-Bold.ttf");
            for (int number = 1; number <= pages; number++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                float width = page.getMediaBox().getWidth();
                float top = page.getMediaBox().getHeight();
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    float y = top - 20 * MM - 40;
                    if (number == 1) {
                        // Appendix I boxes 1 and 2: the issuer on the left, the national motto on the right
                        centred(content, regular, 12, ISSUER_SUPERIOR, 20 * MM, 95 * MM, top - 20 * MM - 11);
                        centred(content, bold, 12, ISSUER, 20 * MM, 95 * MM, top - 20 * MM - 25);
                        centred(content, bold, 12, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 95 * MM, width - RIGHT,
                                top - 20 * MM - 11);
                        centred(content, bold, 13, "Độc lập - Tự do - Hạnh phúc", 95 * MM, width - RIGHT,
                                top - 20 * MM - 25);
                        // boxes 3 and 4 stay blank: OutgoingDocumentPdf stamps them after the signature
                        centred(content, bold, 14, TITLE, LEFT, width - RIGHT, top - 52 * MM);
                        centred(content, bold, 14, "Về việc kiểm tra cơ sở kinh doanh mỹ phẩm", LEFT, width - RIGHT,
                                top - 58 * MM);
                        y = top - 70 * MM;
                    }
                    int lines = number == pages ? 12 : 30;
                    for (int line = 0; line < lines; line++) {
                        show(content, regular, 13, "Điều %d.%d. Nội dung dự thảo quyết định, trang %d.".formatted(
                                number, line + 1, number), LEFT, y);
                        y -= 18;
                    }
                    if (number == pages) {
                        show(content, bold, 12, "Nơi nhận:", LEFT, 60 + 100);
                        show(content, regular, 11, "- Như Điều 3;", LEFT, 60 + 86);
                        show(content, regular, 11, "- Lưu: VT.", LEFT, 60 + 74);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An attachment in a separate file (phụ lục) of one A4 page: its heading and a table-like list, with the top
     * 25 mm left blank (the margin of Appendix I), where the agency's stamp of number and time goes.
     */
    static byte[] annex(String heading) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font regular = PadesSigner.font(document, "LiberationSerif-Regular.ttf");
            PDType0Font bold = PadesSigner.font(document, "LiberationSerif-Bold.ttf");
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            float width = page.getMediaBox().getWidth();
            float top = page.getMediaBox().getHeight();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                centred(content, bold, 14, "PHỤ LỤC", LEFT, width - RIGHT, top - 35 * MM);
                centred(content, bold, 13, heading, LEFT, width - RIGHT, top - 42 * MM);
                float y = top - 55 * MM;
                for (int line = 1; line <= 20; line++) {
                    show(content, regular, 13, "%d. Cơ sở kinh doanh mỹ phẩm số %d, phường Tràng Tiền.".formatted(
                            line, line), LEFT, y);
                    y -= 18;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void centred(PDPageContentStream content, PDType0Font font, float size, String text, float left,
            float right, float baseline) throws IOException {
        float width = font.getStringWidth(text) / 1000 * size;
        show(content, font, size, text, left + (right - left - width) / 2, baseline);
    }

    private static void show(PDPageContentStream content, PDType0Font font, float size, String text, float x,
            float y) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }
}
