package vn.motcua.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Feeds one {@link EventIndex} from its aggregate type's topic: each batch of CloudEvents is bulk-indexed, and
 * the consumer's offsets move only after Elasticsearch took the batch. While Elasticsearch is down the batch is
 * retried ({@link SearchPipelineConfiguration#searchIndexingRetries}), backing off up to 10 s, until it is back:
 * indexing is delayed, never lost; the indexers' version checks make redelivered events harmless. One bean a
 * type, each with its own listener id, topic and consumer group.
 */
public class EventIndexConsumer {

    private static final Logger log = LoggerFactory.getLogger(EventIndexConsumer.class);

    private final EventIndex index;
    private final String id;
    private final String topic;
    private final String groupId;
    private final ObjectMapper mapper = new ObjectMapper();

    public EventIndexConsumer(EventIndex index, String id, String topic, String groupId) {
        this.index = index;
        this.id = id;
        this.topic = topic;
        this.groupId = groupId;
    }

    public String getId() {
        return id;
    }

    public String getTopic() {
        return topic;
    }

    public String getGroupId() {
        return groupId;
    }

    @KafkaListener(id = "#{__listener.id}", topics = "#{__listener.topic}", groupId = "#{__listener.groupId}",
            batch = "true")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<EventEnvelope> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(EventEnvelope.fromCloudEvent(mapper.readTree(record.value()), index.aggregateType()));
            } catch (IOException | RuntimeException e) {
                // not a CloudEvent of this type: skipping it loses nothing, the event store stays the source of truth
                log.error("Skipping unreadable record {}@{} on {}", record.partition(), record.offset(),
                        record.topic(), e);
            }
        }
        if (!events.isEmpty()) {
            index.index(events);
        }
    }
}
