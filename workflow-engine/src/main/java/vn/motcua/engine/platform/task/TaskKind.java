package vn.motcua.engine.platform.task;

import java.util.Set;

import vn.motcua.engine.identity.Role;

/**
 * One user task of a tenant's BPMN, by its task definition key: the role that does it (in the unit its candidate
 * group {@code ROLE@unit} names), the process variable its outcome is stored in for the gateways, and the outcomes
 * it allows. The BPMN says who does what next; the aggregate says what is allowed; a task kind joins the two.
 */
public interface TaskKind {

    /** The BPMN id of the user task, unique over every tenant: {@code reception}, {@code doc_review}. */
    String taskKey();

    Role role();

    /** The process variable the chosen outcome's name is stored in when the task completes. */
    String variable();

    Set<? extends Enum<?>> outcomes();
}
