package vn.motcua.engine.platform.task;

import java.util.Set;

import vn.motcua.engine.identity.Role;

/**
 * One user task of a tenant's BPMN, by its task definition key: the role that does it (in the unit its candidate
 * group {@code ROLE@unit} names), the process variable its outcome is stored in for the gateways, and the outcomes
 * it allows. The BPMN says who does what next; the aggregate says what is allowed; a task kind joins the two.
 */
public interface TaskKind {

    /** What the task kind is; a tenant's enum of task kinds keeps one each and answers the rest from it. */
    Definition definition();

    /** The BPMN id of the user task, unique over every tenant: {@code reception}, {@code doc_review}. */
    default String taskKey() {
        return definition().taskKey();
    }

    default Role role() {
        return definition().role();
    }

    /** The process variable the chosen outcome's name is stored in when the task completes. */
    default String variable() {
        return definition().variable();
    }

    default Set<? extends Enum<?>> outcomes() {
        return definition().outcomes();
    }

    /** A task kind as data; also a task kind itself, for a tenant that needs no enum. */
    record Definition(String taskKey, Role role, String variable, Set<? extends Enum<?>> outcomes)
            implements TaskKind {
        public Definition {
            outcomes = Set.copyOf(outcomes);
        }

        @Override
        public Definition definition() {
            return this;
        }
    }
}
