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
    /** The unit head checks the handler's draft result (Decree 30/2020/ND-CP Art. 12). */
    RESULT_REVIEW("resultReview", Role.UNIT_HEAD, "resultReviewed", EnumSet.of(Outcome.AGREE, Outcome.RETURN_TO_HANDLER)),
    /** The leader decides and signs the draft (Decree 30/2020/ND-CP Art. 13). */
    APPROVAL("approval", Role.LEADER, "approvalDecision", EnumSet.of(Outcome.APPROVE, Outcome.REJECT)),
    /** The clerk numbers, dates, seals and issues the signed result (Decree 30/2020/ND-CP Art. 15). */
    RESULT_ISSUE("resultIssue", Role.CLERK, "resultIssued", EnumSet.of(Outcome.ISSUE_RESULT)),
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
