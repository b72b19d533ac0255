package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

import vn.motcua.engine.embedded.EmbeddedKafkaBroker;
import vn.motcua.engine.embedded.EmbeddedMongoServer;
import vn.motcua.engine.dossier.DossierPlatform;
import vn.motcua.engine.readmodel.MongoReadModels;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;
import vn.motcua.search.embedded.EmbeddedElasticsearch;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Nothing accepted is lost when a downstream component is down: submissions and decisions are still
 * accepted (the events wait in the event store) and everything catches up when it returns.
 */
class OutageTest extends IntegrationTest {

    private static final Duration CATCH_UP = Duration.ofSeconds(120);

    @Autowired
    EmbeddedMongoServer mongo;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoReadModels readModels;
    @Autowired
    KafkaConnectionDetails kafka;
    @Value("${motcua.kafka.topics.dossier-events.name}")
    String topic;
    @Autowired
    EmbeddedElasticsearch elasticsearch;
    @Value("${motcua.data-dir}/elasticsearch")
    java.nio.file.Path elasticsearchHome;

    @Test
    void mongoOutageDelaysTheViewsButLosesNothing() {
        List<String> codes = new ArrayList<>();
        mongo.stop();
        try {
            for (int i = 0; i < 5; i++) {
                codes.add(submitted("citizen-a"));
            }
            decideOk("reception-hn", codes.get(0), "reception", """
                    {"outcome":"ACCEPT"}""");
        } finally {
            mongo.start();
        }
        await().atMost(CATCH_UP).untilAsserted(() -> {
            for (String code : codes) {
                assertThat(readModels.view(DossierPlatform.DOSSIERS, code)).as(code).isPresent();
            }
            assertThat(readModels.view(DossierPlatform.DOSSIERS, codes.get(0)).orElseThrow().getString("status")).isEqualTo("PAYMENT_REQUESTED");
        });
    }

    @Test
    void elasticsearchOutageDelaysIndexingButEveryDossierIsIndexedExactlyOnce() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            codes.add(submitted("citizen-a"));
        }
        elasticsearch.stop();
        try {
            for (int i = 0; i < 4; i++) {
                codes.add(submitted("citizen-a"));
            }
            Api.Response search = as("reception-hn").get("/api/v1/search/dossiers");
            assertThat(search.status()).as("search answers 503 while its node is down").isEqualTo(503);
            assertThat(anonymous().get("/actuator/health/readiness").json().get("status").asText()).isEqualTo("UP");
        } finally {
            elasticsearch.start(elasticsearchHome);
        }
        for (int i = 0; i < 3; i++) {
            codes.add(submitted("citizen-a"));
        }
        awaitIndexedExactlyOnce(codes);
    }

    @Test
    void kafkaOutageDelaysPublicationButLosesNothing() {
        List<String> codes = new ArrayList<>();
        codes.add(submitted("citizen-a"));
        broker.stop();
        try {
            for (int i = 0; i < 5; i++) {
                codes.add(submitted("citizen-a"));
            }
        } finally {
            broker.start();
        }
        codes.add(submitted("citizen-a"));
        Set<String> seen = new HashSet<>();
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()),
                ConsumerConfig.GROUP_ID_CONFIG, "outage-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(CATCH_UP).untilAsserted(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(record.key());
                }
                assertThat(seen).containsAll(codes);
            });
        }
        awaitIndexedExactlyOnce(codes);
    }

    /** Each dossier is in the index once, and its submission is in the audit index once: none lost, none doubled. */
    private void awaitIndexedExactlyOnce(List<String> codes) {
        await().atMost(CATCH_UP).untilAsserted(() -> {
            for (String code : codes) {
                JsonNode found = as("inspector").get("/api/v1/search/dossiers?q=" + code).json();
                assertThat(found.get("hits").findValuesAsText("code")).as(code).containsExactly(code);
                assertThat(as("inspector").get("/api/v1/audit/events?dossier=" + code).json().get("total").asInt())
                        .as(code).isEqualTo(1);
            }
        });
    }
}
