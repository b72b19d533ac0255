package vn.motcua.engine.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.engine.calendar.WorkingCalendar;
import vn.motcua.engine.code.DossierCodes;
import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.document.DocumentStore;
import vn.motcua.engine.document.Upload;
import vn.motcua.engine.dossier.AppraisalOutcome;
import vn.motcua.engine.dossier.AttachedDocument;
import vn.motcua.engine.dossier.DossierCommand;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.problem.Problem;
import vn.motcua.engine.registry.DossierAccess;
import vn.motcua.engine.registry.DossierSummary;
import vn.motcua.process.DayCount;
import vn.motcua.process.Procedure;
import vn.motcua.process.ProcedureCatalogue;

/**
 * The BPMN bridge: every step is one database transaction in which the aggregate appends its event
 * and Camunda moves the process (start, complete a task, correlate a message) on the same JDBC
 * connection. Either both happen or neither does (ARCHITECTURE.md, "the flow of one step").
 * The process decides who works next (candidate groups {@code ROLE@unit}); the aggregate decides
 * what is allowed.
 */
@Service
public class DossierWorkflow {

    static final String SUPPLEMENT_PROVIDED = "SupplementProvided";
    static final String DOSSIER_WITHDRAWN = "DossierWithdrawn";

    private final CommandGateway commands;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final TransactionTemplate transaction;
    private final ProcedureCatalogue catalogue;
    private final DossierCodes codes;
    private final DocumentStore documents;
    private final DossierAccess access;
    private final WorkingCalendar calendar;
    private final MotcuaProperties properties;
    private final Clock clock;

