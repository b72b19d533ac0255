package vn.motcua.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.kafka.common.utils.AppInfoParser;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The machine a run measured on, and how busy it was: figures mean little without it. */
record Machine(String cpu, int cores, String memory, double loadAverage, String java, String os) {

    static Machine now() {
        return new Machine(
                firstLine(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch")),
                Runtime.getRuntime().availableProcessors(),
                firstLine(Path.of("/proc/meminfo"), "MemTotal").orElse("?"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    /** The machine, and the versions of the engines and libraries on the class path of this run. */
    static String table(Machine before, Machine after, Map<String, String> servers) {
        StringBuilder md = new StringBuilder("| | |\n|---|---|\n");
        md.append("| CPU | ").append(before.cpu()).append(", ").append(before.cores()).append(" cores |\n");
        md.append("| memory | ").append(before.memory()).append(" |\n");
        md.append("| load average (1 min) before / after | ").append(String.format("%.2f / %.2f",
                before.loadAverage(), after.loadAverage())).append(" |\n");
        md.append("| JVM | ").append(before.java()).append(" |\n");
        md.append("| OS | ").append(before.os()).append(" |\n");
        for (String[] library : new String[][] {
                {"Spring Boot", "org.springframework.boot.SpringBootVersion"},
                {"Camunda 7", "org.camunda.bpm.engine.ProcessEngine"},
                {"Flowable", "org.flowable.engine.ProcessEngine"},
                {"Axon Framework", "org.axonframework.eventsourcing.EventSourcingRepository"},
                {"PostgreSQL JDBC", "org.postgresql.Driver"},
                {"PDFBox", "org.apache.pdfbox.pdmodel.PDDocument"}}) {
            md.append("| ").append(library[0]).append(" | ").append(version(library[1])).append(" |\n");
        }
        md.append("| Kafka (client and embedded broker) | ").append(AppInfoParser.getVersion()).append(" |\n");
        md.append("| Bouncy Castle | ").append(new BouncyCastleProvider().getVersionStr()).append(" |\n");
        servers.forEach((server, version) -> md.append("| ").append(server).append(" | ").append(version).append(" |\n"));
        return md.toString();
    }

    /** The version in the manifest of the jar that holds the class, or "not on the class path". */
    static String version(String className) {
        try {
            Class<?> type = Class.forName(className, false, Machine.class.getClassLoader());
            String version = type.getPackage().getImplementationVersion();
            return version != null ? version : "(version not in its manifest)";
        } catch (ClassNotFoundException e) {
            return "not on the class path";
        }
    }

    private static Optional<String> firstLine(Path file, String key) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(key)).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
