package vn.motcua.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.search.Hit;
import vn.motcua.engine.dossier.process.DossierWorkflow;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.platform.AggregateTypes;
import vn.motcua.engine.publication.EventTopics;
import vn.motcua.search.DossierQuery;
import vn.motcua.search.DossierSearch;
import vn.motcua.search.IndexAdmin;

/**
 * Indexing lag under a steady submission load: a driver submits dossiers through {@link DossierWorkflow#submit} at a
 * fixed rate, and a watcher measures for each one the time from its committed submission until a search finds it by
 * its code — event store → tracking processor → Kafka (CloudEvent) → consumer → bulk index → index refresh, all in
 * this JVM on the embedded default, competing with the load for the cores.
 *
 * <p>Where the time goes, per dossier, without touching the pipeline: the Kafka record's own timestamp (set by the
 * producer when the publisher sends it) and the moment a consumer of the benchmark's own group reads it; the moment a
 * real-time {@code mget} sees the document (written by the bulk, not yet refreshed); and the moment a search finds it.
 * The watcher asks for the {@value #WATCHED} oldest dossiers still pending in one request of each kind every
 * {@value #ROUND_MILLIS} ms.
 */
final class IndexingLag implements Benchmark {

    private static final int RATE = 20;
    /** Threads that submit, so that the rate holds while one submission takes longer than its 50 ms. */
    private static final int SUBMITTERS = 4;
    private static final long ROUND_MILLIS = 10;
    private static final String UNIT = "000.00.16.H26";
    /**
     * How many of the oldest pending dossiers a round asks about: bounded, so that a backlog does not make the
     * watcher's own requests a load on Elasticsearch that deepens it.
     */
    private static final int WATCHED = 50;

    @Override
    public String name() {
        return "indexing-lag";
    }

    /** The time stamps of one dossier, epoch milliseconds; 0 until seen. */
    private static final class Stamps {
        final long committed;
        volatile long sent;
        volatile long consumed;
        long indexed;
        long searchable;

        Stamps(long committed) {
            this.committed = committed;
        }
    }

    @Override
    public Section run(Run run) throws Exception {
        int seconds = run.scale().pick(5, 60);
        int warmUp = run.scale().pick(5, 50);
        DossierWorkflow workflow = run.bean(DossierWorkflow.class);
        DossierSearch search = run.bean(DossierSearch.class);
        ElasticsearchClient client = run.bean(ElasticsearchClient.class);
        String topic = run.bean(EventTopics.class).topic(run.bean(AggregateTypes.class).all().stream()
                .filter(type -> type.name().equals("dossier")).findFirst().orElseThrow());
        Identity citizen = new Identity("bench-citizen", "Nguyễn Văn Đô", Set.of(Role.CITIZEN), null);

        System.out.printf("Warming up with %d submissions...%n", warmUp);
        String last = null;
        for (int i = 0; i < warmUp; i++) {
            last = Submissions.submit(workflow, citizen, UNIT, -i - 1);
        }
        awaitFound(search, last, Duration.ofMinutes(3));

        Map<String, Stamps> stamps = new ConcurrentHashMap<>();
        AtomicBoolean watching = new AtomicBoolean(true);
        String bootstrapServers = String.join(",", run.bean(KafkaConnectionDetails.class).getBootstrapServers());
        Thread kafka = Thread.ofPlatform().name("lag-kafka-watcher").start(() -> watchKafka(bootstrapServers, topic,
                stamps, watching));

        ConcurrentLinkedQueue<String> committed = new ConcurrentLinkedQueue<>();
        AtomicInteger submitted = new AtomicInteger();
        ScheduledExecutorService driver = Executors.newSingleThreadScheduledExecutor();
        ExecutorService submitters = Executors.newFixedThreadPool(SUBMITTERS);
        long start = System.nanoTime();
        driver.scheduleAtFixedRate(() -> submitters.execute(() -> {
            String code = Submissions.submit(workflow, citizen, UNIT, submitted.incrementAndGet());
            stamps.put(code, new Stamps(System.currentTimeMillis()));
            committed.add(code);
        }), 0, 1_000_000 / RATE, TimeUnit.MICROSECONDS);

        List<String> pending = new ArrayList<>();
        List<String> all = new ArrayList<>();
        long loadEnds = start + TimeUnit.SECONDS.toNanos(seconds);
        long giveUp = loadEnds + TimeUnit.MINUTES.toNanos(2);
        boolean stopped = false;
        while (System.nanoTime() < giveUp) {
            if (!stopped && System.nanoTime() >= loadEnds) {
                driver.shutdown();
                driver.awaitTermination(30, TimeUnit.SECONDS);
                submitters.shutdown();
                submitters.awaitTermination(2, TimeUnit.MINUTES);
                stopped = true;
            }
            for (String code; (code = committed.poll()) != null; ) {
                pending.add(code);
                all.add(code);
            }
            if (pending.isEmpty()) {
                if (stopped) {
                    break;
                }
            } else {
                watch(client, pending, stamps);
            }
            Thread.sleep(ROUND_MILLIS);
        }
        watching.set(false);
        kafka.join(10_000);
        if (!pending.isEmpty()) {
            throw new IllegalStateException(pending.size() + " dossiers not found two minutes after the load: "
                    + pending.subList(0, Math.min(5, pending.size())));
        }
        for (String code : all) {
            if (search.search(DossierQuery.builder().text(code).page(0, 1).build(), UNIT).total() != 1) {
                throw new IllegalStateException("dossier " + code + " is not found by its code");
            }
        }
        return section(all, stamps, seconds, submitted.get() / (double) seconds);
    }

