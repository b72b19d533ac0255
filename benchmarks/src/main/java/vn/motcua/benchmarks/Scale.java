package vn.motcua.benchmarks;

/**
 * How big a run is: {@link #FULL} for the figures of {@code docs/benchmarks.md}, {@link #SMOKE} for the test suite's
 * tiny run that proves every benchmark still works (its figures mean nothing).
 */
enum Scale {
    SMOKE, FULL;

    /** {@code full} at full scale, {@code smoke} otherwise: sizes chosen in one expression at each use. */
    int pick(int smoke, int full) {
        return this == FULL ? full : smoke;
    }
}
