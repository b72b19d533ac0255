package vn.motcua.engine.platform.task;

/**
 * An open Camunda user task as a tenant sees it: of which kind, on which aggregate (the process's business key),
 * in which process definition, and who has taken it, if anyone.
 */
public record OpenTask(String id, TaskKind kind, String aggregateId, String name, String processDefinitionId,
                       String processInstanceId, String assignee) {
}
