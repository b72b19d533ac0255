package vn.motcua.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The one command of issue 15: runs every benchmark in one run, on this machine and one PostgreSQL server, and writes
 * {@code docs/benchmarks.md} — the machine, the date, the versions, every figure and ratio, the targets and what
 * limits each figure. {@code --scale smoke} is the test suite's tiny run.
 */
@Command(name = "all", mixinStandardHelpOptions = true,
        description = "Runs every benchmark side by side and writes the report (docs/benchmarks.md).")
final class RunAll implements Callable<Integer> {

    /** In the order they run: the in-process ones share the application; the HTTP load stops it and runs its own. */
    static List<Benchmark> benchmarks() {
        return List.of(new ProcessThroughput(), new EventAppendBenchmark(), new SigningBenchmark(),
                new SearchBenchmark(), new IndexingLag(), new HttpBenchmark());
    }

    @Option(names = "--scale", defaultValue = "FULL", description = "FULL or SMOKE (default ${DEFAULT-VALUE})")
    Scale scale;

    @Option(names = "--out", description = "the report (default docs/benchmarks.md; with --only, "
            + "target/benchmarks-only.md, so that a partial run never replaces the whole report)")
    Path out;

    @Option(names = "--only", split = ",", description = "run only these benchmarks (by name)")
    Set<String> only;

    @Option(names = "--work", description = "where the run keeps its data (default: a new temporary directory)")
    Path work;

    @Override
    public Integer call() throws Exception {
        if (out == null) {
            out = Path.of(only == null ? "docs/benchmarks.md" : "target/benchmarks-only.md");
        }
        Path directory = work != null ? Files.createDirectories(work) : Files.createTempDirectory("motcua-benchmarks");
        Machine before = Machine.now();
        long started = System.nanoTime();
        List<Section> sections = new ArrayList<>();
        Map<String, String> servers;
        try (Run run = new Run(scale, directory)) {
            for (Benchmark benchmark : benchmarks()) {
                if (only == null || only.contains(benchmark.name())) {
                    System.out.printf("%n== %s (%s) ==%n", benchmark.name(), scale);
                    Section section = benchmark.run(run);
                    System.out.println(section.markdown());
                    sections.add(section);
                }
            }
            servers = run.servers();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String report = report(before, Machine.now(), servers, took, sections);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.printf("%nWrote %s (%d sections, %d s)%n", out, sections.size(), took.toSeconds());
        return 0;
    }

    private String report(Machine before, Machine after, Map<String, String> servers, Duration took,
                          List<Section> sections) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by `scripts/benchmark` (`java -jar benchmarks/target/motcua-benchmarks.jar all`) on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")))
                .append(", scale ").append(scale).append(", in one run of ").append(took.toMinutes()).append(" min ")
                .append(took.toSecondsPart()).append(" s. Do not edit by hand: run it again.\n\n");
        md.append("Figures come from load drivers and timed loops that print numbers, never from tests (the test suite "
                + "runs every benchmark at `--scale SMOKE` only to prove it still works). Runs on this kind of machine "
                + "vary by up to ±40 % (`shared/notes/baselines.md`): compare figures taken side by side in one run, "
                + "as ratios.\n\n");
        md.append("## Machine and versions\n\n");
        md.append(Machine.table(before, after, servers));
        md.append("\n## Targets of issue 15 on this machine\n\n");
        md.append("| target | measured | met | what limits it, and what would move it |\n|---|---|---|---|\n");
        for (Section section : sections) {
            for (Section.Target target : section.targets()) {
                md.append("| ").append(target.goal()).append(" | ").append(target.measured()).append(" | ")
                        .append(target.met() ? "yes" : "**no**").append(" | ").append(target.limits()).append(" |\n");
            }
        }
        for (Section section : sections) {
            md.append("\n## ").append(section.title()).append("\n\n").append(section.markdown().strip()).append('\n');
        }
        return md.toString();
    }
}
