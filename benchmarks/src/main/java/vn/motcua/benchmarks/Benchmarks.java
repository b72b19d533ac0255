package vn.motcua.benchmarks;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the benchmark jar: {@code all} runs every benchmark (or those named by {@code --only}). */
@Command(name = "motcua-benchmarks", mixinStandardHelpOptions = true,
        subcommands = RunAll.class,
        description = "Benchmarks of motcua that print numbers. They are not tests.")
public final class Benchmarks {

    public static void main(String[] args) {
        int exit = new CommandLine(new Benchmarks()).execute(args);
        // Axon leaves a non-daemon janitor thread behind after the context closes.
        System.exit(exit);
    }
}
