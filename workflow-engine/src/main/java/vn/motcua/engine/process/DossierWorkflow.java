package vn.motcua.engine.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.RuntimeService;
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
import vn.motcua.engine.registry.DossierRegistry;
import vn.motcua.engine.registry.DossierSummary;
import vn.motcua.process.DayCount;
import vn.motcua.process.FieldError;
import vn.motcua.process.FormValidator;
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
    static final String PAYMENT_RECEIVED = "PaymentReceived";
    static final String PROCESSING_STOPPED = "ProcessingStopped";

    private final CommandGateway commands;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final TransactionTemplate transaction;
    private final ProcedureCatalogue catalogue;
    private final FormValidator forms;
    private final DossierCodes codes;
    private final DocumentStore documents;
    private final DossierAccess access;
    private final DossierRegistry registry;
    private final Deadlines deadlines;
    private final ResultDocuments results;
    private final WorkingCalendar calendar;
    private final MotcuaProperties properties;
    private final Clock clock;

    public DossierWorkflow(CommandGateway commands, RuntimeService runtime, TaskService tasks,
                           TransactionTemplate transaction, ProcedureCatalogue catalogue, FormValidator forms,
                           DossierCodes codes,
                           DocumentStore documents, DossierAccess access, DossierRegistry registry,
                           Deadlines deadlines, ResultDocuments results, WorkingCalendar calendar,
                           MotcuaProperties properties, Clock clock) {
        this.commands = commands;
        this.runtime = runtime;
        this.tasks = tasks;
        this.transaction = transaction;
        this.catalogue = catalogue;
        this.forms = forms;
        this.codes = codes;
        this.documents = documents;
        this.access = access;
        this.registry = registry;
        this.deadlines = deadlines;
        this.results = results;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    /** Submits a dossier: stores its files, takes the next code, appends the first event, starts the process. */
    public DossierSummary submit(NewDossier dossier, List<Upload> files, Identity who) {
        Actor applicant = Steps.actorAs(who, Role.CITIZEN);
        Procedure procedure = catalogue.find(dossier.procedureCode()).orElseThrow(() -> Problem.invalid(
                "procedureCode", "Thủ tục '" + dossier.procedureCode() + "' không có trong danh mục / Unknown procedure"));
        properties.unit(dossier.unitId()).orElseThrow(() -> Problem.invalid(
                "unitId", "Đơn vị '" + dossier.unitId() + "' không tiếp nhận hồ sơ / Unknown receiving unit"));
        if (files.isEmpty()) {
            throw Problem.invalid("files", "Hồ sơ phải có ít nhất một tài liệu PDF / Attach at least one PDF document");
        }
        List<FieldError> formErrors = forms.validate(procedure.code(), dossier.form() == null ? Map.of() : dossier.form());
        if (!formErrors.isEmpty()) {
            throw Problem.invalid("form." + formErrors.get(0).path(), formErrors.stream()
                    .map(error -> error.path() + ": " + error.message()).collect(Collectors.joining("; ")));
        }
        return step(() -> {
            List<AttachedDocument> attached = documents.storeAll(files);
            String code = codes.next(dossier.unitId(), LocalDate.now(clock));
            commands.sendAndWait(new DossierCommand.SubmitDossier(code, procedure.code(), dossier.unitId(),
                    dossier.applicant(), dossier.form() == null ? Map.of() : dossier.form(), attached,
                    dossier.comment(), applicant));
            runtime.startProcessInstanceByKey(procedure.processKey(), code, Map.of(
                    "dossierCode", code, "unitId", dossier.unitId(), "procedureCode", procedure.code(),
                    "feeVnd", procedure.feeVnd()));
            return access.readable(code, who);
        });
    }

    /** The applicant sends what reception asked for; the process returns to reception. */
    public DossierSummary provideSupplement(String code, List<Upload> files, String comment, Identity who) {
        Actor applicant = Steps.actorAs(who, Role.CITIZEN);
        access.readable(code, who);
        return step(() -> {
            List<AttachedDocument> attached = documents.storeAll(files);
            boolean inAppraisal = runtime.createExecutionQuery().processInstanceBusinessKey(code)
                    .activityId("waitForAppraisalSupplement").count() > 0;
            LocalDate restarted = inAppraisal ? appointedDate(code) : null;
            commands.sendAndWait(new DossierCommand.ProvideSupplement(code, attached, comment, restarted, applicant));
            runtime.createMessageCorrelation(SUPPLEMENT_PROVIDED).processInstanceBusinessKey(code).correlate();
            if (restarted != null) {
                deadlines.reset(code, restarted);
            }
            return access.readable(code, who);
        });
    }

    /** The applicant withdraws their dossier (Decree 61/2018/ND-CP Art. 18); the process ends. */
    public DossierSummary withdraw(String code, String reason, Identity who) {
        Actor applicant = Steps.actorAs(who, Role.CITIZEN);
        access.readable(code, who);
        return step(() -> {
            commands.sendAndWait(new DossierCommand.WithdrawDossier(code, reason, applicant));
            runtime.createMessageCorrelation(DOSSIER_WITHDRAWN).processInstanceBusinessKey(code).correlate();
            return access.readable(code, who);
        });
    }

    /** The applicant pays the fee; the legal time limit counts from the payment (procedure 1.002600). */
    public DossierSummary pay(String code, long amountVnd, String reference, Identity who) {
        Actor applicant = Steps.actorAs(who, Role.CITIZEN);
        access.readable(code, who);
        return step(() -> {
            LocalDate appointed = appointedDate(code);
            commands.sendAndWait(new DossierCommand.RecordPayment(code, amountVnd, reference, appointed, applicant));
            runtime.createMessageCorrelation(PAYMENT_RECEIVED).processInstanceBusinessKey(code)
                    .setVariables(deadlines.of(code, appointed)).correlate();
            return access.readable(code, who);
        });
    }

    /** The unit head apologises and sets a new date, once, before the due date (Mẫu 04). */
    public DossierSummary apologise(String code, LocalDate newDate, String causingUnit, String reason, Identity who) {
        Actor leader = Steps.actorAs(who, Role.LEADER);
        access.readable(code, who);
        return step(() -> {
            commands.sendAndWait(new DossierCommand.ApologiseForDelay(code, newDate, causingUnit, reason, leader));
            deadlines.reset(code, newDate);
            return access.readable(code, who);
        });
    }

    /** The unit head stops the processing, with reasons; the process ends. */
    public DossierSummary stop(String code, String reason, Identity who) {
        Actor leader = Steps.actorAs(who, Role.LEADER);
        access.readable(code, who);
        return step(() -> {
            commands.sendAndWait(new DossierCommand.StopProcessing(code, reason, leader));
            runtime.createMessageCorrelation(PROCESSING_STOPPED).processInstanceBusinessKey(code).correlate();
            return access.readable(code, who);
        });
    }

    /** The applicant rates the handling of their dossier after receiving the result. */
    public DossierSummary rate(String code, int score, String comment, Identity who) {
        Actor applicant = Steps.actorAs(who, Role.CITIZEN);
        access.readable(code, who);
        return step(() -> {
            commands.sendAndWait(new DossierCommand.RateService(code, score, comment, applicant));
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
                // the e-office document processes share the candidate groups; they have their own inbox
                .filter(task -> StepKind.ofTask(task.getTaskDefinitionKey()).isPresent())
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
            Actor actor = who.as(kind.role());
            Map<String, Object> variables = new HashMap<>(Map.of(kind.variable(), decision.outcome().name()));
            switch (decision.outcome()) {
                case ACCEPT -> {
                    LocalDate appointed = appointedDate(code);
                    commands.sendAndWait(new DossierCommand.AcceptDossier(code, appointed, decision.comment(), actor));
                    long fee = ((Number) tasks.getVariable(taskId, "feeVnd")).longValue();
                    if (fee > 0) {
                        commands.sendAndWait(new DossierCommand.RequestPayment(code, fee,
                                "Phí, lệ phí theo quy định của thủ tục", actor));
                    }
                    variables.putAll(deadlines.of(code, appointed));
                }
                case CONSULT -> {
                    requireConsultedUnits(decision, who);
                    commands.sendAndWait(new DossierCommand.RequestConsultation(code, decision.consultedUnits(),
                            decision.consultationDueDate(), decision.comment(), actor));
                    variables.put("consultedUnits", decision.consultedUnits());
                }
                case RETURN_RESULT -> commands.sendAndWait(new DossierCommand.ReturnResult(code, decision.comment(),
                        results.issue(code, actor), actor));
                default -> commands.sendAndWait(command(code, decision, actor));
            }
            tasks.complete(taskId, variables);
            return registry.find(code).orElseThrow();
        });
    }

    private void requireConsultedUnits(Decision decision, Identity who) {
        for (String unit : decision.consultedUnits()) {
            if (properties.unit(unit).isEmpty() || unit.equals(who.unitId())) {
                throw Problem.invalid("consultedUnits", "Đơn vị '" + unit + "' không phải đơn vị khác trong hệ thống"
                        + " / '" + unit + "' is not another known unit");
            }
        }
        if (decision.consultedUnits().isEmpty() || decision.consultationDueDate() == null) {
            throw Problem.invalid("consultedUnits", "Nêu các đơn vị được xin ý kiến và hạn trả lời"
                    + " / Name the units consulted and the date they must answer by");
        }
    }

    private DossierCommand command(String code, Decision decision, Actor actor) {
        return switch (decision.outcome()) {
            case ACCEPT, CONSULT, RETURN_RESULT -> throw new IllegalStateException("handled by complete()");
            case REQUEST_SUPPLEMENT -> actor.role() == Role.RECEPTION
                    ? new DossierCommand.RequestSupplement(code, decision.items(), decision.comment(), actor)
                    : new DossierCommand.RequestSupplementInAppraisal(code, decision.items(), decision.comment(), actor);
            case ANSWER -> new DossierCommand.AnswerConsultation(code, decision.comment(), actor);
            case PASSED, FAILED -> new DossierCommand.RecordSiteInspection(code,
                    decision.outcome() == Outcome.PASSED ? AppraisalOutcome.FAVOURABLE : AppraisalOutcome.UNFAVOURABLE,
                    decision.comment(), List.of(), actor);
            case ACKNOWLEDGE -> new DossierCommand.AcknowledgeOverdue(code, decision.comment(), actor);
            case REFUSE -> new DossierCommand.RefuseDossier(code, decision.comment(), actor);
            case FAVOURABLE, UNFAVOURABLE -> new DossierCommand.RecordAppraisal(code,
                    AppraisalOutcome.valueOf(decision.outcome().name()), decision.comment(), List.of(), actor);
            case APPROVE -> new DossierCommand.ApproveDossier(code, decision.comment(), actor);
            case REJECT -> new DossierCommand.RejectDossier(code, decision.comment(), actor);
        };
    }

    /** The appointed return date printed on the receipt (Mẫu 01): the legal time limit counted from now. */
    private LocalDate appointedDate(String code) {
        DossierSummary dossier = registry.find(code).orElseThrow();
        String unitId = dossier.unitId();
        Procedure procedure = catalogue.find(dossier.procedureCode()).orElseThrow();
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
        if (task == null || StepKind.ofTask(task.getTaskDefinitionKey()).isEmpty()) {
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

    private <T> T step(Supplier<T> body) {
        return Steps.inOneTransaction(transaction, body);
    }
}
