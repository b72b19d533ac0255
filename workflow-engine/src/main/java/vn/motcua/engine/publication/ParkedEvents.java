package vn.motcua.engine.publication;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

import vn.motcua.engine.platform.AggregateType;
import vn.motcua.engine.platform.AggregateTypes;
import vn.motcua.engine.problem.Problem;

/**
 * The events the Kafka publisher parked ({@link PoisonPolicy}), one entry per aggregate: the event that could not
 * be delivered and how many of the aggregate's later events wait behind it; and the operator's retry of one
 * aggregate, after the cause is mended (a limit raised, a topic fixed). A retry sends the parked events in order
 * through the same publisher; what is delivered leaves the queue, and the first that fails again stays parked with
 * its attempt counted.
 */
@Component
public class ParkedEvents {

    /**
     * One parked aggregate.
     *
     * @param sequence the aggregate's sequence number of the parked event
     * @param reason   why it was parked (the last failure)
     * @param since    when it was parked
     * @param attempts how often it was tried and failed
     * @param waiting  how many later events of the same aggregate wait behind it
     */
    public record ParkedEvent(String aggregateType, String aggregateId, long sequence, String eventType,
                              String eventId, String reason, Instant since, Instant lastAttempt, int attempts,
                              long waiting) implements Serializable {
    }

    /** What a retry left: {@code delivered} when nothing of the aggregate is parked any more. */
    public record Retry(String aggregateId, boolean delivered, ParkedEvent parked) implements Serializable {
    }

    private final EventProcessingConfiguration processing;
    private final AggregateTypes types;

    public ParkedEvents(EventProcessingConfiguration processing, AggregateTypes types) {
        this.processing = processing;
        this.types = types;
    }

    /** Every parked aggregate, oldest first as the queue keeps them. */
    public List<ParkedEvent> list() {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue();
        List<ParkedEvent> parked = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            Iterator<DeadLetter<? extends EventMessage<?>>> letters = sequence.iterator();
            if (letters.hasNext()) {
                parked.add(describe(letters.next(), queue));
            }
        }
        return parked;
    }

    /** How many aggregates have a parked event. */
    public long parkedAggregates() {
        return queue().amountOfSequences();
    }

    /** The parked event of one aggregate, if any. */
    public Optional<ParkedEvent> of(String aggregateId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue();
        if (!queue.contains(aggregateId)) {
            return Optional.empty();
        }
        Iterator<DeadLetter<? extends EventMessage<?>>> letters = queue.deadLetterSequence(aggregateId).iterator();
        return letters.hasNext() ? Optional.of(describe(letters.next(), queue)) : Optional.empty();
    }

    /** Tries the parked events of {@code aggregateId} again, in order; 404 problem when none is parked. */
    public Retry retry(String aggregateId) {
        if (!queue().contains(aggregateId)) {
            throw Problem.notFound("dead-letter", "Không có sự kiện nào bị giữ lại của " + aggregateId
                    + " / No parked event of " + aggregateId);
        }
        processor().process(letter -> aggregateId.equals(aggregateIdOf(letter.message())));
        Optional<ParkedEvent> still = of(aggregateId);
        return new Retry(aggregateId, still.isEmpty(), still.orElse(null));
    }

    private ParkedEvent describe(DeadLetter<? extends EventMessage<?>> letter,
                                 SequencedDeadLetterQueue<EventMessage<?>> queue) {
        EventMessage<?> message = letter.message();
        Object payload = message.getPayload();
        String aggregateId = aggregateIdOf(message);
        String type = types.ofEvent(payload).map(AggregateType::name)
                .orElse(message instanceof DomainEventMessage<?> event ? event.getType() : null);
        long sequence = message instanceof DomainEventMessage<?> event ? event.getSequenceNumber() : -1;
        return new ParkedEvent(type, aggregateId, sequence, payload.getClass().getSimpleName(),
                message.getIdentifier(), letter.cause().map(Cause::message).orElse(null), letter.enqueuedAt(),
                letter.lastTouched(), PoisonPolicy.attempts(letter.diagnostics()),
                Math.max(0, queue.sequenceSize(aggregateId) - 1));
    }

    private static String aggregateIdOf(EventMessage<?> message) {
        return message instanceof DomainEventMessage<?> event ? event.getAggregateIdentifier()
                : message.getIdentifier();
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue() {
        return processing.deadLetterQueue(AggregateEventPublisher.PROCESSING_GROUP).orElseThrow(
                () -> new IllegalStateException("The publisher has no dead-letter queue"));
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor() {
        return processing.sequencedDeadLetterProcessor(AggregateEventPublisher.PROCESSING_GROUP).orElseThrow(
                () -> new IllegalStateException("The publisher has no dead-letter processor"));
    }
}
