package vn.motcua.eoffice.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.X509CRL;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;

import vn.motcua.engine.identity.Signatory;
import vn.motcua.eoffice.signing.PadesSigner.Appearance;
import vn.motcua.eoffice.signing.PadesSigner.Area;
import vn.motcua.eoffice.signing.PadesSigner.Block;
import vn.motcua.eoffice.signing.PadesSigner.Level;
import vn.motcua.eoffice.signing.PadesSigner.Request;

/**
 * The PDF of an outgoing official document through its signing steps, in the order of Decree 30/2020/ND-CP
 * Art. 15 (number and date are given after the competent person signs; then the agency signs the electronic
 * document) and with the layout of its Appendix I:
 * <ol>
 * <li>{@link #signByLeader}: the competent leader signs the draft, PAdES B-T, with the blue signature between
 * job title and name in the {@link #signatureBlock} at the bottom right of the last page;</li>
 * <li>{@link #numberSealAndArchive}: the number/symbol and the place and date from the register are stamped on
 * page 1 in an incremental update, as two read-only text fields whose appearance is drawn here in Liberation
 * Serif (embedded, so the Vietnamese diacritics render) and whose value is the text itself; the page content is
 * not touched, so the leader's signature still covers its revision unchanged. The agency then signs that
 * numbered revision with its seal (B-T, red seal over the left third of the leader's signature) and the file
 * is archived as B-LTA (validation data and a document time-stamp).</li>
 * <li>{@link #sealAttachmentAndArchive}: in the same seal step, each attachment in a separate file (phụ lục, văn
 * bản kèm theo) is signed by the agency with no image (Appendix I: the number/symbol and the signing time,
 * date hh:mm:ss in Vietnam time as ISO 8601, 10 pt upright black Liberation Serif (metric twin of Times New
 * Roman), at the top right of page 1;
 * {@link Appearance.AttachmentStamp}), B-T, and archived as B-LTA like the main file.</li>
 * </ol>
 * <p>Layout convention: a draft leaves blank, on page 1, the band from {@value #BAND_TOP_MM} to
 * {@value #BAND_BOTTOM_MM} mm below the top edge, where the number goes under the issuer's name on the left
 * ({@link #numberArea}: Appendix I box 3, "Số: 05/QĐ-SYT", 13 pt upright) and the place and date go under the
 * national motto on the right ({@link #dateArea}: box 4, "Hà Nội, ngày 22 tháng 11 năm 2026", 13 pt italic);
 * and it leaves blank the signature block on the last page. With the Appendix I margins (top 20–25 mm) the
 * issuer's name and the motto fit above the band in two lines each.
 */
public final class OutgoingDocumentPdf {

    /**
     * The leader who signs: the alias of their key in the {@link vn.motcua.engine.audit.crypto.Signer}, the title
     * lines above the signature (Appendix I box 7a, e.g. "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC") and the full name.
     */
    public record Leader(String alias, List<String> titleLines, String name) {
        public Leader {
            Objects.requireNonNull(alias, "alias");
            titleLines = List.copyOf(titleLines);
            Objects.requireNonNull(name, "name");
        }

        /** One who signs in their own right with a single job title. */
        public Leader(String alias, String jobTitle, String name) {
            this(alias, List.of(Objects.requireNonNull(jobTitle, "jobTitle")
                    .toUpperCase(java.util.Locale.forLanguageTag("vi"))), name);
        }

        /** The {@link Signatory} who signs, with the title lines of their authority (KT., TL., TUQ.). */
        public static Leader of(String alias, Signatory signatory) {
            return new Leader(alias, signatory.titleLines(), signatory.fullName());
        }
    }

