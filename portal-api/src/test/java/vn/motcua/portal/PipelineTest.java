package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.engine.readmodel.MongoReadModels;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;

/** Events flow out of the event store: to Kafka as CloudEvents, and into the MongoDB read models. */
class PipelineTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    KafkaConnectionDetails kafka;
    @Autowired
    MongoReadModels readModels;
    @Value("${motcua.kafka.topics.dossier-events.name}")
    String topic;

    @Test
    void submittedDossierArrivesOnKafkaAsACloudEvent() throws Exception {
        String code = submitted("citizen-a");
        JsonNode step = as("citizen-a").get("/api/v1/dossiers/" + code + "/history").json().get(0);

        ConsumerRecord<String, byte[]> record = firstRecordFor(code);
        assertThat(record.key()).isEqualTo(code);
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("application/cloudevents+json");
        JsonNode event = new ObjectMapper().readTree(record.value());
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("id").asText()).isEqualTo(step.get("eventId").asText());
        assertThat(event.get("type").asText()).isEqualTo("vn.motcua.dossier.DossierSubmitted");
        assertThat(event.get("subject").asText()).isEqualTo(code);
        assertThat(event.get("source").asText()).isEqualTo("urn:motcua:unit:" + HANOI);
        assertThat(event.get("sequence").asText()).isEqualTo("0");
        assertThat(event.get("time").asText()).isNotBlank();
        assertThat(event.at("/data/applicant/fullName").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(event.at("/data/documents/0/sha256").asText()).isEqualTo(step.at("/documents/0/sha256").asText());
    }

    @Test
    void dossierViewAndInboxCountersFollowEachStep() {
        String code = submitted("citizen-a");
        JsonNode submitted = awaitView(code, "SUBMITTED");
        assertThat(submitted.get("timeline")).hasSize(1);
        assertThat(submitted.get("statusLabel").asText()).isEqualTo("Mới đăng ký");
        String sha256 = submitted.at("/documents/0/sha256").asText();
        assertThat(sha256).hasSize(64);
        assertThat(readModels.attachment(sha256)).as("attachment copied to GridFS").isPresent();

        decideOk("reception-hn", code, "reception", """
                {"outcome":"ACCEPT","comment":"Đủ hồ sơ"}""");
        JsonNode accepted = awaitView(code, "PAYMENT_REQUESTED");
        assertThat(accepted.get("appointedReturnDate").asText())
                .isEqualTo(as("citizen-a").get("/api/v1/dossiers/" + code).json().get("appointedReturnDate").asText());
        assertThat(accepted.get("timeline").findValuesAsText("type")).containsExactly("DossierSubmitted",
                "DossierAccepted", "PaymentRequested");
        assertThat(accepted.has("ownerId")).isFalse();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(as("reception-hn").get("/api/v1/inbox/counters")
                .json().path("PAYMENT_REQUESTED").asInt()).isEqualTo(jdbc.queryForObject(
                "select count(*) from dossier_registry where unit_id = ? and status = 'PAYMENT_REQUESTED'",
                Integer.class, HANOI)));
        assertThat(as("citizen-a").get("/api/v1/inbox/counters").status()).isEqualTo(403);
        assertThat(as("citizen-b").get("/api/v1/dossiers/" + code + "/view").status()).isEqualTo(404);
    }

    private JsonNode awaitView(String code, String status) {
        JsonNode[] view = new JsonNode[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Api.Response response = as("citizen-a").get("/api/v1/dossiers/" + code + "/view");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("status").asText()).isEqualTo(status);
            view[0] = response.json();
        });
        return view[0];
    }

    private ConsumerRecord<String, byte[]> firstRecordFor(String code) {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (code.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("No Kafka record for " + code + " within " + PATIENCE);
    }
}
