package vn.motcua.engine.platform.task;

/**
 * An official's decision on a task, in the tenant's own type: the outcome (one of the task kind's), a comment,
 * and whatever fields the tenant's steps need. The one inbox reads the request body into it with the one JSON
 * mapper, so a tenant's decision is a plain record.
 */
public interface TaskDecision {

    Enum<?> outcome();

    String comment();
}
