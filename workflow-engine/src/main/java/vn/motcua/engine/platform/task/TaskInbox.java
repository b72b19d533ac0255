package vn.motcua.engine.platform.task;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.platform.Steps;
import vn.motcua.engine.problem.Problem;

/**
 * The one bridge from Camunda user tasks to officials, for every aggregate type: one inbox, one claim, one
 * complete. The process decides who works next by the candidate group {@code ROLE@unit} of each task (the unit
 * from a process variable: {@code unitId}, {@code leadUnitId}, {@code consultedUnit}); an official sees the tasks
 * of their roles in their unit and those they have taken, and may take or decide one only in the task kind's role
 * and in a candidate group of their unit, unless the tenant hides that aggregate from them
 * ({@link UserTasks#hiddenFrom}: a secret document not assigned to them), which then does not exist for them.
 * Completing is one step (ARCHITECTURE.md, "the flow of one step"): the
 * tenant's aggregate appends its event and Camunda completes the task in one transaction, or neither happens.
 * Tenants contribute their task kinds and commands as {@link UserTasks} beans.
 */
@Service
public class TaskInbox {

    /** The longest comment a decision may carry, whatever the step. */
    public static final int MAX_COMMENT = 4000;

    private final Map<String, Registered> byTaskKey = new HashMap<>();
    private final Map<String, List<String>> taskKeysByType = new HashMap<>();
    private final Set<String> listedVariableNames = new HashSet<>();
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final Clock clock;

