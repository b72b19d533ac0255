package vn.motcua.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.tracing.Span;
import vn.motcua.engine.platform.EventTraces;

/**
 * Feeds one {@link EventIndex} from its aggregate types' topics (one topic for an index of one type, every type's
 * topic for the audit index): each batch of CloudEvents is bulk-indexed, and
 * the consumer's offsets move only after Elasticsearch took the batch. While Elasticsearch is down the batch is
 * retried ({@link SearchPipelineConfiguration#searchIndexingRetries}), backing off up to 10 s, until it is back:
 * indexing is delayed, never lost; the indexers' version checks make redelivered events harmless. One bean an
 * index, each with its own listener id, topics and consumer group.
 *
 * <p>A record that carries the trace of the step that appended its event (W3C {@code traceparent} header, written by
 * the publisher: {@link EventTraces}) is indexed in a span of that trace, {@code index <listener id>}, which covers
 * the bulk request its batch is part of.
 */
public class EventIndexConsumer {

    private static final Logger log = LoggerFactory.getLogger(EventIndexConsumer.class);

    private final EventIndex index;
    private final String id;
    private final List<String> topics;
    private final String groupId;
    private final ObjectMapper mapper = new ObjectMapper();
    private final EventTraces traces;

    public EventIndexConsumer(EventIndex index, String id, List<String> topics, String groupId, EventTraces traces) {
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("listener " + id + " reads no topic");
        }
        this.index = index;
        this.id = id;
        this.topics = List.copyOf(topics);
        this.groupId = groupId;
        this.traces = traces;
    }

    public String getId() {
        return id;
    }

    public String[] getTopics() {
        return topics.toArray(String[]::new);
    }

    public String getGroupId() {
        return groupId;
    }

    @KafkaListener(id = "#{__listener.id}", topics = "#{__listener.topics}", groupId = "#{__listener.groupId}",
            batch = "true")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<EventEnvelope> events = new ArrayList<>(records.size());
        List<Span> spans = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            traces.continued(record.headers(), key -> header(record, key), "index " + id, Span.Kind.CONSUMER)
                    .ifPresent(span -> spans.add(span.tag("messaging.destination.name", record.topic())
                            .tag("messaging.kafka.message.key", "" + record.key())));
            try {
                EventEnvelope event = EventEnvelope.fromCloudEvent(mapper.readTree(record.value()));
                if (!index.indexes(event.aggregateType())) {
                    throw new IllegalArgumentException("CloudEvent " + event.eventId() + " is of another type: "
                            + event.aggregateType() + "." + event.type());
                }
                events.add(event);
            } catch (IOException | RuntimeException e) {
                // not a CloudEvent this index takes: skipping it loses nothing, the event store is the truth
                log.error("Skipping unreadable record {}@{} on {}", record.partition(), record.offset(),
                        record.topic(), e);
            }
        }
        try {
            if (!events.isEmpty()) {
                index.index(events);
            }
        } catch (RuntimeException e) {
            spans.forEach(span -> span.error(e));
            throw e;
        } finally {
            spans.forEach(Span::end);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
