package vn.motcua.search;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One official-document event as it travels on Kafka ({@code motcua.document-events}): a CloudEvents 1.0
 * JSON message whose {@code subject} is the document id, whose {@code sequence} extension is the document
 * aggregate's sequence number and whose {@code data} is the e-office event record. Search does not depend
 * on the e-office module: the event is read generically, by type name and field names.
 *
 * @param type the event's simple name, e.g. {@code DocumentDrafted} (the CloudEvent {@code type} without
 *             its {@value #TYPE_PREFIX} prefix)
 */
public record DocumentEventEnvelope(String eventId, String documentId, String type, long sequence, Instant time,
                                    JsonNode data) {

    /** Prefix of the CloudEvent {@code type} of every official-document event. */
    public static final String TYPE_PREFIX = "vn.motcua.document.";

    public DocumentEventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative: " + sequence);
        }
    }

    /**
     * Reads a CloudEvent as published by the e-office publisher; fails with {@link IllegalArgumentException}
     * when it is not a CloudEvents 1.x JSON event with id, subject, type, sequence, time and data, or not a
     * document event.
     */
    public static DocumentEventEnvelope fromCloudEvent(JsonNode cloudEvent) {
        // the same attribute checks as for dossier events; the subject is the document id
        DossierEventEnvelope generic = DossierEventEnvelope.fromCloudEvent(cloudEvent);
        if (!generic.type().startsWith(TYPE_PREFIX)) {
            throw new IllegalArgumentException("CloudEvent " + generic.eventId() + " is not a document event: "
                    + generic.type());
        }
        if (cloudEvent.get("subject") == null || cloudEvent.get("subject").asText().isBlank()) {
            throw new IllegalArgumentException("CloudEvent " + generic.eventId() + " names no document (subject)");
        }
        return new DocumentEventEnvelope(generic.eventId(), generic.dossierCode(),
                generic.type().substring(TYPE_PREFIX.length()), generic.sequence(), generic.time(), generic.data());
    }
}
