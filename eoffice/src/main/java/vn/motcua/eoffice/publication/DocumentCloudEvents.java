package vn.motcua.eoffice.publication;

import java.net.URI;
import java.time.ZoneOffset;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import vn.motcua.eoffice.document.DocumentEvent;

/**
 * The one way a document event is written for other systems: a CloudEvents 1.0 JSON document
 * (id = event id, subject = document id, type {@code vn.motcua.document.<Event>}, source = the acting
 * unit, time, data = the event) with the document's sequence number as the {@code sequence} extension.
 */
@Component
public class DocumentCloudEvents {

    public static final String TYPE_PREFIX = "vn.motcua.document.";
    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

    private final ObjectMapper mapper;

    public DocumentCloudEvents(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public CloudEvent of(DocumentEvent event, String eventId, long sequence) {
        String unit = event.actor() != null && event.actor().unitId() != null ? event.actor().unitId() : "eoffice";
        try {
            return CloudEventBuilder.v1()
                    .withId(eventId)
                    .withSource(URI.create("urn:motcua:unit:" + unit))
                    .withType(TYPE_PREFIX + event.getClass().getSimpleName())
                    .withSubject(event.documentId())
                    .withTime(event.at().atOffset(ZoneOffset.UTC))
                    .withExtension("sequence", Long.toString(sequence))
                    .withData("application/json", mapper.writeValueAsBytes(event))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write document event " + eventId, e);
        }
    }

    public byte[] serialize(DocumentEvent event, String eventId, long sequence) {
        return EventFormatProvider.getInstance().resolveFormat(CONTENT_TYPE).serialize(of(event, eventId, sequence));
    }
}
