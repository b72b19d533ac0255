package vn.motcua.engine.publication;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import vn.motcua.engine.platform.AggregateType;
import vn.motcua.engine.platform.AggregateTypes;
import vn.motcua.engine.platform.EventTraces;

/**
 * Publishes every event of every registered {@link AggregateType} to Kafka as a CloudEvents 1.0 JSON message
 * (structured mode, {@link AggregateCloudEvents}) on its type's topic ({@link EventTopics}), keyed by the
 * aggregate id so that each aggregate's events stay in order on one partition. It is one tracking event
 * processor whose token lives in PostgreSQL: delivery is at least once, and a Kafka outage only delays it (a
 * failed send fails the batch, the {@code PropagatingErrorHandler} hands the failure to the processor, which
 * retries the batch from its last token). Consumers de-duplicate by the CloudEvent {@code id} and the
 * {@code sequence} extension.
 *
 * <p>An event the bus will never take is parked, not retried forever: one larger than the producer's
 * {@code max.request.size} is refused before it is sent ({@link BusLimit}), one Kafka refuses for what it is fails
 * in its own send ({@link AcknowledgedKafkaSends}), and {@link PoisonPolicy} puts it in the group's dead-letter
 * queue (Axon's {@code JdbcSequencedDeadLetterQueue}, table {@code dead_letter_entry}). The later events of the same
 * aggregate are parked behind it, so its order holds; every other aggregate's events flow on. {@link ParkedEvents}
 * lists and retries them.
 *
 * <p>Its processing group keeps the dossier publisher's name, {@value #PROCESSING_GROUP}, so the token that holds
 * most of the history carries on. The document publisher's group {@value #RETIRED_GROUP} is retired on upgrade by
 * {@link PublisherTokens}: the kept token is moved back to the older of the two, so no document event that
 * {@value #RETIRED_GROUP} had not yet published is skipped; what both had published goes out once more, which
 * consumers ignore (they de-duplicate by sequence).
 */
@Component
@ProcessingGroup(AggregateEventPublisher.PROCESSING_GROUP)
public class AggregateEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";
    /** The processing group of the former official-document publisher, merged into this one. */
    public static final String RETIRED_GROUP = "document-publisher";

    private final AcknowledgedKafkaSends sends;
    private final AggregateCloudEvents cloudEvents;
    private final AggregateTypes types;
    private final EventTopics topics;
    private final BusLimit limit;
    private final EventTraces traces;

    public AggregateEventPublisher(AcknowledgedKafkaSends sends, AggregateCloudEvents cloudEvents,
                                   AggregateTypes types, EventTopics topics, BusLimit limit, EventTraces traces) {
        this.sends = sends;
        this.cloudEvents = cloudEvents;
        this.types = types;
        this.topics = topics;
        this.limit = limit;
        this.traces = traces;
    }

    /**
     * Events of no registered type (none today) are not published. An event appended in a traced step is published
     * in a span of that trace ({@code publish <topic>}), whose context the record carries in its W3C
     * {@code traceparent} header for the consumers ({@link EventTraces}).
     */
    @EventHandler
    void on(Object event, @MessageIdentifier String eventId, @SequenceNumber long sequence, MetaData metaData) {
        types.ofEvent(event).ifPresent(type -> {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topics.topic(type), type.idOf(event),
                    cloudEvents.serialize(event, eventId, sequence));
            record.headers().add("content-type", AggregateCloudEvents.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            Optional<Span> span = traces.continued(metaData, key -> metaData.get(key) instanceof String value
                    ? value : null, "publish " + record.topic(), Span.Kind.PRODUCER);
            if (span.isEmpty()) {
                send(record, eventId);
                return;
            }
            span.get().tag("messaging.destination.name", record.topic()).tag("aggregate.type", type.name());
            try (Tracer.SpanInScope scope = traces.inScope(span.get())) {
                traces.inject(span.get(), (header, value) -> record.headers().add(header,
                        value.getBytes(StandardCharsets.UTF_8)));
                send(record, eventId);
            } catch (RuntimeException e) {
                span.get().error(e);
                throw e;
            } finally {
                span.get().end();
            }
        });
    }

    private void send(ProducerRecord<String, byte[]> record, String eventId) {
        limit.check(record, eventId);
        sends.send(record, eventId);
    }
}
