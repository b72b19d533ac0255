package vn.motcua.search;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One dossier event as it travels on Kafka: a CloudEvents 1.0 structured-mode JSON message
 * (CloudEvents spec v1.0, JSON event format) whose {@code subject} is the dossier code, whose
 * {@code sequence} extension is the aggregate sequence number and whose {@code data} is the event
 * record of {@code vn.motcua.engine.dossier.DossierEvent}.
 *
 * @param eventId     the CloudEvent {@code id}: the event store's event identifier
 * @param dossierCode the CloudEvent {@code subject}
 * @param type        the event's simple name, e.g. {@code DossierSubmitted} (the CloudEvent {@code type}
 *                    without its {@value #TYPE_PREFIX} prefix)
 * @param sequence    the dossier aggregate's sequence number of this event, from 0
 * @param time        when the step happened
 * @param data        the event record as JSON
 */
public record DossierEventEnvelope(String eventId, String dossierCode, String type, long sequence, Instant time,
                                   JsonNode data) {

    /** Prefix of the CloudEvent {@code type} of every dossier event. */
    public static final String TYPE_PREFIX = "vn.motcua.dossier.";

    public DossierEventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(dossierCode, "dossierCode");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative: " + sequence);
        }
    }

    /**
     * Reads a CloudEvent as published by the engine. Fails with {@link IllegalArgumentException} when
     * the message is not a CloudEvents 1.x JSON event or lacks what ordering needs (id, subject, type,
     * sequence, data): such a message cannot be indexed safely and must not be silently dropped.
     */
    public static DossierEventEnvelope fromCloudEvent(JsonNode cloudEvent) {
        if (cloudEvent == null || !cloudEvent.isObject()) {
            throw new IllegalArgumentException("a CloudEvent must be a JSON object");
        }
        String specVersion = text(cloudEvent, "specversion");
        if (specVersion == null || !specVersion.startsWith("1.")) {
            throw new IllegalArgumentException("not a CloudEvents 1.x event (specversion " + specVersion + ")");
        }
        String id = required(cloudEvent, "id");
        String type = required(cloudEvent, "type");
        JsonNode data = cloudEvent.get("data");
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("CloudEvent " + id + " has no JSON object data");
        }
        String subject = text(cloudEvent, "subject");
        String code = subject != null ? subject : text(data, "code");
        if (code == null) {
            throw new IllegalArgumentException("CloudEvent " + id + " names no dossier (subject)");
        }
        long sequence = parseSequence(id, cloudEvent.get("sequence"));
        String time = text(cloudEvent, "time");
        Instant at = parseInstant(id, time != null ? time : text(data, "at"));
        String simpleType = type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type;
        return new DossierEventEnvelope(id, code, simpleType, sequence, at, data);
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
