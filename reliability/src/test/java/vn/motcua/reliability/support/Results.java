package vn.motcua.reliability.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The figures of one run, printed and written to {@code target/reliability/<run>.md}; all runs' blocks are joined
 * in {@code target/reliability/figures.md}, the block to paste into docs/reliability.md under "## Figures".
 */
public final class Results {

    private static final List<String> ORDER = List.of("fuzzing", "authorization", "crash", "outages", "bombs");

    private final String run;
    private final String title;
    private final List<String> lines = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();
    private final java.util.Map<String, List<String>> groups = new java.util.LinkedHashMap<>();

    public Results(String run, String title) {
        this.run = run;
        this.title = title;
    }

    public static Path directory() {
        return Path.of(System.getProperty("reliability.out", "target/reliability"));
    }

    public static String scale() {
        return System.getProperty("reliability.scale", "smoke");
    }

    public static boolean full() {
        return scale().equals("full");
    }

    public static int integer(String property, int smoke) {
        return Integer.parseInt(System.getProperty(property, Integer.toString(smoke)));
    }

    public synchronized Results line(String format, Object... arguments) {
        String line = arguments.length == 0 ? format : String.format(format, arguments);
        lines.add(line);
        System.out.println("[reliability:" + run + "] " + line);
        return this;
    }

    /** Something the run found (a 5xx, a leak, a loss): listed in the block with the exact request. */
    public synchronized Results finding(String text) {
        return finding(text, text);
    }

    /** A finding of a kind ({@code group}: e.g. "500 POST /api/v1/pki/tsa"); a kind is printed with its first cases. */
    public synchronized Results finding(String group, String text) {
        findings.add(text);
        List<String> cases = groups.computeIfAbsent(group, g -> new ArrayList<>());
        cases.add(text);
        if (cases.size() <= 2 || text.startsWith("5xx")) {
            System.out.println("[reliability:" + run + "] FINDING " + text);
        }
        return this;
    }

    public synchronized List<String> findings() {
        return List.copyOf(findings);
    }

    /** Writes this run's block and joins every run's block into figures.md. */
    public synchronized void write() {
        StringBuilder block = new StringBuilder("### ").append(title).append("\n\n");
        block.append("Run ").append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(ZonedDateTime.now().withNano(0)))
                .append(", scale `").append(scale()).append("`, ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores.\n\n");
        for (String line : lines) {
            block.append("- ").append(Http.shorten(line, 600)).append('\n');
        }
        if (!findings.isEmpty()) {
            block.append("\nFindings: ").append(findings.size()).append(" in ").append(groups.size())
                    .append(" kinds (each kind with its count and first case):\n\n");
            groups.forEach((group, cases) -> block.append("1. ").append(cases.size()).append(" × ")
                    .append(Http.shorten(group.replace("`", "'"), 300)).append(" — e.g. `")
                    .append(Http.shorten(cases.get(0).replace("`", "'"), 600)).append("`\n"));
        }
        try {
            Path directory = directory();
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(run + ".md"), block.toString(), StandardCharsets.UTF_8);
            Files.write(directory.resolve(run + "-findings.txt"), findings, StandardCharsets.UTF_8);
            StringBuilder all = new StringBuilder();
            for (String name : ORDER) {
                Path part = directory.resolve(name + ".md");
                if (Files.exists(part)) {
                    all.append(Files.readString(part, StandardCharsets.UTF_8)).append('\n');
                }
            }
            try (Stream<Path> others = Files.list(directory)) {
                for (Path part : others.sorted().toList()) {
                    String name = part.getFileName().toString();
                    if (name.endsWith(".md") && !name.equals("figures.md")
                            && !ORDER.contains(name.substring(0, name.length() - 3))) {
                        all.append(Files.readString(part, StandardCharsets.UTF_8)).append('\n');
                    }
                }
            }
            Files.writeString(directory.resolve("figures.md"), all.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("[reliability:" + run + "] figures written to " + directory().resolve(run + ".md"));
    }
}
