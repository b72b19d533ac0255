package vn.motcua.engine.dossier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import vn.motcua.engine.calendar.WorkingCalendar;
import vn.motcua.engine.document.AttachedDocument;
import vn.motcua.engine.dossier.DossierCommand.AcceptDossier;
import vn.motcua.engine.dossier.DossierCommand.AcknowledgeOverdue;
import vn.motcua.engine.dossier.DossierCommand.AnswerConsultation;
import vn.motcua.engine.dossier.DossierCommand.LapseDossier;
import vn.motcua.engine.dossier.DossierCommand.ApologiseForDelay;
import vn.motcua.engine.dossier.DossierCommand.MarkOverdue;
import vn.motcua.engine.dossier.DossierCommand.RateService;
import vn.motcua.engine.dossier.DossierCommand.RecordPayment;
import vn.motcua.engine.dossier.DossierCommand.RecordSiteInspection;
import vn.motcua.engine.dossier.DossierCommand.RequestConsultation;
import vn.motcua.engine.dossier.DossierCommand.RequestPayment;
import vn.motcua.engine.dossier.DossierCommand.RequestSupplementInAppraisal;
import vn.motcua.engine.dossier.DossierCommand.StopProcessing;
import vn.motcua.engine.dossier.DossierCommand.WarnDeadline;
import vn.motcua.engine.dossier.DossierCommand.ApproveDossier;
import vn.motcua.engine.dossier.DossierCommand.AssignHandler;
import vn.motcua.engine.dossier.DossierCommand.ProvideSupplement;
import vn.motcua.engine.dossier.DossierCommand.RecordAppraisal;
import vn.motcua.engine.dossier.DossierCommand.RefuseDossier;
import vn.motcua.engine.dossier.DossierCommand.RejectDossier;
import vn.motcua.engine.dossier.DossierCommand.RequestSupplement;
import vn.motcua.engine.dossier.DossierCommand.IssueResult;
import vn.motcua.engine.dossier.DossierCommand.ReturnResult;
import vn.motcua.engine.dossier.DossierCommand.ReviewResult;
import vn.motcua.engine.dossier.DossierCommand.SubmitDossier;
import vn.motcua.engine.dossier.DossierCommand.WithdrawDossier;
import vn.motcua.engine.dossier.DossierCommand.CorrectResult;
import vn.motcua.engine.dossier.DossierCommand.RevokeResult;
import vn.motcua.engine.dossier.DossierEvent.AppraisalRecorded;
import vn.motcua.engine.dossier.DossierEvent.ConsultationAnswered;
import vn.motcua.engine.dossier.DossierEvent.ConsultationRequested;
import vn.motcua.engine.dossier.DossierEvent.DeadlineWarned;
import vn.motcua.engine.dossier.DossierEvent.DelayApologised;
import vn.motcua.engine.dossier.DossierEvent.DossierLapsed;
import vn.motcua.engine.dossier.DossierEvent.DossierOverdue;
import vn.motcua.engine.dossier.DossierEvent.OverdueAcknowledged;
import vn.motcua.engine.dossier.DossierEvent.PaymentReceived;
import vn.motcua.engine.dossier.DossierEvent.PaymentRequested;
import vn.motcua.engine.dossier.DossierEvent.ProcessingStopped;
import vn.motcua.engine.dossier.DossierEvent.ServiceRated;
import vn.motcua.engine.dossier.DossierEvent.SiteInspectionRecorded;
import vn.motcua.engine.dossier.DossierEvent.SupplementRequestedInAppraisal;
import vn.motcua.engine.dossier.DossierEvent.DossierAccepted;
import vn.motcua.engine.dossier.DossierEvent.DossierApproved;
import vn.motcua.engine.dossier.DossierEvent.DossierRefused;
import vn.motcua.engine.dossier.DossierEvent.DossierRejected;
import vn.motcua.engine.dossier.DossierEvent.DossierSubmitted;
import vn.motcua.engine.dossier.DossierEvent.DossierWithdrawn;
import vn.motcua.engine.dossier.DossierEvent.HandlerAssigned;
import vn.motcua.engine.dossier.DossierEvent.ResultIssued;
import vn.motcua.engine.dossier.DossierEvent.ResultReturned;
import vn.motcua.engine.dossier.DossierEvent.ResultReviewed;
import vn.motcua.engine.dossier.DossierEvent.SupplementProvided;
import vn.motcua.engine.dossier.DossierEvent.SupplementRequested;
import vn.motcua.engine.document.AttachedDocument;
import vn.motcua.engine.dossier.DossierEvent.ResultCorrected;
import vn.motcua.engine.dossier.DossierEvent.ResultRevoked;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Role;

