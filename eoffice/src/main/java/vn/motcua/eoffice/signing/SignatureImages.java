package vn.motcua.eoffice.signing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Random;

/**
 * The images of a signature appearance (Decree 30/2020/ND-CP, Appendix I): the signer's handwritten-like
 * signature in blue and the agency's round seal in red, both transparent PNG-like ARGB images drawn with
 * Java2D. Generated from the names so that the same signer always gets the same scribble; a real deployment
 * would load the registered specimen images instead.
 */
final class SignatureImages {

    static final Color SIGNATURE_BLUE = new Color(0, 51, 204);
    static final Color SEAL_RED = new Color(218, 20, 20);

    private SignatureImages() {
    }

    /** A scribble seeded by the name: loops running left to right, then an underline flourish. */
    static BufferedImage signature(String name) {
        int width = 600;
        int height = 240;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = prepare(image);
        Random random = new Random(name.hashCode());
        Path2D.Double path = new Path2D.Double();
        double x = 40;
        double y = height * 0.6;
        path.moveTo(x, y);
        int strokes = Math.max(4, Math.min(9, name.replace(" ", "").length() / 2));
        double step = (width - 120) / (double) strokes;
        for (int i = 0; i < strokes; i++) {
            double nx = x + step;
            double top = 30 + random.nextDouble() * 60;
            double bottom = height - 40 - random.nextDouble() * 50;
            path.curveTo(x + step * 0.2, top, x + step * 1.1, top, nx - step * 0.3, bottom * 0.9);
            x = nx;
        }
        path.curveTo(x + 40, height * 0.5, width * 0.5, height - 20, 30, height - 45);
        g.setColor(SIGNATURE_BLUE);
        g.setStroke(new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
        g.dispose();
        return image;
    }

    /** A round seal: two rings, the agency's name around the top, a star in the middle. */
    static BufferedImage seal(String agencyName) {
        int size = 480;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = prepare(image);
        g.setColor(SEAL_RED);
        double centre = size / 2.0;
        g.setStroke(new BasicStroke(12f));
        g.drawOval(8, 8, size - 16, size - 16);
        g.setStroke(new BasicStroke(5f));
        g.drawOval(90, 90, size - 180, size - 180);
        String text = agencyName.toUpperCase(Locale.ROOT) + " ★ ";
        Font font = font().deriveFont(Font.BOLD, 40f);
        g.setFont(font);
        double radius = centre - 62;
        double total = 0;
        for (char c : text.toCharArray()) {
            total += g.getFontMetrics().charWidth(c);
        }
        // the text spans the circle, with its letters' widths turned into angles
        double scale = 2 * Math.PI * radius / Math.max(total, 1);
        double angle = -Math.PI / 2 - Math.PI;
        for (char c : text.toCharArray()) {
            double w = g.getFontMetrics().charWidth(c) * Math.min(scale, 1.4);
            double half = w / 2 / radius;
            angle += half;
            AffineTransform saved = g.getTransform();
            g.translate(centre + radius * Math.cos(angle), centre + radius * Math.sin(angle));
            g.rotate(angle + Math.PI / 2);
            g.drawString(String.valueOf(c), (float) (-g.getFontMetrics().charWidth(c) / 2.0), 14f);
            g.setTransform(saved);
            angle += half;
        }
        g.fill(star(centre, centre, 70, 28));
        g.dispose();
        return image;
    }

    private static Path2D star(double cx, double cy, double outer, double inner) {
        Path2D.Double star = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            if (i == 0) {
                star.moveTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
            } else {
                star.lineTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
            }
        }
        star.closePath();
        return star;
    }

    private static Graphics2D prepare(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }

    /** Liberation Serif Bold from the jar: complete for Vietnamese, unlike the JDK's logical fonts. */
    private static Font font() {
        try (InputStream in = SignatureImages.class.getResourceAsStream("/fonts/LiberationSerif-Bold.ttf")) {
            if (in == null) {
                throw new IllegalStateException("missing font resource /fonts/LiberationSerif-Bold.ttf");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
