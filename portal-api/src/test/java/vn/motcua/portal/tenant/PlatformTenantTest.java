package vn.motcua.portal.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Role;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;
import vn.motcua.portal.support.OfflineVerifier;

/**
 * A third aggregate type, written in test code only ({@link Complaint}, registered by {@link ComplaintPlatform}),
 * plugs into the platform and gets every guarantee with no platform change: its events are sealed in the append's
 * transaction (the citizen's with the owning unit's seal, the official's with their own key), its task is in the
 * one inbox of the right role and unit and is completed through it, its events are published and indexed, and
 * its trail verifies — online and offline — like a dossier's.
 */
class PlatformTenantTest extends IntegrationTest {

    @Autowired
    private ComplaintPlatform.ComplaintDesk desk;

    @Test
    void aThirdAggregateTypeIsSealedListedInTheInboxPublishedIndexedAndVerified(@TempDir Path dir) throws Exception {
        String id = desk.file(HANOI, "Cơ sở bán mỹ phẩm không rõ nguồn gốc tại phố Hàng Đào",
                new Actor("citizen-a", "Nguyễn Văn An", Role.CITIZEN, null));

        assertThat(jdbc.queryForList("select sealed_as from audit_seal where aggregate_identifier = ?", String.class,
                id)).as("sealed in the transaction that appended it").containsExactly("AGENCY");

        JsonNode task = complaintTask("reception-hn", id);
        assertThat(task).as("in the inbox of reception of the complaint's unit").isNotNull();
        assertThat(task.get("aggregateType").asText()).isEqualTo("complaint");
        assertThat(task.get("complaintId").asText()).isEqualTo(id);
        assertThat(complaintTask("reception-hcm", id)).as("not in another unit's inbox").isNull();
        Api.Response foreign = as("reception-hcm").postJson("/api/v1/tasks/" + task.get("id").asText() + "/complete",
                "{\"outcome\":\"ANSWER\",\"comment\":\"?\"}");
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(403);

        Api.Response answered = as("reception-hn").postJson("/api/v1/tasks/" + task.get("id").asText()
                + "/complete", "{\"outcome\":\"ANSWER\",\"comment\":\"Đã chuyển đội quản lý thị trường\"}");
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        assertThat(complaintTask("reception-hn", id)).isNull();

        Api.Response exported = as("inspector").get("/api/v1/audit/complaints/" + id + "/package");
        assertThat(exported.status()).as(exported.toString()).isEqualTo(200);
        JsonNode trail = as("inspector").get("/api/v1/audit/complaints/" + id + "/trail").json();
        assertThat(trail.get("status").asText()).as(trail.toString()).isEqualTo("VALID");
        assertThat(trail.get("events")).extracting(event -> event.get("status").asText())
                .containsExactly("VALID", "VALID");
        assertThat(trail.get("events")).extracting(event -> event.at("/signature/sealedAs").asText())
                .containsExactly("AGENCY", "OFFICIAL");
        assertThat(as("inspector").get("/api/v1/audit/dossiers/" + id + "/trail").status())
                .as("a complaint is not a dossier").isEqualTo(404);

        Path pack = dir.resolve("package.json");
        Files.write(pack, exported.bytes());
        Path root = dir.resolve("root.pem");
        Files.writeString(root, anonymous().get("/api/v1/pki/root-ca.pem").text());
        OfflineVerifier.Run offline = OfflineVerifier.run("package", pack.toString(), "--trust-anchor",
                root.toString());
        assertThat(offline.exit()).as(offline.out()).isZero();
        assertThat(offline.out()).contains("VALID package of complaint " + id + ": 2 events");
    }

    private JsonNode complaintTask(String official, String id) {
        Api.Response inbox = as(official).get("/api/v1/tasks?aggregateType=complaint");
        assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
        for (JsonNode item : inbox.json()) {
            if (id.equals(item.get("aggregateId").asText())) {
                return item;
            }
        }
        return null;
    }
}
