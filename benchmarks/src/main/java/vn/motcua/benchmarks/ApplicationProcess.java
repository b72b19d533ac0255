package vn.motcua.benchmarks;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The motcua application on its embedded default in a process of its own ({@code java -jar motcua-exec.jar}), as an
 * operator starts it: a fresh data directory, a free port, and a JFR recording written when it stops. Closing it stops
 * it gracefully (SIGTERM: Spring closes the embedded servers, PostgreSQL included, and JFR writes its recording); if
 * it has not stopped within a minute, it and every process it started are killed, so nothing is left running. A
 * shutdown hook does the same if this JVM ends first.
 */
final class ApplicationProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);

    private final Process process;
    private final URI base;
    private final Path log;
    private final Path data;
    private final Thread killer;

    private ApplicationProcess(Process process, URI base, Path log, Path data) {
        this.process = process;
        this.base = base;
        this.log = log;
        this.data = data;
        this.killer = new Thread(this::kill, "stop-motcua-" + process.pid());
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /**
     * Starts the application with its data under {@code work}, the given JVM options and application arguments, and a
     * JFR recording {@code work/recording.jfr} of the {@code profile} settings (execution samples every 10 ms), and
     * waits until its health endpoint answers.
     */
    static ApplicationProcess start(Path work, List<String> jvmOptions, List<String> arguments)
            throws IOException, InterruptedException {
        Path jar = executableJar();
        int port = freePort();
        Path log = work.resolve("application.log");
        Path data = work.resolve("data");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        // deep enough for a request's whole stack (Tomcat, the filter chains, Spring MVC, the step) from its leaf
        command.add("-XX:FlightRecorderOptions=stackdepth=256");
        command.add("-XX:StartFlightRecording=filename=" + recording(work) + ",settings=profile,dumponexit=true");
        command.addAll(List.of("-jar", jar.toString(), "--motcua.data-dir=" + data, "--server.port=" + port));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        ApplicationProcess application = new ApplicationProcess(process, URI.create("http://127.0.0.1:" + port), log,
                data);
        try {
            application.awaitHealthy();
        } catch (IOException | InterruptedException | RuntimeException e) {
            application.close();
            throw e;
        }
        return application;
    }

    static Path recording(Path work) {
        return work.resolve("recording.jfr");
    }

    /** {@code portal-api/target/motcua-exec.jar}, from the working directory or from where this benchmark was loaded. */
    static Path executableJar() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("portal-api", "target", "motcua-exec.jar"));
        // benchmarks/target/motcua-benchmarks.jar (or benchmarks/target/classes) → the repository's root
        Path loadedFrom = Path.of(System.getProperty("java.class.path").split(File.pathSeparator)[0]).toAbsolutePath();
        for (Path directory = loadedFrom.getParent(); directory != null; directory = directory.getParent()) {
            candidates.add(directory.resolve(Path.of("portal-api", "target", "motcua-exec.jar")));
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst().map(Path::toAbsolutePath)
                .orElseThrow(() -> new IllegalStateException("No motcua-exec.jar at " + candidates
                        + ": build it first (./mvnw -DskipTests -pl benchmarks -am package)"));
    }

    URI base() {
        return base;
    }

    long pid() {
        return process.pid();
    }

    /** The application's resident memory now and at its peak (VmRSS, VmHWM of /proc/&lt;pid&gt;/status), in MiB. */
    Memory memory() throws IOException {
        long rss = 0;
        long peak = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kilobytes(line);
            } else if (line.startsWith("VmHWM:")) {
                peak = kilobytes(line);
            }
        }
        return new Memory(rss / 1024, peak / 1024);
    }

    record Memory(long rssMiB, long peakMiB) {
    }

    /**
     * CPU time used so far, in clock ticks of /proc: the application's JVM, and its embedded PostgreSQL server with
     * its backends (a daemon of its own, found by its {@code postmaster.pid}), which a JFR recording of the JVM does
     * not see.
     */
    CpuTicks cpu() {
        long jvm = ticks(pid());
        long postgres = postgres().map(server -> ticks(server.pid())
                + server.descendants().mapToLong(backend -> ticks(backend.pid())).sum()).orElse(0L);
        return new CpuTicks(jvm, postgres, machineBusyTicks());
    }

    /** Ticks of the JVM, of PostgreSQL, and of the whole machine's busy cores. */
    record CpuTicks(long jvm, long postgres, long machine) {

        CpuTicks minus(CpuTicks earlier) {
            return new CpuTicks(jvm - earlier.jvm, postgres - earlier.postgres, machine - earlier.machine);
        }
    }

    /** The embedded PostgreSQL server (its postmaster), while it runs. */
    private Optional<ProcessHandle> postgres() {
        try {
            List<String> pidFile = Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid"));
            return ProcessHandle.of(Long.parseLong(pidFile.getFirst().trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException none) {
            return Optional.empty();
        }
    }

    /** Ticks per second of the /proc counters (USER_HZ, 100 on Linux). */
    static final double TICKS_PER_SECOND = 100.0;

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name may hold spaces: fields are counted after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static long machineBusyTicks() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            String[] cpu = lines.filter(line -> line.startsWith("cpu ")).findFirst().orElseThrow().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // everything but idle and iowait
                    busy += Long.parseLong(cpu[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application stopped while starting (exit " + process.exitValue()
                        + "); its log ends with:\n" + tail());
            }
            try {
                HttpResponse<Void> health = client.send(HttpRequest.newBuilder(base.resolve("/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The application was not healthy after " + START_TIMEOUT.toSeconds()
                + " s; its log ends with:\n" + tail());
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops it gracefully; kills it and its children if it has not stopped in time. */
    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or will run: it does the same
        }
    }

    private void kill() {
        List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
        postgres().ifPresent(server -> {
            children.add(server);
            children.addAll(server.descendants().toList());
        });
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        // the embedded PostgreSQL is stopped by the application; if it was killed instead, stop what it left
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
        children.stream().filter(ProcessHandle::isAlive).forEach(child -> child.onExit().completeOnTimeout(child,
                30, TimeUnit.SECONDS).join().destroyForcibly());
    }

    boolean stoppedCleanly() {
        return !process.isAlive() && process.exitValue() != 137;
    }

    private static long kilobytes(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
