package vn.motcua.reliability.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import vn.motcua.portal.MotcuaApplication;

/**
 * The application in a JVM of its own, as an operator runs it (its embedded default on a data directory, output in
 * {@code node-<n>.log} there): started, killed with kill -9 (SIGKILL: no shutdown hook, no flush), started again on
 * the same data. Its embedded PostgreSQL is reached for counting through the port in {@code postmaster.pid}.
 */
public final class Node {

    private final Path data;
    private Process process;
    private String base;
    private int starts;

    public Node(Path data) {
        this.data = data;
    }

    public synchronized String base() {
        return base;
    }

    /** Starts the node and waits until it is ready; the seconds it took. */
    public double start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(data);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-Duser.timezone=Asia/Ho_Chi_Minh",
                "-Daxoniq.update-checker.disabled=true", "-cp", System.getProperty("java.class.path"),
                MotcuaApplication.class.getName(), "--motcua.data-dir=" + data, "--server.port=" + port));
        Path log = data.resolve("node-" + (++starts) + ".log");
        Instant started = Instant.now();
        Process started0 = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        synchronized (this) {
            process = started0;
            base = "http://localhost:" + port;
        }
        // a test JVM that ends abruptly must not leave the node (and its PostgreSQL) running: a graceful stop
        Runtime.getRuntime().addShutdownHook(new Thread(started0::destroy));
        Http http = new Http(base);
        Instant until = started.plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(until)) {
            if (!started0.isAlive()) {
                throw new AssertionError("the node exited with " + started0.exitValue() + " while starting; see " + log);
            }
            if (http.get("/actuator/health/readiness", null).status() == 200) {
                return Duration.between(started, Instant.now()).toMillis() / 1000.0;
            }
            sleep(500);
        }
        throw new AssertionError("the node did not become ready within 4 minutes; see " + log);
    }

    /** kill -9: the JVM ends at once (its embedded PostgreSQL, a process of its own, is left running). */
    public void kill() throws InterruptedException {
        Process victim;
        synchronized (this) {
            victim = process;
        }
        victim.destroyForcibly();
        victim.waitFor(60, TimeUnit.SECONDS);
    }

    /** A graceful stop (SIGTERM), as at the end of a run. */
    public void stop() throws InterruptedException {
        Process running;
        synchronized (this) {
            running = process;
        }
        if (running != null && running.isAlive()) {
            running.destroy();
            if (!running.waitFor(90, TimeUnit.SECONDS)) {
                running.destroyForcibly();
                running.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** A connection to the node's embedded PostgreSQL (the port its postmaster.pid names). */
    public Connection database() throws IOException, SQLException {
        List<String> pid = Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid"));
        int port = Integer.parseInt(pid.get(3).trim());
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
