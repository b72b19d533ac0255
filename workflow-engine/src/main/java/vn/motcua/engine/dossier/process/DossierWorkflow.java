package vn.motcua.engine.dossier.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.engine.access.AccessCheck;
import vn.motcua.engine.calendar.WorkingCalendar;
import vn.motcua.engine.dossier.code.DossierCodes;
import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.document.CheckedUploads;
import vn.motcua.engine.document.DocumentStore;
import vn.motcua.engine.document.Upload;
import vn.motcua.engine.document.AttachedDocument;
import vn.motcua.engine.dossier.DossierCommand;
import vn.motcua.engine.dossier.DossierEvent;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.platform.Steps;
import vn.motcua.engine.problem.Problem;
import vn.motcua.engine.dossier.registry.DossierPolicy;
import vn.motcua.engine.dossier.registry.DossierRegistry;
import vn.motcua.engine.dossier.registry.DossierSummary;
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
 * what is allowed. Officials' decisions on the user tasks come through the platform's one inbox
 * ({@link vn.motcua.engine.platform.task.TaskInbox}), which hands them to {@link DossierTasks}.
 */
@Service
public class DossierWorkflow {

    static final String SUPPLEMENT_PROVIDED = "SupplementProvided";
    static final String DOSSIER_WITHDRAWN = "DossierWithdrawn";
    static final String PAYMENT_RECEIVED = "PaymentReceived";
    static final String PROCESSING_STOPPED = "ProcessingStopped";

    private final CommandGateway commands;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final ProcedureCatalogue catalogue;
    private final FormValidator forms;
    private final DossierCodes codes;
    private final DocumentStore documents;
    private final DossierPolicy policy;
    private final DossierRegistry registry;
    private final Deadlines deadlines;
    private final WorkingCalendar calendar;
    private final MotcuaProperties properties;
    private final Clock clock;

    public DossierWorkflow(CommandGateway commands, RuntimeService runtime,
                           TransactionTemplate transaction, ProcedureCatalogue catalogue, FormValidator forms,
                           DossierCodes codes,
                           DocumentStore documents, DossierPolicy policy, DossierRegistry registry,
                           Deadlines deadlines, WorkingCalendar calendar,
                           MotcuaProperties properties, Clock clock) {
        this.commands = commands;
        this.runtime = runtime;
        this.transaction = transaction;
        this.catalogue = catalogue;
        this.forms = forms;
        this.codes = codes;
        this.documents = documents;
        this.policy = policy;
        this.registry = registry;
        this.deadlines = deadlines;
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
        CheckedUploads checked = documents.check(files);
        return step(() -> {
            List<AttachedDocument> attached = documents.storeAll(checked);
            String code = codes.next(dossier.unitId(), LocalDate.now(clock));
            commands.sendAndWait(new DossierCommand.SubmitDossier(code, procedure.code(), dossier.unitId(),
                    dossier.applicant(), dossier.form() == null ? Map.of() : dossier.form(), attached,
                    dossier.comment(), applicant));
            runtime.startProcessInstanceByKey(procedure.processKey(), code, Map.of(
                    "dossierCode", code, "unitId", dossier.unitId(), "procedureCode", procedure.code(),
                    "feeVnd", procedure.feeVnd()));
            return visible(code, who);
        });
    }

    /** The applicant sends what reception asked for; the process returns to reception. */
    public DossierSummary provideSupplement(String code, List<Upload> files, String comment, Identity who) {
        Actor applicant = Steps.actorAs(who, Role.CITIZEN);
        actionable(code, who);
        CheckedUploads checked = documents.check(files);
        return step(() -> {
            List<AttachedDocument> attached = documents.storeAll(checked);
            boolean inAppraisal = runtime.createExecutionQuery().processInstanceBusinessKey(code)
                    .activityId("waitForAppraisalSupplement").count() > 0;
            LocalDate restarted = inAppraisal ? appointedAfterAppraisalSupplement(code) : null;
            commands.sendAndWait(new DossierCommand.ProvideSupplement(code, attached, comment, restarted, applicant));
            runtime.createMessageCorrelation(SUPPLEMENT_PROVIDED).processInstanceBusinessKey(code).correlate();
            if (restarted != null) {
                deadlines.reset(code, restarted);
            }
            return visible(code, who);
        });
    }

    /** The applicant withdraws their dossier (Decree 61/2018/ND-CP); the process ends. */
    public DossierSummary withdraw(String code, String reason, Identity who) {
        Actor applicant = Steps.actorAs(who, Role.CITIZEN);
        actionable(code, who);
        return step(() -> {
            commands.sendAndWait(new DossierCommand.WithdrawDossier(code, reason, applicant));
            runtime.createMessageCorrelation(DOSSIER_WITHDRAWN).processInstanceBusinessKey(code).correlate();
            return visible(code, who);
        });
    }

