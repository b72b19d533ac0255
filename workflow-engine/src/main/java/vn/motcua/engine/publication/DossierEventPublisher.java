package vn.motcua.engine.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;


import vn.motcua.engine.dossier.DossierEvent;

/**
 * Publishes every dossier event to Kafka as a CloudEvents 1.0 JSON message (structured mode), keyed by
 * the dossier code so each dossier's events stay in order on one partition. It runs as a tracking event
 * processor whose token lives in PostgreSQL: delivery is at least once, and a Kafka outage only delays it
 * (a failed send fails the batch, which the processor retries from its last token). Consumers de-duplicate
 * by the CloudEvent {@code id} (the event id) and the {@code sequence} extension (the dossier's version).
 */
@Component
@ProcessingGroup(DossierEventPublisher.PROCESSING_GROUP)
public class DossierEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String FUTURES = DossierEventPublisher.class.getName() + ".futures";

    private final KafkaTemplate<String, byte[]> kafka;
    private final DossierCloudEvents cloudEvents;
    private final String topic;
    private final long sendTimeoutSeconds;

    public DossierEventPublisher(KafkaTemplate<String, byte[]> kafka, DossierCloudEvents cloudEvents,
                                 @Value("${motcua.kafka.topics.dossier-events.name}") String topic,
                                 @Value("${motcua.kafka.send-timeout-seconds:30}") long sendTimeoutSeconds) {
        this.kafka = kafka;
        this.cloudEvents = cloudEvents;
        this.topic = topic;
        this.sendTimeoutSeconds = sendTimeoutSeconds;
    }

    @EventHandler
    void on(DossierEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.code(),
                cloudEvents.serialize(event, eventId, sequence));
        record.headers().add("content-type", DossierCloudEvents.CONTENT_TYPE.getBytes());
        pending().add(kafka.send(record));
    }

    /**
     * Sends of one batch go out together; the batch commits its token only when Kafka acknowledged them
     * all, and fails (to be retried) otherwise.
     */
    private List<CompletableFuture<SendResult<String, byte[]>>> pending() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.root().getOrComputeResource(FUTURES, key -> {
            List<CompletableFuture<SendResult<String, byte[]>>> futures = new ArrayList<>();
            unitOfWork.root().onPrepareCommit(u -> awaitAll(futures));
            return futures;
        });
    }

    private void awaitAll(List<CompletableFuture<SendResult<String, byte[]>>> futures) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(sendTimeoutSeconds);
        for (CompletableFuture<SendResult<String, byte[]>> future : futures) {
            try {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while publishing to Kafka", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Kafka did not acknowledge the batch; it will be retried", e);
            }
        }
    }
}
