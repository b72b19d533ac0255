package vn.motcua.engine.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/** The SMS gateway over HTTP, against a local HTTP server that answers as told. */
class HttpSmsGatewayTest {

    private HttpServer server;
    private final AtomicReference<String> body = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private volatile int answer = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", exchange -> {
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
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

    private HttpSmsGateway gateway() {
        return new HttpSmsGateway("http://127.0.0.1:" + server.getAddress().getPort() + "/sms", "secret",
                "SOYTEHN", Duration.ofSeconds(5));
    }

    @Test
    void postsTheMessageAsJsonWithTheToken() throws IOException {
        gateway().send(new SmsGateway.Sms("0912345678", "Ho so 000.00.16.H26-261123-0001 da duoc tiep nhan",
                "000.00.16.H26-261123-0001", "event-1"));
        JsonNode sent = new ObjectMapper().readTree(body.get());
        assertThat(sent.get("to").asText()).isEqualTo("0912345678");
        assertThat(sent.get("text").asText()).isEqualTo("Ho so 000.00.16.H26-261123-0001 da duoc tiep nhan");
        assertThat(sent.get("reference").asText()).isEqualTo("event-1");
        assertThat(sent.get("sender").asText()).isEqualTo("SOYTEHN");
        assertThat(authorization.get()).isEqualTo("Bearer secret");
    }

    @Test
    void aRefusalByTheGatewayIsAFailureSoTheMessageIsRetried() {
        answer = 503;
        assertThatThrownBy(() -> gateway().send(new SmsGateway.Sms("0912345678", "x", "c", "event-2")))
                .isInstanceOf(RuntimeException.class);
    }
}
