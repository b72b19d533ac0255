package vn.motcua.engine.dossier.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.document.AttachedDocument;
import vn.motcua.engine.dossier.AppraisalOutcome;
import vn.motcua.engine.dossier.DossierCommand;
import vn.motcua.engine.dossier.DossierPlatform;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.identity.Signatories;
import vn.motcua.engine.platform.task.OpenTask;
import vn.motcua.engine.platform.task.TaskInbox;
import vn.motcua.engine.platform.task.UserTasks;
import vn.motcua.engine.problem.Problem;
import vn.motcua.engine.dossier.registry.DossierRegistry;
import vn.motcua.engine.dossier.registry.DossierSummary;
import vn.motcua.process.Procedure;
import vn.motcua.process.ProcedureCatalogue;
import vn.motcua.process.ResultKind;

/**
 * The one-stop steps as tasks of the one inbox ({@link TaskInbox}): the {@link StepKind}s, and how each
 * {@link Decision} becomes the {@link vn.motcua.engine.dossier.Dossier}'s command. Taking an appraisal makes the
 * specialist the dossier's handler; accepting a dossier sets its appointed date, the fee request and the deadline
 * timers; a supplement request stops the clock (the deadline timers, during appraisal) and sets when the wait lapses; a consultation names the units asked; the unit head's check agrees or returns the draft to the
 * handler; the leader's decision signs the draft result (Decree 30/2020/ND-CP Art. 13); the clerk's step numbers, dates
 * and seals it (Art. 15); returning the result hands over what the clerk issued.
 */
@Component
class DossierTasks extends UserTasks<Decision> {

    private static final int MAX_ITEMS = 50;
    private static final int MAX_ITEM_LENGTH = 1000;
    private static final int MAX_CONSULTED_UNITS = 20;

    private final CommandGateway commands;
    private final TaskService tasks;
    private final DossierWorkflow workflow;
    private final DossierRegistry registry;
    private final Deadlines deadlines;
    private final ResultDocuments results;
    private final MotcuaProperties properties;
    private final DossierFees fees;
    private final Signatories signatories;
    private final ProcedureCatalogue catalogue;
    private final Clock clock;

    DossierTasks(CommandGateway commands, TaskService tasks, DossierWorkflow workflow, DossierRegistry registry,
                 Deadlines deadlines, ResultDocuments results, MotcuaProperties properties, DossierFees fees,
                 Signatories signatories, ProcedureCatalogue catalogue, Clock clock) {
        super(DossierPlatform.DOSSIERS, Arrays.asList(StepKind.values()), Decision.class);
        this.commands = commands;
        this.tasks = tasks;
        this.workflow = workflow;
        this.registry = registry;
        this.deadlines = deadlines;
        this.results = results;
        this.properties = properties;
        this.fees = fees;
        this.signatories = signatories;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> details(OpenTask task, Map<String, Object> variables) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("dossierCode", task.aggregateId());
        details.put("procedureCode", variables.get("procedureCode"));
        return details;
    }

    @Override
    public Set<String> listedVariables() {
        return Set.of("procedureCode");
    }

    /** Taking an appraisal makes the specialist the dossier's handler. */
    @Override
    public void takingOver(OpenTask task, Actor actor) {
        if (task.kind() == StepKind.APPRAISAL) {
            commands.sendAndWait(new DossierCommand.AssignHandler(task.aggregateId(), actor, null, actor));
        }
    }

