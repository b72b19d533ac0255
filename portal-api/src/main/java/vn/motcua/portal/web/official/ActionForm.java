package vn.motcua.portal.web.official;

import java.util.ArrayList;
import java.util.List;

import vn.motcua.engine.platform.task.TaskItem;

/**
 * The form of one open task of the dossier that the official may decide: the step's outcomes as the engine lists them
 * ({@link TaskItem#outcomes()}), and what the person typed with the errors the engine found in it, to show again.
 * The supplement items are rows of a document's name and the reason it is needed; the engine receives each row as one
 * item ("name – reason").
 */
public record ActionForm(TaskItem task, String outcome, String comment, List<Item> items, List<String> consultedUnits,
                  String consultationDueDate, List<FieldError> errors) {

    /** How many empty rows of items a new form offers; "add another item" adds one more. */
    static final int ITEM_ROWS = 2;

    public record Item(String name, String reason) {

        public boolean blank() {
            return (name == null || name.isBlank()) && (reason == null || reason.isBlank());
        }

        /** The item as the engine records it, read by the applicant. */
        public String text() {
            return reason == null || reason.isBlank() ? name.strip() : name.strip() + " – " + reason.strip();
        }
    }

    /** An error to show in the summary and at the field ({@code field}: outcome, comment, items, consultedUnits…). */
    public record FieldError(String field, String message) {
    }

    static ActionForm blank(TaskItem task) {
        List<Item> rows = new ArrayList<>();
        for (int i = 0; i < ITEM_ROWS; i++) {
            rows.add(new Item("", ""));
        }
        return new ActionForm(task, null, "", rows, List.of(), "", List.of());
    }

    /**
     * The order the outcomes are offered in: the step's usual way forward first, then the other ways (a supplement, a
     * consultation), and the refusals last.
     */
    private static final List<String> ORDER = List.of("ACCEPT", "FAVOURABLE", "PASSED", "AGREE", "APPROVE",
            "ISSUE_RESULT", "RETURN_RESULT", "ANSWER", "ACKNOWLEDGE", "UNFAVOURABLE", "FAILED", "REQUEST_SUPPLEMENT",
            "CONSULT", "RETURN_TO_HANDLER", "REJECT", "REFUSE");

    /** The step's outcomes as the engine lists them for the task, in the order of {@link #ORDER}. */
    public List<String> outcomes() {
        return task.outcomes().stream().sorted(java.util.Comparator.comparingInt(ActionForm::order)).toList();
    }

    private static int order(String outcome) {
        int at = ORDER.indexOf(outcome);
        return at < 0 ? Integer.MAX_VALUE : at;
    }

    public boolean offers(String outcome) {
        return task.outcomes().contains(outcome);
    }

    public String errorOf(String field) {
        return errors.stream().filter(error -> error.field().equals(field)).map(FieldError::message).findFirst()
                .orElse(null);
    }

    public boolean hasError(String field) {
        return errorOf(field) != null;
    }

    /** The items typed, without the rows left empty. */
    public List<Item> filledItems() {
        return items.stream().filter(item -> !item.blank()).toList();
    }
}