    /**
     * The one place a paid fee becomes a legal fact: the dossier records it (the aggregate checks who proves it and
     * that the amount is the fee requested) and the process, waiting for {@code PaymentReceived}, moves on with the
     * deadlines counted from now (procedure 1.002600: the time limit counts from payment). Joins the caller's
     * transaction, so a gateway's order becomes PAID in the same commit, or not at all.
     */
    public void recordPayment(String code, long amountVnd, DossierEvent.PaymentChannel channel, String provider,
                              String reference, Actor actor) {
        step(() -> {
            LocalDate appointed = appointedDate(code);
            commands.sendAndWait(new DossierCommand.RecordPayment(code, amountVnd, channel, provider, reference,
                    appointed, actor));
            runtime.createMessageCorrelation(PAYMENT_RECEIVED).processInstanceBusinessKey(code)
                    .setVariables(deadlines.of(code, appointed)).correlate();
            return null;
        });
    }

    /** The unit head apologises and sets a new date, once, before the due date (Mẫu 04). */
    public DossierSummary apologise(String code, LocalDate newDate, String causingUnit, String reason, Identity who) {
        Actor leader = Steps.actorAs(who, Role.LEADER);
        actionable(code, who);
        return step(() -> {
            commands.sendAndWait(new DossierCommand.ApologiseForDelay(code, newDate, causingUnit, reason, leader));
            deadlines.reset(code, newDate);
            return visible(code, who);
        });
    }

    /** The unit head stops the processing, with reasons; the process ends. */
    public DossierSummary stop(String code, String reason, Identity who) {
        Actor leader = Steps.actorAs(who, Role.LEADER);
        actionable(code, who);
        return step(() -> {
            commands.sendAndWait(new DossierCommand.StopProcessing(code, reason, leader));
            runtime.createMessageCorrelation(PROCESSING_STOPPED).processInstanceBusinessKey(code).correlate();
            return visible(code, who);
        });
    }

    /** The applicant rates the handling of their dossier after receiving the result. */
    public DossierSummary rate(String code, int score, String comment, Identity who) {
        Actor applicant = Steps.actorAs(who, Role.CITIZEN);
        actionable(code, who);
        return step(() -> {
            commands.sendAndWait(new DossierCommand.RateService(code, score, comment, applicant));
            return visible(code, who);
        });
    }

    /**
     * The appointment once a supplement asked for during appraisal arrives: the time limit counted afresh from now
     * (Decree 61/2018/ND-CP as amended), or, for a procedure configured to resume, the old appointment moved by the
     * working time spent waiting (the clock resumes with what was left).
     */
    private LocalDate appointedAfterAppraisalSupplement(String code) {
        DossierSummary dossier = registry.find(code).orElseThrow();
        Procedure procedure = catalogue.find(dossier.procedureCode()).orElseThrow();
        ProcessInstance process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult();
        Object stoppedAt = process == null ? null : runtime.getVariable(process.getId(), "supplementRequestedAt");
        if (procedure.appraisalSupplementRestarts() || dossier.appointedReturnDate() == null
                || !(stoppedAt instanceof java.util.Date date)) {
            return appointedDate(code);
        }
        return deadlines.resumed(dossier.appointedReturnDate(), date.toInstant(), dossier.unitId());
    }

    /** The appointed return date printed on the receipt (Mẫu 01): the legal time limit counted from now. */
    LocalDate appointedDate(String code) {
        DossierSummary dossier = registry.find(code).orElseThrow();
        String unitId = dossier.unitId();
        Procedure procedure = catalogue.find(dossier.procedureCode()).orElseThrow();
        int days = procedure.timeLimit().days();
        return procedure.timeLimit().count() == DayCount.WORKING_DAYS
                ? calendar.dueDate(clock.instant(), days, unitId)
                : calendar.dueDateCalendarDays(clock.instant(), days);
    }

    /** The dossier, if the caller may see it (its policy, {@link DossierPolicy}); otherwise 404. */
    private DossierSummary visible(String code, Identity who) {
        return AccessCheck.toSee(policy, who, code, registry.find(code));
    }

    /** The dossier, if the caller may change it: 404 if they may not see it, 403 if they may only read it. */
    private DossierSummary actionable(String code, Identity who) {
        return AccessCheck.toAct(policy, who, code, registry.find(code));
    }

    private <T> T step(Supplier<T> body) {
        return Steps.inOneTransaction(transaction, body);
    }
}
