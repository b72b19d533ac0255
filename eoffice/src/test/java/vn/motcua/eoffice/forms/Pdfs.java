package vn.motcua.eoffice.forms;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads a rendered form back the way a person or a scanner would: its text, pages, fonts and QR code. */
public final class Pdfs {

    private Pdfs() {
    }

    /** All text, with runs of whitespace (line wraps included) as one space. */
    public static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every character drawn beyond the page's edges (cut off on paper), as text; empty when none is. */
    public static String outsideThePage(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            StringBuilder outside = new StringBuilder();
            org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper() {
                @Override
                protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
                    for (org.apache.pdfbox.text.TextPosition glyph : positions) {
                        float width = glyph.getPageWidth();
                        float x = glyph.getXDirAdj();
                        if (x < 0 || x + glyph.getWidthDirAdj() > width + 0.5f || glyph.getYDirAdj() < 0
                                || glyph.getYDirAdj() > glyph.getPageHeight()) {
                            outside.append(glyph.getUnicode());
                        }
                    }
                }
            };
            stripper.getText(document);
            return outside.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<PDRectangle> pageSizes(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDRectangle> sizes = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                sizes.add(page.getMediaBox());
            }
            return sizes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fonts used on every page: name → embedded. */
    public static Map<String, Boolean> fonts(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Map<String, Boolean> fonts = new java.util.TreeMap<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    fonts.put(font.getName(), font.isEmbedded());
                }
            }
            return fonts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The QR code on the first page, rendered at 300 dpi and decoded as a phone would. */
    public static String qrCode(byte[] pdf) throws ReaderException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 300);
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
