package vn.motcua.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.motcua.engine.document.Upload;
import vn.motcua.engine.dossier.Applicant;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.dossier.process.DossierWorkflow;
import vn.motcua.engine.dossier.process.NewDossier;
import vn.motcua.portal.MotcuaApplication;
import vn.motcua.search.DossierQuery;
import vn.motcua.search.DossierSearch;

/**
 * Indexing lag under a sustained submission load: the application runs on its embedded default
 * (PostgreSQL, Kafka, MongoDB-protocol server, Elasticsearch, all in this JVM), a driver submits
 * dossiers at a fixed rate, and a watcher measures, for each dossier, the time from the committed
 * submission until Elasticsearch finds it (event store → Kafka → consumer → bulk index → refresh).
 */
@Command(name = "indexing-lag", mixinStandardHelpOptions = true,
        description = "Submits dossiers at a steady rate and prints the indexing lag percentiles.")
final class IndexingLag implements Callable<Integer> {

    @Option(names = "--rate", defaultValue = "20", description = "submissions per second (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--seconds", defaultValue = "60", description = "duration of the load (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup", defaultValue = "50", description = "submissions before measuring (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--data-dir", description = "where the embedded servers keep their data (default: a new temp dir)")
    Path dataDir;

    private record Pending(String code, long committedAt) {
    }

    @Override
    public Integer call() throws Exception {
        Path data = dataDir != null ? dataDir : Files.createTempDirectory("motcua-bench");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MotcuaApplication.class)
                .run("--motcua.data-dir=" + data, "--server.port=0", "--logging.level.root=WARN")) {
            DossierWorkflow workflow = app.getBean(DossierWorkflow.class);
            DossierSearch search = app.getBean(DossierSearch.class);
            Identity citizen = new Identity("bench-citizen", "Nguyễn Văn Đo", Set.of(Role.CITIZEN), null);
            byte[] pdf = pdf();

            System.out.printf("Warming up with %d submissions...%n", warmup);
            String last = null;
            for (int i = 0; i < warmup; i++) {
                last = submit(workflow, citizen, pdf, i);
            }
            awaitFound(search, last, Duration.ofMinutes(3));

            ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
            AtomicInteger submitted = new AtomicInteger();
            ScheduledExecutorService driver = Executors.newSingleThreadScheduledExecutor();
            long start = System.nanoTime();
            driver.scheduleAtFixedRate(() -> {
                String code = submit(workflow, citizen, pdf, submitted.incrementAndGet());
                pending.add(new Pending(code, System.nanoTime()));
            }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);

            List<Long> lagsMillis = new ArrayList<>();
            ArrayDeque<Pending> waiting = new ArrayDeque<>();
            long loadEnds = start + TimeUnit.SECONDS.toNanos(seconds);
            boolean stopped = false;
            long giveUp = loadEnds + TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < giveUp) {
                if (!stopped && System.nanoTime() >= loadEnds) {
                    driver.shutdown();
                    driver.awaitTermination(30, TimeUnit.SECONDS);
                    stopped = true;
                }
                for (Pending next; (next = pending.poll()) != null; ) {
                    waiting.add(next);
                }
                Pending oldest = waiting.peek();
                if (oldest == null) {
                    if (stopped) {
                        break;
                    }
                    Thread.sleep(10);
                    continue;
                }
                if (found(search, oldest.code())) {
                    lagsMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - oldest.committedAt()));
                    waiting.poll();
                } else {
                    Thread.sleep(20);
                }
            }
            double achieved = submitted.get() / (double) seconds;
            report(lagsMillis, submitted.get(), achieved, waiting.size() + pending.size());
        }
        return 0;
    }

    private static void report(List<Long> lags, int submitted, double achieved, int notFound) {
        Collections.sort(lags);
        System.out.printf("submitted %d dossiers (%.1f/s); indexed and measured %d; not found in time %d%n",
                submitted, achieved, lags.size(), notFound);
        if (!lags.isEmpty()) {
            System.out.printf("indexing lag ms: p50=%d p90=%d p99=%d max=%d%n", percentile(lags, 50),
                    percentile(lags, 90), percentile(lags, 99), lags.get(lags.size() - 1));
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String submit(DossierWorkflow workflow, Identity citizen, byte[] pdf, int n) {
        return workflow.submit(new NewDossier("1.002600", "000.00.16.H26",
                        new Applicant("Nguyễn Văn Đo " + n, "001099012345", "0912345678", null, "Hà Nội"),
                        Map.of("productName", "Sản phẩm thử tải " + n, "brand", "Thử tải"), null),
                List.of(new Upload("files[0]", "phieu.pdf", "application/pdf", pdf)), citizen).code();
    }

    private static boolean found(DossierSearch search, String code) {
        try {
            return search.search(DossierQuery.builder().text(code).page(0, 1).build(), null).total() > 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void awaitFound(DossierSearch search, String code, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!found(search, code) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static byte[] pdf() throws Exception {
        try (PDDocument document = new PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }
}
