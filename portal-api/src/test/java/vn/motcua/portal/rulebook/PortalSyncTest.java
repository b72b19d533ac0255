package vn.motcua.portal.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import vn.motcua.engine.dossier.portalsync.NationalPortalPush;
import vn.motcua.engine.dossier.portalsync.PortalSyncPublisher;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;

/** Every change of a dossier's portal status puts its synchronisation payload on Kafka, as the schema says. */
class PortalSyncTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    KafkaConnectionDetails kafka;
    @Value("${motcua.kafka.topics.portal-sync.name}")
    String topic;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void nothingIsPushedToTheNationalPortalOverHttpUnlessItsAddressIsConfigured() {
        assertThat(processing.eventProcessor(NationalPortalPush.PROCESSING_GROUP)).isEmpty();
        assertThat(processing.eventProcessor(PortalSyncPublisher.PROCESSING_GROUP)).isPresent();
    }

    @Test
    void submissionReceiptAndFeeRequestArriveAsStatusOneTwoSixAndMatchTheSchema() throws Exception {
        String code = submitted("citizen-a");
        decideOk("reception-hn", code, "reception", """
                {"outcome":"ACCEPT","comment":"Hồ sơ đầy đủ"}""");

        // accepting the cosmetic notification also asks for its fee: national status 6
        List<ConsumerRecord<String, byte[]>> records = recordsFor(code, 3);
        Schema schema = schema();
        List<JsonNode> payloads = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode payload = JSON.readTree(record.value());
            assertThat(schema.validate(payload)).as(payload.toPrettyString()).isEmpty();
            assertThat(new String(record.headers().lastHeader("schema").value(), StandardCharsets.UTF_8))
                    .isEqualTo("urn:motcua:schema:portal-sync:1");
            payloads.add(payload);
        }
        assertThat(payloads).extracting(payload -> payload.get("status").asInt()).containsExactly(1, 2, 6);

        JsonNode received = payloads.get(1);
        assertThat(received.get("dossierCode").asText()).isEqualTo(code);
        assertThat(received.get("procedureName").asText())
                .isEqualTo("Cấp số tiếp nhận Phiếu công bố sản phẩm mỹ phẩm sản xuất trong nước");
        assertThat(received.get("channel").asInt()).isEqualTo(2);
        assertThat(received.get("receivedAt").asText()).matches("\\d{14}");
        String appointed = as("citizen-a").get("/api/v1/dossiers/" + code).json().get("appointedReturnDate").asText();
        assertThat(received.get("appointedAt").asText()).startsWith(appointed.replace("-", ""));
        assertThat(received.get("steps").findValuesAsText("type")).containsExactly("DossierSubmitted",
                "DossierAccepted");
        assertThat(received.at("/steps/1/officer/id").asText()).isEqualTo("reception-hn");
        assertThat(received.at("/steps/1/title").asText()).isEqualTo("Cán bộ Bộ phận Một cửa");
        assertThat(received.at("/documents/0/fileName").asText()).isEqualTo("phieu-cong-bo.pdf");
        assertThat(received.at("/fees/0/amountVnd").asLong()).isEqualTo(500_000);
    }

    /**
     * The national portal's loại đối tượng (2: enterprise) and the organisation's tax code, as declared in the
     * submission; a tax code that is neither 10 digits nor 10-3 digits is refused, naming the field.
     */
    @Test
    void anEnterpriseSubmitsWithItsTaxCodeAndIsSyncedAsApplicantType2() throws Exception {
        String enterprise = """
                {"procedureCode":"%s","unitId":"%s",
                 "applicant":{"fullName":"Công ty TNHH Mỹ phẩm Sen Việt","idNumber":"001099012345",
                              "phone":"0912345678","address":"Số 1 Tràng Tiền, Hà Nội","type":2,"taxCode":"%s"},
                 "form":{"productName":"Kem dưỡng da Sen Việt","brand":"Sen Việt"}}""";
        Api.Response refused = submit("citizen-a", enterprise.formatted(COSMETICS, HANOI, "01012345"), "a.pdf",
                pdf("Phieu cong bo doanh nghiep sai ma so thue"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().toString()).contains("applicant.taxCode");
        Api.Response wrongType = submit("citizen-a", enterprise.formatted(COSMETICS, HANOI, "0101234567")
                .replace("\"type\":2", "\"type\":5"), "a.pdf", pdf("Phieu cong bo loai doi tuong sai"));
        assertThat(wrongType.status()).as(wrongType.toString()).isEqualTo(400);
        assertThat(wrongType.json().toString()).contains("applicant.type");

        Api.Response response = submit("citizen-a", enterprise.formatted(COSMETICS, HANOI, "0101234567-001"),
                "phieu-cong-bo.pdf", pdf("Phieu cong bo doanh nghiep " + UUID.randomUUID()));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String code = response.json().get("code").asText();

        JsonNode submitted = JSON.readTree(recordsFor(code, 1).get(0).value());
        assertThat(schema().validate(submitted)).as(submitted.toPrettyString()).isEmpty();
        assertThat(submitted.get("applicantType").asInt()).isEqualTo(2);
        assertThat(submitted.at("/owner/taxCode").asText()).isEqualTo("0101234567-001");
        assertThat(submitted.get("channel").asInt()).as("submitted from the applicant's account").isEqualTo(2);
    }

    private static Schema schema() throws Exception {
        try (InputStream in = PortalSyncTest.class.getClassLoader()
                .getResourceAsStream("schemas/portal-sync.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    private List<ConsumerRecord<String, byte[]>> recordsFor(String code, int count) {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline && found.size() < count) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (code.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        assertThat(found).as("portal-sync records of " + code).hasSize(count);
        return found;
    }
}
