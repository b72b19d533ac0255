package vn.motcua.engine.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * How many indirect objects a PDF holds, counted in its raw bytes before PDFBox opens it. A file without a usable
 * cross-reference table sends PDFBox to its brute-force parser, which finds every {@code <num> <gen> obj} header in
 * the file and every object stream ({@code /Type /ObjStm}, ISO 32000-1 §7.5.7) and builds all their objects in the
 * heap: 300,000 objects of one line each fit in 9 MB and take a gigabyte. This pass counts, in one walk over the
 * bytes, the object headers (as the brute-force parser finds them, wherever they stand) and the {@code /N} of every
 * object stream (the number of objects PDFBox reads from it), and stops as soon as the count passes the budget.
 * An object stream whose {@code /N} is not a plain number is counted by the pairs of numbers in its content, decoded
 * as {@link InflationBudget} decodes it.
 */
final class ObjectBudget {

    private static final byte[] OBJ = ascii("obj");
    private static final byte[] OBJ_STM = ascii("/ObjStm");
    private static final byte[] STREAM = ascii("stream");
    private static final byte[] END_STREAM = ascii("endstream");

    private ObjectBudget() {
    }

    /** @return true if {@code pdf} holds at most {@code budget} indirect objects */
    static boolean within(byte[] pdf, long budget) {
        long count = 0;
        int objectStart = -1;          // just after the header of the object being walked
        boolean objectStream = false;  // that object's dictionary names /ObjStm
        for (int i = 0; i < pdf.length; i++) {
            byte b = pdf[i];
            if (b == 'o' && isHeader(pdf, i)) {
                count++;
                if (count > budget) {
                    return false;
                }
                objectStart = i + OBJ.length;
                objectStream = false;
                i += OBJ.length - 1;
            } else if (b == '/' && objectStart >= 0 && !objectStream && at(pdf, i, OBJ_STM)
                    && !regular(pdf, i + OBJ_STM.length)) {
                objectStream = true;
            } else if (b == 's' && objectStream && at(pdf, i, STREAM) && (i == 0 || !Character.isLetter(pdf[i - 1]))) {
                int data = streamData(pdf, i + STREAM.length);
                if (data < 0) {
                    continue;
                }
                count += objects(pdf, objectStart, i, data, budget - count);
                if (count > budget) {
                    return false;
                }
                objectStream = false;
            }
        }
        return true;
    }

    /** True if the {@code obj} at {@code i} ends an object header: {@code <digits> <digits> obj}. */
    private static boolean isHeader(byte[] pdf, int i) {
        if (!at(pdf, i, OBJ) || regular(pdf, i + OBJ.length)) {
            return false;
        }
        int j = i - 1;
        int spaces = skipBack(pdf, j, true);
        if (spaces == j) {
            return false;
        }
        int digits = skipBack(pdf, spaces, false);
        if (digits == spaces) {
            return false;
        }
        int between = skipBack(pdf, digits, true);
        if (between == digits) {
            return false;
        }
        int number = skipBack(pdf, between, false);
        return number != between && (number < 0 || !Character.isDigit(pdf[number]));
    }

    /** From {@code j} backwards past white-space (or digits): the index of the first byte that is not one. */
    private static int skipBack(byte[] pdf, int j, boolean whiteSpace) {
        while (j >= 0 && (whiteSpace ? whiteSpace(pdf[j]) : Character.isDigit(pdf[j]))) {
            j--;
        }
        return j;
    }

    /** The offset of the stream's first byte after {@code stream} and its end of line, or -1 if there is none. */
    private static int streamData(byte[] pdf, int after) {
        if (after < pdf.length && pdf[after] == '\n') {
            return after + 1;
        }
        if (after + 1 < pdf.length && pdf[after] == '\r' && pdf[after + 1] == '\n') {
            return after + 2;
        }
        return -1;
    }

