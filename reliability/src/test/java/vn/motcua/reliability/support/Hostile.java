package vn.motcua.reliability.support;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The hostile inputs of the fuzzer, by kind: wrong types, huge and deeply nested values, bad dates, odd Unicode,
 * injection strings (SQL, NoSQL operators, Elasticsearch query syntax, path traversal, CRLF), template and lookup
 * strings. Every choice is drawn from the one seeded {@link Random}, so a run is repeated by its seed.
 */
public final class Hostile {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final List<String> INJECTIONS = List.of(
            "' OR '1'='1' --", "1; DROP TABLE domain_event_entry; --", "\" OR 1=1 --",
            "' UNION SELECT null, version() --", "'; select pg_sleep(5); --", "0x27 or 1=1",
            "{\"$where\":\"sleep(5000)\"}", "{\"$ne\":null}", "[$ne]=1", "{\"$gt\":\"\"}", "';return true;var a='",
            "*:*", "_exists_:applicant OR *", "\\\"}},{\"match_all\":{}}", "a~99999", "/.*/", "(((((((((((((a",
            "*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?", "applicant.phone:* AND status:*",
            "../../../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd", "..\\..\\..\\windows\\win.ini", "/dev/zero",
            "file:///etc/passwd", "....//....//etc/passwd",
            "abc\r\nSet-Cookie: pwned=1", "abc\r\n\r\n<html>injected</html>", "%0d%0aX-Injected:%201",
            "${jndi:ldap://127.0.0.1:1389/a}", "#{T(java.lang.Runtime).getRuntime().exec('id')}", "{{7*7}}",
            "${7*7}", "<script>alert(1)</script>", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
            "javascript:alert(1)", "%s%s%s%s%n", "\\u0000");

    public static final List<String> UNICODE = List.of(
            "\u202Eevil\u202C", "a\u0000b", "\u0000", "\uD800", "\uDFFF\uD800", "x\uDBFFy",
            "e" + "\u0301".repeat(2000), "\uFEFFbom", "\u200B\u200C\u200D\u2060", "𝕳𝖊𝖑𝖑𝖔 👩‍👩‍👧‍👦",
            "Nguye\u0302\u0303n Va\u0306n An", "\u0644\u0627 \u05E9\u05DC\u05D5\u05DD", "\uFFFF\uFFFE", "\u0085\u2028\u2029",
            "Ⅻ①", "ǅǈ", "\u00A0\u3000", "\u1D00\u0338", "İı", "ß".repeat(500));

    public static final List<String> DATES = List.of(
            "2026-02-30", "+999999999-12-31", "-999999999-01-01", "0000-00-00", "2026-13-01", "9999-12-31T23:59:60Z",
            "1970-01-01T00:00:00+25:00", "2026-01-01T00:00:00.9999999999999Z", "P99999999Y", "-1", "2026-W60",
            "1e309", "99999999999999999999", "2026-05-09T", "T10:00", "2026/05/09", "09-05-2026", "now",
            "+10000-01-01", "-0001-01-01", "2026-05-09T10:00:00[Mars/Olympus]", "");

    public static final List<String> NUMBERS = List.of(
            "-1", "0", "-0", "2147483648", "-2147483649", "9223372036854775808", "1e309", "1.5", "NaN", "Infinity",
            "0x10", "1_000", "１２", "٣", "", " ", "null", "true", "99999999999999999999999999999999");

    private final Random random;

    public Hostile(Random random) {
        this.random = random;
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** A hostile text of any kind. */
    public String text() {
        return switch (random.nextInt(6)) {
            case 0, 1 -> pick(INJECTIONS);
            case 2 -> pick(UNICODE);
            case 3 -> pick(DATES);
            case 4 -> pick(NUMBERS);
            default -> random.nextBoolean() ? "A".repeat(1 + random.nextInt(20_000)) : "Ầ".repeat(5_000);
        };
    }

    /** A JSON value of a wrong or hostile kind. */
    public JsonNode value() {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.numberNode(-1);
            case 1 -> NODES.numberNode(new java.math.BigDecimal("1e400"));
            case 2 -> NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            case 3 -> NODES.booleanNode(true);
            case 4 -> NODES.nullNode();
            case 5 -> NODES.arrayNode().add(NODES.arrayNode().add(NODES.arrayNode()));
            case 6 -> NODES.objectNode();
            case 7 -> NODES.objectNode().put("$ne", (String) null);
            case 8 -> NODES.objectNode().put("$where", "sleep(5000)");
            case 9 -> NODES.objectNode().set("query", NODES.objectNode().set("match_all", NODES.objectNode()));
            default -> NODES.textNode(text());
        };
    }

