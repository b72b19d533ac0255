package vn.motcua.eoffice.forms;

import java.time.Instant;

/**
 * One row of the process control form (Mẫu 05): a step, who handed the dossier over and to whom, when,
 * and whether that was on time.
 *
 * @param step  what was done (the step's Vietnamese label, with its comment if any)
 * @param from  who handed the dossier over: the person who took the step
 * @param to    who received it next, or null while nobody has yet
 */
public record HandOver(String step, String from, String to, Instant at, Timeliness timeliness) {

    public HandOver {
        Forms.require(step, "step");
        Forms.require(at, "at");
        Forms.require(timeliness, "timeliness");
    }
}
