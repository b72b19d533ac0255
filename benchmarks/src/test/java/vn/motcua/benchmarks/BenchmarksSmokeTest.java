package vn.motcua.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * The benchmarks' smoke run (issue 15): every benchmark of the report runs at tiny size, does its work for real and
 * reports figures. Its numbers mean nothing and are not judged; what is judged is that the one command still
 * measures everything it promises — each benchmark checks its own work (instances completed, dossiers found, trails
 * valid) and fails the run otherwise.
 */
class BenchmarksSmokeTest {

    @TempDir
    Path work;

    @Test
    void the_one_command_runs_every_benchmark_and_writes_the_report() throws Exception {
        Path report = work.resolve("benchmarks.md");

        int exit = new CommandLine(new Benchmarks()).execute("all", "--scale", "SMOKE",
                "--out", report.toString(), "--work", work.resolve("run").toString());

        assertThat(exit).as("the run's exit status").isZero();
        String markdown = Files.readString(report);
        assertThat(markdown).contains("## Machine and versions", "## Targets of issue 15 on this machine");
        List<String> names = RunAll.benchmarks().stream().map(Benchmark::name).toList();
        assertThat(names).containsExactly("process-throughput", "event-append", "signing", "search", "indexing-lag",
                "http");
        long sections = Pattern.compile("(?m)^## ").matcher(markdown).results().count();
        assertThat(sections).as("machine, targets and one section per benchmark").isEqualTo(2 + names.size());
        long targets = Pattern.compile("(?m)^\\| .* \\| (yes|\\*\\*no\\*\\*) \\| .+ \\|$").matcher(markdown).results().count();
        assertThat(targets).as("targets judged in the report").isGreaterThanOrEqualTo(6);
        assertThat(markdown).doesNotContain("NaN", "Infinity");
    }
}