    public TaskInbox(List<UserTasks<?>> tenants, TaskService tasks, RuntimeService runtime,
                     TransactionTemplate transaction, ObjectMapper json, Clock clock) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
        listedVariableNames.addAll(List.of("warnAt", "dueAt"));
        for (UserTasks<?> tenant : tenants) {
            listedVariableNames.addAll(tenant.listedVariables());
            for (TaskKind kind : tenant.kinds()) {
                Registered other = byTaskKey.putIfAbsent(kind.taskKey(), new Registered(tenant, kind));
                if (other != null) {
                    throw new IllegalStateException("Two task kinds registered as " + kind.taskKey() + ": "
                            + other.tenant().aggregateType().name() + " and " + tenant.aggregateType().name());
                }
                taskKeysByType.computeIfAbsent(tenant.aggregateType().name(), type -> new ArrayList<>())
                        .add(kind.taskKey());
            }
        }
    }

    /** A decided task: what it was about, and what the official sees of it now. */
    public record Completed(String aggregateType, String aggregateId, Object view) {
    }

    private record Registered(UserTasks<?> tenant, TaskKind kind) {
    }

    /** The tasks an official may work on, of every kind: their unit's tasks for their roles, and those taken. */
    public List<TaskItem> inbox(Identity who) {
        return inbox(who, null);
    }

    /** As {@link #inbox(Identity)}, only of one aggregate type (by name: "dossier", "document") unless null. */
    public List<TaskItem> inbox(Identity who, String aggregateType) {
        List<String> groups = who.roles().stream().filter(Role::isOfficial)
                .map(role -> role.candidateGroup(who.unitId())).sorted().toList();
        if (groups.isEmpty()) {
            throw Problem.forbidden("Chỉ cán bộ xử lý mới có hộp công việc / Only officials have an inbox");
        }
        Collection<String> keys = aggregateType == null ? byTaskKey.keySet() : taskKeysByType.get(aggregateType);
        if (keys == null) {
            throw Problem.invalid("aggregateType", "Loại công việc chỉ là " + taskKeysByType.keySet().stream()
                    .sorted().toList() + " / The aggregate type is one of " + taskKeysByType.keySet());
        }
        if (keys.isEmpty()) {
            return List.of();
        }
        List<Task> open = tasks.createTaskQuery().active()
                .or().taskCandidateGroupIn(groups).taskAssignee(who.id()).endOr()
                .taskDefinitionKeyIn(keys.toArray(String[]::new))
                .list();
        Set<String> processes = open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> businessKeys = businessKeys(processes);
        Map<String, Map<String, Object>> variables = listedVariables(processes);
        Map<UserTasks<?>, Set<String>> hidden = hidden(open, businessKeys, who);
        return open.stream()
                .filter(task -> !hidden.getOrDefault(registered(task.getTaskDefinitionKey()).tenant(), Set.of())
                        .contains(businessKeys.get(task.getProcessInstanceId())))
                .map(task -> item(task, businessKeys.get(task.getProcessInstanceId()), who.unitId(),
                        variables.getOrDefault(task.getProcessInstanceId(), Map.of())))
                .sorted(Comparator.comparing(TaskItem::createdAt).thenComparing(TaskItem::id))
                .toList();
    }

    /** Per tenant, the aggregates of these tasks it hides from {@code who} ({@link UserTasks#hiddenFrom}). */
    private Map<UserTasks<?>, Set<String>> hidden(List<Task> open, Map<String, String> businessKeys, Identity who) {
        Map<UserTasks<?>, Set<String>> ids = new HashMap<>();
        for (Task task : open) {
            String aggregateId = businessKeys.get(task.getProcessInstanceId());
            if (aggregateId != null) {
                ids.computeIfAbsent(registered(task.getTaskDefinitionKey()).tenant(), tenant -> new HashSet<>())
                        .add(aggregateId);
            }
        }
        Map<UserTasks<?>, Set<String>> hidden = new HashMap<>();
        ids.forEach((tenant, aggregateIds) -> hidden.put(tenant, tenant.hiddenFrom(who, aggregateIds)));
        return hidden;
    }

    /** An official takes a task of their role and unit (the tenant may record that, e.g. a dossier's handler). */
    public TaskItem claim(String taskId, Identity who) {
        return Steps.inOneTransaction(transaction, () -> {
            OpenTask task = claimable(taskId, who);
            takeOver(task, who);
            return item(tasks.createTaskQuery().taskId(taskId).singleResult(), task.aggregateId(), who.unitId(),
                    listedVariables(Set.of(task.processInstanceId())).getOrDefault(task.processInstanceId(), Map.of()));
        });
    }

    /**
     * An official decides a task: the decision is read into the tenant's type and its outcome checked against the
     * task kind; the official takes the task if they had not (the tenant's hook; Camunda's assignee is not set, since
     * the task completes at once); the tenant's aggregate records the step; the task completes with the outcome in
     * the kind's variable. One transaction.
     */
    public Completed complete(String taskId, JsonNode decision, Identity who) {
        return Steps.inOneTransaction(transaction, () -> {
            OpenTask task = claimable(taskId, who);
            UserTasks<?> tenant = registered(task.kind().taskKey()).tenant();
            return new Completed(tenant.aggregateType().name(), task.aggregateId(),
                    decide(tenant, task, decision, who));
        });
    }

    private <D extends TaskDecision> Object decide(UserTasks<D> tenant, OpenTask task, JsonNode body, Identity who) {
        D decision = read(tenant.decisionType(), task, body);
        // the task completes in this transaction: Camunda's assignee, written first, would be read by nobody
        takingOver(task, who);
        TaskKind kind = task.kind();
        Map<String, Object> variables = new HashMap<>();
        variables.put(kind.variable(), decision.outcome().name());
        Object view = tenant.decide(task, decision, who.as(kind.role()), who, variables);
        tasks.complete(task.id(), variables);
        return view;
    }

    /** The request body as the tenant's decision, with an outcome the task takes; else a 400 naming the field. */
    private <D extends TaskDecision> D read(Class<D> type, OpenTask task, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw Problem.invalid("body", "Quyết định là một đối tượng JSON / The decision is a JSON object");
        }
        D decision;
        try {
            decision = json.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof Problem problem) {
                throw problem;
            }
            throw Problem.invalid(field(e), "Giá trị không đúng kiểu / A value has the wrong type");
        }
        TaskKind kind = task.kind();
        List<String> outcomes = kind.outcomes().stream().map(Enum::name).toList();
        if (decision.outcome() == null || !kind.outcomes().contains(decision.outcome())) {
            throw Problem.invalid("outcome", "Bước '" + task.name() + "' chỉ nhận " + outcomes
                    + " / Step '" + kind.taskKey() + "' accepts only " + outcomes);
        }
        if (decision.comment() != null && decision.comment().length() > MAX_COMMENT) {
            throw Problem.invalid("comment", "Ý kiến tối đa " + MAX_COMMENT + " ký tự / At most " + MAX_COMMENT
                    + " characters");
        }
        return decision;
    }

    private static String field(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        return "body";
    }

    private void takeOver(OpenTask task, Identity who) {
        if (takingOver(task, who)) {
            tasks.claim(task.id(), who.id());
        }
    }

    /** Lets the tenant record that {@code who} takes the task (a dossier's handler); false if it was theirs already. */
    private boolean takingOver(OpenTask task, Identity who) {
        if (who.id().equals(task.assignee())) {
            return false;
        }
        registered(task.kind().taskKey()).tenant().takingOver(task, who.as(task.kind().role()));
        return true;
    }

    /**
     * The task must be open, of a registered kind, for the caller's role in their unit, and not taken by another.
     * A task that is not in the caller's inbox (another role's or unit's, or a secret document's they are not assigned
     * to) is the same 404 as an unknown one.
     */
    private OpenTask claimable(String taskId, Identity who) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || !byTaskKey.containsKey(task.getTaskDefinitionKey())) {
            throw Problem.notFound("task", "Không tìm thấy công việc " + taskId + " / No open task " + taskId);
        }
        TaskKind kind = registered(task.getTaskDefinitionKey()).kind();
        String group = kind.role().candidateGroup(who.unitId());
        boolean candidate = who.has(kind.role()) && tasks.getIdentityLinksForTask(taskId).stream()
                .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                        && group.equals(link.getGroupId()));
        if (!candidate) {
            // another role's or unit's task is not in the caller's inbox: its existence is not theirs to know
            throw Problem.notFound("task", "Không tìm thấy công việc " + taskId + " / No open task " + taskId);
        }
        String aggregateId = businessKeys(Set.of(task.getProcessInstanceId())).get(task.getProcessInstanceId());
        if (aggregateId != null && registered(task.getTaskDefinitionKey()).tenant()
                .hiddenFrom(who, Set.of(aggregateId)).contains(aggregateId)) {
            throw Problem.notFound("task", "Không tìm thấy công việc " + taskId + " / No open task " + taskId);
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(who.id())) {
            throw new Problem(Problem.Kind.CONFLICT, "task-claimed", "Công việc đã có cán bộ khác nhận",
                    "Task claimed by another official", "Công việc đang do " + task.getAssignee()
                    + " xử lý / The task is being handled by " + task.getAssignee(), null);
        }
        return open(task, aggregateId);
    }

    /**
     * One item of an official's inbox, made from what the listing fetched once for all its tasks (no query per
     * task): the unit is the official's own, since the listing asked for their unit's candidate groups.
     */
    private TaskItem item(Task task, String aggregateId, String unit, Map<String, Object> variables) {
        Registered registered = registered(task.getTaskDefinitionKey());
        TaskKind kind = registered.kind();
        Instant warnAt = instant(variables.get("warnAt"));
        Instant dueAt = instant(variables.get("dueAt"));
        return new TaskItem(task.getId(), registered.tenant().aggregateType().name(), aggregateId, kind.taskKey(),
                task.getName(), unit, task.getAssignee(), task.getCreateTime().toInstant(),
                kind.outcomes().stream().map(Enum::name).toList(), dueAt,
                TaskItem.Deadline.of(clock.instant(), warnAt, dueAt),
                registered.tenant().details(open(task, aggregateId), variables));
    }

    /**
     * The process variables an inbox item shows (the deadline's {@code warnAt}/{@code dueAt} and what the tenants
     * list), for all these processes in one query.
     */
    private Map<String, Map<String, Object>> listedVariables(Set<String> processInstanceIds) {
        Map<String, Map<String, Object>> values = new HashMap<>();
        if (processInstanceIds.isEmpty()) {
            return values;
        }
        for (VariableInstance variable : runtime.createVariableInstanceQuery()
                .processInstanceIdIn(processInstanceIds.toArray(String[]::new))
                .variableNameIn(listedVariableNames.toArray(String[]::new)).list()) {
            // process-wide values; a value set on a sub-execution does not stand for the process
            if (variable.getProcessInstanceId().equals(variable.getExecutionId())) {
                values.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
                        .put(variable.getName(), variable.getValue());
            }
        }
        return values;
    }

    private OpenTask open(Task task, String aggregateId) {
        return new OpenTask(task.getId(), registered(task.getTaskDefinitionKey()).kind(), aggregateId, task.getName(),
                task.getProcessDefinitionId(), task.getProcessInstanceId(), task.getAssignee());
    }

    private Registered registered(String taskKey) {
        return Objects.requireNonNull(byTaskKey.get(taskKey), taskKey);
    }

    private Map<String, String> businessKeys(Set<String> processInstanceIds) {
        Map<String, String> keys = new HashMap<>();
        if (!processInstanceIds.isEmpty()) {
            for (ProcessInstance process : runtime.createProcessInstanceQuery().processInstanceIds(processInstanceIds)
                    .list()) {
                keys.put(process.getId(), process.getBusinessKey());
            }
        }
        return keys;
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }
}
