package vn.motcua.portal.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.portal.PdfSamples;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.ApplicationProcess;

/**
 * The crash, smaller: the application, in a JVM of its own, is killed with kill -9 while three applicants
 * submit; started again, every dossier whose submission was acknowledged (201) has its MongoDB view, and health finds
 * every store even with the event store.
 */
class ReadModelCrashTest {

    private static final String PASSWORD = "motcua-demo";
    private static final String DOSSIER = """
            {"procedureCode":"1.002600","unitId":"000.00.16.H26",
             "applicant":{"fullName":"Trần Thị Bình","idNumber":"001099012345","phone":"0912345678",
                          "email":"applicant@example.vn","address":"Số 1 Tràng Tiền, Hà Nội"},
             "form":{"productName":"Kem dưỡng da Sen Việt","brand":"Sen Việt"}}""";

    @Test
    void everyAcknowledgedDossierHasItsViewAfterAKill9UnderLoad() throws Exception {
        Path data = Path.of("target", "read-model-crash", Long.toString(System.nanoTime())).toAbsolutePath();
        byte[] pdf = PdfSamples.pdf("Phieu cong bo san pham my pham");
        Queue<String> acknowledged = new ConcurrentLinkedQueue<>();

        ApplicationProcess node = ApplicationProcess.start(data);
        try {
            String base = node.awaitReady();
            List<Thread> clients = List.of(1, 2, 3).stream().map(i -> Thread.ofPlatform().start(() -> {
                Api citizen = Api.at(base, "citizen-a", PASSWORD);
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        Api.Response response = citizen.multipart("/api/v1/dossiers", parts -> {
                            parts.part("dossier", DOSSIER, MediaType.APPLICATION_JSON);
                            parts.part("files", Api.file("phieu-cong-bo.pdf", pdf), MediaType.APPLICATION_PDF);
                        });
                        if (response.status() == 201) {
                            acknowledged.add(response.json().get("code").asText());
                        }
                    } catch (RuntimeException killed) {
                        return;
                    }
                }
            })).toList();
            Thread.sleep(5_000);
            node.process().destroyForcibly(); // kill -9, the clients still submitting
            node.process().waitFor();
            for (Thread client : clients) {
                client.interrupt();
                client.join(10_000);
            }
        } finally {
            node.process().destroyForcibly();
        }
        assertThat(acknowledged).as("submissions acknowledged before the kill").hasSizeGreaterThanOrEqualTo(5);

        ApplicationProcess restarted = ApplicationProcess.start(data);
        try {
            String base = restarted.awaitReady();
            Api citizen = Api.at(base, "citizen-a", PASSWORD);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(acknowledged.stream()
                    .filter(code -> citizen.get("/api/v1/dossiers/" + code + "/view").status() != 200).toList())
                    .as("acknowledged dossiers without a view, of " + acknowledged.size()).isEmpty());
            // the search consumers get their partitions only once the killed JVM's group members expired
            // (session.timeout.ms, 45 s after the broker's start), so search catches up later than MongoDB
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                JsonNode convergence = Api.at(base, "admin", PASSWORD).get("/actuator/health").json()
                        .at("/components/convergence");
                assertThat(convergence.get("status").asText()).as(convergence.toString()).isEqualTo("UP");
                assertThat(convergence.at("/details/dossier/mongodb/behind").asLong()).as(convergence.toString())
                        .isZero();
                assertThat(convergence.at("/details/dossier/elasticsearch/dossiers/behind").asLong())
                        .as(convergence.toString()).isZero();
                assertThat(convergence.at("/details/dossier/elasticsearch/audit-events/behind").asLong())
                        .as(convergence.toString()).isZero();
            });
        } finally {
            restarted.process().destroy(); // a graceful stop, which stops its PostgreSQL too
            if (!restarted.process().waitFor(60, TimeUnit.SECONDS)) {
                restarted.process().destroyForcibly();
            }
        }
    }
}
