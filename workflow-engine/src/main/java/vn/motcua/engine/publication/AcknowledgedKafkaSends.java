package vn.motcua.engine.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Kafka sends made by a tracking processor's batch: they go out together, and the batch (with its
 * token) commits only when Kafka acknowledged every record; otherwise it fails and the processor retries
 * it from its last token. At least once, never lost.
 *
 * <p>Where a poison record's failure surfaces: the producer checks a record's size (and its topic) inside
 * {@code send()}, and {@link KafkaTemplate} throws that immediate failure at once — so the one event is refused in
 * its own handler call and {@link PoisonPolicy} parks it, while the rest of the batch goes on. A record the broker
 * refuses for what it is (a topic whose {@code max.message.bytes} is below the producer's limit) fails only when the
 * batch awaits its acknowledgements: the batch fails as for an outage, the event's id is remembered, and on the
 * batch's retry that event is refused before it is sent, so it is parked then. An outage only ever delays.
 */
@Component
public class AcknowledgedKafkaSends {

    private static final String FUTURES = AcknowledgedKafkaSends.class.getName() + ".futures";

    private final KafkaTemplate<String, byte[]> kafka;
    private final long timeoutSeconds;
    /** Events the broker refused for what they are, to be parked when their batch is retried. */
    private final Set<String> refusedByBroker = ConcurrentHashMap.newKeySet();

    public AcknowledgedKafkaSends(KafkaTemplate<String, byte[]> kafka,
                                  @Value("${motcua.kafka.send-timeout-seconds:30}") long timeoutSeconds) {
        this.kafka = kafka;
        this.timeoutSeconds = timeoutSeconds;
    }

    private record Pending(String eventId, CompletableFuture<SendResult<String, byte[]>> future) {
    }

    /** Sends {@code record} as part of the current unit of work's batch (a record that is not one event's). */
    public void send(ProducerRecord<String, byte[]> record) {
        send(record, null);
    }

    /**
     * Sends {@code record} (of event {@code eventId}) as part of the current unit of work: a tracking processor's
     * batch, or the retry of one parked event. Throws {@link UndeliverableEvent} when the record can never be
     * delivered; other failures fail the unit of work when it awaits the acknowledgements.
     */
    public void send(ProducerRecord<String, byte[]> record, String eventId) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        boolean retryOfParked = unitOfWork.resources().containsKey(DeadLetter.class.getName());
        if (eventId != null && !retryOfParked && refusedByBroker.remove(eventId)) {
            throw new UndeliverableEvent("Kafka refused event " + eventId + " on " + record.topic());
        }
        List<Pending> pending = unitOfWork.getOrComputeResource(FUTURES, key -> {
            List<Pending> futures = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> awaitAll(futures, record.topic(), !retryOfParked));
            return futures;
        });
        CompletableFuture<SendResult<String, byte[]>> future;
        try {
            future = kafka.send(record);
        } catch (KafkaException e) {
            if (PoisonPolicy.isPoison(e)) {
                throw new UndeliverableEvent("Kafka refused event " + eventId + " on " + record.topic() + ": "
                        + rootMessage(e), e);
            }
            throw e;
        }
        pending.add(new Pending(eventId, future));
    }

    private void awaitAll(List<Pending> pending, String topic, boolean rememberRefused) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (Pending send : pending) {
            try {
                send.future().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while publishing to " + topic, e);
            } catch (ExecutionException | TimeoutException e) {
                if (rememberRefused && send.eventId() != null && PoisonPolicy.isPoison(e)) {
                    refusedByBroker.add(send.eventId());
                }
                throw new IllegalStateException("Kafka did not acknowledge the batch for " + topic
                        + "; it will be retried", e);
            }
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
