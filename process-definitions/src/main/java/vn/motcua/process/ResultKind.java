package vn.motcua.process;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The document a procedure issues when it grants the request: its kind (the code of its issuing register,
 * {@code RESULT:<kind>}), its title as printed, the form of its number and symbol, and which fields of the
 * applicant's form fill which of its lines. The result is an administrative document (Decree 30/2020/ND-CP Art. 8
 * and Appendix I: number and symbol, title of the kind, content); titles and symbols of each kind come from the
 * procedure's own legal basis and are listed in {@code unverified} where nobody has checked them.
 *
 * @param kind       the register's code, e.g. {@code CCHND}; numbers run per agency, kind and year
 * @param title      the kind's title as printed, e.g. "CHỨNG CHỈ HÀNH NGHỀ DƯỢC"
 * @param symbol     the number/symbol pattern: {@code {number}} (two digits at least), {@code {yy}} (the year's
 *                   last two digits) and {@code {issuer}} (the issuing agency's abbreviation), e.g.
 *                   {@code {number}/CCHND-{issuer}}
 * @param holder     the form field naming the holder (dotted path), or null for the applicant's name
 * @param lines      the content: each line's label and the form field (dotted path) that fills it
 * @param unverified names of fields not yet checked against the legal source
 */
public record ResultKind(String kind, String title, String symbol, String holder, List<Line> lines,
                         List<String> unverified) {

    /** The kind of the numbered written answer that refuses a request, with its reasons. */
    public static final String REFUSAL = "TB-KCT";

    public ResultKind {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(symbol, "symbol");
        if (!symbol.contains("{number}")) {
            throw new IllegalArgumentException("the symbol of " + kind + " has no {number}");
        }
        lines = lines == null ? List.of() : List.copyOf(lines);
        unverified = unverified == null ? List.of() : List.copyOf(unverified);
    }

    /** The register this kind is numbered in. */
    public String register() {
        return register(kind);
    }

    public static String register(String kind) {
        return "RESULT:" + kind;
    }

    /** The symbol of number {@code number} of year {@code year} issued by {@code issuer} ("05/CCHND-SYT"). */
    public String symbolOf(int number, int year, String issuer) {
        return symbol.replace("{number}", "%02d".formatted(number))
                .replace("{yy}", "%02d".formatted(year % 100))
                .replace("{issuer}", issuer == null || issuer.isBlank() ? "" : issuer.strip())
                .replace("-/", "/").replace("/-", "/").replaceAll("-$", "");
    }

    /**
     * One line of the content: its label, the dotted path of the form field that fills it, and for a coded field
     * the words printed for each code ({@code LOST} → "Bị mất").
     */
    public record Line(String label, String field, Map<String, String> values) {
        public Line {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(field, "field");
            values = values == null ? Map.of() : Map.copyOf(values);
        }

        /** The words printed for {@code value}: its label if it is a code of this line, else itself. */
        public String printed(String value) {
            return values.getOrDefault(value, value);
        }
    }
}
