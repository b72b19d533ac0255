package vn.motcua.portal.tenant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.platform.Rule;
import vn.motcua.engine.platform.RuleViolation;

/**
 * A third tenant of the platform, in test code only: a citizen's complaint (phản ánh, kiến nghị) that reception
 * answers once. It brings its aggregate, its events, its BPMN and its task kinds, registers them, and gets
 * sealing, publishing, indexing, the inbox and the audit trail without a line of platform code changed.
 */
@Aggregate
public class Complaint {

    /** Its one rule. */
    enum ComplaintRule implements Rule {
        ANSWERED_ONCE("Mỗi phản ánh được trả lời một lần", "A complaint is answered once");

        private final Wording wording;

        ComplaintRule(String messageVi, String messageEn) {
            this.wording = new Wording(messageVi, messageEn);
        }

        @Override
        public Wording wording() {
            return wording;
        }
    }

    public sealed interface ComplaintEvent {
        String complaintId();

        Actor actor();

        Instant at();
    }

    /** The first event names the unit that owns the complaint: its seal signs the citizen's step. */
    public record ComplaintReceived(String complaintId, String unitId, String text, Actor actor, Instant at)
            implements ComplaintEvent {
    }

    public record ComplaintAnswered(String complaintId, String answer, Actor actor, Instant at)
            implements ComplaintEvent {
    }

    public record ReceiveComplaint(@TargetAggregateIdentifier String complaintId, String unitId, String text,
                                   Actor actor) {
    }

    public record AnswerComplaint(@TargetAggregateIdentifier String complaintId, String answer, Actor actor) {
    }

    @AggregateIdentifier
    private String complaintId;
    private boolean answered;

    protected Complaint() {
        // for event sourcing
    }

    @CommandHandler
    public Complaint(ReceiveComplaint command, Clock clock) {
        apply(new ComplaintReceived(command.complaintId(), command.unitId(), command.text(), command.actor(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(AnswerComplaint command, Clock clock) {
        if (answered) {
            throw new RuleViolation(ComplaintRule.ANSWERED_ONCE, "Vi phạm quy định", "Rule violated") {
            };
        }
        apply(new ComplaintAnswered(complaintId, command.answer(), command.actor(), clock.instant()));
    }

    @EventSourcingHandler
    void on(ComplaintReceived event) {
        complaintId = event.complaintId();
    }

    @EventSourcingHandler
    void on(ComplaintAnswered event) {
        answered = true;
    }
}
