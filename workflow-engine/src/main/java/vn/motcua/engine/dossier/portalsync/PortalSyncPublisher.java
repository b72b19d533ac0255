package vn.motcua.engine.dossier.portalsync;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.motcua.engine.publication.AcknowledgedKafkaSends;

import vn.motcua.engine.dossier.DossierEvent;
import vn.motcua.engine.dossier.report.DossierTimeline;

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

    private final EventStore eventStore;
    private final PortalSyncPayloads payloads;
    private final PortalSyncJson json;
    private final AcknowledgedKafkaSends sends;
    private final String topic;

    public PortalSyncPublisher(EventStore eventStore, PortalSyncPayloads payloads, PortalSyncJson json,
                               AcknowledgedKafkaSends sends,
                               @Value("${motcua.kafka.topics.portal-sync.name:motcua.portal-sync}") String topic) {
        this.eventStore = eventStore;
        this.payloads = payloads;
        this.json = json;
        this.sends = sends;
        this.topic = topic;
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
        sends.send(record);
    }
}
