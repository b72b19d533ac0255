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

    /**
     * A readable PDF of {@code objects} small indirect objects (a one-page catalogue and the rest one-entry
     * dictionaries, about 30 bytes each) with no cross-reference table, so that PDFBox falls back on its brute-force
     * search and builds every object: 300,000 objects are 8.8 MB.
     */
    public static byte[] objectBomb(int objects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(objects * 30 + 512);
        out.writeBytes(ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"));
        out.writeBytes(ascii(ONE_PAGE));
        for (int i = 4; i <= objects; i++) {
            out.writeBytes(ascii(i + " 0 obj <</A " + i + ">> endobj\n"));
        }
        out.writeBytes(ascii("trailer\n<< /Root 1 0 R >>\n%%EOF\n"));
        return out.toByteArray();
    }

    /**
     * The same objects hidden in Flate object streams of 10,000 objects each (ISO 32000-1 §7.5.7), no
     * cross-reference table: a file of some hundred kilobytes. With {@code indirectCount} each stream's {@code /N}
     * is a reference to a number, so that only the stream's content tells how many objects it holds.
     */
    public static byte[] objectStreamBomb(int objects, boolean indirectCount) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"));
        out.writeBytes(ascii(ONE_PAGE));
        int perStream = 10_000;
        int next = 4;
        int stream = objects + 1;
        while (next <= objects) {
            StringBuilder header = new StringBuilder();
            StringBuilder body = new StringBuilder();
            int count = 0;
            for (; count < perStream && next <= objects; count++, next++) {
                header.append(next).append(' ').append(body.length()).append(' ');
                body.append("<</A ").append(next).append(">> ");
            }
            byte[] content = deflate(ascii(header + "\n" + body));
            String n = indirectCount ? (stream + 1) + " 0 R" : String.valueOf(count);
            out.writeBytes(ascii(stream + " 0 obj\n<< /Type /ObjStm /N " + n + " /First " + (header.length() + 1)
                    + " /Length " + content.length + " /Filter /FlateDecode >>\nstream\n"));
            out.writeBytes(content);
            out.writeBytes(ascii("\nendstream\nendobj\n"));
            if (indirectCount) {
                out.writeBytes(ascii((stream + 1) + " 0 obj " + count + " endobj\n"));
            }
            stream += 2;
        }
        out.writeBytes(ascii("trailer\n<< /Root 1 0 R >>\n%%EOF\n"));
        return out.toByteArray();
    }

    private static final String ONE_PAGE = """
            1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj
            2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj
            3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]>> endobj
            """;

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