    /** One round: which pending dossiers are written (real-time get) and which are found by a search. */
    private static void watch(ElasticsearchClient client, List<String> pending, Map<String, Stamps> stamps)
            throws java.io.IOException {
        List<String> oldest = List.copyOf(pending.subList(0, Math.min(WATCHED, pending.size())));
        List<String> unindexed = oldest.stream().filter(code -> stamps.get(code).indexed == 0).toList();
        if (!unindexed.isEmpty()) {
            var documents = client.mget(m -> m.index(IndexAdmin.DOSSIERS).ids(unindexed)
                    .source(src -> src.fetch(false)), Void.class);
            long now = System.currentTimeMillis();
            documents.docs().stream().filter(item -> item.isResult() && item.result().found())
                    .forEach(item -> stamps.get(item.result().id()).indexed = now);
        }
        List<FieldValue> codes = oldest.stream().map(FieldValue::of).toList();
        var found = client.search(s -> s.index(IndexAdmin.DOSSIERS)
                .query(q -> q.terms(t -> t.field("code").terms(v -> v.value(codes))))
                .source(src -> src.fetch(false)).size(codes.size()), Void.class);
        long now = System.currentTimeMillis();
        for (Hit<Void> hit : found.hits().hits()) {
            Stamps stamp = stamps.get(hit.id());
            stamp.searchable = now;
            if (stamp.indexed == 0) {
                stamp.indexed = now;
            }
            pending.remove(hit.id());
        }
    }

