package vn.motcua.portal.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.kafka.core.ProducerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.publication.EventTopics;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;

/**
 * One event too large for the bus stalls no one (issue 12, "No poison event"). A complaint whose text makes its
 * first event larger than the producer's {@code max.request.size} (1 MiB) is filed through the tenant's desk — not
 * over HTTP, whose door limits refuse such a body — and its first event is parked: the admin list shows it, the
 * metric counts it, health shows the {@code publication} component WARN while the whole stays UP. The complaint's
 * later event waits behind it (not on Kafka), and a dossier a citizen submits afterwards is on Kafka and found by
 * search. A retry without mending re-parks it with its attempt counted; once the operator raises the limit (the
 * producer's {@code max.request.size} and the topic's {@code max.message.bytes}) a retry delivers both events in
 * order and nothing is parked.
 *
 * <p>Before the dead-letter queue the publisher retried the batch forever: run on the code before it, this test fails
 * at "the dossier after it" (no record of the dossier on its topic within a minute).
 */
class PoisonEventTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RAISED_LIMIT = 4 * 1024 * 1024;

    @Autowired
    private ComplaintPlatform.ComplaintDesk desk;
    @Autowired
    private KafkaConnectionDetails kafka;
    @Autowired
    private EventTopics topics;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private ProducerFactory<String, byte[]> producers;
    @Value("${motcua.kafka.topics.dossier-events.name}")
    private String dossierTopic;

    @Test
    void anEventTooLargeForTheBusIsParkedItsAggregateWaitsAndEveryoneElseFlows() throws Exception {
        double parkedBefore = parkedMetric();
        String text = "Phan anh ve co so kinh doanh my pham khong ro nguon goc. ".repeat(22_000);
        assertThat(text.length()).as("larger than the producer's 1 MiB max.request.size").isGreaterThan(1_200_000);
        String id = desk.file(HANOI, text, new Actor("citizen-a", "Nguyễn Văn An", Role.CITIZEN, null));
        answer(id);

        String code = submitted("citizen-b");
        assertThat(keysOn(dossierTopic, code, 1)).as("the dossier after it").contains(code);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(as("inspector")
                .get("/api/v1/search/dossiers?q=" + code).json().get("hits").findValuesAsText("code"))
                .containsExactly(code));
        assertThat(complaintEventsOnKafka(id, 0)).as("neither the parked event nor the one behind it").isEmpty();

        JsonNode parked = awaitParked(id, 1);
        assertThat(parked.get("aggregateType").asText()).isEqualTo("complaint");
        assertThat(parked.get("sequence").asLong()).isZero();
        assertThat(parked.get("eventType").asText()).isEqualTo("ComplaintReceived");
        assertThat(parked.get("reason").asText()).contains("max.request.size");
        assertThat(parked.get("attempts").asInt()).isEqualTo(1);
        assertThat(parked.get("since").asText()).isNotBlank();
        assertThat(parkedMetric()).isEqualTo(parkedBefore + 1);
        JsonNode health = as("admin").get("/actuator/health").json();
        assertThat(health.get("status").asText()).as("the whole stays up: others' events flow").isEqualTo("UP");
        assertThat(health.at("/components/publication/status").asText()).as(health.toString()).isEqualTo("WARN");
        assertThat(health.at("/components/publication/details/parked").findValuesAsText("aggregateId")).contains(id);


        Api.Response unknown = as("admin").post("/api/v1/admin/dead-letters/PA-" + UUID.randomUUID() + "/retry");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.json().get("type").asText()).isEqualTo("urn:motcua:problem:dead-letter-not-found");
        assertThat(as("reception-hn").get("/api/v1/admin/dead-letters").status()).isEqualTo(403);

        Api.Response unmended = as("admin").post("/api/v1/admin/dead-letters/" + id + "/retry");
        assertThat(unmended.status()).as(unmended.toString()).isEqualTo(200);
        assertThat(unmended.json().get("delivered").asBoolean()).isFalse();
        assertThat(unmended.json().at("/parked/attempts").asInt()).as("tried again, parked again").isEqualTo(2);
        assertThat(unmended.json().at("/parked/waiting").asInt()).isEqualTo(1);
        assertThat(complaintEventsOnKafka(id, 0)).isEmpty();

        Map<String, Object> producerSettings = producers.getConfigurationProperties();
        raiseTheLimit();
        try {
            Api.Response mended = as("admin").post("/api/v1/admin/dead-letters/" + id + "/retry");
            assertThat(mended.status()).as(mended.toString()).isEqualTo(200);
            assertThat(mended.json().get("delivered").asBoolean()).as(mended.toString()).isTrue();
        } finally {
            restore(producerSettings);
        }
        assertThat(complaintEventsOnKafka(id, 2)).as("delivered in the aggregate's order")
                .containsExactly("vn.motcua.complaint.ComplaintReceived", "vn.motcua.complaint.ComplaintAnswered");
        assertThat(as("admin").get("/api/v1/admin/dead-letters").json().findValuesAsText("aggregateId"))
                .doesNotContain(id);
        assertThat(parkedMetric()).isEqualTo(parkedBefore);
    }

    /** Reception answers the complaint through the one inbox: its second event. */
    private void answer(String id) {
        Api.Response inbox = as("reception-hn").get("/api/v1/tasks?aggregateType=complaint");
        String task = null;
        for (JsonNode item : inbox.json()) {
            if (id.equals(item.get("aggregateId").asText())) {
                task = item.get("id").asText();
            }
        }
        assertThat(task).as(inbox.toString()).isNotNull();
        Api.Response answered = as("reception-hn").postJson("/api/v1/tasks/" + task + "/complete",
                "{\"outcome\":\"ANSWER\",\"comment\":\"Đã chuyển đội quản lý thị trường\"}");
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
    }

    /** The admin list's entry for the complaint once {@code waiting} later events are parked behind it. */
    private JsonNode awaitParked(String id, int waiting) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Api.Response list = as("admin").get("/api/v1/admin/dead-letters");
            assertThat(list.status()).as(list.toString()).isEqualTo(200);
            JsonNode entry = null;
            for (JsonNode parked : list.json()) {
                if (id.equals(parked.get("aggregateId").asText())) {
                    entry = parked;
                }
            }
            assertThat(entry).as(list.toString()).isNotNull();
            assertThat(entry.get("waiting").asInt()).isEqualTo(waiting);
            found[0] = entry;
        });
        return found[0];
    }

    /** The gauge {@code motcua.publication.parked} (0 where there is none, as before parking existed). */
    private double parkedMetric() {
        Gauge gauge = meters.find("motcua.publication.parked").gauge();
        return gauge == null ? 0 : gauge.value();
    }

    /** What an operator does: the topic and the producer take records up to 4 MiB. */
    private void raiseTheLimit() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers",
                String.join(",", kafka.getBootstrapServers())))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, complaintTopic());
            admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(new ConfigEntry(
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(RAISED_LIMIT)),
                    AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);
        }
        producers.updateConfigs(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, RAISED_LIMIT));
        producers.reset();
    }

    private void restore(Map<String, Object> settings) {
        if (settings.containsKey(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)) {
            producers.updateConfigs(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                    settings.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)));
        } else {
            producers.removeConfig(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        }
        producers.reset();
    }

    private String complaintTopic() {
        return topics.topic(ComplaintPlatform.COMPLAINTS);
    }

    /** The CloudEvent types on the complaint topic whose subject is {@code id}; waits for {@code expected}. */
    private List<String> complaintEventsOnKafka(String id, int expected) {
        List<String> types = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records(complaintTopic(), id, expected)) {
            try {
                types.add(JSON.readTree(record.value()).path("type").asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return types;
    }

    private List<String> keysOn(String topic, String key, int expected) {
        return records(topic, key, expected).stream().map(ConsumerRecord::key).toList();
    }

    /**
     * The records keyed {@code key} on {@code topic} from its beginning: reads until {@code expected} are found or
     * {@link #PATIENCE} passes; with {@code expected} 0, reads for ten seconds (what was published is there by then).
     */
    private List<ConsumerRecord<String, byte[]>> records(String topic, String key, int expected) {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()),
                ConsumerConfig.GROUP_ID_CONFIG, "poison-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + (expected == 0 ? Duration.ofSeconds(10) : PATIENCE).toNanos();
            while (System.nanoTime() < deadline && (expected == 0 || found.size() < expected)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }
}
