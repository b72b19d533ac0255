package vn.motcua.eoffice.result;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import vn.motcua.eoffice.forms.IssuedResultForm;
import vn.motcua.process.ResultKind;

/**
 * Fills the lines of a result from the applicant's form, as its {@link ResultKind} says (catalogue.json): each line
 * takes the value of one field (a dotted path into the form); a list is joined, an ISO date is written dd/MM/yyyy,
 * and a line whose field the applicant left empty is left out rather than printed as a placeholder.
 */
final class ResultContents {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private ResultContents() {
    }

    static List<IssuedResultForm.Line> lines(ResultKind kind, Map<String, Object> form) {
        List<IssuedResultForm.Line> lines = new ArrayList<>();
        for (ResultKind.Line line : kind.lines()) {
            String value = value(form, line.field());
            if (value != null) {
                lines.add(new IssuedResultForm.Line(line.label(), line.printed(value)));
            }
        }
        return lines;
    }

    /** The printable value of the field at {@code path} ({@code responsiblePharmacist.fullName}), or null. */
    static String value(Map<String, Object> form, String path) {
        Object current = form;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return printable(current);
    }

    private static String printable(Object value) {
        return switch (value) {
            case null -> null;
            case String text when text.isBlank() -> null;
            case String text -> date(text.strip());
            case Collection<?> items -> {
                String joined = items.stream().map(ResultContents::item).filter(Objects::nonNull)
                        .collect(Collectors.joining("; "));
                yield joined.isBlank() ? null : joined;
            }
            case Map<?, ?> map -> null;
            default -> String.valueOf(value);
        };
    }

    /** An element of a list: a text, or an object's values joined ("Mục: đã cấp → đề nghị"). */
    private static String item(Object value) {
        if (value instanceof Map<?, ?> map) {
            String joined = map.values().stream().map(ResultContents::printable).filter(Objects::nonNull)
                    .collect(Collectors.joining(" — "));
            return joined.isBlank() ? null : joined;
        }
        return printable(value);
    }

    private static String date(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            try {
                return DAY.format(LocalDate.parse(text));
            } catch (DateTimeParseException notADate) {
                return text;
            }
        }
        return text;
    }
}