    /** A path segment: hostile text percent-encoded, or a raw malformed encoding. */
    public String pathSegment() {
        return switch (random.nextInt(8)) {
            case 0 -> pick(List.of("%zz", "%", "%C0%AF", "%ED%A0%80", "%00", "%2F", "..;", "%2e%2e", ";jsessionid=1",
                    "%FF%FE", "%E2%80%AE", "%0d%0aX-Injected:%201", "..%252f", "%u002e"));
            case 1 -> "..";
            default -> {
                String text = text();
                yield encode(text.substring(0, Math.min(2_000, text.length())));
            }
        };
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Replaces one node (chosen at random, anywhere in the tree) by a hostile value; the mutated copy. */
    public JsonNode mutate(JsonNode tree) {
        JsonNode copy = tree.deepCopy();
        List<Slot> slots = new ArrayList<>();
        collect(copy, slots);
        if (slots.isEmpty()) {
            return value();
        }
        Slot slot = pick(slots);
        slot.set(value());
        return copy;
    }

    private interface Slot {
        void set(JsonNode value);
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                slots.add(value -> object.set(field.getKey(), value));
                collect(field.getValue(), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                slots.add(value -> array.set(index, value));
                collect(array.get(i), slots);
            }
        }
    }

    /** A JSON body that is broken as a document rather than in a value. */
    public byte[] brokenJson(String valid) {
        return switch (random.nextInt(14)) {
            case 0 -> "[".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
            case 1 -> ("{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000)).getBytes(StandardCharsets.US_ASCII);
            case 2 -> valid.substring(0, valid.length() / 2).getBytes(StandardCharsets.UTF_8);
            case 3 -> (valid + " trailing garbage").getBytes(StandardCharsets.UTF_8);
            case 4 -> duplicateKeys(valid).getBytes(StandardCharsets.UTF_8);
            case 5 -> new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, (byte) 0xED, (byte) 0xA0,
                    (byte) 0x80, (byte) 0xFF, '"', '}'};
            case 6 -> ("\uFEFF" + valid).getBytes(StandardCharsets.UTF_8);
            case 7 -> valid.getBytes(StandardCharsets.UTF_16);
            case 8 -> "{\"a\":NaN,/*c*/'b':1,}".getBytes(StandardCharsets.US_ASCII);
            case 9 -> hugeArray();
            case 10 -> hugeString(valid);
            case 11 -> manyKeys();
            case 12 -> new byte[0];
            default -> "\u0000\u0000\u0000".getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String duplicateKeys(String valid) {
        try {
            JsonNode tree = JSON.readTree(valid);
            if (tree instanceof ObjectNode object && object.fieldNames().hasNext()) {
                String key = object.fieldNames().next();
                String first = JSON.writeValueAsString(object.get(key));
                return "{" + JSON.writeValueAsString(key) + ":" + first + "," + valid.trim().substring(1);
            }
        } catch (Exception e) {
            // not an object: the plain duplicate below
        }
        return "{\"a\":1,\"a\":2}";
    }

    private static byte[] hugeArray() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"items\":[".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 400_000; i++) {
            out.writeBytes((i == 0 ? "1" : ",1").getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("]}".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** The valid body with its first text field 3 MB long: beyond any door limit, well-formed otherwise. */
    private static byte[] hugeString(String valid) {
        try {
            JsonNode tree = JSON.readTree(valid);
            List<Slot> slots = new ArrayList<>();
            collect(tree, slots);
            if (!slots.isEmpty()) {
                slots.get(slots.size() - 1).set(NODES.textNode("Ầ".repeat(1_000_000)));
                return JSON.writeValueAsBytes(tree);
            }
        } catch (Exception e) {
            // fall through
        }
        return ("\"" + "A".repeat(3_000_000) + "\"").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] manyKeys() {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 100_000; i++) {
            json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        return json.append('}').toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Bytes that are not what their label says: an ELF header, HTML, a zip, a truncated or empty PDF, garbage. */
    public byte[] notAPdf() {
        return switch (random.nextInt(7)) {
            case 0 -> new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
            case 1 -> "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII);
            case 2 -> new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0};
            case 3 -> "%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 1 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"
                    .getBytes(StandardCharsets.US_ASCII);
            case 4 -> new byte[0];
            case 5 -> "%PDF-1.4\n".repeat(10).getBytes(StandardCharsets.US_ASCII);
            default -> {
                byte[] garbage = new byte[4096];
                random.nextBytes(garbage);
                yield garbage;
            }
        };
    }
}
