package vn.motcua.portal.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.engine.audit.crypto.DevPki;
import vn.motcua.engine.audit.crypto.Signer;
import vn.motcua.eoffice.signing.PadesSigner;
import vn.motcua.portal.MotcuaApplication;
import vn.motcua.portal.PdfSamples;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.ApplicationProcess;
import vn.motcua.portal.support.OfflineVerifier;

/**
 * Official documents keep every guarantee of the platform across restarts: an incoming document registered and
 * an outgoing one signed, numbered, sealed and issued, then the application stopped gracefully, started again in
 * a process of its own, killed there with kill -9 (leaving its PostgreSQL behind) and started again — each time
 * both documents are read and their trails verify event by event.
 */
class DocumentRestartTest {

    private static final String BYT = "000.00.00.G01";
    private static final String PASSWORD = "motcua-demo";

    private static final String INCOMING = """
            {"metadata":{"senderAgencyId":"000.00.00.G01","senderName":"Bộ Y tế","numberSymbol":"789/BYT-QLD",
             "issuedOn":"%s","subject":"Đề nghị báo cáo công tác kiểm tra mỹ phẩm","type":"LETTER",
             "urgency":"NORMAL","secrecy":"NONE","pageCount":1}}""";

    private static final String OUTGOING = """
            {"metadata":{"subject":"Quyết định kiểm tra cơ sở sản xuất mỹ phẩm","type":"DECISION",
             "urgency":"NORMAL","secrecy":"NONE","pageCount":1,"signerPosition":"Phó Giám đốc",
             "signerName":"Đặng Quốc Việt","issuerAbbreviation":"SYT",
             "recipients":[{"id":"000.00.00.G01","name":"Bộ Y tế","kind":"EXTERNAL_AGENCY"}]}}""";

