package vn.motcua.engine.audit.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The canonical bytes written straight from the tree are, byte for byte, those of the JCS library's own parse of
 * the tree's JSON text — what events were sealed with before — for the RFC's own sample, for the corners of
 * escaping and number formatting (lone surrogates and infinities included), and for many random trees.
 */
class CanonicalJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] library(JsonNode tree) throws Exception {
        return new JsonCanonicalizer(JSON.writeValueAsBytes(tree)).getEncodedUTF8();
    }

    private static void sameAsTheLibrary(JsonNode tree) throws Exception {
        assertThat(new String(CanonicalJson.bytes(tree, JSON), StandardCharsets.UTF_8))
                .isEqualTo(new String(library(tree), StandardCharsets.UTF_8));
        assertThat(CanonicalJson.bytes(tree, JSON)).isEqualTo(library(tree));
    }

    @Test
    void theSampleOfRfc8785() throws Exception {
        JsonNode sample = JSON.readTree("""
                {"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                 "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                 "literals": [null, true, false]}""");
        assertThat(new String(CanonicalJson.bytes(sample, JSON), StandardCharsets.UTF_8)).isEqualTo(
                "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
        sameAsTheLibrary(sample);
    }

    @Test
    void cornersOfEscapingSortingAndNumbers() throws Exception {
        sameAsTheLibrary(JSON.readTree("""
                {"\\u0000\\u001f\\b\\f\\n\\r\\t":"\\u007f\\u0080\\u2028\\u2029\\ud83d\\ude00 Tiếng Việt",
                 "€":1,"\\r":2,"1":3,"a":{"B":[],"b":{},"A":[{}]},"\\ud83d\\ude00":"😀","\\ufb33":0,
                 "ints":[0,-0,1,-1,9007199254740991,9007199254740993,123456789012345678901234567890],
                 "doubles":[-0.0,0.1,1.0,1e21,1e-7,1e-6,5e-324,1.7976931348623157e308,0.30000000000000004,100e-2,
                            4.35,123456789.123456789],
                 "empty":"","null":null,"t":true,"f":false}"""));
    }

    @Test
    void aLoneSurrogateOrAnInfiniteNumberIsJudgedByTheLibrary() throws Exception {
        sameAsTheLibrary(JsonNodeFactory.instance.objectNode().put("s", "a\ud800b"));
        sameAsTheLibrary(JsonNodeFactory.instance.objectNode().put("s", "a\udc00"));
        sameAsTheLibrary(JsonNodeFactory.instance.objectNode().put("x", Double.POSITIVE_INFINITY));
        sameAsTheLibrary(JSON.readTree("{\"x\":1e400}"));
    }

    @Test
    void manyRandomTrees() throws Exception {
        Random random = new Random(8785);
        for (int i = 0; i < 2_000; i++) {
            // the library takes an object or an array at the top, as a canonical event always is
            ObjectNode tree = JsonNodeFactory.instance.objectNode();
            tree.set("tree", randomNode(random, 0));
            sameAsTheLibrary(tree);
        }
    }

    private static JsonNode randomNode(Random random, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        int kind = depth > 3 ? 2 + random.nextInt(7) : random.nextInt(9);
        return switch (kind) {
            case 0 -> {
                ObjectNode object = nodes.objectNode();
                for (int n = random.nextInt(6); n > 0; n--) {
                    object.set(randomString(random), randomNode(random, depth + 1));
                }
                yield object;
            }
            case 1 -> {
                ArrayNode array = nodes.arrayNode();
                for (int n = random.nextInt(5); n > 0; n--) {
                    array.add(randomNode(random, depth + 1));
                }
                yield array;
            }
            case 2, 3 -> nodes.textNode(randomString(random));
            case 4 -> nodes.numberNode(random.nextLong() >> random.nextInt(64));
            case 5 -> nodes.numberNode(Double.longBitsToDouble(random.nextLong()) % 1e30);
            case 6 -> nodes.numberNode(random.nextInt(2_000_000) / Math.pow(10, random.nextInt(12)));
            case 7 -> nodes.numberNode(new BigInteger(90, random));
            default -> random.nextBoolean() ? nodes.booleanNode(random.nextBoolean()) : nodes.nullNode();
        };
    }

    private static String randomString(Random random) {
        String alphabet = "aAzZ09 \"\\/\b\f\n\r\t\u0000\u0001\u001f\u007féđĐếệ€\u2028\ufb33😀𝄞";
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(8); n > 0; n--) {
            int at = random.nextInt(alphabet.length());
            text.append(alphabet.charAt(at));
            if (Character.isHighSurrogate(alphabet.charAt(at))) {
                text.append(alphabet.charAt(at + 1));
            } else if (Character.isLowSurrogate(alphabet.charAt(at))) {
                text.setLength(text.length() - 1);
            }
        }
        return text.toString();
    }
}
