package vn.motcua.benchmarks;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Time;
import vn.motcua.engine.dossier.DossierStatus;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.platform.AggregateTypes;
import vn.motcua.process.ProcedureCatalogue;
import vn.motcua.search.AuditIndex;
import vn.motcua.search.AuditIndexer;
import vn.motcua.search.AuditQuery;
import vn.motcua.search.DossierHit;
import vn.motcua.search.DossierQuery;
import vn.motcua.search.DossierSearch;
import vn.motcua.search.EventEnvelope;
import vn.motcua.search.IndexAdmin;
import vn.motcua.search.SearchIndexer;
import vn.motcua.search.SearchPage;

/**
 * Search at the size of a provincial health department's two years: {@link SearchData} dossiers with their audit
 * events are written into the application's own dossier and audit indexes by the search module's own indexers (the
 * versioned dossier documents, one audit document per event), then a mix of the queries officials and inspectors
 * make runs through {@link DossierSearch}, the service behind the API, on one thread and then on four.
 *
 * <p>The generator hands its batches to the indexers directly rather than through the event store and Kafka: the
 * pipeline's throughput is another benchmark's subject (indexing lag), and storing a million signed events first
 * would take most of the run's budget for the same index in the end.
 */
final class SearchBenchmark implements Benchmark {

    private static final int DOSSIERS_PER_BATCH = 500;
    private static final int LOADERS = 3;
    private static final int PAGE_SIZE = 20;
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Set<DossierStatus> OPEN = EnumSet.of(DossierStatus.ACCEPTED, DossierStatus.IN_APPRAISAL,
            DossierStatus.APPRAISED, DossierStatus.APPROVED, DossierStatus.SUPPLEMENT_REQUESTED);

    @Override
    public String name() {
        return "search";
    }

    @Override
    public Section run(Run run) throws Exception {
        int dossiers = run.scale().pick(1_000, 100_000);
        int queriesPerKind = run.scale().pick(20, 400);
        ElasticsearchClient client = run.bean(ElasticsearchClient.class);
        IndexAdmin indexAdmin = run.bean(IndexAdmin.class);
        AuditIndex auditIndex = run.bean(AuditIndex.class);
        DossierSearch search = run.bean(DossierSearch.class);
        indexAdmin.ensureIndices();
        auditIndex.ensureIndex();
        indexAdmin.refresh();
        auditIndex.refresh();
        // the generated steps all lie before today; whatever the application itself indexes meanwhile, after
        Instant now = LocalDate.now(ZONE).atStartOfDay(ZONE).toInstant();
        long dossiersBefore = count(client, IndexAdmin.DOSSIERS, "receivedAt", now);
        long eventsBefore = count(client, AuditIndex.AUDIT_EVENTS, "time", now);

        SearchData data = new SearchData(run.bean(ObjectMapper.class), run.bean(AggregateTypes.class),
                run.bean(ProcedureCatalogue.class).all(), now, dossiers);
        System.out.printf("Indexing %,d dossiers and their events...%n", dossiers);
        Load load = load(client, run.bean(SearchIndexer.class), run.bean(AuditIndexer.class), data);
        long dossiersIndexed = count(client, IndexAdmin.DOSSIERS, "receivedAt", now) - dossiersBefore;
        long eventsIndexed = count(client, AuditIndex.AUDIT_EVENTS, "time", now) - eventsBefore;
        if (dossiersIndexed != dossiers || eventsIndexed != load.events()) {
            throw new IllegalStateException("indexed %d dossiers and %d events, generated %d and %d"
                    .formatted(dossiersIndexed, eventsIndexed, dossiers, load.events()));
        }
        System.out.printf("Indexed %,d dossiers and %,d events in %.1f s (loaders: %d s making, %d s dossiers, "
                        + "%d s audit)%n", dossiers, load.events(), load.took().toMillis() / 1000.0,
                load.generating() / 1_000_000_000L, load.dossierWrites() / 1_000_000_000L,
                load.auditWrites() / 1_000_000_000L);

        Duration settling = awaitMerges(client);
        System.out.printf("Merges done %d s after the load%n", settling.toSeconds());

        List<Kind> kinds = kinds(search, data, load.eventCounts(), now);
        measure(kinds, queriesPerKind / 2, 1, 1);
        Measurement single = measure(kinds, queriesPerKind, 1, 2);
        Measurement four = measure(kinds, queriesPerKind, 4, 3);
        return section(data, load, settling, kinds, single, four, queriesPerKind);
    }

