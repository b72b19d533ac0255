package vn.motcua.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.ExponentialBackOff;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Feeds Elasticsearch from Kafka: each batch of CloudEvents is bulk-indexed, and the consumer's offsets
 * move only after Elasticsearch took the batch. While Elasticsearch is down the batch is retried, with a
 * back-off of at most 10 s, until it is back: indexing is delayed, never lost; the indexer's version
 * checks make redelivered events harmless.
 */
@Component
public class DossierEventConsumer {

    private static final Logger log = LoggerFactory.getLogger(DossierEventConsumer.class);

    private final SearchIndexer indexer;
    private final ObjectMapper mapper = new ObjectMapper();

    public DossierEventConsumer(SearchIndexer indexer) {
        this.indexer = indexer;
    }

    @KafkaListener(id = "search-indexer", topics = "${motcua.kafka.topics.dossier-events.name}",
            groupId = "${motcua.search.consumer-group:motcua-search}", batch = "true")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<DossierEventEnvelope> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(DossierEventEnvelope.fromCloudEvent(mapper.readTree(record.value())));
            } catch (IOException | RuntimeException e) {
                // Not a dossier CloudEvent: skipping it loses nothing, the event store stays the source of truth.
                log.error("Skipping unreadable record {}@{} on {}", record.partition(), record.offset(), record.topic(), e);
            }
        }
        if (!events.isEmpty()) {
            indexer.index(events);
        }
    }

    /** Retries a failed batch for ever (Elasticsearch outage), backing off up to 10 s between tries. */
    @Bean
    static CommonErrorHandler searchIndexingRetries() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return new DefaultErrorHandler(backOff);
    }
}
