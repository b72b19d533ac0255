package vn.motcua.benchmarks;

/**
 * One part of the report that {@code motcua-benchmarks.jar all} writes to {@code docs/benchmarks.md}: it measures at
 * the run's scale and says what it found — figures, ratios against the peer or the physical limit it is compared
 * with, and what limits each figure. A benchmark checks what it did (every instance completed, every dossier
 * found, every trail valid) and throws if the work was not done, so that a fast wrong answer is never reported.
 */
interface Benchmark {

    /** The sub-command's name and the section's anchor, e.g. {@code process-throughput}. */
    String name();

    Section run(Run run) throws Exception;
}