    /** How many objects the object stream whose dictionary runs from {@code from} to {@code to} holds. */
    private static long objects(byte[] pdf, int from, int to, int data, long remaining) {
        String dictionary = new String(pdf, from, to - from, StandardCharsets.ISO_8859_1);
        long declared = declaredCount(dictionary);
        if (declared >= 0) {
            return declared;
        }
        int layers = Math.min(InflationBudget.flateLayers(dictionary), 4);
        return numberPairs(pdf, data, layers, remaining);
    }

    /** The largest plain number given to {@code /N} in the dictionary; -1 if none, or if one is a reference. */
    private static long declaredCount(String dictionary) {
        long largest = -1;
        int at = dictionary.indexOf("/N");
        while (at >= 0) {
            int i = at + 2;
            if (i < dictionary.length() && !regular(dictionary.charAt(i))) {
                while (i < dictionary.length() && whiteSpace((byte) dictionary.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < dictionary.length() && Character.isDigit(dictionary.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    return -1;
                }
                if (reference(dictionary, i)) {
                    return -1; // an indirect /N: counted from the content instead
                }
                largest = Math.max(largest, i - start > 12 ? Long.MAX_VALUE / 2
                        : Long.parseLong(dictionary.substring(start, i)));
            }
            at = dictionary.indexOf("/N", at + 2);
        }
        return largest;
    }

    /** True if {@code <white-space> <digits> <white-space> R} follows {@code i}: the number began a reference. */
    private static boolean reference(String dictionary, int i) {
        int j = i;
        while (j < dictionary.length() && whiteSpace((byte) dictionary.charAt(j))) {
            j++;
        }
        int digits = j;
        while (j < dictionary.length() && Character.isDigit(dictionary.charAt(j))) {
            j++;
        }
        if (digits == i || j == digits) {
            return false;
        }
        int spaces = j;
        while (j < dictionary.length() && whiteSpace((byte) dictionary.charAt(j))) {
            j++;
        }
        return j > spaces && j < dictionary.length() && dictionary.charAt(j) == 'R'
                && (j + 1 == dictionary.length() || !regular(dictionary.charAt(j + 1)));
    }

    /**
     * Half the numbers in the stream's content, decoded through {@code layers} Flate layers (unfiltered content ends
     * at {@code endstream}): PDFBox can read no more objects from it than there are pairs of numbers in its header.
     */
    private static long numberPairs(byte[] pdf, int data, int layers, long remaining) {
        long numbers = 0;
        boolean inNumber = false;
        byte[] ending = layers == 0 ? END_STREAM : null;
        int matched = 0;
        try (InputStream in = InflationBudget.decoded(pdf, data, layers)) {
            byte[] chunk = new byte[64 * 1024];
            int read;
            while ((read = in.read(chunk)) > 0) {
                for (int k = 0; k < read; k++) {
                    byte b = chunk[k];
                    if (ending != null) {
                        matched = b == ending[matched] ? matched + 1 : (b == ending[0] ? 1 : 0);
                        if (matched == ending.length) {
                            return numbers / 2;
                        }
                    }
                    boolean digit = b >= '0' && b <= '9';
                    if (digit && !inNumber) {
                        numbers++;
                        if (numbers / 2 > remaining) {
                            return numbers / 2;
                        }
                    }
                    inNumber = digit;
                }
            }
        } catch (IOException e) {
            // not zlib data, or truncated: what was decoded is counted
        }
        return numbers / 2;
    }

    private static boolean at(byte[] pdf, int i, byte[] word) {
        if (i < 0 || i + word.length > pdf.length) {
            return false;
        }
        for (int k = 0; k < word.length; k++) {
            if (pdf[i + k] != word[k]) {
                return false;
            }
        }
        return true;
    }

    /** True if the byte at {@code i} continues a keyword or name (ISO 32000-1 §7.2.2: neither white-space nor a delimiter). */
    private static boolean regular(byte[] pdf, int i) {
        return i < pdf.length && regular((char) (pdf[i] & 0xff));
    }

    private static boolean regular(char c) {
        return !whiteSpace((byte) c) && "()<>[]{}/%".indexOf(c) < 0;
    }

    private static boolean whiteSpace(byte b) {
        return b == 0 || b == '\t' || b == '\n' || b == '\f' || b == '\r' || b == ' ';
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
