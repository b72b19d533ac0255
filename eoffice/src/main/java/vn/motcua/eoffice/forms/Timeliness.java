package vn.motcua.eoffice.forms;

import vn.motcua.engine.dossier.report.OnTimeRule;

/**
 * How a verdict of {@link OnTimeRule} is written on the forms: a hand-over in the process control form (Mẫu 05)
 * and a dossier in the dossier register (Mẫu 06). The rule itself is {@link OnTimeRule}'s, the same the reports
 * count with; this is only its wording.
 */
public enum Timeliness {
    ON_TIME("Đúng hạn"),
    LATE("Quá hạn"),
    /** Still being processed and the due date has not passed. */
    NOT_DUE("Chưa đến hạn"),
    /** Nothing to judge against: not yet accepted, or closed without a result (refused, withdrawn, stopped). */
    NOT_APPLICABLE("—");

    private final String labelVi;

    Timeliness(String labelVi) {
        this.labelVi = labelVi;
    }

    public String labelVi() {
        return labelVi;
    }

    /** The wording of a verdict. */
    public static Timeliness of(OnTimeRule.Verdict verdict) {
        return switch (verdict) {
            case ON_TIME -> ON_TIME;
            case LATE -> LATE;
            case NOT_DUE -> NOT_DUE;
            case NOT_JUDGED -> NOT_APPLICABLE;
        };
    }
}
