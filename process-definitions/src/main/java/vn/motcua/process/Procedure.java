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
 * @param supplementLapseDays calendar days the applicant has to supplement the dossier once asked, after which
 *                          the handling ends (practice of provincial systems, not a legal figure: Decree 61/2018/ND-CP
 *                          as amended sets no period); {@value #DEFAULT_SUPPLEMENT_LAPSE_DAYS} when not configured
 * @param appraisalSupplementRestarts whether a supplement asked for during appraisal restarts the time limit from
 *                          zero once it arrives (Decree 61/2018/ND-CP as amended; the default) or, where a procedure's
 *                          own rule says so (practice), resumes it with the working time that was left
 * @param feeReductions     lower fees for some applicants (e.g. GPP in disadvantaged areas), each applied only when
 *                          the applicant claims it on the form together with the evidence it requires
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
        Integer supplementLapseDays,
        Boolean appraisalSupplementRestarts,
        List<FeeReduction> feeReductions,
        ResultKind result) {

    /** The supplement period when the catalogue names none (practice, configurable per procedure). */
    public static final int DEFAULT_SUPPLEMENT_LAPSE_DAYS = 30;

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
        if (supplementLapseDays == null) {
            supplementLapseDays = DEFAULT_SUPPLEMENT_LAPSE_DAYS;
        } else if (supplementLapseDays < 1) {
            throw new IllegalArgumentException("supplementLapseDays must be at least 1: " + code);
        }
        if (appraisalSupplementRestarts == null) {
            appraisalSupplementRestarts = Boolean.TRUE;
        }
        feeReductions = feeReductions == null ? List.of() : List.copyOf(feeReductions);
        for (FeeReduction reduction : feeReductions) {
            if (reduction.feeVnd() < 0 || reduction.feeVnd() >= feeVnd) {
                throw new IllegalArgumentException("a reduced fee must be below the fee: " + code);
            }
        }
    }

    /**
     * A lower fee for some applicants: who it is for (Vietnamese), the fee they pay instead, the boolean form field
     * by which the applicant claims it and the form field holding the evidence they declare (e.g. the decision that
     * lists their commune), and what that evidence must be.
     */
    public record FeeReduction(String who, long feeVnd, String claimField, String evidenceField, String evidence) {
        public FeeReduction {
            Objects.requireNonNull(who, "who");
            Objects.requireNonNull(claimField, "claimField");
            Objects.requireNonNull(evidenceField, "evidenceField");
        }
    }

    /** The fee of one dossier: the catalogue fee, less a reduction, with its reason. */
    public record Fee(long baseFeeVnd, long reductionVnd, String reductionReason) {
        public long amountVnd() {
            return baseFeeVnd - reductionVnd;
        }
    }

    /**
     * The fee for a dossier with this {@code form}: the first reduction the applicant claims ({@code claimField}
     * true) with non-blank evidence applies; a claim without evidence is not a reduction.
     */
    public Fee feeFor(java.util.Map<String, Object> form) {
        for (FeeReduction reduction : feeReductions) {
            Object claimed = form == null ? null : form.get(reduction.claimField());
            Object evidence = form == null ? null : form.get(reduction.evidenceField());
            if (Boolean.TRUE.equals(claimed) && evidence instanceof String text && !text.isBlank()) {
                return new Fee(feeVnd, feeVnd - reduction.feeVnd(), reduction.who() + " — căn cứ / evidence: "
                        + text.strip());
            }
        }
        return new Fee(feeVnd, 0, null);
    }

    public boolean isVerified(String field) {
        return !unverified.contains(field);
    }
}
