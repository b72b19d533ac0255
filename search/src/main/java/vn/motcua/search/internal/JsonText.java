package vn.motcua.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Null-tolerant reads from event JSON and the normalisations shared by indexing and lookup. */
public final class JsonText {

    private JsonText() {
    }

    /** The text at a dotted path such as {@code applicant.fullName}, or {@code null} when absent or blank. */
    public static String text(JsonNode node, String path) {
        JsonNode current = node;
        for (String part : path.split("\\.")) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(part);
        }
        if (current == null || current.isNull() || current.isContainerNode()) {
            return null;
        }
        String value = current.asText();
        return value.isBlank() ? null : value;
    }

    /** Every non-blank scalar text under {@code node}, depth first, in document order. */
    public static List<String> leafTexts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        collect(node, texts);
        return texts;
    }

    private static void collect(JsonNode node, List<String> texts) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collect(field.getValue(), texts);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, texts));
        } else if (node.isTextual() && !node.asText().isBlank()) {
            texts.add(node.asText().strip());
        }
    }

    /**
     * A phone number as compared by the public lookup: separators dropped and the international
     * prefix {@code +84} / {@code 84} written as the domestic {@code 0}, so "+84 912 345 678" and
     * "0912.345.678" are the same number.
     */
    public static String normalizePhone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[\\s.()\\-]", "");
        if (digits.startsWith("+84")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("84") && digits.length() == 11) {
            digits = "0" + digits.substring(2);
        }
        return digits.isEmpty() ? null : digits;
    }

    /** An identity document number (CCCD, CMND or passport) as compared: trimmed, upper case. */
    public static String normalizeIdNumber(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        String value = idNumber.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        return value.isEmpty() ? null : value;
    }
}
