package vn.motcua.eoffice.publication;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.motcua.engine.publication.AcknowledgedKafkaSends;
import vn.motcua.eoffice.document.DocumentEvent;

/**
 * Publishes every official-document event to Kafka as a CloudEvents 1.0 JSON message, keyed by the
 * document id so each document's events stay in order on one partition. A tracking processor with its
 * token in PostgreSQL: at least once, and a Kafka outage only delays it (the batch is retried from its
 * token). Consumers de-duplicate by the {@code sequence} extension (the document's version).
 */
@Component
@ProcessingGroup(DocumentEventPublisher.PROCESSING_GROUP)
public class DocumentEventPublisher {

    public static final String PROCESSING_GROUP = "document-publisher";

    private final AcknowledgedKafkaSends sends;
    private final DocumentCloudEvents cloudEvents;
    private final String topic;

    public DocumentEventPublisher(AcknowledgedKafkaSends sends, DocumentCloudEvents cloudEvents,
                                  @Value("${motcua.kafka.topics.document-events.name:motcua.document-events}")
                                  String topic) {
        this.sends = sends;
        this.cloudEvents = cloudEvents;
        this.topic = topic;
    }

    @EventHandler
    void on(DocumentEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.documentId(),
                cloudEvents.serialize(event, eventId, sequence));
        record.headers().add("content-type", DocumentCloudEvents.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        sends.send(record);
    }
}
