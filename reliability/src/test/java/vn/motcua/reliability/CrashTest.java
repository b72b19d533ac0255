package vn.motcua.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import vn.motcua.reliability.support.Http;
import vn.motcua.reliability.support.Node;
import vn.motcua.reliability.support.Results;
import vn.motcua.reliability.support.Samples;

/**
 * kill -9 under submission load: the application runs in a JVM of its own ({@link Node}); a driver of a few clients
 * in this JVM submits dossiers without pause. The node is killed at a random moment, started again on the same
 * data, and checked before the load resumes: every acknowledged (201) submission is there for its citizen, no
 * aggregate has two events at one sequence number, the registry, the MongoDB views and the search index converge to
 * the event store within a bound.
 */
@Order(5)
class CrashTest {

    private static final int CLIENTS = 4;
    private static final Duration CONVERGENCE = Duration.ofSeconds(90);

    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean paused = new AtomicBoolean(true);
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();

    @Test
    void killedUnderLoadItLosesNothingAndConverges() throws Exception {
        int kills = Results.integer("reliability.crash.kills", 2);
        long seed = Long.getLong("reliability.seed", 20261122L);
        Random random = new Random(seed);
        Results results = new Results("crash", "Crash (kill -9 under load)");
        Path data = Path.of("target", "reliability-data", "crash-" + System.currentTimeMillis()).toAbsolutePath();
        Node node = new Node(data);
        results.line("%d kills, %d clients submitting without pause, the node in a JVM of its own (data in %s)",
                kills, CLIENTS, data.getFileName());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        int lost = 0;
        int duplicates = 0;
        int notConverged = 0;
        try {
            double first = node.start();
            results.line("first start: ready in %.1f s", first);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> drive(node, client));
            }
            for (int round = 1; round <= kills; round++) {
                paused.set(false);
                long loadMillis = 4_000 + random.nextInt(8_000);
                Thread.sleep(loadMillis);
                int before = acknowledged.size();
                node.kill();
                paused.set(true);
                Thread.sleep(300);
                double restart = node.start();
                Check check = check(node, results, round);
                lost += check.lost;
                duplicates += check.duplicates;
                notConverged += check.converged ? 0 : 1;
                results.line("round %d: killed after %.1f s of load; restarted in %.1f s; acknowledged %d (before kill"
                                + " %d), stored %d, lost %d, stored without acknowledgement %d (in flight at the kill),"
                                + " duplicate steps %d; registry/views/index = %d/%d/%d of %d, converged %s",
                        round, loadMillis / 1000.0, restart, check.acknowledged, before, check.stored, check.lost,
                        check.inFlight, check.duplicates, check.registry, check.views, check.indexed, check.stored,
                        check.converged ? "in " + check.convergedSeconds + " s" : "NOT within " + CONVERGENCE.toSeconds()
                                + " s");
            }
        } finally {
            running.set(false);
            clients.shutdownNow();
            node.stop();
        }
        results.line("in all: %d acknowledged, %d lost, %d duplicate steps, %d rounds not converged; %d submissions"
                        + " refused (4xx/5xx) and %d unanswered while the node was killed or starting",
                acknowledged.size(), lost, duplicates, notConverged, refused.get(), unanswered.get());
        results.write();
        assertThat(lost).as("acknowledged submissions lost").isZero();
        assertThat(duplicates).as("steps recorded twice").isZero();
        assertThat(notConverged).as("rounds whose read models and index did not converge").isZero();
    }

    /** One client: submits as one of the two citizens, to one of the two units, again and again. */
    private void drive(Node node, int client) {
        String citizen = client % 2 == 0 ? "citizen-a" : "citizen-b";
        String unit = client < 2 ? Samples.HANOI : Samples.HCMC;
        int n = 0;
        while (running.get()) {
            if (paused.get()) {
                pause(100);
                continue;
            }
            Http http = new Http(node.base());
            Http.Response response = http.send(Samples.submission(citizen, unit, "Khách " + client + "-" + (n++)));
            if (response.status() == 201) {
                acknowledged.put(response.json().get("code").asText(), citizen);
            } else if (response.status() < 0) {
                unanswered.incrementAndGet();
                pause(200);
            } else {
                refused.incrementAndGet();
                pause(200);
            }
        }
    }

    record Check(int acknowledged, int stored, int lost, int inFlight, int duplicates, int registry, int views,
                 int indexed, boolean converged, long convergedSeconds) {
    }

    private Check check(Node node, Results results, int round) throws Exception {
        Http http = new Http(node.base());
        Set<String> acked = new HashSet<>(acknowledged.keySet());
        int lost = 0;
        for (String code : acked) {
            Http.Response response = http.get("/api/v1/dossiers/" + code, acknowledged.get(code));
            if (response.status() != 200) {
                lost++;
                results.finding("round " + round + ": acknowledged " + code + " answers " + response);
            }
        }
        Set<String> stored = new HashSet<>();
        int duplicates;
        int registry;
        try (Connection connection = node.database(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("select distinct aggregate_identifier from domain_event_entry"
                    + " where type = 'Dossier'")) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
            try (ResultSet rows = statement.executeQuery("select count(*) from (select aggregate_identifier,"
                    + " sequence_number from domain_event_entry group by 1, 2 having count(*) > 1) twice")) {
                rows.next();
                duplicates = rows.getInt(1);
            }
            try (ResultSet rows = statement.executeQuery("select count(*) from dossier_registry")) {
                rows.next();
                registry = rows.getInt(1);
            }
        }
        for (String code : acked) {
            if (!stored.contains(code)) {
                results.finding("round " + round + ": acknowledged " + code + " has no event in the event store");
            }
        }
        int inFlight = (int) stored.stream().filter(code -> !acked.contains(code)).count();
        // views and index: every stored dossier, polled until all are there or the bound passes
        Instant start = Instant.now();
        Set<String> withoutView = new HashSet<>(stored);
        int indexed = 0;
        boolean converged = false;
        while (Duration.between(start, Instant.now()).compareTo(CONVERGENCE) < 0) {
            withoutView.removeIf(code -> http.get("/api/v1/dossiers/" + code + "/view", "inspector").status() == 200);
            Http.Response search = http.get("/api/v1/search/dossiers?size=1", "inspector");
            indexed = search.status() == 200 ? search.json().path("total").asInt() : -1;
            if (withoutView.isEmpty() && indexed == stored.size() && registry == stored.size()) {
                converged = true;
                break;
            }
            pause(500);
        }
        long seconds = Duration.between(start, Instant.now()).toSeconds();
        if (!converged) {
            results.finding("round " + round + ": not converged within " + CONVERGENCE.toSeconds() + " s: "
                    + stored.size() + " dossiers in the event store, " + registry + " in the registry, "
                    + (stored.size() - withoutView.size()) + " views (missing " + sample(withoutView) + "), "
                    + indexed + " in the index");
        }
        return new Check(acked.size(), stored.size(), lost, inFlight, duplicates, registry,
                stored.size() - withoutView.size(), indexed, converged, seconds);
    }

    private static List<String> sample(Set<String> codes) {
        return new ArrayList<>(codes).subList(0, Math.min(5, codes.size()));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
