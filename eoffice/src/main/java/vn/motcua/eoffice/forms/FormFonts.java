package vn.motcua.eoffice.forms;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The one font family of the forms: Liberation Serif (SIL OFL 1.1), metric-compatible with Times New Roman,
 * the face Vietnamese administrative documents are set in (Decree 30/2020/ND-CP), and complete for
 * Vietnamese. Shipped inside the jar so rendering never depends on fonts installed on the machine; each
 * document embeds only the glyphs it uses.
 */
record FormFonts(PDType0Font regular, PDType0Font bold, PDType0Font italic) {

    private static final byte[] REGULAR = read("LiberationSerif-Regular.ttf");
    private static final byte[] BOLD = read("LiberationSerif-Bold.ttf");
    private static final byte[] ITALIC = read("LiberationSerif-Italic.ttf");

    static FormFonts load(PDDocument document) throws IOException {
        return new FormFonts(PDType0Font.load(document, new ByteArrayInputStream(REGULAR), true),
                PDType0Font.load(document, new ByteArrayInputStream(BOLD), true),
                PDType0Font.load(document, new ByteArrayInputStream(ITALIC), true));
    }

    private static byte[] read(String file) {
        try (InputStream in = FormFonts.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing font resource /fonts/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
