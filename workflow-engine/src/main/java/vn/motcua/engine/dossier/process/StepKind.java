package vn.motcua.engine.dossier.process;

import java.util.EnumSet;
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

    private final Definition definition;

    StepKind(String taskKey, Role role, String variable, Set<Outcome> outcomes) {
        this.definition = new Definition(taskKey, role, variable, outcomes);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
