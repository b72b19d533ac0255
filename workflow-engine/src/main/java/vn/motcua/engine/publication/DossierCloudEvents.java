package vn.motcua.engine.publication;

import java.net.URI;
import java.time.ZoneOffset;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import vn.motcua.engine.dossier.DossierEvent;
import vn.motcua.engine.registry.DossierRegistry;

/**
 * The one way a dossier event is written for other systems: a CloudEvents 1.0 JSON document
 * (id = event id, subject = dossier code, type {@code vn.motcua.dossier.<Event>}, source = the handling
 * unit, time, data = the event) with the dossier's sequence number as the {@code sequence} extension.
 * Used by the Kafka publisher and by rebuilds, so both produce the same documents.
 */
@Component
public class DossierCloudEvents {

    public static final String TYPE_PREFIX = "vn.motcua.dossier.";
    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

    private final ObjectMapper mapper;
    private final DossierRegistry registry;

    public DossierCloudEvents(ObjectMapper mapper, DossierRegistry registry) {
        this.mapper = mapper;
        this.registry = registry;
    }

    public CloudEvent of(DossierEvent event, String eventId, long sequence) {
        String unit = event instanceof DossierEvent.DossierSubmitted submitted ? submitted.unitId()
                : registry.find(event.code()).map(dossier -> dossier.unitId()).orElse("unknown");
        try {
            return CloudEventBuilder.v1()
                    .withId(eventId)
                    .withSource(URI.create("urn:motcua:unit:" + unit))
                    .withType(TYPE_PREFIX + event.getClass().getSimpleName())
                    .withSubject(event.code())
                    .withTime(event.at().atOffset(ZoneOffset.UTC))
                    .withExtension("sequence", Long.toString(sequence))
                    .withData("application/json", mapper.writeValueAsBytes(event))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write event " + eventId, e);
        }
    }

    public byte[] serialize(DossierEvent event, String eventId, long sequence) {
        return EventFormatProvider.getInstance().resolveFormat(CONTENT_TYPE).serialize(of(event, eventId, sequence));
    }
}