    @Test
    void documentsAndTheirVerifiedTrailsSurviveAGracefulStopAndAKill9() throws Exception {
        Path data = Path.of("target", "document-restart", Long.toString(System.nanoTime())).toAbsolutePath();
        String incoming;
        String outgoing;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MotcuaApplication.class)
                .run("--motcua.data-dir=" + data, "--server.port=0")) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            incoming = receive(base, signedByTheMinistry(app));
            outgoing = issueOutgoing(base);
            assertReadableAndValid(base, incoming, outgoing);
        }

        ApplicationProcess node = ApplicationProcess.start(data);
        try {
            String base = node.awaitReady();
            assertReadableAndValid(base, incoming, outgoing);
        } finally {
            node.process().destroyForcibly(); // kill -9: the embedded PostgreSQL is left running as an orphan
            node.process().waitFor();
        }

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MotcuaApplication.class)
                .run("--motcua.data-dir=" + data, "--server.port=0")) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            assertReadableAndValid(base, incoming, outgoing);
            // and work goes on: the next step of the incoming document is sealed and chained after the restarts
            complete(base, "clerk-hn", incoming, "doc_present", "{\"outcome\":\"PRESENT\",\"leaderId\":\"leader-hn\"}");
            assertThat(trail(base, incoming).get("events")).hasSize(3);
            assertThat(trail(base, incoming).get("status").asText()).isEqualTo("VALID");

            // the inspector takes the document's package away and verifies it offline, like a dossier's
            Path pack = data.resolve("package.json");
            Files.write(pack, Api.at(base, "inspector", PASSWORD).get("/api/v1/audit/documents/" + outgoing
                    + "/package").bytes());
            Path root = data.resolve("root.pem");
            Files.writeString(root, Api.at(base, "inspector", PASSWORD).get("/api/v1/pki/root-ca.pem").text());
            OfflineVerifier.Run cli = OfflineVerifier.run("package", pack.toString(), "--trust-anchor", root.toString());
            assertThat(cli.exit()).as(cli.out()).isZero();
            assertThat(cli.out()).contains("VALID package of document " + outgoing + ": 7 events");
        }
    }

    // --- the steps, over HTTP as the officials take them ----------------------------------------------------------

    private static String receive(String base, byte[] signedPdf) {
        Api.Response received = Api.at(base, "clerk-hn", PASSWORD).multipart("/api/v1/documents/incoming", parts -> {
            parts.part("document", INCOMING.formatted(LocalDate.now().minusDays(1)), MediaType.APPLICATION_JSON);
            parts.part("file", Api.file("cong-van-den.pdf", signedPdf), MediaType.APPLICATION_PDF);
        });
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        assertThat(received.json().get("status").asText()).isEqualTo("REGISTERED");
        return received.json().get("documentId").asText();
    }

    private static String issueOutgoing(String base) {
        Api.Response drafted = Api.at(base, "specialist-hn", PASSWORD).multipart("/api/v1/documents/outgoing", parts -> {
            parts.part("document", OUTGOING, MediaType.APPLICATION_JSON);
            parts.part("file", Api.file("quyet-dinh.pdf", PdfSamples.pdf("Quyet dinh " + UUID.randomUUID())),
                    MediaType.APPLICATION_PDF);
        });
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String id = drafted.json().get("documentId").asText();
        complete(base, "specialist-hn", id, "doc_draft", "{\"outcome\":\"SUBMIT\"}");
        complete(base, "unit-head-hn", id, "doc_review", "{\"outcome\":\"APPROVE\"}");
        complete(base, "leader-hn", id, "doc_sign", "{\"outcome\":\"SIGN\"}");
        complete(base, "clerk-hn", id, "doc_number", "{\"outcome\":\"NUMBER\"}");
        complete(base, "clerk-hn", id, "doc_seal", "{\"outcome\":\"SEAL\"}");
        assertThat(complete(base, "clerk-hn", id, "doc_issue", "{\"outcome\":\"ISSUE\"}").get("status").asText())
                .isEqualTo("ISSUED");
        return id;
    }

    private static JsonNode complete(String base, String official, String documentId, String step, String decision) {
        Api api = Api.at(base, official, PASSWORD);
        Api.Response inbox = api.get("/api/v1/tasks");
        assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
        String task = null;
        for (JsonNode item : inbox.json()) {
            if (documentId.equals(item.path("aggregateId").asText()) && step.equals(item.path("step").asText())) {
                task = item.get("id").asText();
            }
        }
        assertThat(task).as(official + " has a " + step + " task for " + documentId).isNotNull();
        Api.Response done = api.postJson("/api/v1/tasks/" + task + "/complete", decision);
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        return done.json();
    }

    private static byte[] signedByTheMinistry(ConfigurableApplicationContext app) {
        app.getBean(DevPki.class).enrolSeal(BYT, "Bộ Y tế");
        return app.getBean(PadesSigner.class).sign(PdfSamples.pdf("Cong van " + UUID.randomUUID()),
                new PadesSigner.Request(Signer.sealAlias(BYT), PadesSigner.Level.B_T,
                        new PadesSigner.Appearance.Invisible(), "Ban hành", "Hà Nội"));
    }

    // --- what a clerk and an inspector check after each start ----------------------------------------------------

    private static void assertReadableAndValid(String base, String incoming, String outgoing) {
        for (String id : List.of(incoming, outgoing)) {
            Api.Response read = Api.at(base, "clerk-hn", PASSWORD).get("/api/v1/documents/" + id);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            JsonNode trail = trail(base, id);
            assertThat(trail.get("status").asText()).as(trail.toString()).isEqualTo("VALID");
            assertThat(trail.get("type").asText()).isEqualTo("document");
            for (JsonNode event : trail.get("events")) {
                assertThat(event.get("status").asText()).as(event.toString()).isEqualTo("VALID");
                assertThat(event.at("/signature/valid").asBoolean()).isTrue();
                assertThat(event.at("/signature/sealedAs").asText()).as("signed by the acting official")
                        .isEqualTo("OFFICIAL");
                assertThat(event.at("/chainLink/intact").asBoolean()).isTrue();
            }
        }
        assertThat(trail(base, incoming).get("events")).extracting(event -> event.get("type").asText())
                .allMatch(type -> type.startsWith("vn.motcua.eoffice.document.DocumentEvent$")).hasSize(2);
        assertThat(trail(base, outgoing).get("events")).hasSize(7);
    }

    /** The inspector's trail, once the package export has committed every sealed event to a checkpoint. */
    private static JsonNode trail(String base, String id) {
        Api inspector = Api.at(base, "inspector", PASSWORD);
        Api.Response exported = inspector.get("/api/v1/audit/documents/" + id + "/package");
        assertThat(exported.status()).as(exported.toString()).isEqualTo(200);
        Api.Response trail = inspector.get("/api/v1/audit/documents/" + id + "/trail");
        assertThat(trail.status()).as(trail.toString()).isEqualTo(200);
        return trail.json();
    }
}