    /**
     * What the load did: how long it took, how many events, each dossier's number of events, and the loaders' time
     * (summed over threads) spent making the events, writing the dossier documents and writing the audit events.
     */
    private record Load(Duration took, long events, int[] eventCounts, long generating, long dossierWrites,
                        long auditWrites) {
    }

    /**
     * Writes every dossier and event with refresh off (replicas are 0 on this one-node cluster already, by
     * {@code auto_expand_replicas}), several batches at once, then restores the indexes' refresh interval.
     */
    private static Load load(ElasticsearchClient client, SearchIndexer dossierIndexer, AuditIndexer auditIndexer,
                             SearchData data) throws Exception {
        Map<String, String> refresh = new LinkedHashMap<>();
        for (String alias : List.of(IndexAdmin.DOSSIERS, AuditIndex.AUDIT_EVENTS)) {
            refresh.put(alias, refreshInterval(client, alias));
            setRefreshInterval(client, alias, "-1");
        }
        int[] eventCounts = new int[data.dossiers()];
        AtomicLong events = new AtomicLong();
        AtomicLong generating = new AtomicLong();
        AtomicLong dossierWrites = new AtomicLong();
        AtomicLong auditWrites = new AtomicLong();
        long started = System.nanoTime();
        ExecutorService loaders = Executors.newFixedThreadPool(LOADERS);
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (int from = 0; from < data.dossiers(); from += DOSSIERS_PER_BATCH) {
                int first = from;
                int last = Math.min(data.dossiers(), from + DOSSIERS_PER_BATCH);
                batches.add(loaders.submit(() -> {
                    long t0 = System.nanoTime();
                    List<EventEnvelope> batch = new ArrayList<>();
                    for (int n = first; n < last; n++) {
                        List<EventEnvelope> told = data.dossier(n).events();
                        eventCounts[n] = told.size();
                        batch.addAll(told);
                    }
                    long t1 = System.nanoTime();
                    dossierIndexer.index(batch);
                    long t2 = System.nanoTime();
                    auditIndexer.index(batch);
                    long t3 = System.nanoTime();
                    generating.addAndGet(t1 - t0);
                    dossierWrites.addAndGet(t2 - t1);
                    auditWrites.addAndGet(t3 - t2);
                    long total = events.addAndGet(batch.size());
                    if (last % (DOSSIERS_PER_BATCH * 20) == 0) {
                        System.out.printf("  %,d events indexed, %,.0f/s%n", total,
                                total / ((System.nanoTime() - started) / 1e9));
                    }
                    return null;
                }));
            }
            for (Future<?> batch : batches) {
                batch.get();
            }
        } finally {
            loaders.shutdownNow();
            refresh.forEach((alias, interval) -> setRefreshInterval(client, alias, interval));
        }
        client.indices().refresh(r -> r.index(List.copyOf(refresh.keySet())));
        return new Load(Duration.ofNanos(System.nanoTime() - started), events.get(), eventCounts, generating.get(),
                dossierWrites.get(), auditWrites.get());
    }

    /**
     * One kind of query: its name, who makes it and how, what its cost is made of, whether it reads the audit index,
     * and one query.
     */
    private record Kind(String name, String how, String cost, boolean audit, Function<SplittableRandom, Long> query) {
    }

    /**
     * The query mix, each kind through {@link DossierSearch} as the API calls it; each query checks what it must
     * find (the dossier by its name or code, the whole trail of a dossier) and returns the number of hits.
     */
    private static List<Kind> kinds(DossierSearch search, SearchData data, int[] eventCounts, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        String[] units = SearchData.UNITS;
        List<Kind> kinds = new ArrayList<>();
        kinds.add(new Kind("applicant's name", "official of the dossier's unit; full name, with or without diacritics",
                "every folded word required (match_bool_prefix): the family and middle names match long posting lists (Nguyễn is a third of the people) before the given name narrows them, and the last word is expanded as a prefix",
                false, random -> {
                    SearchData.Dossier dossier = data.dossier(random.nextInt(data.dossiers()));
                    String text = random.nextBoolean() ? dossier.applicantName() : folded(dossier.applicantName());
                    return expectSome(text, search.search(DossierQuery.builder().text(text).page(0, PAGE_SIZE)
                            .build(), dossier.unitId()));
                }));
        kinds.add(new Kind("dossier code", "official of the dossier's unit; the exact code",
                "a term on the code or its words in the text: little more than the request's fixed part", false, random -> {
            SearchData.Dossier dossier = data.dossier(random.nextInt(data.dossiers()));
            SearchPage<DossierHit> page = search.search(DossierQuery.builder().text(dossier.code())
                    .page(0, PAGE_SIZE).build(), dossier.unitId());
            if (page.total() != 1 || !page.hits().getFirst().code().equals(dossier.code())) {
                throw new IllegalStateException("code " + dossier.code() + " found " + page.total() + " times");
            }
            return page.total();
        }));
        kinds.add(new Kind("status + unit", "official; one or two open statuses of their unit, newest first",
                "two term filters (cached bitsets), then every match sorted by date for the top 20 and counted exactly", false,
                random -> {
                    List<DossierStatus> open = new ArrayList<>(OPEN);
                    Set<DossierStatus> statuses = EnumSet.of(open.get(random.nextInt(open.size())),
                            open.get(random.nextInt(open.size())));
                    return search.search(DossierQuery.builder().statuses(statuses).page(0, PAGE_SIZE).build(),
                            units[random.nextInt(units.length)]).total();
                }));
        kinds.add(new Kind("date range + unit", "official; received in a 30-day window of the last two years",
                "a range on the received date (points) with the unit filter; a month's matches sorted and counted", false,
                random -> {
                    LocalDate from = today.minusDays(30 + random.nextInt(700));
                    return search.search(DossierQuery.builder().received(from, from.plusDays(29)).page(0, PAGE_SIZE)
                            .build(), units[random.nextInt(units.length)]).total();
                }));
        kinds.add(new Kind("paging", "official; all of their unit, page 2 to 50 of 20, newest first",
                "every dossier of the unit matches: the top (page + 1) × 20 by date are collected over all of them, and all counted", false,
                random -> search.search(DossierQuery.builder().page(1 + random.nextInt(49), PAGE_SIZE).build(),
                        units[random.nextInt(units.length)]).total()));
        kinds.add(new Kind("dossier's trail", "inspector; every event of one dossier (page of 50)",
                "a term on the dossier code: about ten events, sorted and fetched", true, random -> {
            int n = random.nextInt(data.dossiers());
            String code = data.dossier(n).code();
            long total = search.audit(AuditQuery.all().withDossier(code).page(0, 50)).total();
            if (total != eventCounts[n]) {
                throw new IllegalStateException("trail of " + code + ": " + total + " events, " + eventCounts[n]
                        + " indexed");
            }
            return total;
        }));
        kinds.add(new Kind("actor's events", "inspector; one official's steps, newest first (page of 20)",
                "one official's thousands of events sorted by time for the newest 20, counted exactly", true,
                random -> {
                    Role role = random.nextBoolean() ? Role.SPECIALIST : Role.RECEPTION;
                    String actor = SearchData.officialId(units[random.nextInt(units.length)], role,
                            random.nextInt(SearchData.staff(role)));
                    return search.audit(AuditQuery.all().withActor(actor).page(0, PAGE_SIZE)).total();
                }));
        kinds.add(new Kind("time range", "inspector; every step of one day (page of 50)",
                "a range on time: a day's events sorted, 50 fetched with their source", true, random -> {
            Instant from = today.minusDays(1 + random.nextInt(729)).atStartOfDay(ZONE).toInstant();
            return search.audit(AuditQuery.all().between(from, from.plus(Duration.ofDays(1))).page(0, 50)).total();
        }));
        return kinds;
    }

    private static long expectSome(String what, SearchPage<?> page) {
        if (page.total() == 0) {
            throw new IllegalStateException("nothing found for " + what);
        }
        return page.total();
    }

    private static String folded(String text) {
        return Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
    }

    /** The times of each kind's queries (ns), their hits, and the wall time of the whole mix. */
    private record Measurement(int threads, Map<String, long[]> nanos, Map<String, Long> hits, Duration wall) {

        long[] all(boolean audit, List<Kind> kinds) {
            return kinds.stream().filter(kind -> kind.audit() == audit).flatMapToLong(kind ->
                    Arrays.stream(nanos.get(kind.name()))).sorted().toArray();
        }

        double perSecond() {
            return nanos.values().stream().mapToInt(times -> times.length).sum() / (wall.toNanos() / 1e9);
        }
    }

    /** Runs {@code perKind} queries of every kind, shuffled, on {@code threads} threads. */
    private static Measurement measure(List<Kind> kinds, int perKind, int threads, long seed) throws Exception {
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < kinds.size(); k++) {
            for (int i = 0; i < perKind; i++) {
                order.add(k);
            }
        }
        java.util.Collections.shuffle(order, new java.util.Random(seed));
        long[][] nanos = new long[kinds.size()][perKind];
        int[] filled = new int[kinds.size()];
        long[] hits = new long[kinds.size()];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                SplittableRandom random = new SplittableRandom(seed * 31 + t);
                workers.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < order.size(); ) {
                        int k = order.get(i);
                        long start = System.nanoTime();
                        long found = kinds.get(k).query().apply(random);
                        long took = System.nanoTime() - start;
                        synchronized (nanos) {
                            nanos[k][filled[k]++] = took;
                            hits[k] += found;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        Map<String, long[]> byKind = new LinkedHashMap<>();
        Map<String, Long> hitsByKind = new LinkedHashMap<>();
        for (int k = 0; k < kinds.size(); k++) {
            Arrays.sort(nanos[k]);
            byKind.put(kinds.get(k).name(), nanos[k]);
            hitsByKind.put(kinds.get(k).name(), hits[k]);
            if (hits[k] == 0) {
                throw new IllegalStateException(kinds.get(k).name() + ": no query found anything");
            }
        }
        return new Measurement(threads, byKind, hitsByKind, wall);
    }

    private static double millis(long[] sortedNanos, double percentile) {
        int index = (int) Math.ceil(percentile / 100 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }

    private static String row(String name, String how, long[] single, long[] four, String cost) {
        return "| %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %s |%n".formatted(name, how, millis(single, 50),
                millis(single, 99), millis(single, 100), millis(four, 50), millis(four, 99), cost);
    }

    private static Section section(SearchData data, Load load, Duration settling, List<Kind> kinds, Measurement single, Measurement four,
                                   int perKind) {
        int dossiers = data.dossiers();
        double seconds = load.took().toNanos() / 1e9;
        double loaderTime = load.generating() + load.dossierWrites() + load.auditWrites();
        StringBuilder md = new StringBuilder();
        md.append("""
                What is measured: the searches officials and inspectors make, through `DossierSearch` (the service \
                behind the API), against the application's own `dossiers` and `audit-events` indexes (aliases, \
                mappings and analyser of the search module) holding **%,d dossiers and %,d audit events**. A \
                generator (`SearchData`) makes two years of a health department's dossiers: Vietnamese applicants, \
                the %d procedures of the catalogue, %d units, 6–12 steps each (submission, supplements, fees, \
                acceptance, assignment, consultations, appraisal, site inspections, review, approval or rejection, \
                result issued and returned, rating; the last weeks' dossiers are still in progress) by officials in their roles. The steps are the \
                engine's event records turned into JSON by the application's mapper and written by the search \
                module's own indexers (`SearchIndexer`: versioned dossier documents; `AuditIndexer`: one document \
                per event) — directly, not through the event store and Kafka: the pipeline is the indexing-lag \
                benchmark's subject, and storing a million signed events first would spend the run's budget to end \
                with the same indexes. The counts in both indexes were checked against what was generated.

                Loading: batches of %d dossiers (~%,d events: one `mget` + one bulk for the dossiers, bulks of 1,000 \
                for the audit events), %d batches at once, refresh off during the load and restored after \
                (replicas are 0 on this one-node cluster). **%,d documents in %.1f s: %,.0f audit events/s, %,.0f \
                dossiers/s** (generation included; it shares the 2 cores with the Elasticsearch node in the same JVM). \
                Of the loaders' time: %.0f %% making the events, %.0f %% writing the dossier documents, %.0f %% \
                writing the audit events.

                Queries, once the merges that follow a bulk load were over (%d s later): %d of each kind, shuffled, \
                after a warm-up of half as many; then the same mix on 4 threads. \
                Every query counts its hits (`track_total_hits`), as the API does; the checks: a name or a code \
                finds its dossier (a code exactly once), a trail has every event of its dossier.

                | query | who, how | 1 thread p50 ms | p99 ms | max ms | 4 threads p50 ms | p99 ms | what it costs |
                |---|---|---|---|---|---|---|---|
                """.formatted(dossiers, load.events(), data.procedures(), SearchData.UNITS.length,
                DOSSIERS_PER_BATCH, load.events() * DOSSIERS_PER_BATCH / Math.max(1, dossiers), LOADERS,
                dossiers + load.events(), seconds, load.events() / seconds, dossiers / seconds,
                100.0 * load.generating() / loaderTime, 100.0 * load.dossierWrites() / loaderTime,
                100.0 * load.auditWrites() / loaderTime, settling.toSeconds(), perKind));
        for (Kind kind : kinds) {
            md.append(row(kind.name(), kind.how(), single.nanos().get(kind.name()), four.nanos().get(kind.name()),
                    kind.cost()));
        }
        md.append(row("**dossier search, all kinds**", "", single.all(false, kinds), four.all(false, kinds), ""));
        md.append(row("**audit search, all kinds**", "", single.all(true, kinds), four.all(true, kinds), ""));
        md.append("\nThroughput of the mix: %.0f queries/s on 1 thread, %.0f on 4.\n"
                .formatted(single.perSecond(), four.perSecond()));
        double p99 = millis(single.all(false, kinds), 99);
        return new Section("Search: dossiers and audit trail at %,d dossiers / %,d events".formatted(dossiers,
                load.events()), md.toString(), List.of(new Section.Target(
                "dossier search p99 < 50 ms at 100,000 dossiers (1 thread)",
                "%.1f ms at %,d dossiers".formatted(p99, dossiers), p99 < 50 && dossiers >= 100_000,
                limits(kinds, single, four))));
    }

    /** What limits the query times: the slowest kind's cost, and the cores. */
    private static String limits(List<Kind> kinds, Measurement single, Measurement four) {
        Kind slowest = kinds.stream().filter(kind -> !kind.audit())
                .max(java.util.Comparator.comparingDouble(kind -> millis(single.nanos().get(kind.name()), 99)))
                .orElseThrow();
        return ("slowest dossier query at p99: %s (%.1f ms): %s. Each query is one request to a one-shard index; "
                + "most of its time is the fixed part (the Java client's JSON, HTTP on loopback, query and fetch "
                + "phases) and waiting for a core: the node shares the JVM and 2 cores with the application, and 4 "
                + "threads reach %.0f queries/s against %.0f on 1. Moving it: Elasticsearch on machines of its own "
                + "(production); a capped hit count (track_total_hits 10,000) for broad filters; search_after for "
                + "deep pages").formatted(slowest.name(), millis(single.nanos().get(slowest.name()), 99),
                slowest.cost(), four.perSecond(), single.perSecond());
    }

    /**
     * Waits (at most two minutes) until no merge runs on the two indexes: the segments a bulk load leaves are merged
     * in the background after it, and queries are measured on a settled index, as people meet it.
     */
    private static Duration awaitMerges(ElasticsearchClient client) throws Exception {
        long started = System.nanoTime();
        long giveUp = started + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < giveUp && client.indices().stats(s -> s
                .index(IndexAdmin.DOSSIERS, AuditIndex.AUDIT_EVENTS).metric(co.elastic.clients.elasticsearch._types.CommonStatsFlag.Merge)).all().total().merges()
                .current() > 0) {
            Thread.sleep(500);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** The documents of {@code index} whose {@code field} lies before {@code before}. */
    private static long count(ElasticsearchClient client, String index, String field, Instant before) {
        try {
            return client.count(c -> c.index(index).query(q -> q.range(r -> r.date(d -> d.field(field)
                    .lt(before.toString()))))).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String refreshInterval(ElasticsearchClient client, String alias) throws java.io.IOException {
        var settings = client.indices().getSettings(g -> g.index(alias)).settings().values().iterator().next();
        Time interval = settings.settings() == null || settings.settings().index() == null ? null
                : settings.settings().index().refreshInterval();
        return interval == null ? null : interval.time();
    }

    /** {@code null} (no interval of its own) puts Elasticsearch's default back, 1 s. */
    private static void setRefreshInterval(ElasticsearchClient client, String alias, String interval) {
        try {
            client.indices().putSettings(p -> p.index(alias)
                    .settings(s -> s.refreshInterval(t -> t.time(interval == null ? "1s" : interval))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
