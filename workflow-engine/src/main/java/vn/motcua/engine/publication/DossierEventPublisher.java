package vn.motcua.engine.publication;


import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.beans.factory.annotation.Value;
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

    private final AcknowledgedKafkaSends sends;
    private final DossierCloudEvents cloudEvents;
    private final String topic;

    public DossierEventPublisher(AcknowledgedKafkaSends sends, DossierCloudEvents cloudEvents,
                                 @Value("${motcua.kafka.topics.dossier-events.name}") String topic) {
        this.sends = sends;
        this.cloudEvents = cloudEvents;
        this.topic = topic;
    }

    @EventHandler
    void on(DossierEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.code(),
                cloudEvents.serialize(event, eventId, sequence));
        record.headers().add("content-type", DossierCloudEvents.CONTENT_TYPE.getBytes());
        sends.send(record);
    }
}
