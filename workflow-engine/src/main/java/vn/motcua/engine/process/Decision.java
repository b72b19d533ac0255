package vn.motcua.engine.process;

import java.util.List;

/** An official's decision on a task: the outcome, the comment or reasons, and listed items if any. */
public record Decision(Outcome outcome, String comment, List<String> items) {

    public Decision {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
