package vn.motcua.eoffice.forms;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Whether something happened on time against the appointed return date written on the receipt (Mẫu 01).
 * Dates are compared in the agency's legal time zone: a step on the appointed day itself is on time.
 */
public enum Timeliness {
    ON_TIME("Đúng hạn"),
    LATE("Quá hạn"),
    /** Still being processed and the appointed date has not passed. */
    NOT_DUE("Chưa đến hạn"),
    /** No appointment to compare with: not yet accepted, refused, or withdrawn. */
    NOT_APPLICABLE("—");

    private final String labelVi;

    Timeliness(String labelVi) {
        this.labelVi = labelVi;
    }

    public String labelVi() {
        return labelVi;
    }

    /**
     * The rule of the process control form (Mẫu 05): a hand-over is late when it happened after the
     * appointed return date; before the dossier is accepted there is no appointment, so nothing is judged.
     * A later apology with a new date does not make a late step on time.
     */
    public static Timeliness ofStep(Instant at, LocalDate appointedReturnDate, ZoneId zone) {
        if (appointedReturnDate == null) {
            return NOT_APPLICABLE;
        }
        return at.atZone(zone).toLocalDate().isAfter(appointedReturnDate) ? LATE : ON_TIME;
    }

    /**
     * The rule of the dossier register (Mẫu 06): a returned dossier is on time when the result was returned
     * on or before the appointed date; an open dossier is late once the appointed date has passed and not due
     * before; a dossier closed without a result (refused, withdrawn) or never accepted is not judged.
     */
    public static Timeliness ofDossier(LocalDate appointedReturnDate, Instant returnedAt, boolean closed,
                                       LocalDate today, ZoneId zone) {
        if (appointedReturnDate == null) {
            return NOT_APPLICABLE;
        }
        if (returnedAt != null) {
            return ofStep(returnedAt, appointedReturnDate, zone);
        }
        if (closed) {
            return NOT_APPLICABLE;
        }
        return today.isAfter(appointedReturnDate) ? LATE : NOT_DUE;
    }
}
