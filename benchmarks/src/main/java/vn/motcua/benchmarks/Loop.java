package vn.motcua.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A timed loop: {@code threads} threads repeat one operation for a warm-up, then for a measured time; the rate is the
 * units done (rows, events, signatures) per second of the measured time, summed over the threads. Every unit done,
 * warm-up included, is counted in {@link Result#total()} so that a benchmark can check the work against the database.
 */
final class Loop {

    /** One call of the operation: does some units of work and says how many. */
    interface Operation {
        long run(int thread, long iteration) throws Exception;
    }

    record Result(double rate, long total, long measured, double seconds) {
    }

    private Loop() {
    }

    static Result run(int threads, double warmUp, double measure, Operation operation) throws Exception {
        AtomicLong total = new AtomicLong();
        AtomicLong measured = new AtomicLong();
        long start = System.nanoTime();
        long measuring = start + (long) (warmUp * 1e9);
        long end = measuring + (long) (measure * 1e9);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    long iteration = 0;
                    long now;
                    while ((now = System.nanoTime()) < end) {
                        long units = operation.run(thread, iteration++);
                        total.addAndGet(units);
                        if (now >= measuring) {
                            measured.addAndGet(units);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        return new Result(measured.get() / measure, total.get(), measured.get(), measure);
    }
}