/**
 * An administrative dossier handled through the one-stop mechanism (Decree 61/2018/ND-CP as amended
 * by Decree 107/2021/ND-CP; forms of Circular 01/2018/TT-VPCP): reception with one supplement request,
 * fee, appraisal with one supplement request within 3 working days (the time limit then restarts),
 * consultation of other units, the leader's decision, one apology with a new date, stopping, withdrawal,
 * return of the result and the applicant's rating. The result follows the path of an administrative document
 * (Decree 30/2020/ND-CP Art. 12, 13, 15): the unit head checks the handler's draft (or returns it with reasons), the
 * leader decides by signing it, the clerk numbers, dates and seals it, and the one-stop unit returns what was issued. Afterwards the issued
 * result is only corrected or revoked by new numbered acts of its unit's leader, never edited. The time limit runs
 * only while the agency holds a complete,
 * fee-paid dossier: the 3 working days for an appraisal supplement count from that receipt (acceptance, or the
 * payment when a fee is due), deadline warnings are refused while the dossier waits for the applicant, and a
 * dossier not supplemented in the allowed period lapses (practice). Command handlers check one rule each
 * and apply an event; event-sourcing handlers only change state. Who may act is also checked here
 * (the applicant for their own dossier, officials for their own unit), so no caller can skip it.
 */
@Aggregate
public class Dossier {

    @AggregateIdentifier
    private String code;
    private String ownerId;
    private String unitId;
    private DossierStatus status;
    private boolean supplementRequestedAtReception;
    private boolean supplementRequestedInAppraisal;
    private DossierEvent.Stage awaitedSupplement;
    private String handlerId;
    private Instant acceptedAt;
    /** When the agency held the complete, fee-paid dossier: acceptance, or the payment when a fee is due. */
    private Instant completeAt;
    private LocalDate appointedDate;
    private long requestedFee;
    private final Set<String> consultedUnits = new HashSet<>();
    private final Set<String> unansweredUnits = new HashSet<>();
    private LocalDate consultationDue;
    private boolean apologised;
    private boolean rated;
    private boolean inspected;
    private boolean resultIssued;
    /** The unit head agreed with the draft result since the last appraisal (Decree 30/2020 Art. 12). */
    private boolean reviewed;
    /** What the leader signed at the decision; empty for decisions recorded before the leader signed there. */
    private List<AttachedDocument> signedDraft = List.of();
    /** What the clerk issued: the numbered, sealed result the one-stop unit returns. */
    private List<AttachedDocument> issuedDocuments = List.of();
    private String procedureCode;
    private String resultSymbol;
    private LocalDate resultIssuedOn;
    private boolean resultRevoked;

    protected Dossier() {
        // for event sourcing
    }

