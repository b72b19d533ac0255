package vn.motcua.portal.web.citizen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.process.Procedure;

/**
 * The applicant's form of a procedure drawn from the JSON Schema the engine validates it with
 * ({@code Procedure.formSchema}), so that the page asks for exactly what the engine will check: one control per
 * field, a nested object flattened into its fields, a list of words as one line each, a list of objects as rows.
 * This class only maps between the schema, the posted fields and the form map; the rules (required, patterns,
 * bounds) stay in the schema and are checked by the engine's {@code FormValidator}.
 */
@Component
public class FormSchemaFields {

    /** The kind of control a field is drawn with. */
    public enum Kind { TEXT, TEXTAREA, INTEGER, NUMBER, DATE, EMAIL, SELECT, CHECKBOX, LINES, ROWS }

    /** A choice of a coded field: the code sent, the words shown. */
    public record Option(String value, String label) {
    }

    /**
     * One field: its path in the form ({@code brand}, {@code qualification.degree}), label, hint, control, whether
     * the schema requires it, its HTML pattern, and for a list of objects the fields of one row.
     */
    public record Field(String path, String label, String hint, Kind kind, boolean required, String pattern,
                        Integer maxLength, List<Option> options, List<Field> columns, int maxItems) {

        /** The HTML id of the control (and the anchor the error summary links to). */
        public String id() {
            return idOf(path);
        }

        public String name() {
            return "form." + path;
        }
    }

    private static final int MAX_ROWS = 200;

    private final ObjectMapper json;
    private final Map<String, List<Field>> cache = new ConcurrentHashMap<>();

    public FormSchemaFields(ObjectMapper json) {
        this.json = json;
    }

    /** The HTML id of a field's control: {@code ingredients[0].name} becomes {@code f-ingredients-0-name}. */
    public static String idOf(String path) {
        return "f-" + path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }

    /** The form's title from the schema, or null. */
    public String title(Procedure procedure) {
        JsonNode schema = schema(procedure);
        return schema == null ? null : schema.path("title").asText(null);
    }

    public List<Field> fields(Procedure procedure) {
        if (procedure.formSchema() == null) {
            return List.of();
        }
        return cache.computeIfAbsent(procedure.code(), code -> {
            List<Field> fields = new ArrayList<>();
            collect(schema(procedure), "", "", true, fields);
            return List.copyOf(fields);
        });
    }

