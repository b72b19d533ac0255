package vn.motcua.eoffice.forms;

import vn.motcua.engine.dossier.report.OnTimeRule;

/**
 * How a verdict of {@link OnTimeRule} is written on the forms: a hand-over in the process control form (Mẫu 05)
 * and a dossier in the dossier register (Mẫu 06), whose "Trả kết quả" columns are "Trước hạn", "Đúng hạn" and
 * "Quá hạn" (Circular 01/2018/TT-VPCP Mẫu 06): finished before, on, or after the appointed date. The rule itself is
 * {@link OnTimeRule}'s, the same the reports count with; this is only its wording.
 */
public enum Timeliness {
    /** Finished before the due date. */
    EARLY("Trước hạn"),
    /** Finished on the due date; for a hand-over (Mẫu 05), taken on or before it. */
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

    /** The wording of a verdict, on time without telling early from on the day (a hand-over of Mẫu 05). */
    public static Timeliness of(OnTimeRule.Verdict verdict) {
        return switch (verdict) {
            case ON_TIME -> ON_TIME;
            case LATE -> LATE;
            case NOT_DUE -> NOT_DUE;
            case NOT_JUDGED -> NOT_APPLICABLE;
        };
    }

    /** The wording of a dossier's verdict: early (trước hạn) told apart from on the due date (đúng hạn). */
    public static Timeliness of(OnTimeRule.Result result) {
        return result.early() ? EARLY : of(result.verdict());
    }

    /** Whether the dossier was handled on time: early or on the due date. */
    public boolean onTime() {
        return this == EARLY || this == ON_TIME;
    }
}
