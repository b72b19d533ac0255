package vn.motcua.portal.limits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/** Hostile PDF files, made here byte by byte. */
public final class PdfBombs {

    private static byte[] bomb;

    private PdfBombs() {
    }

    /**
     * A valid PDF of a few kilobytes whose catalogue's DSS names one stream forty times; the stream is Flate inside
     * Flate and inflates to 256 MiB, so reading the DSS unbounded would hold 10 GiB.
     */
    public static synchronized byte[] flateBomb() {
        if (bomb == null) {
            byte[] twice = deflate(deflatedZeros(256L << 20));
            StringBuilder certs = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                certs.append("4 0 R ");
            }
            bomb = pdf(List.of(
                    ascii("<< /Type /Catalog /Pages 2 0 R /DSS << /Certs [ " + certs + "] >> >>"),
                    ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                    ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"),
                    concat(ascii("<< /Length " + twice.length + " /Filter [/FlateDecode /FlateDecode] >>\nstream\n"),
                            twice, ascii("\nendstream"))));
        }
        return bomb.clone();
    }

    /** A PDF of {@code pages} blank pages. */
    public static byte[] pages(int pages) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage());
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG image's first bytes, sent as if it were a PDF. */
    public static byte[] png() {
        byte[] png = new byte[64];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(signature, 0, png, 0, signature.length);
        return png;
    }

    private static byte[] pdf(List<byte[]> objects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"));
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            out.writeBytes(ascii((i + 1) + " 0 obj\n"));
            out.writeBytes(objects.get(i));
            out.writeBytes(ascii("\nendobj\n"));
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(offset -> table.append("%010d 00000 n \n".formatted(offset)));
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        out.writeBytes(ascii(table.toString()));
        return out.toByteArray();
    }

    private static byte[] deflatedZeros(long count) {
        // deflated in slices, never held whole
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_COMPRESSION))) {
            byte[] slice = new byte[1 << 20];
            for (long written = 0; written < count; written += slice.length) {
                out.write(slice);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_COMPRESSION))) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