    private JsonNode schema(Procedure procedure) {
        if (procedure.formSchema() == null) {
            return null;
        }
        try (InputStream in = FormSchemaFields.class.getClassLoader().getResourceAsStream(procedure.formSchema())) {
            if (in == null) {
                throw new IllegalStateException("missing form schema " + procedure.formSchema());
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void collect(JsonNode object, String prefix, String labelPrefix, boolean parentRequired,
                         List<Field> into) {
        List<String> required = new ArrayList<>();
        object.path("required").forEach(name -> required.add(name.asText()));
        object.path("properties").properties().forEach(entry -> {
            String name = entry.getKey();
            JsonNode node = entry.getValue();
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            String label = labelPrefix + node.path("title").asText(name);
            boolean isRequired = parentRequired && required.contains(name);
            if ("object".equals(node.path("type").asText())) {
                collect(node, path, label + " – ", isRequired, into);
            } else {
                into.add(field(path, label, node, isRequired));
            }
        });
    }

    private Field field(String path, String label, JsonNode node, boolean required) {
        String hint = node.path("description").asText(null);
        String type = node.path("type").asText("string");
        String pattern = node.has("pattern") ? htmlPattern(node.path("pattern").asText()) : null;
        Integer maxLength = node.has("maxLength") ? node.path("maxLength").asInt() : null;
        if (node.has("enum")) {
            List<Option> options = new ArrayList<>();
            node.path("enum").forEach(value -> options.add(new Option(value.asText(), labelOf(value.asText(), hint))));
            boolean coded = options.stream().anyMatch(option -> !option.label().equals(option.value()));
            return new Field(path, label, coded ? null : hint, Kind.SELECT, required, null, null, options, List.of(), 0);
        }
        return switch (type) {
            case "integer" -> new Field(path, label, hint, Kind.INTEGER, required, null, null, List.of(), List.of(), 0);
            case "number" -> new Field(path, label, hint, Kind.NUMBER, required, null, null, List.of(), List.of(), 0);
            case "boolean" -> new Field(path, label, hint, Kind.CHECKBOX, false, null, null, List.of(), List.of(), 0);
            case "array" -> {
                JsonNode items = node.path("items");
                int maxItems = Math.min(node.path("maxItems").asInt(MAX_ROWS), MAX_ROWS);
                if ("object".equals(items.path("type").asText())) {
                    List<Field> columns = new ArrayList<>();
                    collect(items, "", "", true, columns);
                    yield new Field(path, label, hint, Kind.ROWS, required, null, null, List.of(), columns, maxItems);
                }
                yield new Field(path, label, hint, Kind.LINES, required, null, null, List.of(), List.of(), maxItems);
            }
            default -> {
                String format = node.path("format").asText("");
                Kind kind = switch (format) {
                    case "date" -> Kind.DATE;
                    case "email" -> Kind.EMAIL;
                    default -> maxLength != null && maxLength > 500 ? Kind.TEXTAREA : Kind.TEXT;
                };
                yield new Field(path, label, hint, kind, required, pattern, maxLength, List.of(), List.of(), 0);
            }
        };
    }

    /** The words for a code when the schema's description names them ("LOST: bị mất; DAMAGED: …"). */
    private static String labelOf(String code, String description) {
        if (description == null) {
            return code;
        }
        Matcher words = java.util.regex.Pattern.compile("(?:^|;\\s*)" + java.util.regex.Pattern.quote(code)
                + ":\\s*([^;]+)").matcher(description);
        if (!words.find()) {
            return code;
        }
        String text = words.group(1).strip();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The HTML {@code pattern} attribute matches the whole value already: the anchors go. */
    private static String htmlPattern(String pattern) {
        String html = pattern.startsWith("^") ? pattern.substring(1) : pattern;
        return html.endsWith("$") ? html.substring(0, html.length() - 1) : html;
    }

    /**
     * The form map from the posted fields ({@code form.<path>}): blank fields left out, so that the schema says
     * what is missing; a number that does not read as one is kept as typed, so that the schema says it is not a
     * number.
     */
    public LinkedHashMap<String, Object> read(Procedure procedure, Map<String, String[]> params) {
        LinkedHashMap<String, Object> form = new LinkedHashMap<>();
        for (Field field : fields(procedure)) {
            switch (field.kind()) {
                case ROWS -> {
                    List<Object> rows = new ArrayList<>();
                    for (int i = 0; i < field.maxItems(); i++) {
                        String rowPrefix = field.name() + "[" + i + "].";
                        if (params.keySet().stream().noneMatch(key -> key.startsWith(rowPrefix))) {
                            break;
                        }
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (Field column : field.columns()) {
                            Object value = value(column, params.get(rowPrefix + column.path()));
                            if (value != null) {
                                put(row, column.path(), value);
                            }
                        }
                        if (!row.isEmpty()) {
                            rows.add(row);
                        }
                    }
                    if (!rows.isEmpty()) {
                        put(form, field.path(), rows);
                    }
                }
                default -> {
                    Object value = value(field, params.get(field.name()));
                    if (value != null) {
                        put(form, field.path(), value);
                    }
                }
            }
        }
        return form;
    }

    private static Object value(Field field, String[] posted) {
        String text = posted == null || posted.length == 0 ? null : posted[posted.length - 1];
        if (field.kind() == Kind.CHECKBOX) {
            return posted != null && List.of(posted).contains("true") ? Boolean.TRUE : null;
        }
        if (text == null || text.isBlank()) {
            return null;
        }
        text = text.strip();
        return switch (field.kind()) {
            case INTEGER -> {
                try {
                    yield Long.parseLong(text);
                } catch (NumberFormatException e) {
                    yield text;
                }
            }
            case NUMBER -> {
                try {
                    yield new BigDecimal(text.replace(',', '.'));
                } catch (NumberFormatException e) {
                    yield text;
                }
            }
            case LINES -> text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            default -> text;
        };
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> form, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> at = form;
        for (int i = 0; i < parts.length - 1; i++) {
            at = (Map<String, Object>) at.computeIfAbsent(parts[i], key -> new LinkedHashMap<String, Object>());
        }
        at.put(parts[parts.length - 1], value);
    }

    /** The value at {@code path} of the form as a person reads it back: a list one item a line. */
    @SuppressWarnings("unchecked")
    public static String text(Map<String, Object> form, String path) {
        Object at = form;
        for (String part : path.split("\\.")) {
            if (!(at instanceof Map<?, ?> map)) {
                return "";
            }
            at = ((Map<String, Object>) map).get(part);
        }
        if (at == null) {
            return "";
        }
        if (at instanceof List<?> list) {
            return String.join("\n", list.stream().map(String::valueOf).toList());
        }
        if (at instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return String.valueOf(at);
    }

    /** The rows of a list of objects, each a map of its columns' values. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> rows(Map<String, Object> form, String path) {
        Object at = form;
        for (String part : path.split("\\.")) {
            if (!(at instanceof Map<?, ?> map)) {
                return List.of();
            }
            at = ((Map<String, Object>) map).get(part);
        }
        if (!(at instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(row -> (Map<String, Object>) row).toList();
    }
}
