package vn.motcua.process;

import com.networknt.schema.Error;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Words a person can act on for each JSON Schema keyword, in Vietnamese for the applicant and
 * English for support staff; the library's own text is the fallback for rare keywords.
 */
final class FieldMessages {

    private static final Map<String, String[]> TYPES = Map.of(
            "string", new String[] {"chuỗi ký tự", "a string"},
            "integer", new String[] {"số nguyên", "an integer"},
            "number", new String[] {"số", "a number"},
            "boolean", new String[] {"có hoặc không (true/false)", "true or false"},
            "object", new String[] {"nhóm thông tin (đối tượng)", "an object"},
            "array", new String[] {"danh sách", "a list"},
            "null", new String[] {"để trống (null)", "null"});

    private FieldMessages() {
    }

    static String describe(String keyword, Error error, String label, String path) {
        Object[] args = error.getArguments() == null ? new Object[0] : error.getArguments();
        String field = path.isEmpty() ? "form" : path;
        String[] text = switch (keyword) {
            case "required", "dependentRequired" -> new String[] {"bắt buộc phải kê khai", "is required"};
            case "additionalProperties", "unevaluatedProperties" -> new String[] {
                    "không có trong mẫu đơn của thủ tục này", "is not a field of this form"};
            case "type" -> {
                String[] expected = TYPES.getOrDefault(arg(args, 1), new String[] {arg(args, 1), arg(args, 1)});
                yield new String[] {"phải là " + expected[0], "must be " + expected[1]};
            }
            case "enum" -> new String[] {"phải là một trong các giá trị " + arg(args, 0),
                    "must be one of " + arg(args, 0)};
            case "const" -> new String[] {"phải có giá trị " + arg(args, 0), "must be " + arg(args, 0)};
            case "format" -> format(arg(args, 0));
            case "pattern" -> new String[] {"không đúng định dạng", "does not match the pattern " + arg(args, 0)};
            case "minLength" -> "1".equals(arg(args, 0))
                    ? new String[] {"không được để trống", "must not be empty"}
                    : new String[] {"phải có ít nhất " + arg(args, 0) + " ký tự",
                            "must be at least " + arg(args, 0) + " characters long"};
            case "maxLength" -> new String[] {"không được dài quá " + arg(args, 0) + " ký tự",
                    "must be at most " + arg(args, 0) + " characters long"};
            case "minimum" -> new String[] {"không được nhỏ hơn " + arg(args, 0), "must be at least " + arg(args, 0)};
            case "maximum" -> new String[] {"không được lớn hơn " + arg(args, 0), "must be at most " + arg(args, 0)};
            case "exclusiveMinimum" -> new String[] {"phải lớn hơn " + arg(args, 0),
                    "must be greater than " + arg(args, 0)};
            case "exclusiveMaximum" -> new String[] {"phải nhỏ hơn " + arg(args, 0),
                    "must be less than " + arg(args, 0)};
            case "minItems" -> new String[] {"phải có ít nhất " + arg(args, 0) + " mục",
                    "must have at least " + arg(args, 0) + " items"};
            case "maxItems" -> new String[] {"không được quá " + arg(args, 0) + " mục",
                    "must have at most " + arg(args, 0) + " items"};
            case "uniqueItems" -> new String[] {"có mục bị trùng lặp", "must not list an item twice"};
            default -> new String[] {"không hợp lệ", error.getMessage()};
        };
        boolean unknownField = keyword.equals("additionalProperties") || keyword.equals("unevaluatedProperties");
        String subject = unknownField ? "Trường '" + path + "'" : label;
        return subject + ": " + text[0] + " / " + field + " " + text[1];
    }

    private static String[] format(String format) {
        return switch (format) {
            case "date" -> new String[] {"phải là ngày theo dạng YYYY-MM-DD", "must be a date written YYYY-MM-DD"};
            case "date-time" -> new String[] {"phải là ngày giờ theo ISO 8601", "must be an ISO 8601 date-time"};
            case "email" -> new String[] {"phải là địa chỉ thư điện tử hợp lệ", "must be a valid e-mail address"};
            default -> new String[] {"không đúng định dạng " + format, "must be a valid " + format};
        };
    }

    private static String arg(Object[] args, int index) {
        if (index >= args.length || args[index] == null) {
            return "";
        }
        Object value = args[index];
        if (value instanceof Object[] array) {
            return Arrays.stream(array).map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
