package vn.motcua.engine.calendar;

import java.time.Instant;
import java.util.Objects;

/**
 * A period during which the time limit does not run, such as waiting for the applicant to supplement
 * the dossier (Decree 61/2018/ND-CP): from the request to the moment the supplement arrived.
 */
public record ClockStop(Instant from, Instant to) {

    public ClockStop {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a clock stop must not end (" + to + ") before it starts (" + from + ")");
        }
    }
}
