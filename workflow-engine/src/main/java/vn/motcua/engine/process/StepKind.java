package vn.motcua.engine.process;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import vn.motcua.engine.identity.Role;
import vn.motcua.engine.platform.task.TaskKind;

/**
 * The user tasks of the one-stop procedures, by their BPMN id: who works on them and which outcomes
 * they allow. The BPMN says who does what next; the {@link vn.motcua.engine.dossier.Dossier} says
 * what is allowed; this table joins the two, as the dossiers' task kinds of the one inbox ({@link DossierTasks}).
 */
public enum StepKind implements TaskKind {
    RECEPTION("reception", Role.RECEPTION, "receptionDecision",
            EnumSet.of(Outcome.ACCEPT, Outcome.REQUEST_SUPPLEMENT, Outcome.REFUSE)),
    APPRAISAL("appraisal", Role.SPECIALIST, "appraisalOutcome",
            EnumSet.of(Outcome.FAVOURABLE, Outcome.UNFAVOURABLE, Outcome.REQUEST_SUPPLEMENT, Outcome.CONSULT)),
    CONSULTATION("consultation", Role.SPECIALIST, "consultationAnswer", EnumSet.of(Outcome.ANSWER)),
    SITE_INSPECTION("onSiteInspection", Role.SPECIALIST, "inspectionOutcome",
            EnumSet.of(Outcome.PASSED, Outcome.FAILED)),
    APPROVAL("approval", Role.LEADER, "approvalDecision", EnumSet.of(Outcome.APPROVE, Outcome.REJECT)),
    RETURN_RESULT("returnResult", Role.RECEPTION, "resultReturned", EnumSet.of(Outcome.RETURN_RESULT)),
    OVERDUE_REVIEW("overdueReview", Role.LEADER, "overdueReviewed", EnumSet.of(Outcome.ACKNOWLEDGE));

    private final String taskKey;
    private final Role role;
    private final String variable;
    private final Set<Outcome> outcomes;

    StepKind(String taskKey, Role role, String variable, Set<Outcome> outcomes) {
        this.taskKey = taskKey;
        this.role = role;
        this.variable = variable;
        this.outcomes = outcomes;
    }

    public static Optional<StepKind> ofTask(String taskKey) {
        return Arrays.stream(values()).filter(kind -> kind.taskKey.equals(taskKey)).findFirst();
    }

    @Override
    public String taskKey() {
        return taskKey;
    }

    @Override
    public Role role() {
        return role;
    }

    @Override
    public String variable() {
        return variable;
    }

    @Override
    public Set<Outcome> outcomes() {
        return outcomes;
    }
}
