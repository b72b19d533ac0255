package vn.motcua.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Feeds the {@value DocumentIndex#DOCUMENTS} index from the official-document events on Kafka, in its own
 * consumer group; offsets move only after Elasticsearch took the batch, and a failed batch is retried by
 * the same back-off as dossier indexing ({@link DossierEventConsumer#searchIndexingRetries}). Redeliveries
 * are harmless: the indexer checks versions.
 */
@Component
public class DocumentEventConsumer {

    private static final Logger log = LoggerFactory.getLogger(DocumentEventConsumer.class);

    private final DocumentIndexer indexer;
    private final ObjectMapper mapper = new ObjectMapper();

    public DocumentEventConsumer(DocumentIndexer indexer) {
        this.indexer = indexer;
    }

    @KafkaListener(id = "search-document-indexer",
            topics = "${motcua.kafka.topics.document-events.name:motcua.document-events}",
            groupId = "${motcua.search.document-consumer-group:motcua-search-documents}", batch = "true")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<DocumentEventEnvelope> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(DocumentEventEnvelope.fromCloudEvent(mapper.readTree(record.value())));
            } catch (IOException | RuntimeException e) {
                // not a document CloudEvent: the event store stays the source of truth
                log.error("Skipping unreadable record {}@{} on {}", record.partition(), record.offset(),
                        record.topic(), e);
            }
        }
        if (!events.isEmpty()) {
            indexer.index(events);
        }
    }
}
