package vn.motcua.engine.portalsync;

import java.nio.charset.StandardCharsets;
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
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import vn.motcua.engine.dossier.DossierEvent;
import vn.motcua.engine.report.DossierTimeline;

/**
 * Publishes the national-portal payload of a dossier to Kafka each time its portal status code changes (and
 * on submission), keyed by the dossier code so a dossier's payloads stay in order on one partition. A tracking
 * processor with its token in PostgreSQL: at least once, and a Kafka outage only delays it — like the event
 * publisher, a batch commits its token only when Kafka acknowledged every record. Receivers keep the payload
 * with the highest {@code version} per dossier.
 */
@Component
@ProcessingGroup(PortalSyncPublisher.PROCESSING_GROUP)
public class PortalSyncPublisher {

    public static final String PROCESSING_GROUP = "portal-sync";
    public static final String SCHEMA_HEADER = "schema";
    private static final String FUTURES = PortalSyncPublisher.class.getName() + ".futures";

    private final EventStore eventStore;
    private final PortalSyncPayloads payloads;
    private final PortalSyncJson json;
    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final long sendTimeoutSeconds;

    public PortalSyncPublisher(EventStore eventStore, PortalSyncPayloads payloads, PortalSyncJson json,
                               KafkaTemplate<String, byte[]> kafka,
                               @Value("${motcua.kafka.topics.portal-sync.name:motcua.portal-sync}") String topic,
                               @Value("${motcua.kafka.send-timeout-seconds:30}") long sendTimeoutSeconds) {
        this.eventStore = eventStore;
        this.payloads = payloads;
        this.json = json;
        this.kafka = kafka;
        this.topic = topic;
        this.sendTimeoutSeconds = sendTimeoutSeconds;
    }

    @EventHandler
    void on(DossierEvent event, @SequenceNumber long sequence) {
        DossierTimeline timeline = DossierTimeline.of(DossierTimeline.read(eventStore, event.code(), sequence));
        if (!timeline.portalStatusChanged()) {
            return;
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.code(),
                json.write(payloads.build(timeline)));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        record.headers().add(SCHEMA_HEADER, PortalSyncJson.SCHEMA_ID.getBytes(StandardCharsets.UTF_8));
        pending().add(kafka.send(record));
    }

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
                throw new IllegalStateException("Interrupted while publishing portal-sync payloads", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Kafka did not acknowledge the portal-sync batch; it will be retried", e);
            }
        }
    }
}
