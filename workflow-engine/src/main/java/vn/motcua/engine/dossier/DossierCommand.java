package vn.motcua.engine.dossier;

import vn.motcua.engine.document.AttachedDocument;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import vn.motcua.engine.identity.Actor;

/**
 * Everything a person can ask of a dossier. The aggregate decides whether it is allowed; the time
 * of each step is taken from the one {@link java.time.Clock} by the aggregate, not from the caller.
 */
public sealed interface DossierCommand {

    String code();

    Actor actor();

    record SubmitDossier(String code, String procedureCode, String unitId, Applicant applicant,
                         Map<String, Object> form, List<AttachedDocument> documents, String comment,
                         Actor actor) implements DossierCommand {
    }

    record AcceptDossier(@TargetAggregateIdentifier String code, LocalDate appointedReturnDate, String comment,
                         Actor actor) implements DossierCommand {
    }

    record RequestSupplement(@TargetAggregateIdentifier String code, List<String> items, String comment,
                             Actor actor) implements DossierCommand {
    }

    /** {@code restartedAppointedDate}: the new date if the time limit restarts (supplement during appraisal). */
    record ProvideSupplement(@TargetAggregateIdentifier String code, List<AttachedDocument> documents,
                             String comment, LocalDate restartedAppointedDate, Actor actor) implements DossierCommand {
    }

    record RefuseDossier(@TargetAggregateIdentifier String code, String comment, Actor actor)
            implements DossierCommand {
    }

    record AssignHandler(@TargetAggregateIdentifier String code, Actor handler, String comment, Actor actor)
            implements DossierCommand {
    }

    record RecordAppraisal(@TargetAggregateIdentifier String code, AppraisalOutcome outcome, String comment,
                           List<AttachedDocument> documents, Actor actor) implements DossierCommand {
    }

    record RecordSiteInspection(@TargetAggregateIdentifier String code, AppraisalOutcome outcome, String comment,
                                List<AttachedDocument> documents, Actor actor) implements DossierCommand {
    }

    /**
     * The unit head's check of the handler's draft result (Decree 30/2020/ND-CP Art. 12): {@code agreed} sends it on to
     * the leader, otherwise it goes back to the handler with the reasons in {@code comment}.
     */
    record ReviewResult(@TargetAggregateIdentifier String code, boolean agreed, String comment, Actor actor)
            implements DossierCommand {
    }

    /** The leader's approval; {@code documents} holds the draft result the leader signed in this step. */
    record ApproveDossier(@TargetAggregateIdentifier String code, String comment, Actor actor,
                          List<AttachedDocument> documents) implements DossierCommand {
    }

    /** The leader's rejection; {@code documents} holds the written answer the leader signed in this step. */
    record RejectDossier(@TargetAggregateIdentifier String code, String comment, Actor actor,
                         List<AttachedDocument> documents) implements DossierCommand {
    }

    /** The clerk's numbering, dating and sealing of the signed result (the register gave {@code number}). */
    record IssueResult(@TargetAggregateIdentifier String code, String kind, String title, int number, String symbol,
                       LocalDate issuedOn, String holder, List<AttachedDocument> documents, Actor actor)
            implements DossierCommand {
    }

    record ReturnResult(@TargetAggregateIdentifier String code, String comment, List<AttachedDocument> documents,
                        Actor actor) implements DossierCommand {
    }

    record RequestSupplementInAppraisal(@TargetAggregateIdentifier String code, List<String> items, String comment,
                                        Actor actor) implements DossierCommand {
    }

    /** The fee from the catalogue: {@code baseFeeVnd} less a {@code reductionVnd} claimed with evidence. */
    record RequestPayment(@TargetAggregateIdentifier String code, long baseFeeVnd, long reductionVnd,
                          String reductionReason, String comment, Actor actor) implements DossierCommand {
        public long amountVnd() {
            return baseFeeVnd - reductionVnd;
        }
    }

    /**
     * A payment proven by a gateway's verified notification (ONLINE, recorded by the system) or by the counter's
     * receipt (COUNTER, recorded by reception); {@code reference} is the transaction id or the receipt number.
     */
    record RecordPayment(@TargetAggregateIdentifier String code, long amountVnd, DossierEvent.PaymentChannel channel,
                         String provider, String reference, LocalDate appointedReturnDate, Actor actor)
            implements DossierCommand {
    }

    record RequestConsultation(@TargetAggregateIdentifier String code, List<String> unitIds, LocalDate dueDate,
                               String comment, Actor actor) implements DossierCommand {
    }

    record AnswerConsultation(@TargetAggregateIdentifier String code, String comment, Actor actor)
            implements DossierCommand {
    }

    record ApologiseForDelay(@TargetAggregateIdentifier String code, LocalDate newAppointedDate, String causingUnit,
                             String comment, Actor actor) implements DossierCommand {
    }

    record StopProcessing(@TargetAggregateIdentifier String code, String comment, Actor actor)
            implements DossierCommand {
    }

    /** The system ends a dossier the applicant did not supplement in time; {@code requestedAt} is when it was asked. */
    record LapseDossier(@TargetAggregateIdentifier String code, java.time.Instant requestedAt, int lapsedAfterDays,
                        Actor actor) implements DossierCommand {
    }

    record WarnDeadline(@TargetAggregateIdentifier String code, java.time.Instant dueAt, Actor actor)
            implements DossierCommand {
    }

    record MarkOverdue(@TargetAggregateIdentifier String code, java.time.Instant dueAt, Actor actor)
            implements DossierCommand {
    }

    record AcknowledgeOverdue(@TargetAggregateIdentifier String code, String comment, Actor actor)
            implements DossierCommand {
    }

    record RateService(@TargetAggregateIdentifier String code, int score, String comment, Actor actor)
            implements DossierCommand {
    }

    record WithdrawDossier(@TargetAggregateIdentifier String code, String comment, Actor actor)
            implements DossierCommand {
    }

    /** The unit's leader corrects the issued result by a new numbered act ({@code number}, {@code symbol}, PDF). */
    record CorrectResult(@TargetAggregateIdentifier String code, String corrections, String reason, int number,
                         String symbol, LocalDate issuedOn, List<AttachedDocument> documents, Actor actor)
            implements DossierCommand {
    }

    /** The unit's leader revokes the issued result by a numbered decision ({@code number}, {@code symbol}, PDF). */
    record RevokeResult(@TargetAggregateIdentifier String code, String reason, String decisionReference, int number,
                        String symbol, LocalDate issuedOn, List<AttachedDocument> documents, Actor actor)
            implements DossierCommand {
    }
}
