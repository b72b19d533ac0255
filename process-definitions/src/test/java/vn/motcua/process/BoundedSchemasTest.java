package vn.motcua.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every form schema is bounded (issue 12, "limits at every door"): an applicant's form becomes an event, and an
 * event must never outgrow what the bus takes. This walks every schema under {@code forms/} and fails on any array
 * without {@code maxItems}, any string without {@code maxLength} (or an {@code enum}, a {@code const}, or a date
 * format, which are bounded by themselves) and any object open to properties of any name.
 */
class BoundedSchemasTest {

    /** Formats whose valid values have a bounded length (RFC 3339 dates and times). */
    private static final Set<String> BOUNDED_FORMATS = Set.of("date", "date-time", "time");
    /** Keywords whose values are data, not schemas. */
    private static final Set<String> DATA = Set.of("enum", "const", "examples", "default");

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void everyFormSchemaBoundsEveryArrayStringAndObject() throws Exception {
        List<Path> schemas = schemas();
        assertThat(schemas).as("form schemas").hasSizeGreaterThanOrEqualTo(6);
        List<String> unbounded = new ArrayList<>();
        for (Path schema : schemas) {
            walk(schema.getFileName().toString(), "#", mapper.readTree(schema.toFile()), unbounded);
        }
        assertThat(unbounded).as("unbounded parts of the form schemas").isEmpty();
    }

    @Test
    void theWalkFindsAnUnboundedArrayStringAndObject() throws Exception {
        List<String> unbounded = new ArrayList<>();
        walk("example", "#", mapper.readTree("""
                {"type": "object", "additionalProperties": false, "properties": {
                  "presentations": {"type": "array", "items": {"type": "string"}},
                  "note": {"type": "string", "maxLength": 10},
                  "kind": {"type": "string", "enum": ["A", "B"]},
                  "open": {"type": "object", "properties": {}},
                  "overlay": {"properties": {"note": {"minLength": 1}}}
                }}"""), unbounded);
        assertThat(unbounded).containsExactlyInAnyOrder(
                "example #/properties/presentations: an array without maxItems",
                "example #/properties/presentations/items: a string without maxLength",
                "example #/properties/open: an object open to any property (additionalProperties or maxProperties)");
    }

    private static void walk(String file, String path, JsonNode node, List<String> unbounded) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(file, path + "/" + i, node.get(i), unbounded);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Set<String> types = types(node);
        if ((types.contains("array") || node.has("items") || node.has("prefixItems")) && !node.has("maxItems")) {
            unbounded.add(file + " " + path + ": an array without maxItems");
        }
        if (types.contains("string") && !node.has("maxLength") && !node.has("enum") && !node.has("const")
                && !BOUNDED_FORMATS.contains(node.path("format").asText())) {
            unbounded.add(file + " " + path + ": a string without maxLength");
        }
        // (an if/then overlay with "properties" but no "type" adds rules to the object; it defines none)
        if (types.contains("object") && !node.has("maxProperties")
                && !node.path("additionalProperties").isBoolean() && !node.path("unevaluatedProperties").isBoolean()) {
            unbounded.add(file + " " + path
                    + ": an object open to any property (additionalProperties or maxProperties)");
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!DATA.contains(field.getKey())) {
                walk(file, path + "/" + field.getKey(), field.getValue(), unbounded);
            }
        }
    }

    private static Set<String> types(JsonNode node) {
        JsonNode type = node.path("type");
        if (type.isTextual()) {
            return Set.of(type.asText());
        }
        Set<String> all = new java.util.HashSet<>();
        type.forEach(each -> all.add(each.asText()));
        return all;
    }

    private static List<Path> schemas() throws IOException, URISyntaxException {
        Path forms = Path.of(BoundedSchemasTest.class.getClassLoader().getResource("forms").toURI());
        try (Stream<Path> files = Files.list(forms)) {
            return files.filter(file -> file.toString().endsWith(".schema.json")).sorted().toList();
        }
    }
}
