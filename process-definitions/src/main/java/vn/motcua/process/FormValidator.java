package vn.motcua.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks an applicant's form against the JSON Schema (draft 2020-12) that its procedure names
 * in the catalogue. Decree 61/2018/ND-CP asks the one-stop unit to list everything missing or
 * wrong <em>at once</em>, so every error is reported, never only the first.
 *
 * <p>All schemas are read and checked against the draft 2020-12 meta-schema when the validator
 * is built, so a missing or broken schema stops the application at start-up rather than the
 * first applicant. A procedure without a {@code formSchema} accepts any form. Safe for use by
 * many threads.
 */
public final class FormValidator {

    private static final String CLASSPATH_PREFIX = "classpath:";
    private static final Set<String> NAMES_A_PROPERTY =
            Set.of("required", "dependentRequired", "additionalProperties", "unevaluatedProperties");

    private final Map<String, CompiledForm> forms;
    private final Set<String> knownCodes;
    private final ObjectMapper mapper;

    /** Validates against the schemas of the default catalogue. */
    public FormValidator() {
        this(new ProcedureCatalogue());
    }

    public FormValidator(ProcedureCatalogue catalogue) {
        this(catalogue, new ObjectMapper());
    }

    /**
     * @param mapper turns a {@code Map} form into JSON; pass the application's mapper so dates
     *               and other values are written the same way everywhere
     */
    public FormValidator(ProcedureCatalogue catalogue, ObjectMapper mapper) {
        this(catalogue, mapper, FormValidator.class.getClassLoader());
    }

    /** @param resources where the schema locations of the catalogue are looked up */
    public FormValidator(ProcedureCatalogue catalogue, ObjectMapper mapper, ClassLoader resources) {
        Objects.requireNonNull(catalogue, "catalogue");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        Objects.requireNonNull(resources, "resources");
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        // 2020-12 makes "format" an annotation only; a date must be a date here
                        .formatAssertionsEnabled(true)
                        .locale(Locale.ENGLISH)
                        .build()));
        Schema metaSchema = registry.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
        Map<String, CompiledForm> compiled = new LinkedHashMap<>();
        for (Procedure procedure : catalogue.all()) {
            if (procedure.formSchema() != null) {
                compiled.put(procedure.code(), compile(procedure, registry, metaSchema, resources));
            }
        }
        this.forms = Map.copyOf(compiled);
        this.knownCodes = catalogue.all().stream().map(Procedure::code).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Validates a form given as plain values (strings, numbers, booleans, lists and maps), as
     * it arrives from the portal. A {@code null} form counts as an empty one.
     *
     * @return every error, in schema order; empty when the form is valid
     * @throws IllegalArgumentException when the catalogue has no such procedure
     */
    public List<FieldError> validate(String procedureCode, Map<String, ?> form) {
        return validate(procedureCode, form == null ? mapper.createObjectNode() : (JsonNode) mapper.valueToTree(form));
    }

    /**
     * Validates a form given as JSON. A {@code null} form counts as an empty one.
     *
     * @return every error, in schema order; empty when the form is valid
     * @throws IllegalArgumentException when the catalogue has no such procedure
     */
    public List<FieldError> validate(String procedureCode, JsonNode form) {
        if (procedureCode == null || !knownCodes.contains(procedureCode)) {
            throw new IllegalArgumentException("procedure not in catalogue: " + procedureCode);
        }
        CompiledForm compiled = forms.get(procedureCode);
        if (compiled == null) {
            return List.of();
        }
        JsonNode instance = form == null || form.isNull() || form.isMissingNode() ? mapper.createObjectNode() : form;
        List<FieldError> errors = new ArrayList<>();
        for (Error error : compiled.schema().validate(instance)) {
            errors.add(toFieldError(error, compiled.schema().getSchemaNode()));
        }
        return List.copyOf(errors);
    }

    private static CompiledForm compile(Procedure procedure, SchemaRegistry registry, Schema metaSchema,
                                        ClassLoader resources) {
        String location = procedure.formSchema().startsWith(CLASSPATH_PREFIX)
                ? procedure.formSchema().substring(CLASSPATH_PREFIX.length())
                : procedure.formSchema();
        String text;
        try (InputStream in = resources.getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException("form schema of procedure " + procedure.code()
                        + " not found on the classpath: " + location);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read form schema " + location, e);
        }
        List<Error> problems = metaSchema.validate(text, InputFormat.JSON);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("form schema " + location + " of procedure " + procedure.code()
                    + " is not a valid JSON Schema 2020-12: " + problems);
        }
        return new CompiledForm(registry.getSchema(text, InputFormat.JSON));
    }

    private static FieldError toFieldError(Error error, JsonNode rootSchema) {
        List<Object> segments = new ArrayList<>();
        NodePath at = error.getInstanceLocation();
        for (int i = 0; i < at.getNameCount(); i++) {
            segments.add(at.getElement(i));
        }
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        if (NAMES_A_PROPERTY.contains(keyword)) {
            // these are reported on the object; the person has to fix the property inside it
            Object[] args = error.getArguments();
            String property = error.getProperty() != null ? error.getProperty()
                    : args != null && args.length > 0 ? String.valueOf(args[0]) : null;
            if (property != null) {
                segments.add(property);
            }
        }
        String path = path(segments);
        String label = label(rootSchema, segments, path);
        return new FieldError(path, FieldMessages.describe(keyword, error, label, path));
    }

    private static String path(List<Object> segments) {
        StringBuilder path = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(segment);
            }
        }
        return path.toString();
    }

    /** The field's title in the schema, as the applicant sees it on the form; else its path. */
    private static String label(JsonNode rootSchema, List<Object> segments, String path) {
        JsonNode node = rootSchema;
        for (Object segment : segments) {
            node = segment instanceof Integer ? node.path("items") : node.path("properties").path(segment.toString());
        }
        String title = node.path("title").asText("");
        if (!title.isBlank()) {
            return title;
        }
        return path.isEmpty() ? "Biểu mẫu" : path;
    }

    private record CompiledForm(Schema schema) {
    }
}
