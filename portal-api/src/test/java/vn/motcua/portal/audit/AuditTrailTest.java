package vn.motcua.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.motcua.engine.audit.CheckpointPublisher;
import vn.motcua.engine.audit.Checkpointer;
import vn.motcua.engine.audit.log.Hashes;
import vn.motcua.engine.audit.log.MerkleTree;
import vn.motcua.engine.document.Upload;
import vn.motcua.engine.dossier.Applicant;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.dossier.process.DossierWorkflow;
import vn.motcua.engine.dossier.process.NewDossier;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;
import vn.motcua.portal.support.OfflineVerifier;

/**
 * Every step signed in its own transaction, the trail an inspector sees, the package they take away and
 * verify offline, the RFC 3161 tokens checked by openssl, checkpoints on Kafka, and every inspector read logged.
 */
class AuditTrailTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Checkpointer checkpoints;

    @Autowired
    CheckpointPublisher publisher;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    DossierWorkflow workflow;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    vn.motcua.engine.audit.crypto.DevPki pki;

    private String completedDossier() {
        String code = submitted("citizen-a");
        acceptAndPay(code, "citizen-a");
        String appraisal = task("specialist-hn", code, "appraisal");
        assertThat(as("specialist-hn").post("/api/v1/tasks/" + appraisal + "/claim").status()).isEqualTo(200);
        assertThat(decide("specialist-hn", appraisal, """
                {"outcome":"FAVOURABLE","comment":"Đạt"}""").status()).isEqualTo(200);
        checkedByUnitHead(code);
        decideOk("leader-hn", code, "approval", """
                {"outcome":"APPROVE","comment":"Đồng ý"}""");
        issuedByClerk(code);
        decideOk("reception-hn", code, "returnResult", """
                {"outcome":"RETURN_RESULT"}""");
        return code;
    }

    @Test
    void everyStepIsSignedByWhoeverTookItAndTheTrailVerifies() {
        String code = completedDossier();
        assertThat(jdbc.queryForObject("""
                select count(*) from domain_event_entry e left join audit_seal s on s.event_identifier = e.event_identifier
                where s.event_identifier is null""", Integer.class)).as("events without a seal").isZero();
        checkpoints.checkpointNow();

        Api.Response response = as("inspector").get("/api/v1/audit/dossiers/" + code + "/trail");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode trail = response.json();
        assertThat(trail.get("status").asText()).as(trail.toPrettyString()).isEqualTo("VALID");
        JsonNode events = trail.get("events");
        assertThat(events).as("submitted, accepted, fee requested and paid, handler, appraisal, unit head's check,"
                + " approval, result issued, result returned").hasSize(10);
        for (JsonNode event : events) {
            assertThat(event.get("status").asText()).as(event.toPrettyString()).isEqualTo("VALID");
            assertThat(event.at("/signature/valid").asBoolean()).isTrue();
            assertThat(event.at("/signature/algorithm").asText()).isEqualTo("SHA256withECDSA");
            assertThat(event.at("/certificate/validAtSigningTime").asBoolean()).isTrue();
            assertThat(event.at("/chainLink/intact").asBoolean()).isTrue();
            assertThat(event.at("/checkpoint/committedHashMatches").asBoolean()).isTrue();
            assertThat(event.at("/checkpoint/inclusion/valid").asBoolean()).isTrue();
        }
        // the citizen's step carries the agency's seal; each official's step their own certificate
        assertThat(events.get(0).at("/signature/sealedAs").asText()).isEqualTo("AGENCY");
        assertThat(events.get(0).at("/signature/signer").asText()).contains("organizationIdentifier=" + HANOI);
        assertThat(events.get(1).at("/signature/sealedAs").asText()).isEqualTo("OFFICIAL");
        assertThat(events.get(1).at("/signature/signer").asText()).contains("UID=reception-hn");
        assertThat(events.get(3).at("/signature/sealedAs").asText()).as("the citizen's payment").isEqualTo("AGENCY");
        assertThat(events.get(5).at("/signature/signer").asText()).contains("UID=specialist-hn");
        assertThat(events.get(6).at("/signature/signer").asText()).contains("UID=unit-head-hn");
        assertThat(events.get(7).at("/signature/signer").asText()).contains("UID=leader-hn");
        assertThat(events.get(8).at("/signature/signer").asText()).contains("UID=clerk-hn");
        assertThat(events.get(1).get("previousHash").asText()).isEqualTo(events.get(0).get("hash").asText());

        // the inclusion proof shown is the RFC 9162 audit path: recompute it here
        JsonNode first = events.get(0);
        List<byte[]> path = new ArrayList<>();
        first.at("/checkpoint/inclusion/path").forEach(node -> path.add(Hashes.unhex(node.asText())));
        assertThat(MerkleTree.verifyInclusion(MerkleTree.leafHash(Hashes.unhex(first.get("hash").asText())),
                first.at("/checkpoint/leafIndex").asLong(), first.at("/checkpoint/inclusion/treeSize").asLong(), path,
                Hashes.unhex(first.at("/checkpoint/inclusion/rootHash").asText()))).isTrue();
    }

    @Test
    void theAuditPackageVerifiesOfflineAndATamperedCopyNamesTheEvent(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        String code = completedDossier();
        Api.Response exported = as("inspector").get("/api/v1/audit/dossiers/" + code + "/package");
        assertThat(exported.status()).as(exported.toString()).isEqualTo(200);
        assertThat(exported.headers().getContentDisposition().getFilename()).isEqualTo("motcua-audit-" + code + ".json");
        Path good = dir.resolve("good.json");
        Files.write(good, exported.bytes());
        Path root = dir.resolve("root.pem");
        Files.writeString(root, anonymous().get("/api/v1/pki/root-ca.pem").text());

        OfflineVerifier.Run valid = OfflineVerifier.run("package", good.toString(), "--trust-anchor", root.toString());
        assertThat(valid.exit()).as(valid.out()).isZero();
        assertThat(valid.out()).contains("VALID package of dossier " + code + ": 10 events");

        ObjectNode tampered = (ObjectNode) JSON.readTree(exported.bytes());
        JsonNode accepted = tampered.get("events").get(1);
        ((ObjectNode) accepted.get("payload")).put("comment", "Hồ sơ đầy đủ (sửa sau)");
        Path bad = dir.resolve("bad.json");
        JSON.writeValue(bad.toFile(), tampered);
        OfflineVerifier.Run invalid = OfflineVerifier.run("package", bad.toString(), "--trust-anchor", root.toString());
        assertThat(invalid.exit()).as(invalid.out()).isEqualTo(1);
        assertThat(invalid.out()).contains("FAIL event " + accepted.get("eventId").asText() + " (dossier " + code
                + ", seq 1): content altered").contains("INVALID");

        // a package is never verified against a root it brings itself
        OfflineVerifier.Run noAnchor = OfflineVerifier.run("package", good.toString());
        assertThat(noAnchor.exit()).isEqualTo(2);
    }

    @Test
    void checkpointTokensVerifyWithOpensslAndTheCaPublishesItsCrl(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        submitted("citizen-a");
        List<Long> made = checkpoints.checkpointNow();
        assertThat(made).isNotEmpty();
        long number = made.getLast();
        Path body = dir.resolve("body.json");
        Path token = dir.resolve("token.tst");
        Path root = dir.resolve("root.pem");
        Path issuing = dir.resolve("issuing.pem");
        Files.write(body, as("inspector").get("/api/v1/audit/checkpoints/" + number + "/body").bytes());
        Files.write(token, as("inspector").get("/api/v1/audit/checkpoints/" + number + "/timestamp").bytes());
        Files.writeString(root, anonymous().get("/api/v1/pki/root-ca.pem").text());
        Files.writeString(issuing, anonymous().get("/api/v1/pki/issuing-ca.pem").text());

        Process openssl = new ProcessBuilder("openssl", "ts", "-verify", "-data", body.toString(), "-in",
                token.toString(), "-token_in", "-CAfile", root.toString(), "-untrusted", issuing.toString())
                .redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor()).as(output).isZero();
        assertThat(output).contains("Verification: OK");

        // a changed body no longer matches its token
        Files.writeString(body, Files.readString(body).replace("\"treeSize\":", "\"treeSize\":1"));
        Process forged = new ProcessBuilder("openssl", "ts", "-verify", "-data", body.toString(), "-in",
                token.toString(), "-token_in", "-CAfile", root.toString(), "-untrusted", issuing.toString())
                .redirectErrorStream(true).start();
        forged.getInputStream().readAllBytes();
        assertThat(forged.waitFor()).isNotZero();

        Api.Response crl = anonymous().get("/api/v1/pki/issuing-ca.crl");
        assertThat(crl.status()).isEqualTo(200);
        assertThat(vn.motcua.engine.audit.crypto.Certificates.parseCrl(crl.bytes()).getIssuerX500Principal().getName())
                .contains("motcua dev issuing CA");
    }

    @Test
    void checkpointsArePublishedToKafkaAndAreConsistentWithEachOther() throws Exception {
        submitted("citizen-a");
        long older = checkpoints.checkpointNow().getLast();
        submitted("citizen-a");
        long newer = checkpoints.checkpointNow().getLast();
        publisher.publishPending();

        Api.Response proof = as("inspector").get("/api/v1/audit/consistency?from=" + older + "&to=" + newer);
        assertThat(proof.status()).as(proof.toString()).isEqualTo(200);
        assertThat(proof.json().get("valid").asBoolean()).isTrue();
        List<byte[]> path = new ArrayList<>();
        proof.json().get("proof").forEach(node -> path.add(Hashes.unhex(node.asText())));
        assertThat(MerkleTree.verifyConsistency(proof.json().at("/from/treeSize").asLong(),
                proof.json().at("/to/treeSize").asLong(), Hashes.unhex(proof.json().at("/from/rootHash").asText()),
                Hashes.unhex(proof.json().at("/to/rootHash").asText()), path)).isTrue();

        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()),
                ConsumerConfig.GROUP_ID_CONFIG, "audit-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Set<Long> seen = new java.util.HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("motcua.checkpoints"));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!seen.contains(newer) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode message = JSON.readTree(record.value());
                    seen.add(message.get("number").asLong());
                    assertThat(message.get("timestampToken").asText()).isNotBlank();
                }
            }
        }
        assertThat(seen).contains(older, newer);
    }

    @Test
    void inspectorReadsAreLoggedAndOnlyInspectorsReadTheTrail() {
        String code = submitted("citizen-a");
        assertThat(as("citizen-a").get("/api/v1/audit/dossiers/" + code + "/trail").status()).isEqualTo(403);
        assertThat(as("leader-hn").get("/api/v1/audit/dossiers/" + code + "/trail").status()).isEqualTo(403);
        assertThat(as("inspector").get("/api/v1/dossiers/" + code).status()).isEqualTo(200);
        assertThat(as("inspector").get("/api/v1/audit/dossiers/" + code + "/trail").status()).isEqualTo(200);
        assertThat(as("inspector").get("/api/v1/audit/dossiers/000.00.16.H26-000000-9999/trail").status())
                .isEqualTo(404);

        JsonNode log = as("inspector").get("/api/v1/audit/access-log?user=inspector&size=10").json();
        List<String> paths = log.findValuesAsText("path");
        assertThat(paths).contains("/api/v1/dossiers/" + code, "/api/v1/audit/dossiers/" + code + "/trail",
                "/api/v1/audit/dossiers/000.00.16.H26-000000-9999/trail");
        JsonNode view = null;
        for (JsonNode entry : log) {
            if (entry.get("path").asText().equals("/api/v1/dossiers/" + code)) {
                view = entry;
            }
        }
        assertThat(view.get("userId").asText()).isEqualTo("inspector");
        assertThat(view.get("status").asInt()).isEqualTo(200);
        assertThat(view.get("at").asText()).isNotBlank();
        // reading the log is itself logged
        assertThat(as("inspector").get("/api/v1/audit/access-log?size=1").json().get(0).get("path").asText())
                .isEqualTo("/api/v1/audit/access-log");
    }

    @Test
    void aStepAndItsSealCommitOrRollBackTogether() {
        Identity citizen = new Identity("citizen-a", "Nguyễn Văn An", Set.of(Role.CITIZEN), null);
        String[] code = new String[1];
        try {
            transaction.executeWithoutResult(status -> {
                code[0] = workflow.submit(new NewDossier(COSMETICS, HANOI, new Applicant("Nguyễn Văn An",
                                "001099012345", "0912345678", null, "Hà Nội"), Map.of("productName", "Kem", "brand", "Sen Việt"), null),
                        List.of(new Upload("files[0]", "a.pdf", "application/pdf", pdf("rollback"))), citizen).code();
                assertThat(jdbc.queryForObject("select count(*) from audit_seal where aggregate_identifier = ?",
                        Integer.class, code[0])).as("sealed inside the step's transaction").isOne();
                throw new IllegalStateException("crash before commit");
            });
        } catch (IllegalStateException expected) {
            // the step failed
        }
        assertThat(events(code[0])).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_seal where aggregate_identifier = ?", Integer.class,
                code[0])).isZero();
    }

    @Test
    void theEmbeddedTsaAnswersRfc3161RequestsOverHttp() {
        var remote = new vn.motcua.engine.audit.crypto.HttpTimestampAuthority(
                java.net.URI.create("http://localhost:" + port + "/api/v1/pki/tsa"), Map.of(), Duration.ofSeconds(10));
        byte[] imprint = Hashes.sha256("a checkpoint body".getBytes(StandardCharsets.UTF_8));
        byte[] token = remote.timestamp(imprint);
        var validator = new vn.motcua.engine.audit.verify.CertificateValidator(List.of(pki.rootCertificate()),
                pki.intermediates(), List.of(pki.crl()));
        var result = vn.motcua.engine.audit.verify.TimestampTokens.verify(token, imprint, validator, List.of());
        assertThat(result.valid()).as(result.detail()).isTrue();
    }
}
