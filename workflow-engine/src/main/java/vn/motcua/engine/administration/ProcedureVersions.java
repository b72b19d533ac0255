package vn.motcua.engine.administration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.erdtman.jcs.JsonCanonicalizer;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.engine.administration.AdministrationEvent.ProcedureVersion;
import vn.motcua.engine.audit.log.Hashes;
import vn.motcua.process.Procedure;
import vn.motcua.process.ProcedureCatalogue;

/**
 * Each procedure of the catalogue as it is deployed now: the latest version of its BPMN process definition and its
 * catalogue entry (with the SHA-256 of the entry's RFC 8785 canonical JSON, so that a re-encoding of the same entry
 * is not a new version). A procedure applies exactly as published (Decree 63/2010/ND-CP), so each version in
 * service is recorded.
 */
@Component
public class ProcedureVersions {

    /** A mapper of its own: the digest must not move when the application's JSON settings do. */
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final ProcedureCatalogue catalogue;
    private final RepositoryService repository;

    public ProcedureVersions(ProcedureCatalogue catalogue, RepositoryService repository) {
        this.catalogue = catalogue;
        this.repository = repository;
    }

    /** The procedure's code and its version in service. */
    public record Current(String procedureCode, ProcedureVersion version) {
    }

    public List<Current> current() {
        List<Current> versions = new ArrayList<>();
        for (Procedure procedure : catalogue.all()) {
            ProcessDefinition definition = repository.createProcessDefinitionQuery()
                    .processDefinitionKey(procedure.processKey()).latestVersion().singleResult();
            Deployment deployment = definition == null || definition.getDeploymentId() == null ? null
                    : repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
            JsonNode entry = JSON.valueToTree(procedure);
            versions.add(new Current(procedure.code(), new ProcedureVersion(procedure.processKey(),
                    definition == null ? null : definition.getId(),
                    definition == null ? null : definition.getVersion(),
                    definition == null ? null : definition.getDeploymentId(),
                    deployment == null || deployment.getDeploymentTime() == null ? null
                            : deployment.getDeploymentTime().toInstant(),
                    sha256(entry), entry)));
        }
        return versions;
    }

    private static String sha256(JsonNode entry) {
        try {
            return Hashes.hex(Hashes.sha256(new JsonCanonicalizer(JSON.writeValueAsBytes(entry)).getEncodedUTF8()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode a catalogue entry", e);
        }
    }
}
