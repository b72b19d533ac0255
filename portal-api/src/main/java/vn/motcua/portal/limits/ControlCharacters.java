package vn.motcua.portal.limits;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import vn.motcua.portal.problem.ControlCharacterException;

/**
 * Text a person sends holds no C0 control character but TAB, CR and LF: NUL and its kin are refused where the JSON is
 * read — every string value and key of a body, and every text of a JSON tree — as a 400 naming the field, before
 * anything is stored (PostgreSQL refuses NUL in text and would answer a 500 after the step began). Query and path
 * parameters are held to the same rule by {@code vn.motcua.portal.doors.RequestTextInterceptor}.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** True if {@code text} holds a C0 control character other than TAB, CR and LF. */
    public static boolean refused(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') {
                return true;
            }
        }
        return false;
    }

    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }

    static SimpleModule jacksonModule() {
        SimpleModule module = new SimpleModule("motcua-control-characters");
        module.addDeserializer(String.class, new Strings());
        module.addKeyDeserializer(String.class, new Keys());
        module.addDeserializer(JsonNode.class, new Trees());
        return module;
    }

    private static final class Strings extends StdDeserializer<String> {

        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && refused(value)) {
                throw new ControlCharacterException(parser, String.class);
            }
            return value;
        }
    }

    private static final class Keys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (refused(key)) {
                ControlCharacterException e = new ControlCharacterException(context.getParser(), String.class);
                e.prependPath(null, printable(key));
                throw e;
            }
            return key;
        }
    }

    /** A body read as a tree ({@code JsonNode}): every text and key in it, the path to the first one at fault kept. */
    private static final class Trees extends StdDeserializer<JsonNode> {

        Trees() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = JsonNodeDeserializer.getDeserializer(JsonNode.class).deserialize(parser, context);
            check(tree, parser);
            return tree;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext context) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }

        private static void check(JsonNode node, JsonParser parser) throws JsonMappingException {
            if (node.isTextual() && refused(node.textValue())) {
                throw new ControlCharacterException(parser, String.class);
            }
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    try {
                        check(node.get(i), parser);
                    } catch (JsonMappingException e) {
                        e.prependPath(node, i);
                        throw e;
                    }
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    try {
                        if (refused(field.getKey())) {
                            throw new ControlCharacterException(parser, String.class);
                        }
                        check(field.getValue(), parser);
                    } catch (JsonMappingException e) {
                        e.prependPath(node, printable(field.getKey()));
                        throw e;
                    }
                }
            }
        }
    }
}
