package vn.motcua.reliability.support;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** The operations of the running application's OpenAPI document ({@code /v3/api-docs}), schemas resolved. */
public final class OpenApi {

    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();

    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** One operation; {@code bodies} maps each request content type to its schema (resolved). */
    public record Operation(String method, String path, List<Parameter> parameters, Map<String, JsonNode> bodies) {

        public String key() {
            return method + " " + path;
        }

        public boolean reads() {
            return method.equals("GET") || method.equals("HEAD");
        }

        public List<Parameter> in(String where) {
            return parameters.stream().filter(parameter -> parameter.in().equals(where)).toList();
        }

        @Override
        public String toString() {
            return key();
        }
    }

    public OpenApi(JsonNode document) {
        this.document = document;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (method.getKey().equals("parameters")) {
                    continue;
                }
                operations.add(operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), method.getValue()));
            }
        }
    }

    public static OpenApi of(Http http) {
        Http.Response response = http.get("/v3/api-docs", null);
        if (response.status() != 200) {
            throw new AssertionError("GET /v3/api-docs: " + response);
        }
        return new OpenApi(response.json());
    }

    public List<Operation> operations() {
        return List.copyOf(operations);
    }

    private Operation operation(String method, String path, JsonNode spec) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : spec.path("parameters")) {
            JsonNode resolved = resolve(parameter);
            parameters.add(new Parameter(resolved.path("name").asText(), resolved.path("in").asText(),
                    resolved.path("required").asBoolean(false), resolve(resolved.path("schema"))));
        }
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> content = resolve(spec.path("requestBody")).path("content").fields();
             content.hasNext(); ) {
            Map.Entry<String, JsonNode> type = content.next();
            bodies.put(type.getKey(), resolve(type.getValue().path("schema")));
        }
        return new Operation(method, path, List.copyOf(parameters), bodies);
    }

    /** Follows a {@code $ref} to its component (once; nested references are resolved when walked). */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return MissingNode.getInstance();
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }
}
