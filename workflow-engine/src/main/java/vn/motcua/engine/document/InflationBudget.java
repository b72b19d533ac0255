package vn.motcua.engine.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.InflaterInputStream;

/**
 * How many bytes the compressed streams of a PDF expand to, counted before PDFBox opens it. PDFBox 3 decodes a
 * stream's filters into a heap buffer whatever {@code MemoryUsageSetting} says, so a small file whose Flate
 * streams (or an object stream holding the catalogue) inflate to gigabytes would fill the heap: this pass
 * inflates every {@code /FlateDecode} stream (each of its Flate layers) into nothing, only counting, and stops as
 * soon as the document's total passes the budget. Streams that are not valid zlib data are left to PDFBox.
 */
final class InflationBudget {

    /** The keyword that opens a stream's data, followed by CRLF or LF (ISO 32000-1 §7.3.8.1). */
    private static final Pattern STREAM = Pattern.compile("stream\r?\n");
    private static final Pattern FLATE = Pattern.compile("/(FlateDecode|Fl)(?![A-Za-z])");
    /** How far back from {@code stream} the stream's dictionary is looked for. */
    private static final int DICTIONARY_WINDOW = 2048;

    private InflationBudget() {
    }

    /** @return true if every Flate stream of {@code pdf} together inflates to at most {@code budget} bytes */
    static boolean within(byte[] pdf, long budget) {
        // ISO-8859-1 maps each byte to one char, so offsets in the text are offsets in the file
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        Matcher stream = STREAM.matcher(text);
        long total = 0;
        while (stream.find()) {
            if (stream.start() > 0 && Character.isLetter(text.charAt(stream.start() - 1))) {
                continue; // "endstream"
            }
            int from = Math.max(0, stream.start() - DICTIONARY_WINDOW);
            String before = text.substring(from, stream.start());
            int dictionary = before.lastIndexOf(" obj");
            String header = dictionary < 0 ? before : before.substring(dictionary);
            int layers = flateLayers(header);
            if (layers == 0) {
                continue;
            }
            // the window may show more Flate names than this stream has: the largest count of 1..n layers holds
            long largest = 0;
            for (int n = 1; n <= Math.min(layers, 4); n++) {
                largest = Math.max(largest, inflated(pdf, stream.end(), n, budget - total));
            }
            total += largest;
            if (total > budget) {
                return false;
            }
        }
        return true;
    }

    /** The stream data from {@code offset} with {@code layers} Flate layers taken off, read lazily. */
    static InputStream decoded(byte[] pdf, int offset, int layers) {
        InputStream in = new ByteArrayInputStream(pdf, offset, pdf.length - offset);
        for (int i = 0; i < layers; i++) {
            in = new InflaterInputStream(in);
        }
        return in;
    }

    /** How many {@code /FlateDecode} layers a stream dictionary names (its {@code /Filter}). */
    static int flateLayers(String dictionary) {
        int layers = 0;
        Matcher flate = FLATE.matcher(dictionary);
        while (flate.find()) {
            layers++;
        }
        return layers;
    }

    /** Bytes produced by {@code layers} Flate layers from {@code offset}, stopping once past {@code remaining}. */
    private static long inflated(byte[] pdf, int offset, int layers, long remaining) {
        InputStream in = decoded(pdf, offset, layers);
        byte[] sink = new byte[64 * 1024];
        long count = 0;
        try (InputStream decoded = in) {
            int read;
            while ((read = decoded.read(sink)) > 0) {
                count += read;
                if (count > remaining) {
                    return count;
                }
            }
        } catch (IOException e) {
            // not zlib data, or truncated: PDFBox decides what it makes of it
        }
        return count;
    }
}
