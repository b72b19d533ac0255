package vn.motcua.engine.dossier.process;

import java.time.LocalDate;
import java.util.List;

import vn.motcua.engine.platform.task.TaskDecision;

/**
 * An official's decision on a task: the outcome, the comment or reasons, the items missing (supplement
 * requests), and for a consultation the units asked and the date they must answer by.
 */
public record Decision(Outcome outcome, String comment, List<String> items, List<String> consultedUnits,
                       LocalDate consultationDueDate) implements TaskDecision {

    public Decision {
        items = items == null ? List.of() : List.copyOf(items);
        consultedUnits = consultedUnits == null ? List.of() : List.copyOf(consultedUnits);
    }

    public Decision(Outcome outcome, String comment, List<String> items) {
        this(outcome, comment, items, List.of(), null);
    }
}
