package vn.motcua.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives one engine with a number of threads, each walking whole process instances one after another, first for a
 * warm-up whose figures are dropped, then for a fixed duration: completed instances per second, and the latency of
 * each step (one engine call that commits: a start, a task completed). An instance in flight when the time is up is
 * finished and counted, and the time runs to its end.
 */
final class ThroughputLoad {

    /** One process instance walked from its start to its end; each step reports its latency to {@code steps}. */
    interface Walk {
        void instance(Steps steps) throws Exception;
    }

    /** Where a walk records how long each of its steps took. */
    static final class Steps {
        private long[] nanos = new long[1024];
        private int size;

        /** Runs one step and records its latency. */
        <T> T time(Callable<T> step) throws Exception {
            long started = System.nanoTime();
            T result = step.call();
            record(System.nanoTime() - started);
            return result;
        }

        /** Runs one step that answers nothing and records its latency. */
        void time(ThrowingRunnable step) throws Exception {
            long started = System.nanoTime();
            step.run();
            record(System.nanoTime() - started);
        }

        private void record(long took) {
            if (size == nanos.length) {
                nanos = Arrays.copyOf(nanos, size * 2);
            }
            nanos[size++] = took;
        }
    }

    /** A step that answers nothing and may throw. */
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** What one measured period gave. */
    record Figures(int threads, int instances, int stepsTimed, double seconds, double p50Millis, double p99Millis) {
        double instancesPerSecond() {
            return instances / seconds;
        }
    }

    private ThroughputLoad() {
    }

    /** Warms up, then measures for {@code duration}; every instance of both periods must complete. */
    static Figures run(String engine, Walk walk, int threads, Duration warmUp, Duration duration) throws Exception {
        measure(engine, walk, threads, warmUp);
        return measure(engine, walk, threads, duration);
    }

    /**
     * Each thread walks instances until the duration is over and it has completed one at least; the rate is every
     * completed instance over the time from the start to the last one's end.
     */
    private static Figures measure(String engine, Walk walk, int threads, Duration duration) throws Exception {
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, engine + "-driver-" + names.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            long started = System.nanoTime();
            long ends = started + duration.toNanos();
            List<Future<long[]>> drivers = new ArrayList<>();
            List<Steps> recorded = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Steps steps = new Steps();
                recorded.add(steps);
                drivers.add(pool.submit(() -> {
                    long instances = 0;
                    while (System.nanoTime() < ends || instances == 0) {
                        walk.instance(steps);
                        instances++;
                    }
                    return new long[] {instances, System.nanoTime()};
                }));
            }
            int instances = 0;
            long last = started;
            for (Future<long[]> driver : drivers) {
                long[] done = driver.get();
                instances += (int) done[0];
                last = Math.max(last, done[1]);
            }
            long[] all = recorded.stream().flatMapToLong(steps -> Arrays.stream(steps.nanos, 0, steps.size)).sorted()
                    .toArray();
            return new Figures(threads, instances, all.length, (last - started) / 1e9, percentile(all, 50),
                    percentile(all, 99));
        } finally {
            pool.shutdownNow();
        }
    }

    private static double percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
