package vn.motcua.engine.audit.verify;

/**
 * One result of a verification that a person must see: a failure ({@link Severity#FAIL}: the record is not
 * what was signed or committed) or a warning (it verifies, with a caveat). Event findings name the event.
 */
public record Finding(Severity severity, String eventId, String aggregateId, Long sequence, String message) {

    public enum Severity { FAIL, WARN }

    public static Finding fail(String eventId, String aggregateId, Long sequence, String message) {
        return new Finding(Severity.FAIL, eventId, aggregateId, sequence, message);
    }

    public static Finding warn(String eventId, String aggregateId, Long sequence, String message) {
        return new Finding(Severity.WARN, eventId, aggregateId, sequence, message);
    }

    public static Finding fail(String message) {
        return fail(null, null, null, message);
    }

    public static Finding warn(String message) {
        return warn(null, null, null, message);
    }

    /** One line, e.g. {@code FAIL event 5f… (dossier 000.00.16.H26-261122-0001, seq 2): signature invalid}. */
    public String describe() {
        StringBuilder line = new StringBuilder(severity.name()).append(' ');
        if (eventId != null) {
            line.append("event ").append(eventId);
            if (aggregateId != null) {
                line.append(" (dossier ").append(aggregateId);
                if (sequence != null) {
                    line.append(", seq ").append(sequence);
                }
                line.append(')');
            }
            line.append(": ");
        }
        return line.append(message).toString();
    }
}
