package vn.motcua.eoffice.forms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

import com.google.zxing.common.BitMatrix;

/**
 * A page-flowing writer for the forms: lines of text that wrap and break across pages, the two-column
 * heading of a Vietnamese administrative document, bordered tables, signature blocks and a QR code.
 * Coordinates are PDF points from the bottom-left corner; {@code y} is the top of the next thing drawn.
 * The same content gives the same bytes: no dates, and a file identifier made from the content, so that a
 * form that has not changed is recognised by its hash and its signed copy is reused.
 */
final class Sheet implements AutoCloseable {

    static final float MM = 72f / 25.4f;
    static final String MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String MOTTO_2 = "Độc lập - Tự do - Hạnh phúc";
    /**
     * How far below the top edge of the first page the content starts when the agency signs the form: the
     * signature's stamp ({@code PadesSigner.Appearance.AttachmentStamp}: identifier and signing time, top
     * right, 10 pt) takes the band from 20 to 50 points below the edge, 190 points wide, 20 from the right.
     */
    private static final float SIGNATURE_BAND = 54;
    private static final float STAMP_TOP = 20;
    private static final float STAMP_SPACE = 20 + 190 + 8;

    enum Align { LEFT, CENTER, RIGHT }

    /** A piece of text in one font. */
    record Run(PDFont font, String text) {
    }

    /** A table column: its heading, its share of the width, how its cells are aligned. */
    record Column(String heading, float share, Align align) {
    }

    /** A signature block: who signs (bold), how (italic), and the signer's name once signed. */
    record Signature(String title, String hint, String name) {
    }

    private record Drawn(float y, float lastBaseline, float lastWidth) {
    }

    private final PDDocument document = new PDDocument();
    private final PDRectangle size;
    private final float left;
    private final float right;
    private final float top;
    private final float bottom;
    private final Map<PDFont, Map<Integer, Boolean>> printable = new IdentityHashMap<>();
    final PDFont regular;
    final PDFont bold;
    final PDFont italic;

    private PDPageContentStream out;
    private float y;
    private float inset;

    Sheet(PDRectangle size, float margin, String title, String subject) throws IOException {
        this.size = size;
        this.left = margin * 1.25f;
        this.right = margin;
        this.top = margin;
        this.bottom = margin;
        FormFonts fonts = FormFonts.load(document);
        this.regular = fonts.regular();
        this.bold = fonts.bold();
        this.italic = fonts.italic();
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setSubject(subject);
        info.setCreator("motcua");
        document.getDocumentCatalog().setLanguage("vi-VN");
        newPage();
    }

    /** The width text may take on the current line (narrower beside a QR code). */
    float width() {
        return size.getWidth() - left - right - inset;
    }

    void gap(float points) {
        y -= points;
    }

