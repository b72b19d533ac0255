package vn.motcua.engine.dossier.portalsync;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes a payload with the application's JSON mapper, checked against {@link PortalSyncSchema} first. */
@Component
public class PortalSyncJson {

    public static final String SCHEMA_ID = "urn:motcua:schema:portal-sync:1";

    private final ObjectMapper mapper;
    private final PortalSyncSchema schema;

    public PortalSyncJson(ObjectMapper mapper, PortalSyncSchema schema) {
        this.mapper = mapper;
        this.schema = schema;
    }

    public byte[] write(PortalSyncPayload payload) {
        JsonNode tree = mapper.valueToTree(payload);
        schema.check(tree);
        try {
            return mapper.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the portal-sync payload of " + payload.dossierCode(), e);
        }
    }
}
