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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import vn.motcua.portal.MotcuaApplication;

/**
 * The application in a JVM of its own, as an operator runs it (its embedded default on a data directory, output in
 * {@code node-<n>.log} there): started, killed with kill -9 (SIGKILL: no shutdown hook, no flush), started again on
 * the same data. Its embedded PostgreSQL is reached for counting through the port in {@code postmaster.pid}.
 * <p>
 * A node may also be given environment variables and arguments, as an operator starts a second node that joins the
 * servers of another ({@code set -a; . servers.env; java … --spring.profiles.active=join}); its output then goes to
 * {@code <name>-<n>.log}, so that several nodes can share one data directory.
 */
public final class Node {

    private final Path data;
    private final String name;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private Process process;
    private String base;
    private Path log;
    private int starts;

    /** The embedded default on {@code data}. */
    public Node(Path data) {
        this(data, "node", Map.of(), List.of());
    }

    /**
     * A node named {@code name} on {@code data} with these environment variables (added to the test JVM's) and
     * these arguments after its own ({@code --motcua.data-dir}, {@code --server.port}).
     */
    public Node(Path data, String name, Map<String, String> environment, List<String> arguments) {
        this.data = data;
        this.name = name;
        this.environment = Map.copyOf(environment);
        this.arguments = List.copyOf(arguments);
    }

    public String name() {
        return name;
    }

    /** The log of its latest start. */
    public synchronized Path log() {
        return log;
    }

    /** The process id of its latest start (Axon names a token's owner {@code <pid>@<host>}). */
    public synchronized long pid() {
        return process.pid();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
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
        command.addAll(arguments);
        Path output = data.resolve(name + "-" + (++starts) + ".log");
        Instant started = Instant.now();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process started0 = builder.start();
        synchronized (this) {
            process = started0;
            base = "http://localhost:" + port;
            log = output;
        }
        // a test JVM that ends abruptly must not leave the node (and its PostgreSQL) running: a graceful stop
        Runtime.getRuntime().addShutdownHook(new Thread(started0::destroy));
        Http http = new Http(base);
        Instant until = started.plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(until)) {
            if (!started0.isAlive()) {
                throw new AssertionError("the node exited with " + started0.exitValue() + " while starting; see "
                        + output);
            }
            if (http.get("/actuator/health/readiness", null).status() == 200) {
                return Duration.between(started, Instant.now()).toMillis() / 1000.0;
            }
            sleep(500);
        }
        throw new AssertionError("the node did not become ready within 4 minutes; see " + output);
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

    /**
     * The TCP ports its JVM listens on, read from Linux's {@code /proc} (its socket descriptors, matched with the
     * listening sockets of {@code /proc/net/tcp} and {@code tcp6}): what it serves, besides its processes' children.
     */
    public Set<Integer> listeningPorts() throws IOException {
        Set<String> sockets = new HashSet<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(pid()), "fd"))) {
            for (Path descriptor : descriptors.toList()) {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:[")) {
                        sockets.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while listing
                }
            }
        }
        Set<Integer> ports = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                // fields: sl local_address rem_address st … inode; st 0A is LISTEN
                if (fields[3].equals("0A") && sockets.contains(fields[9])) {
                    ports.add(Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }

    /** Its port: the last part of {@link #base()}. */
    public int port() {
        String address = base();
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
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
