package vn.motcua.engine.audit.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;

import org.erdtman.jcs.JsonCanonicalizer;
import org.erdtman.jcs.NumberToJSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * RFC 8785 (JSON Canonicalization Scheme) bytes of a parsed JSON tree, written straight from the tree: the bytes
 * the JCS library ({@code java-json-canonicalization}) makes of the tree's JSON text, without writing that text and
 * parsing it again (the second parse cost more than the event's signature). Properties sorted by their UTF-16 code
 * units, strings escaped as the library escapes them, numbers read from the text Jackson writes for them and put in
 * ECMAScript form by the library's own {@link NumberToJSON}, UTF-8. What this writer does not cover the same way —
 * a number that is not finite, a lone surrogate — goes through the library itself, so that every tree gets the
 * library's bytes (or its refusal): a verifier recomputes the bytes signed by any earlier version.
 */
final class CanonicalJson {

    private CanonicalJson() {
    }

    static byte[] bytes(JsonNode tree, ObjectMapper json) throws IOException {
        StringBuilder out = new StringBuilder(2048);
        if (write(tree, out)) {
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }
        return new JsonCanonicalizer(json.writeValueAsBytes(tree)).getEncodedUTF8();
    }

    /** Appends the canonical form of {@code node}; false if it holds what only the library may judge. */
    private static boolean write(JsonNode node, StringBuilder out) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                String[] names = new String[node.size()];
                Iterator<String> fields = node.fieldNames();
                for (int i = 0; i < names.length; i++) {
                    names[i] = fields.next();
                }
                Arrays.sort(names); // String order is UTF-16 code unit order, as RFC 8785 sorts
                out.append('{');
                for (int i = 0; i < names.length; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    if (!string(names[i], out)) {
                        return false;
                    }
                    out.append(':');
                    if (!write(node.get(names[i]), out)) {
                        return false;
                    }
                }
                out.append('}');
                return true;
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    if (!write(node.get(i), out)) {
                        return false;
                    }
                }
                out.append(']');
                return true;
            }
            case STRING -> {
                return string(node.textValue(), out);
            }
            case NUMBER -> {
                // the library reads Jackson's text of the number with Double.valueOf: the same double
                double value = Double.parseDouble(node.asText());
                if (!Double.isFinite(value)) {
                    return false;
                }
                out.append(NumberToJSON.serializeNumber(value));
                return true;
            }
            case BOOLEAN -> {
                out.append(node.booleanValue());
                return true;
            }
            case NULL -> {
                out.append("null");
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** The library's escapes: the two-character ones, {@code \}{@code u00xx} for other controls, all else as is. */
    private static boolean string(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"', '\\' -> out.append('\\').append(c);
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else if (Character.isSurrogate(c)) {
                        if (!Character.isHighSurrogate(c) || i + 1 == value.length()
                                || !Character.isLowSurrogate(value.charAt(i + 1))) {
                            return false;
                        }
                        out.append(c).append(value.charAt(++i));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        return true;
    }
}
