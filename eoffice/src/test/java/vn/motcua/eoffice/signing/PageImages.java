package vn.motcua.eoffice.signing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/** A page rendered by PDFBox at twice 72 dpi, with its pixels counted by colour in areas given in PDF points. */
record PageImages(BufferedImage image, float height) {

    static final float SCALE = 2f;

    /** The signature's blue, the seal's red, and the black (or near black) of text. */
    enum Colour {
        BLUE, RED, DARK;

        boolean matches(int rgb) {
            int r = (rgb >> 16) & 0xff;
            int g = (rgb >> 8) & 0xff;
            int b = rgb & 0xff;
            return switch (this) {
                case BLUE -> b > 150 && r < 90 && g < 140;
                case RED -> r > 150 && g < 100 && b < 100;
                case DARK -> r < 100 && g < 100 && b < 100;
            };
        }
    }

    static PageImages render(byte[] pdf, int page) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PageImages(new PDFRenderer(document).renderImageWithDPI(page, 72 * SCALE),
                    document.getPage(page).getMediaBox().getHeight());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kept under target/ for a person to look at. */
    PageImages save(String name) {
        try {
            Files.createDirectories(Path.of("target"));
            ImageIO.write(image, "png", Path.of("target", name).toFile());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int count(PadesSigner.Area area, Colour colour) {
        return count(area.x(), area.y(), area.width(), area.height(), colour);
    }

    /** Pixels of {@code colour} in the rectangle from ({@code x}, {@code y}) in points from the lower left. */
    int count(float x, float y, float width, float h, Colour colour) {
        int found = 0;
        int left = Math.max(0, Math.round(x * SCALE));
        int right = Math.min(image.getWidth(), Math.round((x + width) * SCALE));
        int top = Math.max(0, Math.round((height - y - h) * SCALE));
        int bottom = Math.min(image.getHeight(), Math.round((height - y) * SCALE));
        for (int px = left; px < right; px++) {
            for (int py = top; py < bottom; py++) {
                if (colour.matches(image.getRGB(px, py))) {
                    found++;
                }
            }
        }
        return found;
    }
}