    /** Reads the dossier topic in a group of its own, from now on: when each submission was sent and received. */
    private static void watchKafka(String bootstrapServers, String topic, Map<String, Stamps> stamps,
                                   AtomicBoolean watching) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "benchmark-lag-" + System.nanoTime());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Map<String, long[]> early = new HashMap<>();
            while (watching.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.currentTimeMillis();
                    Stamps stamp = stamps.get(record.key());
                    if (stamp == null) {
                        // read before the driver recorded its commit: kept until it does
                        early.putIfAbsent(record.key(), new long[] {record.timestamp(), now});
                    } else if (stamp.sent == 0) {
                        stamp.sent = record.timestamp();
                        stamp.consumed = now;
                    }
                }
                early.entrySet().removeIf(entry -> {
                    Stamps stamp = stamps.get(entry.getKey());
                    if (stamp != null && stamp.sent == 0) {
                        stamp.sent = entry.getValue()[0];
                        stamp.consumed = entry.getValue()[1];
                    }
                    return stamp != null;
                });
            }
        }
    }

    private static Section section(List<String> codes, Map<String, Stamps> stamps, int seconds, double achieved) {
        Map<String, long[]> stages = new LinkedHashMap<>();
        stages.put("committed → sent to Kafka (tracking processor, publisher)", new long[codes.size()]);
        stages.put("sent → read by a consumer (producer batch, broker, fetch)", new long[codes.size()]);
        stages.put("read → written in Elasticsearch (consumer, mget + bulk)", new long[codes.size()]);
        stages.put("written → searchable (refresh)", new long[codes.size()]);
        long[] total = new long[codes.size()];
        for (int i = 0; i < codes.size(); i++) {
            Stamps stamp = stamps.get(codes.get(i));
            long sent = stamp.sent == 0 ? stamp.committed : Math.max(stamp.committed, stamp.sent);
            long consumed = stamp.consumed == 0 ? sent : Math.max(sent, stamp.consumed);
            long indexed = Math.max(consumed, stamp.indexed);
            List<long[]> columns = List.copyOf(stages.values());
            columns.get(0)[i] = sent - stamp.committed;
            columns.get(1)[i] = consumed - sent;
            columns.get(2)[i] = indexed - consumed;
            columns.get(3)[i] = stamp.searchable - indexed;
            total[i] = stamp.searchable - stamp.committed;
        }
        StringBuilder md = new StringBuilder();
        md.append("""
                What is measured: for each dossier submitted through `DossierWorkflow.submit` (event appended and \
                signed, process started, one PostgreSQL transaction) at a steady %d/s for %d s (up to %d at once), \
                the time from its \
                committed submission until a search finds it by its code: event store → tracking processor → Kafka \
                (CloudEvent) → consumer → bulk index → refresh. Everything runs on the embedded default in one JVM \
                (PostgreSQL, Kafka broker, MongoDB-protocol server, Elasticsearch node), so the load competes with \
                all of them for the 2 cores. A watcher asks every %d ms, for the %d oldest dossiers still pending, a \
                real-time `mget` (written?) and a search by code (searchable?); a consumer of its own group stamps \
                when each submission reached Kafka (the record's producer timestamp) and was read. Every dossier \
                was then found through `DossierSearch` by its code: none lost.

                Submitted %d dossiers (%.1f/s achieved).

                | stage | p50 ms | p90 ms | p99 ms | max ms |
                |---|---|---|---|---|
                """.formatted(RATE, seconds, SUBMITTERS, ROUND_MILLIS, WATCHED, codes.size(), achieved));
        stages.forEach((stage, millis) -> md.append(row(stage, millis)));
        md.append(row("**committed → searchable**", total));
        String slowest = stages.entrySet().stream()
                .max(java.util.Comparator.comparingLong(stage -> percentile(stage.getValue(), 90)))
                .map(Map.Entry::getKey).orElseThrow();
        md.append("""

                Reading: the stages are each dossier's own (p99 of the total is not the sum of the stages' p99). \
                The refresh used to be most of the lag: at Elasticsearch's default interval of 1 s it alone added \
                up to a second (this section's earlier runs, before issue 15: p50 1.0–1.2 s, p99 ~2.0 s at 20/s); \
                the dossier and audit indexes now refresh every 200 ms (set in their index definitions, put on \
                existing indexes at start). The slowest stage at p90 in this run: %s. What is left is the \
                pipeline sharing 2 cores with the submissions themselves, PostgreSQL, the Kafka broker and the \
                Elasticsearch node: no stage waits on a timer of its own (the tracking processor is woken by the \
                commit, the producer lingers 5 ms, the consumer's fetch returns as soon as a record arrives). When \
                other work takes the cores, the search consumer is the stage that falls behind: its backlog shows \
                in "read → written" (seen during development with other sessions' builds running, load average \
                15–30: p50 6–10 s at 20/s with either refresh interval; on a quieter machine, p99 0.6 s).
                """.formatted(slowest));
        long p99 = percentile(total, 99);
        return new Section("Indexing lag under sustained submissions", md.toString(), List.of(new Section.Target(
                "event to searchable p99 < 1 s (%d submissions/s)".formatted(RATE),
                "p99 %d ms, p50 %d ms, max %d ms (%d dossiers)".formatted(p99, percentile(total, 50),
                        percentile(total, 100), codes.size()), p99 < 1_000,
                "the 200 ms refresh (was 1 s) bounds the last stage; the rest is CPU shared with everything in one "
                        + "JVM on 2 cores (slowest stage at p90 here: " + slowest + "). Moving it further: "
                        + "Elasticsearch and Kafka on machines of their own, as in production; a shorter refresh "
                        + "still trades merge work for at most its own length")));
    }

    private static String row(String stage, long[] millis) {
        return "| %s | %d | %d | %d | %d |%n".formatted(stage, percentile(millis, 50), percentile(millis, 90),
                percentile(millis, 99), percentile(millis, 100));
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }


    private static void awaitFound(DossierSearch search, String code, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (search.search(DossierQuery.builder().text(code).page(0, 1).build(), UNIT).total() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the warm-up's last dossier " + code + " was never found");
            }
            Thread.sleep(50);
        }
    }

}
