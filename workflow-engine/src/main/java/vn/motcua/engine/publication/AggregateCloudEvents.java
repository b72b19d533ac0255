package vn.motcua.engine.publication;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import vn.motcua.engine.platform.AggregateType;
import vn.motcua.engine.platform.AggregateTypes;

/**
 * The one way an event of any registered {@link AggregateType} is written for other systems: a CloudEvents 1.0
 * JSON document (CloudEvents spec v1.0, JSON event format) with
 * <ul>
 * <li>{@code id} = the event id, {@code type} = {@code vn.motcua.<type name>.<event's simple name>},</li>
 * <li>{@code subject} = the aggregate id (dossier code, document id), {@code time} = when the step happened,</li>
 * <li>{@code source} = {@code urn:motcua:unit:<unit>}, the unit that owns the aggregate: the top-level
 *     {@code unitId} of its first event (the platform's convention), else that event's actor's unit,</li>
 * <li>extensions {@code sequence} = the aggregate's sequence number (consumers order and de-duplicate by it) and
 *     {@code status} = the status the event leaves the aggregate in, when it changes it
 *     ({@link AggregateType#statusAfter()}),</li>
 * <li>{@code data} = the event record as JSON.</li>
 * </ul>
 * Used by the Kafka publisher and by the search rebuilds, so both produce the same documents.
 */
@Component
public class AggregateCloudEvents {

    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;
    private static final String UNKNOWN_UNIT = "unknown";
    private static final int REMEMBERED_UNITS = 10_000;

    private final ObjectMapper mapper;
    private final AggregateTypes types;
    private final EventStore eventStore;
    /** The owning unit of recently seen aggregates: it never changes, so it is looked up once. */
    private final Map<String, String> units = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > REMEMBERED_UNITS;
                }
            });

    public AggregateCloudEvents(ObjectMapper mapper, AggregateTypes types, EventStore eventStore) {
        this.mapper = mapper;
        this.types = types;
        this.eventStore = eventStore;
    }

    /** The prefix of the CloudEvent {@code type} of every event of {@code type}: {@code vn.motcua.dossier.}. */
    public static String typePrefix(AggregateType<?> type) {
        return "vn.motcua." + type.name() + ".";
    }

    /** The type the event belongs to; fails for an event of no registered type. */
    public AggregateType<?> typeOf(Object event) {
        return types.ofEvent(event).orElseThrow(() -> new IllegalArgumentException(
                "No aggregate type registered for " + event.getClass().getName()));
    }

    public CloudEvent of(Object event, String eventId, long sequence) {
        AggregateType<?> type = typeOf(event);
        String aggregateId = type.idOf(event);
        JsonNode data;
        try {
            data = mapper.valueToTree(event);
        } catch (IllegalArgumentException e) {
            throw new UndeliverableEvent("Cannot write event " + eventId + " as JSON", e);
        }
        String unit = sequence == 0 ? unitOf(data) : units.computeIfAbsent(aggregateId, this::owningUnit);
        String status = type.statusOf(event);
        try {
            CloudEventBuilder builder = CloudEventBuilder.v1()
                    .withId(eventId)
                    .withSource(URI.create("urn:motcua:unit:" + unit))
                    .withType(typePrefix(type) + event.getClass().getSimpleName())
                    .withSubject(aggregateId)
                    .withExtension("sequence", Long.toString(sequence))
                    .withData("application/json", mapper.writeValueAsBytes(data));
            Instant at = data.hasNonNull("at") ? Instant.parse(data.get("at").asText()) : null;
            if (at != null) {
                builder.withTime(at.atOffset(ZoneOffset.UTC));
            }
            if (status != null) {
                builder.withExtension("status", status);
            }
            return builder.build();
        } catch (JsonProcessingException e) {
            throw new UndeliverableEvent("Cannot write event " + eventId + " as a CloudEvent", e);
        }
    }

    public byte[] serialize(Object event, String eventId, long sequence) {
        return EventFormatProvider.getInstance().resolveFormat(CONTENT_TYPE).serialize(of(event, eventId, sequence));
    }

    private String owningUnit(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().findFirst().map(DomainEventMessage::getPayload)
                .map(first -> unitOf(mapper.valueToTree(first))).orElse(UNKNOWN_UNIT);
    }

    private static String unitOf(JsonNode firstEvent) {
        String unit = firstEvent.path("unitId").asText(null);
        if (unit == null || unit.isBlank()) {
            unit = firstEvent.path("actor").path("unitId").asText(null);
        }
        return unit == null || unit.isBlank() ? UNKNOWN_UNIT : unit;
    }
}
