package vn.motcua.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * JSON schemas of the Kubernetes objects the chart renders, from the fabric8 Kubernetes model 6.13 jars
 * ({@code schema/kube-schema.json} of kubernetes-model-core, -apps, -policy, -autoscaling, -networking and
 * openshift-model-monitoring for the Prometheus operator's ServiceMonitor; generated from the Kubernetes 1.30 API
 * types), unpacked by the build into {@code target/kubernetes-schemas}. They are made strict the way kubeconform's
 * "strict" schemas are: an object whose properties are declared accepts no other property (as {@code kubectl
 * --validate=strict} and the API server's field validation do), so a misspelt or misplaced field is an error.
 * Two types that the Go code (de)serialises itself are given their wire form: IntOrString (an integer or a string)
 * and Quantity (a string or a number).
 */
final class KubernetesSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MODULES = List.of("core", "apps", "policy", "autoscaling", "networking",
            "monitoring");

    private static final List<String> JAVA_HINTS = List.of("existingJavaType", "javaType", "javaInterfaces",
            "javaOmitEmpty", "serializer", "deserializer");

    private final ObjectNode definitions = JSON.createObjectNode();
    /** "apiVersion/kind" → the name of its definition. */
    private final Map<String, String> kinds = new HashMap<>();
    private final Map<String, Schema> compiled = new HashMap<>();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    KubernetesSchemas() {
        Path root = Path.of(System.getProperty("kubernetes.schemas", "target/kubernetes-schemas"));
        for (String module : MODULES) {
            Path file = root.resolve(module).resolve("schema/kube-schema.json");
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("no Kubernetes schema at " + file + " (made by the build: mvn verify)");
            }
            try {
                JsonNode schema = JSON.readTree(file.toFile());
                schema.path("definitions").properties().forEach(d -> definitions.putIfAbsent(d.getKey(), d.getValue()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        definitions.properties().forEach(d -> {
            JsonNode properties = d.getValue().path("properties");
            String apiVersion = properties.path("apiVersion").path("default").asText();
            String kind = properties.path("kind").path("default").asText();
            if (!apiVersion.isEmpty() && !kind.isEmpty()) {
                kinds.put(apiVersion + "/" + kind, d.getKey());
            }
        });
        definitions.properties().stream()
                .filter(d -> d.getKey().endsWith("_IntOrString"))
                .map(Map.Entry::getKey).toList()
                .forEach(name -> definitions.set(name, wireType("integer", "string")));
        definitions.properties().stream()
                .filter(d -> d.getKey().endsWith("_Quantity"))
                .map(Map.Entry::getKey).toList()
                .forEach(name -> definitions.set(name, wireType("string", "number")));
        strict(definitions);
    }

    /** Whether an object of this apiVersion and kind has a schema here. */
    boolean covers(JsonNode object) {
        return kinds.containsKey(key(object));
    }

    /** What is wrong with {@code object} by its schema, one line per violation; empty when it is valid. */
    List<String> violations(JsonNode object) {
        String key = key(object);
        Schema schema = compiled.computeIfAbsent(key, k -> {
            String definition = Optional.ofNullable(kinds.get(k))
                    .orElseThrow(() -> new IllegalArgumentException("no schema for " + k));
            ObjectNode root = JSON.createObjectNode();
            root.put("$ref", "#/definitions/" + definition);
            root.set("definitions", definitions);
            return registry.getSchema(root);
        });
        return schema.validate(object).stream().map(Error::toString).sorted().toList();
    }

    private static String key(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    private static ObjectNode wireType(String... types) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode type = node.putArray("type");
        Stream.of(types).forEach(type::add);
        return node;
    }

    /**
     * Every object with declared properties accepts no other (additionalProperties: false); fabric8's code-generation
     * hints (javaType …), which are no JSON Schema keywords, are dropped.
     */
    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(JAVA_HINTS);
            if (object.has("properties") && object.path("properties").isObject()) {
                object.put("additionalProperties", false);
            }
            object.properties().forEach(child -> strict(child.getValue()));
        } else if (node instanceof ArrayNode array) {
            array.forEach(KubernetesSchemas::strict);
        }
    }
}
