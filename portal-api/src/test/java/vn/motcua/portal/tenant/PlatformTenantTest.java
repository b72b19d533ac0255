package vn.motcua.portal.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.platform.AggregateTypes;
import vn.motcua.engine.publication.EventTopics;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;
import vn.motcua.portal.support.OfflineVerifier;

/**
 * A third aggregate type, written in test code only ({@link Complaint}, registered by {@link ComplaintPlatform}),
 * plugs into the platform and gets every guarantee with no platform change: its events are sealed in the append's
 * transaction (the citizen's with the owning unit's seal, the official's with their own key), its task is in the
 * one inbox of the right role and unit and is completed through it, its events are published (CloudEvents on
 * {@code motcua.complaint-events}) and indexed (the inspector's audit search finds them), and its trail verifies —
 * online and offline — like a dossier's.
 */
class PlatformTenantTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private ComplaintPlatform.ComplaintDesk desk;
    @Autowired
    private KafkaConnectionDetails kafka;
    @Autowired
    private EventTopics topics;
    @Autowired
    private AggregateTypes types;

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
        assertThat(foreign.status()).as("not in their inbox: as unknown, " + foreign).isEqualTo(404);

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

        assertThat(publishedTypes(id)).as("published as CloudEvents on its own topic").containsExactly(
                "vn.motcua.complaint.ComplaintReceived", "vn.motcua.complaint.ComplaintAnswered");
        JsonNode indexed = awaitIndexed(id, 2);
        assertThat(indexed.get("hits")).as("indexed for the inspector's audit search")
                .extracting(hit -> hit.get("type").asText(), hit -> hit.get("aggregateType").asText(),
                        hit -> hit.get("sequence").asLong())
                .containsExactly(tuple("ComplaintAnswered", "complaint", 1L),
                        tuple("ComplaintReceived", "complaint", 0L));
        assertThat(as("inspector").get("/api/v1/audit/events?aggregateType=dossier&aggregateId=" + id).json()
                .get("total").asLong()).as("filtered by aggregate type").isZero();

        Path pack = dir.resolve("package.json");
        Files.write(pack, exported.bytes());
        Path root = dir.resolve("root.pem");
        Files.writeString(root, anonymous().get("/api/v1/pki/root-ca.pem").text());
        OfflineVerifier.Run offline = OfflineVerifier.run("package", pack.toString(), "--trust-anchor",
                root.toString());
        assertThat(offline.exit()).as(offline.out()).isZero();
        assertThat(offline.out()).contains("VALID package of complaint " + id + ": 2 events");
    }

    /** The CloudEvent types read from the complaint topic whose subject is the complaint, in topic order. */
    private List<String> publishedTypes(String id) {
        String topic = topics.topic(types.all().stream().filter(type -> type.name().equals("complaint")).findFirst()
                .orElseThrow());
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> published = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (published.size() < 2 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode cloudEvent = JSON.readTree(record.value());
                    if (id.equals(cloudEvent.path("subject").asText())) {
                        published.add(cloudEvent.path("type").asText());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return published;
    }

    /** The audit search's answer for the complaint once it holds {@code events} events (indexing is asynchronous). */
    private JsonNode awaitIndexed(String id, int events) {
        JsonNode[] result = new JsonNode[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Api.Response response = as("inspector").get("/api/v1/audit/events?aggregateType=complaint&aggregateId="
                    + id);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().get("total").asInt()).isEqualTo(events);
            result[0] = response.json();
        });
        return result[0];
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