    @CommandHandler
    public Dossier(SubmitDossier command, Clock clock) {
        apply(new DossierSubmitted(command.code(), command.procedureCode(), command.unitId(), command.applicant(),
                command.form(), command.comment(), List.copyOf(command.documents()), command.actor(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(AcceptDossier command, Clock clock) {
        requireReception(command.actor());
        apply(new DossierAccepted(code, command.appointedReturnDate(), command.comment(), List.of(),
                command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(RequestSupplement command, Clock clock) {
        requireReception(command.actor());
        if (supplementRequestedAtReception) {
            throw new DossierRuleViolation(DossierRule.SUPPLEMENT_ONCE_AT_RECEPTION);
        }
        requireItems(command.items());
        apply(new SupplementRequested(code, List.copyOf(command.items()), command.comment(), List.of(),
                command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(ProvideSupplement command, Clock clock) {
        requireOpen();
        requireApplicant(command.actor());
        if (status != DossierStatus.SUPPLEMENT_REQUESTED) {
            throw new DossierRuleViolation(DossierRule.SUPPLEMENT_ONLY_WHEN_REQUESTED);
        }
        if (command.documents().isEmpty()) {
            throw new DossierRuleViolation(DossierRule.SUPPLEMENT_BRINGS_DOCUMENTS);
        }
        boolean restart = awaitedSupplement == DossierEvent.Stage.APPRAISAL;
        apply(new SupplementProvided(code, command.comment(), List.copyOf(command.documents()), command.actor(),
                clock.instant(), awaitedSupplement, restart ? command.restartedAppointedDate() : null));
    }

    @CommandHandler
    public void handle(RefuseDossier command, Clock clock) {
        requireReception(command.actor());
        requireReasons(command.comment());
        apply(new DossierRefused(code, command.comment(), List.of(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(AssignHandler command, Clock clock) {
        requireOpen();
        requireOwnUnit(command.actor());
        requireOwnUnit(command.handler());
        requireRole(command.handler(), Role.SPECIALIST);
        if (status != DossierStatus.ACCEPTED && status != DossierStatus.IN_APPRAISAL) {
            throw new DossierRuleViolation(DossierRule.HANDLER_AFTER_ACCEPTANCE);
        }
        apply(new HandlerAssigned(code, command.handler(), command.comment(), List.of(), command.actor(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(RecordAppraisal command, Clock clock) {
        requireOpen();
        requireOwnUnit(command.actor());
        requireHandler(command.actor());
        if (!unansweredUnits.isEmpty()) {
            throw new DossierRuleViolation(DossierRule.APPRAISAL_AFTER_CONSULTATIONS);
        }
        apply(new AppraisalRecorded(code, command.outcome(), command.comment(), List.copyOf(command.documents()),
                command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(RecordSiteInspection command, Clock clock) {
        requireOpen();
        requireOwnUnit(command.actor());
        if (status != DossierStatus.APPRAISED || inspected || reviewed || !command.actor().id().equals(handlerId)) {
            throw new DossierRuleViolation(DossierRule.SITE_INSPECTION_AFTER_APPRAISAL);
        }
        apply(new SiteInspectionRecorded(code, command.outcome(), command.comment(), List.copyOf(command.documents()),
                command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(ReviewResult command, Clock clock) {
        requireOpen();
        requireOwnUnit(command.actor());
        requireRole(command.actor(), Role.UNIT_HEAD);
        if (status != DossierStatus.APPRAISED || reviewed) {
            throw new DossierRuleViolation(DossierRule.RESULT_REVIEWED_BY_UNIT_HEAD_AFTER_APPRAISAL);
        }
        if (!command.agreed() && (command.comment() == null || command.comment().isBlank())) {
            throw new DossierRuleViolation(DossierRule.RESULT_REVIEW_RETURN_STATES_REASONS);
        }
        apply(new ResultReviewed(code, command.agreed(), command.comment(), List.of(), command.actor(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(ApproveDossier command, Clock clock) {
        requireDecisionAllowed(command.actor(), command.documents());
        apply(new DossierApproved(code, command.comment(), List.copyOf(command.documents()), command.actor(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(RejectDossier command, Clock clock) {
        requireDecisionAllowed(command.actor(), command.documents());
        requireReasons(command.comment());
        apply(new DossierRejected(code, command.comment(), List.copyOf(command.documents()), command.actor(),
                clock.instant()));
    }

    /**
     * The clerk issues the signed result. A decision recorded before the leader signed at the decision carries no
     * signed draft; its result is still issued, as it was then, by the one-stop unit at the return.
     */
    @CommandHandler
    public void handle(IssueResult command, Clock clock) {
        requireOpen();
        requireOwnUnit(command.actor());
        Role issuer = command.actor().role();
        boolean issuerAllowed = issuer == Role.CLERK || (signedDraft.isEmpty() && issuer == Role.RECEPTION);
        if (!issuerAllowed || resultIssued || (status != DossierStatus.APPROVED && status != DossierStatus.REJECTED)
                || command.documents() == null || command.documents().isEmpty()) {
            throw new DossierRuleViolation(DossierRule.RESULT_ISSUED_ONCE_AFTER_DECISION);
        }
        apply(new ResultIssued(code, procedureCode, command.kind(), command.title(), command.number(), command.symbol(),
                command.issuedOn(), command.holder(), null, List.copyOf(command.documents()), command.actor(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(ReturnResult command, Clock clock) {
        requireOpen();
        requireOwnUnit(command.actor());
        requireRole(command.actor(), Role.RECEPTION);
        if (status != DossierStatus.APPROVED && status != DossierStatus.REJECTED) {
            throw new DossierRuleViolation(DossierRule.RESULT_AFTER_DECISION);
        }
        if (!resultIssued || !issuedDocuments.equals(command.documents())) {
            throw new DossierRuleViolation(DossierRule.RESULT_RETURNED_AS_ISSUED);
        }
        apply(new ResultReturned(code, command.comment(), List.copyOf(command.documents()), command.actor(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(WithdrawDossier command, Clock clock) {
        requireOpen();
        requireApplicant(command.actor());
        if (status == DossierStatus.APPROVED || status == DossierStatus.REJECTED) {
            throw new DossierRuleViolation(DossierRule.WITHDRAWAL_BEFORE_DECISION);
        }
        apply(new DossierWithdrawn(code, command.comment(), List.of(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(RequestSupplementInAppraisal command, Clock clock, WorkingCalendar calendar) {
        requireOpen();
        requireOwnUnit(command.actor());
        requireHandler(command.actor());
        Instant deadline = calendar.dueAt(completeAt, 3, unitId, List.of());
        if (supplementRequestedInAppraisal || clock.instant().isAfter(deadline)) {
            throw new DossierRuleViolation(DossierRule.SUPPLEMENT_IN_APPRAISAL_WITHIN_THREE_DAYS);
        }
        requireItems(command.items());
        apply(new SupplementRequestedInAppraisal(code, List.copyOf(command.items()), command.comment(), List.of(),
                command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(RequestPayment command, Clock clock) {
        requireOpen();
        requireOwnUnit(command.actor());
        requireRole(command.actor(), Role.RECEPTION);
        if (status != DossierStatus.ACCEPTED || requestedFee > 0 || command.amountVnd() <= 0) {
            throw new DossierRuleViolation(DossierRule.PAYMENT_ONCE_AFTER_ACCEPTANCE);
        }
        if (command.reductionVnd() < 0 || (command.reductionVnd() > 0
                && (command.reductionReason() == null || command.reductionReason().isBlank()))) {
            throw new DossierRuleViolation(DossierRule.FEE_FROM_CATALOGUE);
        }
        apply(new PaymentRequested(code, command.amountVnd(), command.comment(), List.of(), command.actor(),
                clock.instant(), command.baseFeeVnd(), command.reductionVnd(), command.reductionReason()));
    }

    @CommandHandler
    public void handle(RecordPayment command, Clock clock) {
        requireOpen();
        boolean proven = switch (command.channel()) {
            case ONLINE -> command.actor().role() == Role.SYSTEM && command.provider() != null
                    && !command.provider().isBlank();
            case COUNTER -> command.actor().role() == Role.RECEPTION && unitId.equals(command.actor().unitId());
            case null -> false;
        };
        if (!proven) {
            throw new DossierRuleViolation(DossierRule.PAYMENT_PROVEN);
        }
        if (status != DossierStatus.PAYMENT_REQUESTED || command.amountVnd() != requestedFee
                || command.reference() == null || command.reference().isBlank()) {
            throw new DossierRuleViolation(DossierRule.PAYMENT_MATCHES_REQUEST);
        }
        apply(new PaymentReceived(code, command.amountVnd(), command.reference(), command.appointedReturnDate(), null,
                List.of(), command.actor(), clock.instant(), command.channel(), command.provider()));
    }

    @CommandHandler
    public void handle(RequestConsultation command, Clock clock) {
        requireOpen();
        requireOwnUnit(command.actor());
        requireHandler(command.actor());
        List<String> units = command.unitIds() == null ? List.of() : command.unitIds();
        if (units.isEmpty() || units.contains(unitId) || units.stream().distinct().count() != units.size()
                || command.dueDate() == null || !command.dueDate().isAfter(LocalDate.ofInstant(clock.instant(), clock.getZone()))
                || !unansweredUnits.isEmpty()) {
            throw new DossierRuleViolation(DossierRule.CONSULTATION_BY_HANDLER_OF_OTHER_UNITS);
        }
        apply(new ConsultationRequested(code, List.copyOf(units), command.dueDate(), command.comment(), List.of(),
                command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(AnswerConsultation command, Clock clock) {
        requireOpen();
        Actor actor = command.actor();
        if (actor.role() != Role.SPECIALIST || !unansweredUnits.contains(actor.unitId())) {
            throw new DossierRuleViolation(DossierRule.CONSULTATION_ANSWERED_ONCE_BY_CONSULTED_UNIT);
        }
        boolean late = LocalDate.ofInstant(clock.instant(), clock.getZone()).isAfter(consultationDue);
        apply(new ConsultationAnswered(code, actor.unitId(), late, command.comment(), List.of(), actor,
                clock.instant()));
    }

    @CommandHandler
    public void handle(ApologiseForDelay command, Clock clock, WorkingCalendar calendar) {
        requireOpen();
        requireOwnUnit(command.actor());
        requireRole(command.actor(), Role.LEADER);
        requireReasons(command.comment());
        LocalDate today = LocalDate.ofInstant(clock.instant(), calendar.zone());
        if (apologised || appointedDate == null || command.newAppointedDate() == null
                || !command.newAppointedDate().isAfter(appointedDate)
                || today.isAfter(calendar.previousWorkingDay(appointedDate))) {
            throw new DossierRuleViolation(DossierRule.APOLOGY_ONCE_BEFORE_DUE_DATE);
        }
        apply(new DelayApologised(code, appointedDate, command.newAppointedDate(), command.causingUnit(),
                command.comment(), List.of(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(StopProcessing command, Clock clock) {
        requireOpen();
        requireOwnUnit(command.actor());
        requireRole(command.actor(), Role.LEADER);
        if (command.comment() == null || command.comment().isBlank()) {
            throw new DossierRuleViolation(DossierRule.STOP_BEFORE_RESULT);
        }
        apply(new ProcessingStopped(code, command.comment(), List.of(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(WarnDeadline command, Clock clock) {
        requireSystemWhileOpen(command.actor());
        apply(new DeadlineWarned(code, command.dueAt(), null, List.of(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(MarkOverdue command, Clock clock) {
        requireSystemWhileOpen(command.actor());
        apply(new DossierOverdue(code, command.dueAt(), null, List.of(), command.actor(), clock.instant()));
    }

    /**
     * The applicant did not supplement within the period the procedure allows (practice; Decree 61/2018/ND-CP as
     * amended sets no period): the system ends the handling and the applicant is told.
     */
    @CommandHandler
    public void handle(LapseDossier command, Clock clock) {
        if (command.actor().role() != Role.SYSTEM || status != DossierStatus.SUPPLEMENT_REQUESTED) {
            throw new DossierRuleViolation(DossierRule.LAPSE_ONLY_WHILE_WAITING_FOR_SUPPLEMENT);
        }
        apply(new DossierLapsed(code, awaitedSupplement, command.requestedAt(), command.lapsedAfterDays(),
                "Hồ sơ không được bổ sung đúng hạn, kết thúc xử lý", List.of(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(AcknowledgeOverdue command, Clock clock) {
        requireOpen();
        requireOwnUnit(command.actor());
        requireRole(command.actor(), Role.LEADER);
        apply(new OverdueAcknowledged(code, command.comment(), List.of(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(RateService command, Clock clock) {
        requireApplicant(command.actor());
        if (status != DossierStatus.RESULT_RETURNED || rated || command.score() < 1 || command.score() > 5) {
            throw new DossierRuleViolation(DossierRule.RATING_ONCE_AFTER_RESULT);
        }
        apply(new ServiceRated(code, command.score(), command.comment(), List.of(), command.actor(),
                clock.instant()));
    }

    /**
     * The leader of the issuing unit corrects the issued result by a new numbered act that names it (đính chính);
     * the original is never edited (Decree 30/2020/ND-CP). Allowed after the dossier is closed: the result lives on.
     */
    @CommandHandler
    public void handle(CorrectResult command, Clock clock) {
        requireResultActAllowed(command.actor(), command.documents());
        if (command.reason() == null || command.reason().isBlank()
                || command.corrections() == null || command.corrections().isBlank()) {
            throw new DossierRuleViolation(DossierRule.RESULT_ACT_STATES_REASONS);
        }
        apply(new ResultCorrected(code, resultSymbol, resultIssuedOn, command.number(), command.symbol(),
                command.issuedOn(), command.corrections(), command.reason(), List.copyOf(command.documents()),
                command.actor(), clock.instant()));
    }

    /** The leader of the issuing unit revokes the issued result by a numbered decision (thu hồi); nothing after it. */
    @CommandHandler
    public void handle(RevokeResult command, Clock clock) {
        requireResultActAllowed(command.actor(), command.documents());
        if (command.reason() == null || command.reason().isBlank()) {
            throw new DossierRuleViolation(DossierRule.RESULT_ACT_STATES_REASONS);
        }
        apply(new ResultRevoked(code, resultSymbol, resultIssuedOn, command.number(), command.symbol(),
                command.issuedOn(), command.decisionReference(), command.reason(), List.copyOf(command.documents()),
                command.actor(), clock.instant()));
    }

    private void requireResultActAllowed(Actor actor, List<AttachedDocument> documents) {
        if (!resultIssued || documents == null || documents.isEmpty()) {
            throw new DossierRuleViolation(DossierRule.RESULT_ACT_ONLY_FOR_ISSUED_RESULT);
        }
        if (actor.role() != Role.LEADER || !unitId.equals(actor.unitId())) {
            throw new DossierRuleViolation(DossierRule.RESULT_ACT_BY_LEADER_OF_UNIT);
        }
        if (resultRevoked) {
            throw new DossierRuleViolation(DossierRule.NOTHING_AFTER_REVOCATION);
        }
    }

    private void requireSystemWhileOpen(Actor actor) {
        if (actor.role() != Role.SYSTEM || status.isClosed() || acceptedAt == null) {
            throw new DossierRuleViolation(DossierRule.DEADLINE_EVENTS_WHILE_OPEN);
        }
        if (status == DossierStatus.SUPPLEMENT_REQUESTED || status == DossierStatus.PAYMENT_REQUESTED) {
            throw new DossierRuleViolation(DossierRule.CLOCK_STOPPED_WHILE_WAITING_FOR_APPLICANT);
        }
    }

    private void requireHandler(Actor actor) {
        if (status != DossierStatus.IN_APPRAISAL || !actor.id().equals(handlerId)) {
            throw new DossierRuleViolation(DossierRule.APPRAISAL_BY_ASSIGNED_HANDLER);
        }
    }

    private static void requireItems(List<String> items) {
        if (items == null || items.isEmpty() || items.stream().anyMatch(item -> item == null || item.isBlank())) {
            throw new DossierRuleViolation(DossierRule.SUPPLEMENT_LISTS_ITEMS);
        }
    }

    private void requireOpen() {
        if (status.isClosed()) {
            throw new DossierRuleViolation(DossierRule.CLOSED_DOSSIER_IS_FINAL);
        }
    }

    private void requireReception(Actor actor) {
        requireOpen();
        requireOwnUnit(actor);
        requireRole(actor, Role.RECEPTION);
        if (status != DossierStatus.SUBMITTED) {
            throw new DossierRuleViolation(DossierRule.RECEPTION_ONLY_WHILE_SUBMITTED);
        }
    }

    private void requireDecisionAllowed(Actor actor, List<AttachedDocument> signed) {
        requireOpen();
        requireOwnUnit(actor);
        requireRole(actor, Role.LEADER);
        if (status != DossierStatus.APPRAISED) {
            throw new DossierRuleViolation(DossierRule.APPROVAL_AFTER_APPRAISAL);
        }
        if (!reviewed) {
            throw new DossierRuleViolation(DossierRule.APPROVAL_AFTER_RESULT_REVIEW);
        }
        if (signed == null || signed.isEmpty()) {
            throw new DossierRuleViolation(DossierRule.DECISION_SIGNED_BY_LEADER);
        }
    }

    private void requireApplicant(Actor actor) {
        if (actor.role() != Role.CITIZEN || !actor.id().equals(ownerId)) {
            throw new DossierRuleViolation(DossierRule.APPLICANT_ONLY);
        }
    }

    private void requireOwnUnit(Actor actor) {
        if (!actor.role().isOfficial() || !unitId.equals(actor.unitId())) {
            throw new DossierRuleViolation(DossierRule.OWN_UNIT_ONLY);
        }
    }

    private static void requireRole(Actor actor, Role role) {
        if (actor.role() != role) {
            throw new DossierRuleViolation(DossierRule.STEP_TAKEN_IN_ITS_ROLE);
        }
    }

    private static void requireReasons(String comment) {
        if (comment == null || comment.isBlank()) {
            throw new DossierRuleViolation(DossierRule.REFUSAL_STATES_REASONS);
        }
    }

    @EventSourcingHandler
    void on(DossierSubmitted event) {
        code = event.code();
        ownerId = event.actor().id();
        unitId = event.unitId();
        procedureCode = event.procedureCode();
        status = DossierStatus.SUBMITTED;
    }

    @EventSourcingHandler
    void on(DossierAccepted event) {
        status = DossierStatus.ACCEPTED;
        acceptedAt = event.at();
        completeAt = event.at();
        appointedDate = event.appointedReturnDate();
    }

    @EventSourcingHandler
    void on(SupplementRequested event) {
        supplementRequestedAtReception = true;
        awaitedSupplement = DossierEvent.Stage.RECEPTION;
        status = DossierStatus.SUPPLEMENT_REQUESTED;
    }

    @EventSourcingHandler
    void on(SupplementRequestedInAppraisal event) {
        supplementRequestedInAppraisal = true;
        awaitedSupplement = DossierEvent.Stage.APPRAISAL;
        status = DossierStatus.SUPPLEMENT_REQUESTED;
    }

    @EventSourcingHandler
    void on(SupplementProvided event) {
        status = DossierStatus.after(status, event);
        if (event.appointedReturnDate() != null) {
            appointedDate = event.appointedReturnDate();
        }
        awaitedSupplement = null;
    }

    @EventSourcingHandler
    void on(PaymentRequested event) {
        requestedFee = event.amountVnd();
        status = DossierStatus.PAYMENT_REQUESTED;
    }

    @EventSourcingHandler
    void on(PaymentReceived event) {
        status = DossierStatus.ACCEPTED;
        completeAt = event.at();
        if (event.appointedReturnDate() != null) {
            appointedDate = event.appointedReturnDate();
        }
    }

    @EventSourcingHandler
    void on(ConsultationRequested event) {
        consultedUnits.addAll(event.unitIds());
        unansweredUnits.addAll(event.unitIds());
        consultationDue = event.dueDate();
    }

    @EventSourcingHandler
    void on(ConsultationAnswered event) {
        unansweredUnits.remove(event.unitId());
    }

    @EventSourcingHandler
    void on(DelayApologised event) {
        apologised = true;
        appointedDate = event.appointedReturnDate();
    }

    @EventSourcingHandler
    void on(ProcessingStopped event) {
        status = DossierStatus.STOPPED;
    }

    @EventSourcingHandler
    void on(DossierLapsed event) {
        status = DossierStatus.STOPPED;
        awaitedSupplement = null;
    }

    @EventSourcingHandler
    void on(SiteInspectionRecorded event) {
        inspected = true;
    }

    @EventSourcingHandler
    void on(ServiceRated event) {
        rated = true;
    }

    @EventSourcingHandler
    void on(DossierRefused event) {
        status = DossierStatus.REFUSED;
    }

    @EventSourcingHandler
    void on(HandlerAssigned event) {
        handlerId = event.handler().id();
        status = DossierStatus.IN_APPRAISAL;
    }

    @EventSourcingHandler
    void on(AppraisalRecorded event) {
        status = DossierStatus.APPRAISED;
        reviewed = false;
    }

    /** Agreed: on to the leader. Returned: the handler appraises (and inspects) again, and the head checks again. */
    @EventSourcingHandler
    void on(ResultReviewed event) {
        status = DossierStatus.after(status, event);
        reviewed = event.agreed();
        if (!event.agreed()) {
            inspected = false;
        }
    }

    @EventSourcingHandler
    void on(DossierApproved event) {
        status = DossierStatus.APPROVED;
        signedDraft = event.documents() == null ? List.of() : event.documents();
    }

    @EventSourcingHandler
    void on(DossierRejected event) {
        status = DossierStatus.REJECTED;
        signedDraft = event.documents() == null ? List.of() : event.documents();
    }

    @EventSourcingHandler
    void on(ResultIssued event) {
        resultIssued = true;
        issuedDocuments = event.documents();
        resultSymbol = event.symbol();
        resultIssuedOn = event.issuedOn();
    }

    @EventSourcingHandler
    void on(ResultReturned event) {
        status = DossierStatus.RESULT_RETURNED;
    }

    @EventSourcingHandler
    void on(DossierWithdrawn event) {
        status = DossierStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(ResultCorrected event) {
        // the original stays as issued: a correction changes nothing the aggregate decides on
    }

    @EventSourcingHandler
    void on(ResultRevoked event) {
        resultRevoked = true;
    }
}