    /** The issuing agency: the alias of its seal key and its name (on the seal, and as the signing location). */
    public record Agency(String sealAlias, String name) {
        public Agency {
            Objects.requireNonNull(sealAlias, "sealAlias");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * What the register gave: the symbol ({@code 05/QĐ-SYT}), the date of issue, and the place name
     * (địa danh) of the agency; without a place the date line starts with "ngày".
     */
    public record Numbering(String symbol, LocalDate issuedOn, String place) {
        public Numbering {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(issuedOn, "issuedOn");
        }

        /** Box 3 of Appendix I. */
        public String numberLine() {
            return "Số: " + symbol;
        }

        /**
         * Box 4 of Appendix I: day and month below 10 take a leading zero only for days and for January and
         * February ("ngày 05 tháng 02 năm 2027", but "tháng 3").
         */
        public String dateLine() {
            int month = issuedOn.getMonthValue();
            String date = "ngày %02d tháng %s năm %d".formatted(issuedOn.getDayOfMonth(),
                    month <= 2 ? "%02d".formatted(month) : String.valueOf(month), issuedOn.getYear());
            return place == null || place.isBlank() ? date : place.strip() + ", " + date;
        }
    }

    /** The text fields of the stamp, by their (fully qualified) field names. */
    public static final String NUMBER_FIELD = "soKyHieu";
    public static final String DATE_FIELD = "diaDanhNgayThang";

    static final int BAND_TOP_MM = 32;
    static final int BAND_BOTTOM_MM = 42;
    private static final float MM = 72f / 25.4f;
    private static final float NUMBER_LEFT_MM = 20;
    private static final float COLUMN_SPLIT_MM = 95;
    private static final float RIGHT_MARGIN_MM = 15;
    private static final float TEXT_SIZE = 13;
    private static final int READ_ONLY = 1;

    private final PadesSigner signer;

    public OutgoingDocumentPdf(PadesSigner signer) {
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    /** Step 1: the leader's signature (B-T, visible) over the draft. */
    public byte[] signByLeader(byte[] draft, Leader leader, Agency agency) {
        return signer.sign(draft, new Request(leader.alias(), Level.B_T, new Appearance.Handwritten(
                signatureBlock(draft), leader.titleLines(), leader.name()), "Ký ban hành văn bản", agency.name()));
    }

    /**
     * Step 2: number and date stamped, then the agency's seal signature (B-T) over the numbered revision, then
     * B-LTA with {@code crls} as the revocation data of the archived file.
     */
    public byte[] numberSealAndArchive(byte[] signed, Numbering numbering, Agency agency, Collection<X509CRL> crls) {
        byte[] numbered = stampNumber(signed, numbering);
        byte[] sealed = signer.sign(numbered, new Request(agency.sealAlias(), Level.B_T,
                new Appearance.Seal(signatureBlock(numbered), agency.name()), "Đóng dấu cơ quan", agency.name()));
        return signer.archive(sealed, crls);
    }

    /**
     * Step 2 for an attachment in a separate file: the agency's signature (B-T) with the number/symbol of the
     * document it belongs to and the signing time at the top right of page 1, then B-LTA with {@code crls}.
     */
    public byte[] sealAttachmentAndArchive(byte[] attachment, Numbering numbering, Agency agency,
            Collection<X509CRL> crls) {
        byte[] sealed = signer.sign(attachment, new Request(agency.sealAlias(), Level.B_T,
                new Appearance.AttachmentStamp(numbering.numberLine()), "Ký số văn bản kèm theo", agency.name()));
        return signer.archive(sealed, crls);
    }

    /** Where the leader's signature and the agency's seal go: a fixed block at the bottom right of the last page. */
    public static Block signatureBlock(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int last = document.getNumberOfPages() - 1;
            PDRectangle box = document.getPage(last).getMediaBox();
            return new Block(last, box.getLowerLeftX() + box.getWidth() - Block.WIDTH - 40, box.getLowerLeftY() + 60);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Box 3 on a page of this size: "Số: …" under the issuer's name, top left of page 1. */
    public static Area numberArea(PDRectangle media) {
        return band(media, media.getLowerLeftX() + NUMBER_LEFT_MM * MM, (COLUMN_SPLIT_MM - NUMBER_LEFT_MM) * MM);
    }

    /** Box 4 on a page of this size: place and date under the national motto, top right of page 1. */
    public static Area dateArea(PDRectangle media) {
        return band(media, media.getLowerLeftX() + COLUMN_SPLIT_MM * MM,
                media.getWidth() - (COLUMN_SPLIT_MM + RIGHT_MARGIN_MM) * MM);
    }

    private static Area band(PDRectangle media, float x, float width) {
        return new Area(x, media.getUpperRightY() - BAND_BOTTOM_MM * MM, width, (BAND_BOTTOM_MM - BAND_TOP_MM) * MM);
    }

    /**
     * The numbered revision: an incremental update that adds the two read-only text fields to page 1 and to the
     * form, and leaves every earlier byte (and so every earlier signature) as it was.
     */
    static byte[] stampNumber(byte[] signed, Numbering numbering) {
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            PDAcroForm form = catalog.getAcroForm(null);
            if (form == null) {
                form = new PDAcroForm(document);
                catalog.setAcroForm(form);
            }
            PDResources defaults = form.getDefaultResources();
            if (defaults == null) {
                defaults = new PDResources();
                form.setDefaultResources(defaults);
            }
            PDPage page = document.getPage(0);
            PDRectangle media = page.getMediaBox();
            PDType0Font upright = PadesSigner.font(document, "LiberationSerif-Regular.ttf");
            PDType0Font italic = PadesSigner.font(document, "LiberationSerif-Italic.ttf");
            COSName uprightName = defaults.add(upright);
            COSName italicName = defaults.add(italic);
            field(document, form, page, NUMBER_FIELD, numberArea(media), numbering.numberLine(), upright, uprightName);
            field(document, form, page, DATE_FIELD, dateArea(media), numbering.dateLine(), italic, italicName);

            form.getCOSObject().setNeedToBeUpdated(true);
            defaults.getCOSObject().setNeedToBeUpdated(true);
            form.getCOSObject().getCOSArray(COSName.FIELDS).setNeedToBeUpdated(true);
            catalog.getCOSObject().setNeedToBeUpdated(true);
            page.getCOSObject().setNeedToBeUpdated(true);
            page.getCOSObject().getCOSArray(COSName.ANNOTS).setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream(signed.length + 64 * 1024);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A read-only text field whose value is {@code text}, shown centred in {@code area} by its own appearance. */
    private static void field(PDDocument document, PDAcroForm form, PDPage page, String name, Area area, String text,
            PDType0Font font, COSName fontName) throws IOException {
        PDTextField field = new PDTextField(form);
        field.setPartialName(name);
        field.setFieldFlags(READ_ONLY);
        field.setDefaultAppearance("/" + fontName.getName() + " " + TEXT_SIZE + " Tf 0 g");
        field.getCOSObject().setString(COSName.V, text);
        field.setQ(PDTextField.QUADDING_CENTERED);

        PDAnnotationWidget widget = field.getWidgets().getFirst();
        widget.setRectangle(area.rectangle());
        widget.setPage(page);
        widget.setPrinted(true);
        widget.setLocked(true);

        PDFormXObject xObject = new PDFormXObject(new PDStream(document));
        xObject.setResources(new PDResources());
        xObject.setFormType(1);
        xObject.setBBox(new PDRectangle(area.width(), area.height()));
        PDAppearanceStream normal = new PDAppearanceStream(xObject.getCOSObject());
        normal.getResources().put(fontName, font);
        PDAppearanceDictionary appearances = new PDAppearanceDictionary();
        appearances.setNormalAppearance(normal);
        widget.setAppearance(appearances);
        float size = Math.min(TEXT_SIZE, (area.width() - 4) * 1000 / font.getStringWidth(text));
        float width = font.getStringWidth(text) / 1000 * size;
        try (PDPageContentStream content = new PDPageContentStream(document, normal)) {
            content.beginMarkedContent(COSName.TX);
            content.beginText();
            content.setNonStrokingColor(0f, 0f, 0f);
            content.setFont(font, size);
            content.newLineAtOffset((area.width() - width) / 2, (area.height() - size * 0.7f) / 2);
            content.showText(text);
            content.endText();
            content.endMarkedContent();
        }
        COSArray fields = form.getCOSObject().getCOSArray(COSName.FIELDS);
        if (fields == null) {
            fields = new COSArray();
            form.getCOSObject().setItem(COSName.FIELDS, fields);
        }
        fields.add(field.getCOSObject());
        COSArray annotations = page.getCOSObject().getCOSArray(COSName.ANNOTS);
        if (annotations == null) {
            annotations = new COSArray();
            page.getCOSObject().setItem(COSName.ANNOTS, annotations);
        }
        annotations.add(widget.getCOSObject());
    }
}