    public DossierWorkflow(CommandGateway commands, RuntimeService runtime, TaskService tasks,
                           TransactionTemplate transaction, ProcedureCatalogue catalogue, DossierCodes codes,
                           DocumentStore documents, DossierAccess access, WorkingCalendar calendar,
                           MotcuaProperties properties, Clock clock) {
        this.commands = commands;
        this.runtime = runtime;
        this.tasks = tasks;
        this.transaction = transaction;
        this.catalogue = catalogue;
        this.codes = codes;
        this.documents = documents;
        this.access = access;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    /** Submits a dossier: stores its files, takes the next code, appends the first event, starts the process. */
    public DossierSummary submit(NewDossier dossier, List<Upload> files, Identity who) {
        Actor applicant = actorAs(who, Role.CITIZEN);
        Procedure procedure = catalogue.find(dossier.procedureCode()).orElseThrow(() -> Problem.invalid(
                "procedureCode", "Thủ tục '" + dossier.procedureCode() + "' không có trong danh mục / Unknown procedure"));
        properties.unit(dossier.unitId()).orElseThrow(() -> Problem.invalid(
                "unitId", "Đơn vị '" + dossier.unitId() + "' không tiếp nhận hồ sơ / Unknown receiving unit"));
        if (files.isEmpty()) {
            throw Problem.invalid("files", "Hồ sơ phải có ít nhất một tài liệu PDF / Attach at least one PDF document");
        }
        return step(() -> {
            List<AttachedDocument> attached = documents.storeAll(files);
            String code = codes.next(dossier.unitId(), LocalDate.now(clock));
            commands.sendAndWait(new DossierCommand.SubmitDossier(code, procedure.code(), dossier.unitId(),
                    dossier.applicant(), dossier.form() == null ? Map.of() : dossier.form(), attached,
                    dossier.comment(), applicant));
            runtime.startProcessInstanceByKey(procedure.processKey(), code, Map.of(
                    "dossierCode", code, "unitId", dossier.unitId(), "procedureCode", procedure.code()));
            return access.readable(code, who);
        });
    }

    /** The applicant sends what reception asked for; the process returns to reception. */
    public DossierSummary provideSupplement(String code, List<Upload> files, String comment, Identity who) {
        Actor applicant = actorAs(who, Role.CITIZEN);
        access.readable(code, who);
        return step(() -> {
            List<AttachedDocument> attached = documents.storeAll(files);
            commands.sendAndWait(new DossierCommand.ProvideSupplement(code, attached, comment, applicant));
            runtime.createMessageCorrelation(SUPPLEMENT_PROVIDED).processInstanceBusinessKey(code).correlate();
            return access.readable(code, who);
        });
    }

    /** The applicant withdraws their dossier (Decree 61/2018/ND-CP Art. 18); the process ends. */
    public DossierSummary withdraw(String code, String reason, Identity who) {
        Actor applicant = actorAs(who, Role.CITIZEN);
        access.readable(code, who);
        return step(() -> {
            commands.sendAndWait(new DossierCommand.WithdrawDossier(code, reason, applicant));
            runtime.createMessageCorrelation(DOSSIER_WITHDRAWN).processInstanceBusinessKey(code).correlate();
            return access.readable(code, who);
        });
    }

    /** The tasks an official may work on: their unit's tasks for their roles, and those they have claimed. */
    public List<WorkItem> inbox(Identity who) {
        List<String> groups = who.roles().stream().filter(Role::isOfficial)
                .map(role -> role.candidateGroup(who.unitId())).sorted().toList();
        if (groups.isEmpty()) {
            throw Problem.forbidden("Chỉ cán bộ xử lý mới có hộp công việc / Only officials have an inbox");
        }
        return tasks.createTaskQuery().active()
                .or().taskCandidateGroupIn(groups).taskAssignee(who.id()).endOr()
                .list().stream()
                .map(this::toWorkItem)
                .sorted(Comparator.comparing(WorkItem::createdAt))
                .toList();
    }

    /** An official takes a task; taking an appraisal makes them the dossier's handler. */
    public WorkItem claim(String taskId, Identity who) {
        return step(() -> {
            Task task = claimable(taskId, who);
            takeOver(task, who);
            return toWorkItem(tasks.createTaskQuery().taskId(taskId).singleResult());
        });
    }

    /** An official decides a task: the aggregate records the step, then the process moves on. */
    public DossierSummary complete(String taskId, Decision decision, Identity who) {
        return step(() -> {
            Task task = claimable(taskId, who);
            StepKind kind = stepOf(task);
            if (decision.outcome() == null || !kind.outcomes().contains(decision.outcome())) {
                throw Problem.invalid("outcome", "Bước '" + task.getName() + "' chỉ nhận " + kind.outcomes()
                        + " / Step '" + kind.taskKey() + "' accepts only " + kind.outcomes());
            }
            takeOver(task, who);
            String code = businessKey(task);
            commands.sendAndWait(command(kind, code, decision, who.as(kind.role()), task));
            tasks.complete(taskId, Map.of(kind.variable(), decision.outcome().name()));
            return access.readable(code, who);
        });
    }

    private DossierCommand command(StepKind kind, String code, Decision decision, Actor actor, Task task) {
        return switch (decision.outcome()) {
            case ACCEPT -> new DossierCommand.AcceptDossier(code, appointedDate(task), decision.comment(), actor);
            case REQUEST_SUPPLEMENT ->
                    new DossierCommand.RequestSupplement(code, decision.items(), decision.comment(), actor);
            case REFUSE -> new DossierCommand.RefuseDossier(code, decision.comment(), actor);
            case FAVOURABLE, UNFAVOURABLE -> new DossierCommand.RecordAppraisal(code,
                    AppraisalOutcome.valueOf(decision.outcome().name()), decision.comment(), List.of(), actor);
            case APPROVE -> new DossierCommand.ApproveDossier(code, decision.comment(), actor);
            case REJECT -> new DossierCommand.RejectDossier(code, decision.comment(), actor);
            case RETURN_RESULT -> new DossierCommand.ReturnResult(code, decision.comment(), List.of(), actor);
        };
    }

    /** The appointed return date printed on the receipt (Mẫu 01): the legal time limit from now. */
    private LocalDate appointedDate(Task task) {
        String procedureCode = (String) tasks.getVariable(task.getId(), "procedureCode");
        String unitId = (String) tasks.getVariable(task.getId(), "unitId");
        Procedure procedure = catalogue.find(procedureCode).orElseThrow();
        int days = procedure.timeLimit().days();
        return procedure.timeLimit().count() == DayCount.WORKING_DAYS
                ? calendar.dueDate(clock.instant(), days, unitId)
                : calendar.dueDateCalendarDays(clock.instant(), days);
    }

    private void takeOver(Task task, Identity who) {
        if (who.id().equals(task.getAssignee())) {
            return;
        }
        StepKind kind = stepOf(task);
        if (kind == StepKind.APPRAISAL) {
            Actor specialist = who.as(kind.role());
            commands.sendAndWait(new DossierCommand.AssignHandler(businessKey(task), specialist, null, specialist));
        }
        tasks.claim(task.getId(), who.id());
    }

    /** The task must exist, belong to one of the caller's groups, and not be taken by someone else. */
    private Task claimable(String taskId, Identity who) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw Problem.notFound("task", "Không tìm thấy công việc " + taskId + " / No open task " + taskId);
        }
        StepKind kind = stepOf(task);
        String group = kind.role().candidateGroup(who.unitId());
        boolean candidate = who.has(kind.role()) && tasks.getIdentityLinksForTask(taskId).stream()
                .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                        && group.equals(link.getGroupId()));
        if (!candidate) {
            throw Problem.forbidden("Công việc này không thuộc vai trò và đơn vị của bạn"
                    + " / This task is not for your role and unit");
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(who.id())) {
            throw new Problem(Problem.Kind.CONFLICT, "task-claimed", "Công việc đã có cán bộ khác nhận",
                    "Task claimed by another official", "Công việc đang do " + task.getAssignee()
                    + " xử lý / The task is being handled by " + task.getAssignee(), null);
        }
        return task;
    }

    private WorkItem toWorkItem(Task task) {
        StepKind kind = stepOf(task);
        String unit = tasks.getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId).filter(Objects::nonNull)
                .map(group -> group.substring(group.indexOf('@') + 1)).findFirst().orElse(null);
        return new WorkItem(task.getId(), kind.taskKey(), task.getName(), businessKey(task),
                (String) tasks.getVariable(task.getId(), "procedureCode"), unit, task.getAssignee(),
                task.getCreateTime().toInstant(), kind.outcomes());
    }

    private static StepKind stepOf(Task task) {
        return StepKind.ofTask(task.getTaskDefinitionKey()).orElseThrow(() -> new IllegalStateException(
                "No step kind for BPMN task " + task.getTaskDefinitionKey()));
    }

    private String businessKey(Task task) {
        return runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
                .getBusinessKey();
    }

    private static Actor actorAs(Identity who, Role role) {
        if (!who.has(role)) {
            throw Problem.forbidden("Thao tác này dành cho vai trò " + role.labelVi() + " / This is for role " + role);
        }
        return who.as(role);
    }

    /**
     * Runs one step in one transaction (joining the caller's, if any) and turns the engines' conflict
     * signals into problems a person can act on; any failure rolls back the event and the process move.
     */
    private <T> T step(Supplier<T> body) {
        try {
            return transaction.execute(status -> body.get());
        } catch (ConcurrencyException | OptimisticLockingException e) {
            throw new Problem(Problem.Kind.CONFLICT, "concurrent-update", "Hồ sơ vừa được người khác cập nhật",
                    "Concurrent update", "Vui lòng tải lại và thử lại / Reload and try again", null);
        } catch (SuspendedEntityInteractionException e) {
            throw new Problem(Problem.Kind.CONFLICT, "process-suspended", "Quy trình của hồ sơ đang tạm dừng",
                    "The dossier's process is suspended", e.getMessage(), null);
        } catch (MismatchingMessageCorrelationException e) {
            throw new Problem(Problem.Kind.CONFLICT, "process-not-waiting", "Quy trình không ở bước chờ thao tác này",
                    "The process is not waiting for this", e.getMessage(), null);
        }
    }
}