    @Override
    public Object decide(OpenTask task, Decision decision, Actor actor, Identity who, Map<String, Object> variables) {
        requireWithinLimits(decision);
        String code = task.aggregateId();
        switch (decision.outcome()) {
            case ACCEPT -> {
                LocalDate appointed = workflow.appointedDate(code);
                commands.sendAndWait(new DossierCommand.AcceptDossier(code, appointed, decision.comment(), actor));
                long fee = ((Number) tasks.getVariable(task.id(), "feeVnd")).longValue();
                if (fee > 0) {
                    Procedure.Fee assessed = fees.of(code);
                    long reduction = assessed.baseFeeVnd() == fee ? assessed.reductionVnd() : 0;
                    commands.sendAndWait(new DossierCommand.RequestPayment(code, fee, reduction,
                            reduction > 0 ? assessed.reductionReason() : null,
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
            case REQUEST_SUPPLEMENT -> {
                commands.sendAndWait(command(code, decision, actor));
                if (task.kind() == StepKind.APPRAISAL) {
                    deadlines.stop(code);
                }
                variables.putAll(deadlines.lapse(code));
            }
            case ISSUE_RESULT -> issue(code, actor);
            case RETURN_RESULT -> {
                List<AttachedDocument> issued = results.issued(code);
                if (issued.isEmpty()) {
                    // decided before the leader signed at the decision (an older process without the clerk's step):
                    // the one-stop unit issues it here, as it did then
                    issued = issue(code, actor);
                }
                commands.sendAndWait(new DossierCommand.ReturnResult(code, decision.comment(), issued, actor));
            }
            case APPROVE, REJECT -> {
                requireAuthorityToSign(code, decision.outcome(), actor);
                List<AttachedDocument> signed = results.draftAndSign(code, actor, decision.outcome() == Outcome.APPROVE,
                        decision.comment());
                commands.sendAndWait(decision.outcome() == Outcome.APPROVE
                        ? new DossierCommand.ApproveDossier(code, decision.comment(), actor, signed)
                        : new DossierCommand.RejectDossier(code, decision.comment(), actor, signed));
            }
            default -> commands.sendAndWait(command(code, decision, actor));
        }
        return registry.find(code).orElseThrow();
    }

    /** Numbers, dates and seals the signed result and records it issued; answers the issued documents. */
    private List<AttachedDocument> issue(String code, Actor actor) {
        ResultDocuments.IssuedResult issued = results.numberAndSeal(code, actor);
        commands.sendAndWait(new DossierCommand.IssueResult(code, issued.kind(), issued.title(),
                issued.number(), issued.symbol(), issued.issuedOn(), issued.holder(), issued.documents(), actor));
        return issued.documents();
    }

    /**
     * The leader who decides signs the result (Decree 30/2020/ND-CP Art. 13): they must have authority to sign its
     * kind today (their own, or KT./TL./TUQ. under a delegation), else the decision is refused before it is recorded.
     */
    private void requireAuthorityToSign(String code, Outcome outcome, Actor actor) {
        DossierSummary dossier = registry.find(code).orElseThrow();
        String kind = outcome == Outcome.APPROVE
                ? catalogue.find(dossier.procedureCode()).map(Procedure::result).map(ResultKind::kind)
                        .orElse(ResultKind.REFUSAL)
                : ResultKind.REFUSAL;
        signatories.of(actor.id(), dossier.unitId(), ResultKind.register(kind), LocalDate.now(clock));
    }

    private static void requireWithinLimits(Decision decision) {
        if (decision.items().size() > MAX_ITEMS
                || decision.items().stream().anyMatch(item -> item == null || item.isBlank()
                || item.length() > MAX_ITEM_LENGTH)) {
            throw Problem.invalid("items", "Tối đa " + MAX_ITEMS + " mục, mỗi mục không trống và tối đa "
                    + MAX_ITEM_LENGTH + " ký tự / At most " + MAX_ITEMS + " items, each non-blank and at most "
                    + MAX_ITEM_LENGTH + " characters");
        }
        if (decision.consultedUnits().size() > MAX_CONSULTED_UNITS) {
            throw Problem.invalid("consultedUnits", "Tối đa " + MAX_CONSULTED_UNITS + " đơn vị / At most "
                    + MAX_CONSULTED_UNITS + " units");
        }
    }

    private void requireConsultedUnits(Decision decision, Identity who) {
        for (String unit : decision.consultedUnits()) {
            if (unit == null || properties.unit(unit).isEmpty() || unit.equals(who.unitId())) {
                throw Problem.invalid("consultedUnits", "Đơn vị '" + unit + "' không phải đơn vị khác trong hệ thống"
                        + " / '" + unit + "' is not another known unit");
            }
        }
        if (decision.consultedUnits().isEmpty() || decision.consultationDueDate() == null) {
            throw Problem.invalid("consultedUnits", "Nêu các đơn vị được xin ý kiến và hạn trả lời"
                    + " / Name the units consulted and the date they must answer by");
        }
    }

    private static DossierCommand command(String code, Decision decision, Actor actor) {
        return switch (decision.outcome()) {
            case ACCEPT, CONSULT, RETURN_RESULT, ISSUE_RESULT, APPROVE, REJECT -> throw new IllegalStateException("handled by decide()");
            case REQUEST_SUPPLEMENT -> actor.role() == Role.RECEPTION
                    ? new DossierCommand.RequestSupplement(code, decision.items(), decision.comment(), actor)
                    : new DossierCommand.RequestSupplementInAppraisal(code, decision.items(), decision.comment(),
                            actor);
            case ANSWER -> new DossierCommand.AnswerConsultation(code, decision.comment(), actor);
            case PASSED, FAILED -> new DossierCommand.RecordSiteInspection(code,
                    decision.outcome() == Outcome.PASSED ? AppraisalOutcome.FAVOURABLE : AppraisalOutcome.UNFAVOURABLE,
                    decision.comment(), List.of(), actor);
            case ACKNOWLEDGE -> new DossierCommand.AcknowledgeOverdue(code, decision.comment(), actor);
            case REFUSE -> new DossierCommand.RefuseDossier(code, decision.comment(), actor);
            case FAVOURABLE, UNFAVOURABLE -> new DossierCommand.RecordAppraisal(code,
                    AppraisalOutcome.valueOf(decision.outcome().name()), decision.comment(), List.of(), actor);
            case AGREE, RETURN_TO_HANDLER -> new DossierCommand.ReviewResult(code, decision.outcome() == Outcome.AGREE,
                    decision.comment(), actor);
        };
    }
}
