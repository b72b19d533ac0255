package vn.motcua.engine.audit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import vn.motcua.engine.audit.log.Hashes;
import vn.motcua.engine.audit.verify.CertificateValidator;
import vn.motcua.engine.audit.verify.TimestampTokens;

/**
 * The external TSA client production uses ({@code motcua.audit.tsa.url}), against the dev PKI's RFC 3161 TSA served
 * over HTTP as a licensed TSA is (RFC 3161 section 3.4): a token comes back and verifies, and an answer that is not
 * the answer to this request — a replayed one, an error page — is refused rather than stored with a checkpoint.
 */
class HttpTimestampAuthorityTest {

    @TempDir
    Path directory;

    private DevPki pki;
    private EmbeddedTimestampAuthority tsa;
    private HttpServer server;
    private final AtomicReference<byte[]> replay = new AtomicReference<>();
    private final AtomicReference<byte[]> lastAnswer = new AtomicReference<>();

    @BeforeEach
    void serveTheTsa() throws IOException {
        pki = DevPki.open(directory.resolve("pki"), "pw".toCharArray(), "motcua (test)", "http://localhost/pki/",
                Clock.systemUTC());
        tsa = new EmbeddedTimestampAuthority(pki.timestampingKey(), Clock.systemUTC());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tsa", exchange -> {
            byte[] request = exchange.getRequestBody().readAllBytes();
            if (!"application/timestamp-query".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                answer(exchange, 415, new byte[0]);
                return;
            }
            byte[] answer = replay.get() != null ? replay.get() : tsa.respond(request);
            lastAnswer.set(answer);
            exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
            answer(exchange, 200, answer);
        });
        server.createContext("/down", exchange -> answer(exchange, 503, "maintenance".getBytes(StandardCharsets.UTF_8)));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private HttpTimestampAuthority client(String path) {
        return new HttpTimestampAuthority(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path),
                Map.of(), Duration.ofSeconds(5));
    }

    private static byte[] imprint(String text) {
        return Hashes.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTokenComesBackOverHttpAndVerifiesAgainstTheTsasRoot() {
        byte[] imprint = imprint("checkpoint 1");
        byte[] token = client("/tsa").timestamp(imprint);
        CertificateValidator validator = new CertificateValidator(List.of(pki.rootCertificate()), pki.intermediates(),
                List.of(pki.crl()));
        TimestampTokens.Result result = TimestampTokens.verify(token, imprint, validator, List.of());
        assertThat(result.valid()).as(result.detail()).isTrue();
    }

    @Test
    void aReplayedAnswerToAnotherRequestIsRefused() {
        client("/tsa").timestamp(imprint("checkpoint 1"));
        replay.set(lastAnswer.get());
        assertThatThrownBy(() -> client("/tsa").timestamp(imprint("checkpoint 2")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("failed");
    }

    @Test
    void anHttpErrorIsNamedWithTheTsa() {
        assertThatThrownBy(() -> client("/down").timestamp(imprint("checkpoint 1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("answered HTTP 503");
    }
}
