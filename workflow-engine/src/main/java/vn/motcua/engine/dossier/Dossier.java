package vn.motcua.engine.dossier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.List;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import vn.motcua.engine.dossier.DossierCommand.AcceptDossier;
import vn.motcua.engine.dossier.DossierCommand.ApproveDossier;
import vn.motcua.engine.dossier.DossierCommand.AssignHandler;
import vn.motcua.engine.dossier.DossierCommand.ProvideSupplement;
import vn.motcua.engine.dossier.DossierCommand.RecordAppraisal;
import vn.motcua.engine.dossier.DossierCommand.RefuseDossier;
import vn.motcua.engine.dossier.DossierCommand.RejectDossier;
import vn.motcua.engine.dossier.DossierCommand.RequestSupplement;
import vn.motcua.engine.dossier.DossierCommand.ReturnResult;
import vn.motcua.engine.dossier.DossierCommand.SubmitDossier;
import vn.motcua.engine.dossier.DossierCommand.WithdrawDossier;
import vn.motcua.engine.dossier.DossierEvent.AppraisalRecorded;
import vn.motcua.engine.dossier.DossierEvent.DossierAccepted;
import vn.motcua.engine.dossier.DossierEvent.DossierApproved;
import vn.motcua.engine.dossier.DossierEvent.DossierRefused;
import vn.motcua.engine.dossier.DossierEvent.DossierRejected;
import vn.motcua.engine.dossier.DossierEvent.DossierSubmitted;
import vn.motcua.engine.dossier.DossierEvent.DossierWithdrawn;
import vn.motcua.engine.dossier.DossierEvent.HandlerAssigned;
import vn.motcua.engine.dossier.DossierEvent.ResultReturned;
import vn.motcua.engine.dossier.DossierEvent.SupplementProvided;
import vn.motcua.engine.dossier.DossierEvent.SupplementRequested;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Role;

/**
 * An administrative dossier handled through the one-stop mechanism (Decree 61/2018/ND-CP as amended
 * by Decree 107/2021/ND-CP; forms of Circular 01/2018/TT-VPCP). Command handlers check one rule each
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
    private String handlerId;

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
        if (command.items() == null || command.items().isEmpty()
                || command.items().stream().anyMatch(item -> item == null || item.isBlank())) {
            throw new DossierRuleViolation(DossierRule.SUPPLEMENT_LISTS_ITEMS);
        }
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
        apply(new SupplementProvided(code, command.comment(), List.copyOf(command.documents()), command.actor(),
                clock.instant()));
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
        if (status != DossierStatus.IN_APPRAISAL || !command.actor().id().equals(handlerId)) {
            throw new DossierRuleViolation(DossierRule.APPRAISAL_BY_ASSIGNED_HANDLER);
        }
        apply(new AppraisalRecorded(code, command.outcome(), command.comment(), List.copyOf(command.documents()),
                command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(ApproveDossier command, Clock clock) {
        requireDecisionAllowed(command.actor());
        apply(new DossierApproved(code, command.comment(), List.of(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(RejectDossier command, Clock clock) {
        requireDecisionAllowed(command.actor());
        requireReasons(command.comment());
        apply(new DossierRejected(code, command.comment(), List.of(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(ReturnResult command, Clock clock) {
        requireOpen();
        requireOwnUnit(command.actor());
        requireRole(command.actor(), Role.RECEPTION);
        if (status != DossierStatus.APPROVED && status != DossierStatus.REJECTED) {
            throw new DossierRuleViolation(DossierRule.RESULT_AFTER_DECISION);
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

    private void requireDecisionAllowed(Actor actor) {
        requireOpen();
        requireOwnUnit(actor);
        requireRole(actor, Role.LEADER);
        if (status != DossierStatus.APPRAISED) {
            throw new DossierRuleViolation(DossierRule.APPROVAL_AFTER_APPRAISAL);
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
        status = DossierStatus.SUBMITTED;
    }

    @EventSourcingHandler
    void on(DossierAccepted event) {
        status = DossierStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(SupplementRequested event) {
        supplementRequestedAtReception = true;
        status = DossierStatus.SUPPLEMENT_REQUESTED;
    }

    @EventSourcingHandler
    void on(SupplementProvided event) {
        status = DossierStatus.SUBMITTED;
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
    }

    @EventSourcingHandler
    void on(DossierApproved event) {
        status = DossierStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(DossierRejected event) {
        status = DossierStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(ResultReturned event) {
        status = DossierStatus.RESULT_RETURNED;
    }

    @EventSourcingHandler
    void on(DossierWithdrawn event) {
        status = DossierStatus.WITHDRAWN;
    }
}