    void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(size);
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        y = size.getHeight() - top;
    }

    private void ensure(float height) throws IOException {
        if (y - height < bottom) {
            newPage();
        }
    }

    // ---- text -----------------------------------------------------------------------------------------------

    void line(PDFont font, float fontSize, Align align, String text) throws IOException {
        lines(fontSize, align, List.of(new Run(font, text)));
    }

    /** "Label: value", the label in bold. */
    void labelled(float fontSize, String label, String value) throws IOException {
        lines(fontSize, Align.LEFT, List.of(new Run(bold, label + ": "), new Run(regular, Forms.text(value))));
    }

    /** Runs of text wrapped to the width, breaking to a new page between lines when needed. */
    void lines(float fontSize, Align align, List<Run> runs) throws IOException {
        float leading = leading(fontSize);
        for (List<Run> line : wrap(runs, fontSize, width())) {
            ensure(leading);
            drawLine(line, fontSize, left, width(), y - fontSize, align);
            y -= leading;
        }
    }

    /** Runs wrapped inside a box at a fixed place, without page breaks: for headings and columns. */
    private Drawn block(float x, float boxWidth, float yTop, List<Run> runs, float fontSize, Align align)
            throws IOException {
        float leading = leading(fontSize);
        float baseline = yTop - fontSize;
        float lastWidth = 0;
        for (List<Run> line : wrap(runs, fontSize, boxWidth)) {
            baseline = yTop - fontSize;
            lastWidth = drawLine(line, fontSize, x, boxWidth, baseline, align);
            yTop -= leading;
        }
        return new Drawn(yTop, baseline, lastWidth);
    }

    private static float leading(float fontSize) {
        return fontSize * 1.25f;
    }

    private float drawLine(List<Run> line, float fontSize, float x, float boxWidth, float baseline, Align align)
            throws IOException {
        List<Run> trimmed = new ArrayList<>(line);
        if (!trimmed.isEmpty()) {
            Run last = trimmed.removeLast();
            trimmed.add(new Run(last.font(), last.text().stripTrailing()));
        }
        float lineWidth = 0;
        for (Run run : trimmed) {
            lineWidth += width(run.font(), run.text(), fontSize);
        }
        float cursor = switch (align) {
            case LEFT -> x;
            case CENTER -> x + (boxWidth - lineWidth) / 2;
            case RIGHT -> x + boxWidth - lineWidth;
        };
        for (Run run : trimmed) {
            if (run.text().isEmpty()) {
                continue;
            }
            out.beginText();
            out.setFont(run.font(), fontSize);
            out.newLineAtOffset(cursor, baseline);
            out.showText(run.text());
            out.endText();
            cursor += width(run.font(), run.text(), fontSize);
        }
        return lineWidth;
    }

    private float width(PDFont font, String text, float fontSize) throws IOException {
        return font.getStringWidth(text) / 1000f * fontSize;
    }

    /** Greedy line filling by words, keeping each word's trailing spaces; a word wider than a line is cut. */
    private List<List<Run>> wrap(List<Run> runs, float fontSize, float maxWidth) throws IOException {
        List<List<Run>> lines = new ArrayList<>();
        List<Run> line = new ArrayList<>();
        float lineWidth = 0;
        for (Run run : runs) {
            String[] paragraphs = printable(run.font(), run.text()).split("\n", -1);
            for (int p = 0; p < paragraphs.length; p++) {
                if (p > 0) {
                    lines.add(line);
                    line = new ArrayList<>();
                    lineWidth = 0;
                }
                for (String word : paragraphs[p].split("(?<=\\s)(?=\\S)")) {
                    if (word.isEmpty()) {
                        continue;
                    }
                    float fit = width(run.font(), word.stripTrailing(), fontSize);
                    if (lineWidth + fit > maxWidth && !line.isEmpty()) {
                        lines.add(line);
                        line = new ArrayList<>();
                        lineWidth = 0;
                    }
                    while (width(run.font(), word.stripTrailing(), fontSize) > maxWidth) {
                        int cut = longestPrefix(run.font(), word, fontSize, maxWidth);
                        lines.add(List.of(new Run(run.font(), word.substring(0, cut))));
                        word = word.substring(cut);
                    }
                    append(line, run.font(), word);
                    lineWidth += width(run.font(), word, fontSize);
                }
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    private int longestPrefix(PDFont font, String word, float fontSize, float maxWidth) throws IOException {
        int end = word.offsetByCodePoints(0, 1);
        while (end < word.length()) {
            int next = word.offsetByCodePoints(end, 1);
            if (width(font, word.substring(0, next), fontSize) > maxWidth) {
                break;
            }
            end = next;
        }
        return end;
    }

    private static void append(List<Run> line, PDFont font, String text) {
        if (!line.isEmpty() && line.getLast().font() == font) {
            Run last = line.removeLast();
            line.add(new Run(font, last.text() + text));
        } else {
            line.add(new Run(font, text));
        }
    }

    /**
     * Text the font can show: composed Vietnamese letters (NFC), whitespace and control characters as spaces
     * (line breaks kept), and '?' for the rare character the font has no glyph for, rather than failing.
     */
    private String printable(PDFont font, String text) {
        String composed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC);
        StringBuilder shown = new StringBuilder(composed.length());
        composed.codePoints().forEach(c -> {
            if (c == '\n') {
                shown.append('\n');
            } else if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                shown.append(' ');
            } else if (hasGlyph(font, c)) {
                shown.appendCodePoint(c);
            } else {
                shown.append('?');
            }
        });
        return shown.toString();
    }

    private boolean hasGlyph(PDFont font, int codePoint) {
        return printable.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(codePoint, c -> {
            try {
                font.encode(Character.toString(c));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        });
    }

    // ---- the parts of a form --------------------------------------------------------------------------------

    /**
     * Keeps the top of the first page free for the agency's signature stamp, with {@code note} (who signed
     * the electronic form) in small italics to its left; the content starts below the band.
     */
    void signatureBand(String note) throws IOException {
        float noteWidth = size.getWidth() - left - STAMP_SPACE;
        Drawn drawn = block(left, noteWidth, size.getHeight() - STAMP_TOP, List.of(new Run(italic, note)), 8f,
                Align.LEFT);
        y = Math.min(y, Math.min(size.getHeight() - SIGNATURE_BAND, drawn.y() - 4));
    }

    /**
     * The heading of an administrative document (Decree 30/2020/ND-CP, Appendix I): on the left the agency
     * and, below it, the issuing department in bold, underlined; on the right the national motto, underlined;
     * below them the number (left) and the date (right, italic). Null parts are left out.
     */
    void nationalHeading(String agency, String department, String number, String date) throws IOException {
        float full = width();
        float leftWidth = full * 0.42f;
        float rightWidth = full - leftWidth;
        float fontSize = Math.min(10f, (rightWidth - 4) / (width(bold, MOTTO, 1f)));
        float yTop = y;

        Drawn agencyLines = block(left, leftWidth, yTop, List.of(new Run(department == null ? bold : regular,
                Forms.upper(agency))), fontSize, Align.CENTER);
        if (department != null) {
            agencyLines = block(left, leftWidth, agencyLines.y(), List.of(new Run(bold, Forms.upper(department))),
                    fontSize, Align.CENTER);
        }
        underline(left + leftWidth / 2, agencyLines.lastBaseline() - 3, Math.max(agencyLines.lastWidth() * 0.4f, 30f));

        float mottoX = left + leftWidth;
        Drawn motto = block(mottoX, rightWidth, yTop, List.of(new Run(bold, MOTTO)), fontSize, Align.CENTER);
        motto = block(mottoX, rightWidth, motto.y(), List.of(new Run(bold, MOTTO_2)), fontSize + 0.5f, Align.CENTER);
        underline(mottoX + rightWidth / 2, motto.lastBaseline() - 3, motto.lastWidth());

        y = Math.min(agencyLines.y(), motto.y()) - 6;
        if (number != null || date != null) {
            float yLine = y;
            float yLeft = number == null ? yLine
                    : block(left, leftWidth, yLine, List.of(new Run(regular, number)), fontSize + 0.5f, Align.CENTER).y();
            float yRight = date == null ? yLine
                    : block(mottoX, rightWidth, yLine, List.of(new Run(italic, date)), fontSize + 0.5f, Align.CENTER).y();
            y = Math.min(yLeft, yRight);
        }
        y -= 10;
    }

    /**
     * The heading of an administrative document numbered and dated after it is signed (Decree 30/2020/ND-CP
     * Appendix I, boxes 1, 2): on the left the superior agency (if any, upright) above the issuing agency (bold),
     * each on one line, shrunk to fit the column so that no name runs off the page; on the right the national motto
     * in two lines, underlined. The band down to {@code bandBottom} points below the top edge is
     * left blank for the number (box 3, left) and the place and date (box 4, right) stamped by the clerk; the
     * content starts below it.
     */
    void documentHeading(String superior, String agency, float bandBottom) throws IOException {
        float full = width();
        float leftWidth = full * 0.42f;
        float rightWidth = full - leftWidth;
        float yTop = y;
        String agencyText = Forms.upper(agency);
        Drawn agencyLines;
        if (superior != null && !superior.isBlank()) {
            String superiorText = Forms.upper(superior);
            Drawn drawn = block(left, leftWidth, yTop, List.of(new Run(regular, superiorText)),
                    fitted(regular, superiorText, leftWidth, 11), Align.CENTER);
            agencyLines = block(left, leftWidth, drawn.y(), List.of(new Run(bold, agencyText)),
                    fitted(bold, agencyText, leftWidth, 11), Align.CENTER);
        } else {
            agencyLines = block(left, leftWidth, yTop, List.of(new Run(bold, agencyText)),
                    fitted(bold, agencyText, leftWidth, 12), Align.CENTER);
        }
        underline(left + leftWidth / 2, agencyLines.lastBaseline() - 3, Math.max(agencyLines.lastWidth() * 0.4f, 30f));

        float mottoX = left + leftWidth;
        Drawn motto = block(mottoX, rightWidth, yTop, List.of(new Run(bold, MOTTO)),
                fitted(bold, MOTTO, rightWidth, 11), Align.CENTER);
        motto = block(mottoX, rightWidth, motto.y(), List.of(new Run(bold, MOTTO_2)),
                fitted(bold, MOTTO_2, rightWidth, 12), Align.CENTER);
        underline(mottoX + rightWidth / 2, motto.lastBaseline() - 3, motto.lastWidth());
        y = Math.min(size.getHeight() - bandBottom, Math.min(agencyLines.y(), motto.y())) - 12;
    }

    /** The largest size up to {@code max} at which {@code text} takes one line of {@code boxWidth}, at least 6 pt. */
    private float fitted(PDFont font, String text, float boxWidth, float max) throws IOException {
        float one = width(font, text, 1f);
        return Math.max(6f, Math.min(max, (boxWidth - 2) / one));
    }

    /**
     * Keeps the foot of the last page, up to {@code height} points above the bottom edge, free for the signer's
     * block and the agency's seal (added as PAdES signatures with their images): a new page if the content reached
     * it. Then writes {@code recipients} (Appendix I box 9, "Nơi nhận") at the left of that space.
     */
    void footWithRecipients(float height, float leftWidth, List<String> recipients) throws IOException {
        if (y < height + 8) {
            newPage();
        }
        if (recipients.isEmpty()) {
            return;
        }
        Drawn drawn = block(left, leftWidth, height, List.of(new Run(bold, "Nơi nhận:")), 10f, Align.LEFT);
        for (String recipient : recipients) {
            drawn = block(left, leftWidth, drawn.y(), List.of(new Run(regular, "- " + Forms.text(recipient))), 9f,
                    Align.LEFT);
        }
    }

    private void underline(float centre, float at, float length) throws IOException {
        out.setLineWidth(0.6f);
        out.moveTo(centre - length / 2, at);
        out.lineTo(centre + length / 2, at);
        out.stroke();
    }

    /** The form's title: bold capitals, centred. */
    void title(String title, float fontSize) throws IOException {
        line(bold, fontSize, Align.CENTER, Forms.upper(title));
        gap(2);
    }

    /**
     * A QR code of {@code content} against the right margin, {@code side} points square, with {@code beside}
     * written in the narrower column to its left.
     */
    void besideQr(String content, float side, Body beside) throws IOException {
        ensure(side + 4);
        float yTop = y;
        BitMatrix matrix = QrCode.of(content);
        float module = side / matrix.getWidth();
        float x0 = size.getWidth() - right - side;
        for (int row = 0; row < matrix.getHeight(); row++) {
            int col = 0;
            while (col < matrix.getWidth()) {
                if (!matrix.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < matrix.getWidth() && matrix.get(col, row)) {
                    col++;
                }
                // a hair taller than a module so that anti-aliased renderers show no seams between rows
                out.addRect(x0 + start * module, yTop - (row + 1) * module, (col - start) * module, module + 0.05f);
            }
        }
        out.setNonStrokingColor(0f);
        out.fill();
        inset = side + 8;
        try {
            beside.draw(this);
        } finally {
            inset = 0;
        }
        y = Math.min(y, yTop - side) - 4;
    }

    /**
     * A bordered table whose cells wrap; the heading row is repeated on each new page. A row never splits
     * across pages.
     */
    void table(List<Column> columns, List<List<String>> rows, float fontSize) throws IOException {
        float pad = 2.5f;
        float share = 0;
        for (Column column : columns) {
            share += column.share();
        }
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width() * columns.get(i).share() / share;
        }
        List<String> headings = columns.stream().map(Column::heading).toList();
        List<Align> centred = columns.stream().map(column -> Align.CENTER).toList();
        row(headings, widths, centred, bold, fontSize, pad, true);
        List<Align> aligns = columns.stream().map(Column::align).toList();
        for (List<String> row : rows) {
            if (!row(row, widths, aligns, regular, fontSize, pad, false)) {
                newPage();
                row(headings, widths, centred, bold, fontSize, pad, true);
                row(row, widths, aligns, regular, fontSize, pad, true);
            }
        }
        gap(4);
    }

    /** Draws one table row unless it does not fit on this page and {@code force} is false. */
    private boolean row(List<String> cells, float[] widths, List<Align> aligns, PDFont font, float fontSize,
                        float pad, boolean force) throws IOException {
        float leading = fontSize * 1.2f;
        List<List<List<Run>>> wrapped = new ArrayList<>();
        int most = 1;
        for (int i = 0; i < widths.length; i++) {
            String cell = i < cells.size() ? Forms.text(cells.get(i)) : "";
            List<List<Run>> lines = wrap(List.of(new Run(font, cell)), fontSize, widths[i] - 2 * pad);
            wrapped.add(lines);
            most = Math.max(most, lines.size());
        }
        float height = most * leading + 2 * pad;
        if (y - height < bottom && !force) {
            return false;
        }
        float x = left;
        out.setLineWidth(0.5f);
        for (int i = 0; i < widths.length; i++) {
            out.addRect(x, y - height, widths[i], height);
            float baseline = y - pad - fontSize * 0.95f;
            for (List<Run> line : wrapped.get(i)) {
                drawLine(line, fontSize, x + pad, widths[i] - 2 * pad, baseline, aligns.get(i));
                baseline -= leading;
            }
            x += widths[i];
        }
        out.stroke();
        y -= height;
        return true;
    }

    /** Signature blocks side by side; a single one sits on the right half, as the signer's does. */
    void signatures(float fontSize, List<Signature> signatures) throws IOException {
        float space = 40;
        ensure(2 * leading(fontSize) + leading(fontSize - 1) + space);
        float columnWidth = width() / Math.max(signatures.size(), 2);
        float x = signatures.size() == 1 ? left + columnWidth : left;
        float lowest = y;
        for (Signature signature : signatures) {
            Drawn drawn = block(x, columnWidth, y, List.of(new Run(bold, Forms.upper(signature.title()))), fontSize,
                    Align.CENTER);
            drawn = block(x, columnWidth, drawn.y(), List.of(new Run(italic, signature.hint())), fontSize - 1,
                    Align.CENTER);
            drawn = block(x, columnWidth, drawn.y() - space, List.of(new Run(bold, Forms.text(signature.name()))),
                    fontSize, Align.CENTER);
            lowest = Math.min(lowest, drawn.y());
            x += columnWidth;
        }
        y = lowest;
    }

    /** Closes the last page, numbers the pages when there are several, and returns the PDF. */
    byte[] finish() throws IOException {
        out.close();
        out = null;
        int pages = document.getNumberOfPages();
        if (pages > 1) {
            for (int i = 0; i < pages; i++) {
                PDPage page = document.getPage(i);
                try (PDPageContentStream footer = new PDPageContentStream(document, page,
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    String text = "Trang " + (i + 1) + "/" + pages;
                    float fontSize = 8;
                    footer.beginText();
                    footer.setFont(italic, fontSize);
                    footer.newLineAtOffset((size.getWidth() - width(italic, text, fontSize)) / 2, bottom / 2);
                    footer.showText(text);
                    footer.endText();
                }
            }
        }
        identify();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        document.save(bytes);
        return bytes.toByteArray();
    }

    /**
     * The trailer's file identifier (ISO 32000-1 §14.4) from a digest of the pages and the document
     * information, instead of PDFBox's default from the clock: equal forms are equal files.
     */
    private void identify() throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the JDK", e);
        }
        for (PDPage page : document.getPages()) {
            try (InputStream content = page.getContents()) {
                digest.update(content.readAllBytes());
            }
        }
        PDDocumentInformation info = document.getDocumentInformation();
        digest.update((info.getTitle() + "\n" + info.getSubject()).getBytes(StandardCharsets.UTF_8));
        COSString id = new COSString(Arrays.copyOf(digest.digest(), 16));
        COSArray ids = new COSArray();
        ids.add(id);
        ids.add(id);
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    @Override
    public void close() throws IOException {
        try {
            if (out != null) {
                out.close();
            }
        } finally {
            document.close();
        }
    }

    /** What a form draws on a sheet. */
    @FunctionalInterface
    interface Body {
        void draw(Sheet sheet) throws IOException;
    }
}
