package vn.motcua.engine.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Kafka sends made by a tracking processor's batch: they go out together, and the batch (with its
 * token) commits only when Kafka acknowledged every record; otherwise it fails and the processor retries
 * it from its last token. At least once, never lost.
 */
@Component
public class AcknowledgedKafkaSends {

    private static final String FUTURES = AcknowledgedKafkaSends.class.getName() + ".futures";

    private final KafkaTemplate<String, byte[]> kafka;
    private final long timeoutSeconds;

    public AcknowledgedKafkaSends(KafkaTemplate<String, byte[]> kafka,
                                  @Value("${motcua.kafka.send-timeout-seconds:30}") long timeoutSeconds) {
        this.kafka = kafka;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Sends {@code record} as part of the current unit of work's batch. */
    public void send(ProducerRecord<String, byte[]> record) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        List<CompletableFuture<SendResult<String, byte[]>>> pending =
                unitOfWork.root().getOrComputeResource(FUTURES, key -> {
                    List<CompletableFuture<SendResult<String, byte[]>>> futures = new ArrayList<>();
                    unitOfWork.root().onPrepareCommit(u -> awaitAll(futures, record.topic()));
                    return futures;
                });
        pending.add(kafka.send(record));
    }

    private void awaitAll(List<CompletableFuture<SendResult<String, byte[]>>> futures, String topic) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (CompletableFuture<SendResult<String, byte[]>> future : futures) {
            try {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while publishing to " + topic, e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Kafka did not acknowledge the batch for " + topic
                        + "; it will be retried", e);
            }
        }
    }
}
