package vn.motcua.process;

import java.util.List;
import java.util.Objects;

/**
 * An administrative procedure as configured for this installation. Figures come from public
 * procedure pages and may be wrong or outdated, so they live in configuration rather than
 * code, and {@code unverified} names the fields nobody has checked against the legal text
 * (the catalogue must not pretend to more certainty than it has).
 *
 * @param code              national procedure code, e.g. {@code 1.002600}; where the national
 *                          code is not known yet, a local code such as {@code BYT.KCB.01} with
 *                          {@code code} listed in {@code unverified}
 * @param processKey        id of the BPMN process that runs it; it does not follow a later change
 *                          of {@code code}, so dossiers already running keep their process
 * @param feeVnd            fee (phí, lệ phí) in đồng
 * @param formSchema        classpath location of the JSON Schema (draft 2020-12) of the
 *                          applicant's form, e.g. {@code forms/1.002600.schema.json}; {@code null}
 *                          when the procedure has no form beyond the applicant's particulars
 * @param unverified        names of fields not yet checked against the legal source
 * @param result            the document issued when the request is granted ({@link ResultKind}); null when the
 *                          procedure issues the generic result
 */
public record Procedure(
        String code,
        String name,
        String processKey,
        String agencyLevel,
        String legalBasis,
        TimeLimit timeLimit,
        long feeVnd,
        List<RequiredDocument> requiredDocuments,
        String formSchema,
        List<String> unverified,
        ResultKind result) {

    public Procedure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(processKey, "processKey");
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (feeVnd < 0) {
            throw new IllegalArgumentException("fee must not be negative: " + code);
        }
        if (formSchema != null && formSchema.isBlank()) {
            formSchema = null;
        }
        requiredDocuments = requiredDocuments == null ? List.of() : List.copyOf(requiredDocuments);
        unverified = unverified == null ? List.of() : List.copyOf(unverified);
    }

    public boolean isVerified(String field) {
        return !unverified.contains(field);
    }
}
