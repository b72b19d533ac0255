package vn.motcua.engine.dossier.portalsync;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The JSON Schema (draft 2020-12) of the national-portal payload, {@value #RESOURCE} on the classpath: the
 * contract with whoever reads the {@code motcua.portal-sync} topic. The publisher checks every payload against
 * it before sending, so a payload the schema does not describe never leaves.
 */
public final class PortalSyncSchema {

    public static final String RESOURCE = "schemas/portal-sync.schema.json";

    private final Schema schema;

    public PortalSyncSchema() {
        try (InputStream in = PortalSyncSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** What is wrong with {@code payload}, one message per violation; empty when it is valid. */
    public List<String> violations(JsonNode payload) {
        return schema.validate(payload).stream().map(Error::getMessage).sorted().toList();
    }

    /** Throws when {@code payload} does not match the schema. */
    public void check(JsonNode payload) {
        List<String> violations = violations(payload);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("portal-sync payload does not match " + RESOURCE + ": " + violations);
        }
    }
}
