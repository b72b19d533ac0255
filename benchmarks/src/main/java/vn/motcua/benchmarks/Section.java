package vn.motcua.benchmarks;

import java.util.List;

/**
 * What one benchmark found: a title, its figures as Markdown (what was measured, how, the tables) and the targets
 * of issue 15 it bears on.
 */
record Section(String title, String markdown, List<Target> targets) {

    /**
     * One target on this 2-core machine: what was asked, what was measured, whether it was met, and what limits the
     * figure (and what would move it) — said whether or not it was met.
     */
    record Target(String goal, String measured, boolean met, String limits) {
    }
}
