package vn.motcua.engine.dossier.portalsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.engine.dossier.report.Histories.submitted;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.dossier.report.Histories;
import vn.motcua.process.ProcedureCatalogue;

/** Pushing a payload to the national portal over HTTP, against a local HTTP server. */
class HttpNationalPortalClientTest {

    private HttpServer server;
    private final AtomicReference<String> request = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private volatile int answer = 200;
    private final PortalSyncJson json = new PortalSyncJson(new ObjectMapper(), new PortalSyncSchema());
    private final PortalSyncPayloads payloads = new PortalSyncPayloads(new ProcedureCatalogue(),
            new MotcuaProperties(Path.of("target"), Histories.ZONE, List.of(), null), Histories.calendar());

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/dossiers", exchange -> {
            request.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpNationalPortalClient client() {
        return new HttpNationalPortalClient("http://127.0.0.1:" + server.getAddress().getPort() + "/api",
                "/dossiers", "portal-token", Duration.ofSeconds(5), json);
    }

    @Test
    void postsThePayloadAsJsonWithTheBearerToken() throws IOException {
        PortalSyncPayload payload = payloads.build(submitted("2026-11-23T08:00")
                .accepted("2026-11-23T09:00", "2026-11-26").timeline());
        client().push(payload);
        JsonNode sent = new ObjectMapper().readTree(request.get());
        assertThat(sent.get("dossierCode").asText()).isEqualTo(Histories.CODE);
        assertThat(sent.get("status").asInt()).isEqualTo(2);
        assertThat(authorization.get()).isEqualTo("Bearer portal-token");
    }

    @Test
    void anErrorFromThePortalIsAFailureSoThePushIsRetried() {
        answer = 500;
        PortalSyncPayload payload = payloads.build(submitted("2026-11-23T08:00").timeline());
        assertThatThrownBy(() -> client().push(payload)).isInstanceOf(RuntimeException.class);
    }
}
