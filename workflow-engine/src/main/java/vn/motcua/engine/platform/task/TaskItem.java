package vn.motcua.engine.platform.task;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One task in an official's inbox, of any aggregate type. {@code aggregateType} ("dossier", "document") and
 * {@code aggregateId} say what it is about; {@code step} is the BPMN task key and {@code outcomes} the decisions it
 * takes; {@code unitId} the unit of its candidate group. {@code dueAt} and {@code deadline} give the deadline colour
 * when the process keeps a deadline ({@code dueAt}, {@code warnAt} process variables). The tenant's own fields
 * ({@code dossierCode} and {@code procedureCode}; {@code documentId} and {@code direction}) are written next to these.
 */
public record TaskItem(String id, String aggregateType, String aggregateId, String step, String name, String unitId,
                       String assignee, Instant createdAt, List<String> outcomes, Instant dueAt, Deadline deadline,
                       @JsonIgnore Map<String, Object> details) {

    public TaskItem {
        outcomes = List.copyOf(outcomes);
        details = details == null ? Map.of() : details;
    }

    /** The tenant's fields, written at the top level of the item. */
    @JsonAnyGetter
    public Map<String, Object> detailFields() {
        return details;
    }

    /**
     * Where the task stands against its deadline, shown as a colour: on time (xanh), past the warning point at 75%
     * of the working time (vàng), overdue (đỏ). None when the process keeps no deadline.
     */
    public enum Deadline {
        ON_TIME, DUE_SOON, OVERDUE;

        static Deadline of(Instant now, Instant warnAt, Instant dueAt) {
            if (dueAt == null) {
                return null;
            }
            if (!now.isBefore(dueAt)) {
                return OVERDUE;
            }
            return warnAt != null && !now.isBefore(warnAt) ? DUE_SOON : ON_TIME;
        }
    }
}
