package vn.motcua.reliability.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Valid inputs, each one different: the baseline a hostile variant departs from. */
public final class Samples {

    public static final String HANOI = "000.00.16.H26";
    public static final String HCMC = "000.00.16.H29";
    public static final String COSMETICS = "1.002600";

    private static final AtomicInteger COUNT = new AtomicInteger();

    private Samples() {
    }

    public static byte[] pdf(String text) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText(ascii(text) + " #" + COUNT.incrementAndGet());
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String ascii(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replace('đ', 'd').replace('Đ', 'D')
                .replaceAll("[^\\x20-\\x7e]", "");
    }

    public static String dossier(String unit, String fullName) {
        return """
                {"procedureCode":"%s","unitId":"%s",
                 "applicant":{"fullName":"%s","idNumber":"001099012345","phone":"0912345678",
                              "email":"applicant@example.vn","address":"Số 1 Tràng Tiền, Hà Nội"},
                 "form":{"productName":"Kem dưỡng da Sen Việt","brand":"Sen Việt"}}"""
                .formatted(COSMETICS, unit, fullName);
    }

    /** A citizen's submission: the JSON part "dossier" and one PDF part "files". */
    public static Http.Request submission(String citizen, String unit, String fullName) {
        return Http.Request.of("POST", "/api/v1/dossiers").as(citizen).multipart(new Http.Multipart()
                .json("dossier", dossier(unit, fullName))
                .pdf("files", "phieu-cong-bo.pdf", pdf("Phieu cong bo " + fullName)));
    }

    public static final String DRAFT = """
            {"metadata":{"subject":"Kế hoạch thanh tra chuyên ngành dược","type":"PLAN",
             "urgency":"NORMAL","secrecy":"NONE","pageCount":1,"signerPosition":"Phó Giám đốc",
             "signerName":"Đặng Quốc Việt","issuerAbbreviation":"SYT",
             "recipients":[{"id":"000.00.16.H26.VP","name":"Văn phòng Sở","kind":"INTERNAL_UNIT"}]}}""";

    /** A specialist's outgoing draft: the JSON part "document" and the PDF part "file". */
    public static Http.Request draft(String specialist) {
        return Http.Request.of("POST", "/api/v1/documents/outgoing").as(specialist).multipart(new Http.Multipart()
                .json("document", DRAFT).pdf("file", "du-thao.pdf", pdf("Du thao van ban")));
    }
}
