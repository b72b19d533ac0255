package vn.motcua.engine.publication;

import java.util.List;
import java.util.function.Supplier;

import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.InvalidRecordException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;

/**
 * Which publication failures park an event in the publisher's dead-letter queue, and which only delay it.
 * <ul>
 * <li><b>Poison</b> — the event itself can never be delivered as it is: larger than the bus takes
 *     ({@link BusLimit}, Kafka's {@link RecordTooLargeException}, {@link RecordBatchTooLargeException}), unwritable
 *     ({@link UndeliverableEvent}, Kafka's {@link SerializationException}, {@link InvalidRecordException}), or
 *     addressed to a topic Kafka refuses ({@link InvalidTopicException}). It is parked; Axon's dead-lettering
 *     invoker then parks the later events of the same aggregate behind it and the events of every other
 *     aggregate flow on.</li>
 * <li><b>Anything else</b> (a broker outage: timeouts, not connected; the database) parks nothing: the failure is
 *     thrown on, so the batch fails and the tracking processor retries it from its token, as it did before there
 *     was a queue. Delayed, never lost, never reordered.</li>
 * <li>An event whose aggregate is already parked (an operator's retry) stays parked whatever the failure.</li>
 * </ul>
 * Each parking counts an attempt in the letter's diagnostics ({@value #ATTEMPTS}).
 */
public class PoisonPolicy implements EnqueuePolicy<EventMessage<?>> {

    public static final String ATTEMPTS = "attempts";

    private static final List<Class<? extends Throwable>> POISON = List.of(UndeliverableEvent.class,
            RecordTooLargeException.class, RecordBatchTooLargeException.class, InvalidTopicException.class,
            SerializationException.class, InvalidRecordException.class);

    private final Supplier<SequencedDeadLetterQueue<EventMessage<?>>> queue;

    public PoisonPolicy(Supplier<SequencedDeadLetterQueue<EventMessage<?>>> queue) {
        this.queue = queue;
    }

    /** Whether {@code failure}, or one of its causes, says the event itself cannot be delivered. */
    public static boolean isPoison(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<? extends Throwable> poison : POISON) {
                if (poison.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (isPoison(cause) || alreadyParked(letter)) {
            int attempts = attempts(letter.diagnostics()) + 1;
            return Decisions.enqueue(ThrowableCause.truncated(cause), parked -> parked.diagnostics()
                    .and(ATTEMPTS, attempts));
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException("Publication failed; the batch is retried from its token", cause);
    }

    /** How often an event was tried and parked (0 for one parked only because an earlier one of its aggregate is). */
    public static int attempts(MetaData diagnostics) {
        Object attempts = diagnostics.get(ATTEMPTS);
        return attempts instanceof Number number ? number.intValue()
                : attempts == null ? 0 : Integer.parseInt(attempts.toString());
    }

    private boolean alreadyParked(DeadLetter<? extends EventMessage<?>> letter) {
        return letter.message() instanceof DomainEventMessage<?> event
                && queue.get().contains(event.getAggregateIdentifier());
    }
}
