package vn.motcua.portal.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.motcua.portal.MotcuaApplication;

/**
 * The application in a JVM of its own, as an operator runs it, on a data directory and a free port: to be killed
 * with kill -9, or to watch it fail. Its output goes to {@code node.log} in the data directory.
 */
public record ApplicationProcess(Process process, String base, Path log) {

    public static ApplicationProcess start(Path data, String... arguments) throws IOException {
        return start(data, freePort(), Map.of(), arguments);
    }

    /** Started with these environment variables besides the inherited ones, as an operator's unit file sets them. */
    public static ApplicationProcess start(Path data, Map<String, String> environment, String... arguments)
            throws IOException {
        return start(data, freePort(), environment, arguments);
    }

    /** The node on a port chosen beforehand: for a peer that must know its address first (an OIDC provider). */
    public static ApplicationProcess start(Path data, int port, String... arguments) throws IOException {
        return start(data, port, Map.of(), arguments);
    }

    public static ApplicationProcess start(Path data, int port, Map<String, String> environment, String... arguments)
            throws IOException {
        Files.createDirectories(data);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-Duser.timezone=Asia/Ho_Chi_Minh",
                "-Daxoniq.update-checker.disabled=true", "-cp", System.getProperty("java.class.path"),
                MotcuaApplication.class.getName(), "--motcua.data-dir=" + data, "--server.port=" + port));
        command.addAll(List.of(arguments));
        Path log = data.resolve("node.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new ApplicationProcess(process, "http://localhost:" + port, log);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until the node is ready to serve; its base URL. */
    public String awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(until)) {
            assertThat(process.isAlive()).as("the node started and did not exit").isTrue();
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                                URI.create(base + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return base;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the node did not become ready within 3 minutes");
    }
}
