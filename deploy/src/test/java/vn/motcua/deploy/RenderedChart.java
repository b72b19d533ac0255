package vn.motcua.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;

/**
 * The chart {@value #CHART} as Helm renders it ({@code helm template}, Helm's own Go code through helm-java), for a
 * release {@value #RELEASE} in namespace {@value #NAMESPACE}, with the defaults of its values.yaml and optionally one
 * values file of {@code src/test/resources/values}.
 */
record RenderedChart(String valuesName, List<ObjectNode> objects) {

    static final Path CHART = Path.of("helm/motcua");
    static final String RELEASE = "motcua";
    static final String NAMESPACE = "motcua";
    static final YAMLMapper YAML = new YAMLMapper();

    /** The chart rendered with values.yaml alone ({@code name} "defaults") or with {@code values/<name>.yaml}. */
    static RenderedChart render(String name) {
        var template = new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE);
        if (!name.equals("defaults")) {
            template.withValuesFile(valuesFile(name));
        }
        return new RenderedChart(name, parse(template.call()));
    }

    /** What Helm says when the chart refuses {@code values/<name>.yaml}. */
    static String refusal(String name) {
        try {
            new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE).withValuesFile(valuesFile(name)).call();
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        throw new AssertionError("the chart rendered values/" + name + ".yaml");
    }

    static Path valuesFile(String name) {
        return Path.of("src/test/resources/values", name + ".yaml");
    }

    static List<ObjectNode> parse(String manifests) {
        List<ObjectNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(manifests)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document instanceof ObjectNode object && !object.isEmpty()) {
                    objects.add(object);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    List<ObjectNode> all(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    Optional<ObjectNode> find(String kind) {
        List<ObjectNode> found = all(kind);
        if (found.size() > 1) {
            throw new AssertionError(found.size() + " objects of kind " + kind + " in " + valuesName);
        }
        return found.stream().findFirst();
    }

    ObjectNode one(String kind) {
        return find(kind).orElseThrow(() -> new AssertionError("no " + kind + " rendered with " + valuesName));
    }

    /** The application's ConfigMap of environment variables. */
    JsonNode environment() {
        return all("ConfigMap").stream().filter(c -> c.path("metadata").path("name").asText().equals(RELEASE + "-config"))
                .findFirst().orElseThrow().path("data");
    }

    JsonNode container() {
        return one("Deployment").at("/spec/template/spec/containers/0");
    }

    @Override
    public String toString() {
        return valuesName;
    }
}
