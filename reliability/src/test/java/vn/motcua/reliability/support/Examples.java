package vn.motcua.reliability.support;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A valid-looking value for a schema of the OpenAPI document: the baseline that hostile variants depart from. */
public final class Examples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Values the schemas cannot say (patterns, codes of the catalogue), by property name. */
    private static final Map<String, JsonNode> KNOWN = Map.ofEntries(
            Map.entry("procedureCode", NODES.textNode(Samples.COSMETICS)),
            Map.entry("unitId", NODES.textNode(Samples.HANOI)),
            Map.entry("phone", NODES.textNode("0912345678")),
            Map.entry("idNumber", NODES.textNode("001099012345")),
            Map.entry("email", NODES.textNode("an@example.vn")),
            Map.entry("amountVnd", NODES.numberNode(500000)),
            Map.entry("score", NODES.numberNode(5)),
            Map.entry("outcome", NODES.textNode("ACCEPT")));

    private final OpenApi api;

    public Examples(OpenApi api) {
        this.api = api;
    }

    public JsonNode of(JsonNode schema) {
        return of(schema, 0);
    }

    public String json(JsonNode schema) {
        try {
            return JSON.writeValueAsString(of(schema));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode of(JsonNode reference, int depth) {
        JsonNode schema = api.resolve(reference);
        if (depth > 6) {
            return NODES.nullNode();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        if (schema.has("allOf")) {
            return of(schema.get("allOf").get(0), depth + 1);
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            return of(schema.has("oneOf") ? schema.get("oneOf").get(0) : schema.get("anyOf").get(0), depth + 1);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
                     properties.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    JsonNode known = KNOWN.get(property.getKey());
                    object.set(property.getKey(), known != null ? known : of(property.getValue(), depth + 1));
                }
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                array.add(of(schema.path("items"), depth + 1));
                return array;
            }
            case "integer":
                return NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() : 1);
            case "number":
                return NODES.numberNode(1.5);
            case "boolean":
                return NODES.booleanNode(true);
            default:
                return NODES.textNode(text(schema));
        }
    }

    private static String text(JsonNode schema) {
        String format = schema.path("format").asText("");
        return switch (format) {
            case "date" -> LocalDate.now().plusDays(30).toString();
            case "date-time" -> LocalDate.now().plusDays(30) + "T03:00:00Z";
            case "email" -> "an@example.vn";
            case "uuid" -> "00000000-0000-0000-0000-000000000001";
            case "binary", "byte" -> "JVBERi0xLjQK";
            default -> "Nội dung hợp lệ";
        };
    }
}
