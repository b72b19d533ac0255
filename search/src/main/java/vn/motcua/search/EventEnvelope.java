package vn.motcua.search;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event of any aggregate type as it travels on Kafka: a CloudEvents 1.0 structured-mode JSON message
 * (CloudEvents spec v1.0, JSON event format) as the engine's one publisher writes it, whose {@code type} is
 * {@code vn.motcua.<aggregate type>.<event>}, whose {@code subject} is the aggregate id (dossier code, document
 * id), whose {@code sequence} extension is the aggregate's sequence number, whose optional {@code status}
 * extension is the status the event leaves the aggregate in, and whose {@code data} is the event record. Search
 * reads it generically, by type name and field names, without depending on the tenants' modules.
 *
 * @param eventId       the CloudEvent {@code id}: the event store's event identifier
 * @param aggregateType the aggregate type's name, e.g. {@code dossier}, {@code document}
 * @param aggregateId   the CloudEvent {@code subject}
 * @param type          the event's simple name, e.g. {@code DossierSubmitted}
 * @param sequence      the aggregate's sequence number of this event, from 0
 * @param time          when the step happened
 * @param status        the status the event leaves the aggregate in; {@code null} when it does not change it
 * @param data          the event record as JSON
 */
public record EventEnvelope(String eventId, String aggregateType, String aggregateId, String type, long sequence,
                            Instant time, String status, JsonNode data) {

    private static final String TYPE_ROOT = "vn.motcua.";

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative: " + sequence);
        }
    }

    /** The prefix of the CloudEvent {@code type} of the aggregate type's events: {@code vn.motcua.dossier.}. */
    public static String typePrefix(String aggregateType) {
        return TYPE_ROOT + aggregateType + ".";
    }

    /** Reads a CloudEvent of the given aggregate type; one of another type is refused like a malformed one. */
    public static EventEnvelope fromCloudEvent(JsonNode cloudEvent, String aggregateType) {
        EventEnvelope envelope = fromCloudEvent(cloudEvent);
        if (!envelope.aggregateType().equals(aggregateType)) {
            throw new IllegalArgumentException("CloudEvent " + envelope.eventId() + " is not a " + aggregateType
                    + " event: " + envelope.aggregateType() + "." + envelope.type());
        }
        return envelope;
    }

    /**
     * Reads a CloudEvent as published by the engine. Fails with {@link IllegalArgumentException} when the message
     * is not a CloudEvents 1.x JSON event or lacks what ordering needs (id, subject, a {@code vn.motcua.<aggregate
     * type>.<event>} type, sequence, time, data): such a message cannot be indexed safely and must not be
     * silently dropped.
     */
    public static EventEnvelope fromCloudEvent(JsonNode cloudEvent) {
        if (cloudEvent == null || !cloudEvent.isObject()) {
            throw new IllegalArgumentException("a CloudEvent must be a JSON object");
        }
        String specVersion = text(cloudEvent, "specversion");
        if (specVersion == null || !specVersion.startsWith("1.")) {
            throw new IllegalArgumentException("not a CloudEvents 1.x event (specversion " + specVersion + ")");
        }
        String id = required(cloudEvent, "id");
        String type = required(cloudEvent, "type");
        int dot = type.lastIndexOf('.');
        if (!type.startsWith(TYPE_ROOT) || dot <= TYPE_ROOT.length()) {
            throw new IllegalArgumentException("CloudEvent " + id + " is not a motcua event: " + type);
        }
        JsonNode data = cloudEvent.get("data");
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("CloudEvent " + id + " has no JSON object data");
        }
        String subject = text(cloudEvent, "subject");
        if (subject == null) {
            throw new IllegalArgumentException("CloudEvent " + id + " names no aggregate (subject)");
        }
        long sequence = parseSequence(id, cloudEvent.get("sequence"));
        String time = text(cloudEvent, "time");
        Instant at = parseInstant(id, time != null ? time : text(data, "at"));
        return new EventEnvelope(id, type.substring(TYPE_ROOT.length(), dot), subject, type.substring(dot + 1),
                sequence, at, text(cloudEvent, "status"), data);
    }

    private static long parseSequence(String id, JsonNode sequence) {
        if (sequence == null || sequence.isNull()) {
            throw new IllegalArgumentException("CloudEvent " + id + " has no sequence");
        }
        if (sequence.isIntegralNumber()) {
            return sequence.asLong();
        }
        try {
            return Long.parseLong(sequence.asText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("CloudEvent " + id + " has a non-decimal sequence: " + sequence, e);
        }
    }

    private static Instant parseInstant(String id, String value) {
        if (value == null) {
            throw new IllegalArgumentException("CloudEvent " + id + " has no time");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("CloudEvent " + id + " has an invalid time: " + value, e);
        }
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new IllegalArgumentException("CloudEvent lacks required attribute " + field);
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
