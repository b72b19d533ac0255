package vn.motcua.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import vn.motcua.reliability.support.Http;
import vn.motcua.reliability.support.Node;
import vn.motcua.reliability.support.Results;
import vn.motcua.reliability.support.Samples;
import vn.motcua.reliability.support.Servers;

/**
 * Two application nodes on the same servers (issue 16, "Tests with two nodes"), each in a JVM of its own
 * ({@link Node}), under load from client threads that spread every dossier's steps over both: the citizen submits on
 * one node, reception accepts on the other, the fee is taken at the counter on the first; then the deadline warnings
 * are made due (their Camunda timer jobs' {@code duedate_} set to now) for the job executors of both to run.
 * <ol>
 * <li>A second node joins an embedded one as a person does it ({@code set -a; . data/servers.env; java …
 * --spring.profiles.active=join}): it starts no server of its own, and both serve.</li>
 * <li>The servers in the test's JVM ({@link Servers}), two joined nodes; the node that owns the tracking processors'
 * segments is killed with kill -9 while it holds deadline jobs; the other finishes the work.</li>
 * </ol>
 * What is checked is what an operator would check: codes distinct and gap-free per agency and day, every step
 * recorded once, every acknowledged step stored, views, search and the inspector's trail complete on every live
 * node, the Merkle log's checkpoints linear, one deadline warning per dossier, every processor segment owned by a
 * live node, one notification per event and channel.
 */
@Order(0)
class TwoNodesTest {

    private static final int CLIENTS = 4;
    private static final long FEE_VND = 500_000;
    private static final Duration BOUND = Duration.ofSeconds(120);
    private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(60);
    private static final String WARNED = "vn.motcua.engine.dossier.DossierEvent$DeadlineWarned";
    private static final List<String> EMBEDDED_SERVERS_STARTED = List.of("Embedded PostgreSQL started",
            "Embedded Kafka broker started", "Embedded MongoDB-protocol server started", "Embedded Elasticsearch started");
    /**
     * Both nodes' settings: a checkpoint every 2 s, Camunda job locks of 10 s and a job executor that looks for due
     * jobs at least every 2 s (so that the test waits seconds, not minutes; the first idle wait must stay below the
     * longest, or Camunda's back-off computes no idle level and polls without pause), and the log lines that say which
     * node made which checkpoint and executed which job.
     */
    private static final List<String> CLUSTER_SETTINGS = List.of("--motcua.audit.checkpoint.interval=2s",
            "--camunda.bpm.job-execution.lock-time-in-millis=10000",
            "--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=2000",
            "--logging.level.vn.motcua.engine.audit.Checkpointer=DEBUG",
            "--logging.level.org.camunda.bpm.engine.jobexecutor=DEBUG");
    private static final Pattern CHECKPOINT_LOGGED = Pattern.compile("Checkpoint (\\d+): tree size (\\d+)");
    private static final Pattern JOBS_ACQUIRED = Pattern.compile("Acquired \\d+ jobs for process engine '[^']*': (.*)");
    private static final Pattern JOBS_EXECUTED = Pattern.compile("Execute jobs for process engine '[^']*': \\[([^]]*)]");

    @Test
    void aSecondNodeJoinsAnEmbeddedOneAndBothServe() throws Exception {
        int size = Results.integer("reliability.nodes.dossiers", 12);
        Results results = new Results("nodes-join", "Two nodes: a second node joins an embedded one");
        Path data = Path.of("target", "reliability-data", "nodes-join-" + System.currentTimeMillis()).toAbsolutePath();
        Node a = new Node(data, "node-a", Map.of(), CLUSTER_SETTINGS);
        Node b = null;
        List<String> failures = new ArrayList<>();
        try {
            double startA = a.start();
            Path serversFile = data.resolve("servers.env");
            assertThat(serversFile).as("the embedded node describes its servers").exists();
            Map<String, String> servers = Servers.read(serversFile);
            assertThat(servers).containsKeys("MOTCUA_DATA_DIR", "MOTCUA_DB_URL", "MOTCUA_KAFKA_BOOTSTRAP_SERVERS",
                    "MOTCUA_MONGODB_URI", "MOTCUA_ELASTICSEARCH_URIS", "MOTCUA_SMTP_HOST", "MOTCUA_SMTP_PORT");
            List<String> join = new ArrayList<>(CLUSTER_SETTINGS);
            join.add("--spring.profiles.active=join");
            b = new Node(Path.of(servers.get("MOTCUA_DATA_DIR")), "node-b", servers, join);
            double startB = b.start();
            results.line("node A (the embedded default, data in %s) ready in %.1f s; node B (`set -a; . servers.env`,"
                    + " profile `join`) ready in %.1f s", data.getFileName(), startA, startB);
            startedNoServer(a, b, results, failures);

            List<Node> nodes = List.of(a, b);
            Load load = new Load(nodes, size, results);
            Instant loadStart = Instant.now();
            load.runToEnd();
            results.line("load: %d clients, %d dossiers, each submitted on one node, accepted on the other, its fee"
                            + " taken at the counter on the first, in %.1f s; submitted on %s, accepted on %s, paid on"
                            + " %s; %d requests refused, %d unanswered", CLIENTS, size, seconds(loadStart),
                    load.countBy(Dossier::submittedOn), load.countBy(Dossier::acceptedOn), load.countBy(Dossier::paidOn),
                    load.refused.get(), load.unanswered.get());
            if (load.paid().size() != size) {
                failures.add("only " + load.paid().size() + " of " + size + " dossiers went through all three steps");
            }
            try (Connection database = a.database()) {
                storeChecks(database, load, results, failures);
                Map<String, String> jobs = warningJobs(database, load.paid());
                Instant due = Instant.now();
                makeDue(database, jobs.values());
                warnings(database, load.paid(), jobs, due, List.of(a, b), results, failures);
                for (Node node : nodes) {
                    servesEverything(node, database, load.dossiers(), results, failures);
                }
                checkpoints(database, List.of(a, b), true, results, failures);
            }
            oneSessionOnBothNodes(a, b, results, failures);
            b.stop();
            a.stop();
            if (Files.exists(serversFile)) {
                failures.add("servers.env is still there after the embedded node stopped");
            }
            results.line("both stopped gracefully; servers.env removed with node A: %s",
                    Files.exists(serversFile) ? "NO" : "yes");
        } finally {
            if (b != null) {
                b.stop();
            }
            a.stop();
            finish(results, failures);
        }
    }

    @Test
    void oneNodeKilledUnderLoadTheOtherFinishesItsWork() throws Exception {
        int kills = Results.integer("reliability.nodes.kills", 1);
        int perRound = Math.max(8, Results.integer("reliability.nodes.dossiers", 12) / kills);
        Results results = new Results("nodes-kill", "Two nodes: one killed with kill -9 under load");
        Path directory = Path.of("target", "reliability-data", "nodes-kill-" + System.currentTimeMillis())
                .toAbsolutePath();
        Path data = directory.resolve("data");
        List<String> failures = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        Instant serversStart = Instant.now();
        try (Servers servers = Servers.start(directory.resolve("servers"))) {
            results.line("servers in the test JVM (PostgreSQL, Kafka, MongoDB-protocol, Elasticsearch, GreenMail)"
                    + " started in %.1f s; %d kill(s), %d dossiers a round, %d clients", seconds(serversStart), kills,
                    perRound, CLIENTS);
            List<String> join = new ArrayList<>(CLUSTER_SETTINGS);
            join.add("--spring.profiles.active=join");
            try (Connection database = servers.database()) {
                for (String name : List.of("node-1", "node-2")) {
                    Node node = new Node(data, name, servers.environment(data), join);
                    nodes.add(node);
                    results.line("%s (profile `join`, the shared data directory) ready in %.1f s", name, node.start());
                }
                Load all = new Load(nodes, 0, results);
                for (int round = 1; round <= kills; round++) {
                    killRound(round, perRound, nodes, database, all, results, failures);
                    Node dead = nodes.stream().filter(node -> !node.isAlive()).findFirst().orElseThrow();
                    if (round < kills) {
                        results.line("round %d: %s started again in %.1f s", round, dead.name(), dead.start());
                    }
                }
                storeChecks(database, all, results, failures);
                for (Node node : nodes) {
                    if (node.isAlive()) {
                        servesEverything(node, database, all.dossiers(), results, failures);
                    }
                }
                notifications(database, servers, kills, results, failures);
                checkpoints(database, nodes, false, results, failures);
            } finally {
                // the nodes before their servers
                for (Node node : nodes) {
                    node.stop();
                }
            }
        } finally {
            finish(results, failures);
        }
    }

    /**
     * One round: load on both nodes; once some dossiers are paid, their warnings are made due two at a time until the
     * node that owns the processors' segments holds one (its job executor logged acquiring a job that is still
     * locked), and that node is killed; the load goes on on the survivor until the round's dossiers are submitted.
     */
    private void killRound(int round, int size, List<Node> nodes, Connection database, Load all, Results results,
                           List<String> failures) throws Exception {
        Load load = new Load(nodes, Integer.MAX_VALUE, results);
        load.start();
        Instant until = Instant.now().plus(BOUND);
        while (load.paid().size() < Math.max(2, size / 3) && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        Map<String, Long> owners = segmentOwners(database);
        Node victim = nodes.stream().max((x, y) -> Long.compare(owned(owners, x), owned(owners, y))).orElseThrow();
        Node survivor = nodes.stream().filter(node -> node != victim).findFirst().orElseThrow();
        Map<String, String> early = new HashMap<>();
        Set<String> held = new HashSet<>();
        Set<String> acquired = new HashSet<>();
        long[] read = {0};
        Instant watching = Instant.now();
        while (held.isEmpty() && Duration.between(watching, Instant.now()).toSeconds() < 30) {
            Set<String> locked = locked(database, early.values());
            if (Instant.now().isAfter(watching.plusMillis(500L * early.size()))) {
                Map<String, String> waiting = warningJobs(database, load.paid());
                waiting.keySet().removeAll(early.keySet());
                Map<String, String> next = waiting.entrySet().stream().limit(2)
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                makeDue(database, next.values());
                early.putAll(next);
            }
            if (!locked.isEmpty()) {
                acquired.addAll(acquiredSince(victim, read));
                locked.retainAll(acquired);
                held.addAll(locked);
            }
            Thread.sleep(10);
        }
        Instant killed = Instant.now();
        victim.kill();
        results.line("round %d: %s owned %d of %d processor segments (%s %d); %d warnings made due in the %.1f s"
                        + " before the kill, two at a time; at the kill it held %d of their job locks; %d dossiers"
                        + " acknowledged before the kill", round, victim.name(), owned(owners, victim),
                owners.values().stream().mapToLong(Long::longValue).sum(), survivor.name(), owned(owners, survivor),
                early.size(), Duration.between(watching, killed).toMillis() / 1000.0, held.size(),
                load.submitted().size());
        if (held.isEmpty()) {
            results.finding("round " + round + ": the victim held no job lock when it was killed (its executor took"
                    + " none of the " + early.size() + " jobs made due within 30 s)");
        }

        // the load goes on on the survivor until the round's dossiers are submitted
        within(BOUND, () -> load.submitted().size() >= size && load.submittedAfter(killed) >= CLIENTS);
        load.stop();
        load.awaitEnd();
        all.absorb(load);

        // the survivor takes every segment once the victim's claims time out
        boolean tookOver = within(TAKEOVER_BOUND, () -> {
            Map<String, Long> now = segmentOwners(database);
            return owned(now, survivor) == now.values().stream().mapToLong(Long::longValue).sum();
        });
        double takeover = seconds(killed);
        Map<String, Long> after = segmentOwners(database);
        results.line("round %d: %s owns %d of %d segments %.1f s after the kill%s", round, survivor.name(),
                owned(after, survivor), after.values().stream().mapToLong(Long::longValue).sum(), takeover,
                tookOver ? "" : " (NOT all within " + TAKEOVER_BOUND.toSeconds() + " s: " + after + ")");
        if (!tookOver) {
            failures.add("round " + round + ": the survivor did not own every segment within "
                    + TAKEOVER_BOUND.toSeconds() + " s");
        }
        results.line("round %d: %d dossiers submitted (%d after the kill), accepted on %s, paid on %s; %d requests"
                        + " refused, %d unanswered (the victim's, retried on the survivor)", round,
                load.submitted().size(), load.submittedAfter(killed), load.countBy(Dossier::acceptedOn),
                load.countBy(Dossier::paidOn), load.refused.get(), load.unanswered.get());
        Map<String, String> late = warningJobs(database, load.paid());
        late.keySet().removeAll(early.keySet());
        makeDue(database, late.values());
        Map<String, String> jobs = new HashMap<>(early);
        jobs.putAll(late);
        warnings(database, load.paid(), jobs, killed, nodes, results, failures);
        heldJobsRanAfterTheirLocks(database, held, early, killed, results, failures);
    }

    /** B's log has no embedded server's start line (A's has each), B listens only on its HTTP port, runs no child. */
    /**
     * A person signs in with the form on one node; the browser's next request, sent to the other node (as a load
     * balancer without affinity does), is served to them signed in: the session is in PostgreSQL, not in a node.
     */
    private static void oneSessionOnBothNodes(Node a, Node b, Results results, List<String> failures) {
        Http onA = new Http(a.base());
        Http.Response form = onA.send(Http.Request.of("GET", "/login"));
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form.text());
        String cookie = sessionCookie(form);
        if (form.status() != 200 || !csrf.find() || cookie == null) {
            failures.add("the sign-in form on node A: " + form.status() + ", CSRF token or session cookie missing");
            return;
        }
        String body = "username=citizen-a&password=" + Http.PASSWORD + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        Http.Response signedIn = onA.send(Http.Request.of("POST", "/login").header("Cookie", cookie)
                .body("application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8)));
        String session = sessionCookie(signedIn);
        if (signedIn.status() != 302 || String.valueOf(signedIn.header("location")).contains("error") || session == null) {
            failures.add("signing in on node A: " + signedIn.status() + " to " + signedIn.header("location"));
            return;
        }
        Http.Response onB = new Http(b.base()).send(Http.Request.of("GET", "/my/dossiers").header("Cookie", session));
        boolean served = onB.status() == 200 && onB.text().contains("/logout");
        if (!served) {
            failures.add("node B did not serve the session signed in on node A: " + onB.status() + " "
                    + onB.header("location"));
        }
        results.line("a browser signed in with the form on node A opened its dossiers on node B with the same"
                + " session cookie: %s", served ? "served signed in" : "NOT served");
    }

    /** {@code SESSION=…} from a response's Set-Cookie, as the browser sends it back. */
    private static String sessionCookie(Http.Response response) {
        String set = response.header("set-cookie");
        if (set == null) {
            return null;
        }
        Matcher session = Pattern.compile("(SESSION=[^;,\\s]+)").matcher(set);
        return session.find() ? session.group(1) : null;
    }

    private static void startedNoServer(Node a, Node b, Results results, List<String> failures) throws IOException {
        String logA = Files.readString(a.log());
        String logB = Files.readString(b.log());
        List<String> inA = EMBEDDED_SERVERS_STARTED.stream().filter(logA::contains).toList();
        List<String> inB = EMBEDDED_SERVERS_STARTED.stream().filter(logB::contains).toList();
        Set<Integer> portsA = a.listeningPorts();
        Set<Integer> portsB = b.listeningPorts();
        long childrenB = ProcessHandle.of(b.pid()).orElseThrow().descendants().count();
        results.line("node A logged %d of the %d embedded servers' start lines and listens on %d ports; node B logged"
                        + " %d, listens on %s (its HTTP port %d) and runs %d child processes", inA.size(),
                EMBEDDED_SERVERS_STARTED.size(), portsA.size(), inB.size(), portsB, b.port(), childrenB);
        if (inA.size() != EMBEDDED_SERVERS_STARTED.size()) {
            failures.add("node A did not log every embedded server's start: " + inA);
        }
        if (!inB.isEmpty() || !portsB.equals(Set.of(b.port())) || childrenB != 0) {
            failures.add("node B started a server of its own: " + inB + ", ports " + portsB + ", " + childrenB
                    + " children");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The load: dossiers taken through three steps, spread over the nodes

    /** A dossier of the load and the node that acknowledged each of its steps (null: not acknowledged). */
    record Dossier(String code, String citizen, String unit, Instant submittedAt, String submittedOn,
                   String acceptedOn, String paidOn) {

        String receptionist() {
            return unit.equals(Samples.HANOI) ? "reception-hn" : "reception-hcm";
        }
    }

    /**
     * Client threads, each a citizen of one unit: submits on one node, has reception accept on the other node, pays
     * at the counter on the first. A node that does not answer (killed) is replaced by a live one, as a load balancer
     * does, and a step whose answer was lost is judged by the dossier's status read again.
     */
    private static final class Load {
        static final String UNACKNOWLEDGED = "unacknowledged";
        private final List<Node> nodes;
        private final int size;
        private final Results results;
        private final Map<String, Dossier> dossiers = new ConcurrentHashMap<>();
        private final List<String> codes = new CopyOnWriteArrayList<>();
        private final AtomicInteger started = new AtomicInteger();
        private final AtomicInteger refused = new AtomicInteger();
        private final AtomicInteger unanswered = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private ExecutorService clients;

        Load(List<Node> nodes, int size, Results results) {
            this.nodes = nodes;
            this.size = size;
            this.results = results;
        }

        void start() {
            clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> drive(client));
            }
        }

        void awaitEnd() throws InterruptedException {
            clients.shutdown();
            if (!clients.awaitTermination(10, TimeUnit.MINUTES)) {
                running.set(false);
                clients.shutdownNow();
                throw new AssertionError("the load did not end within 10 minutes");
            }
        }

        void runToEnd() throws InterruptedException {
            start();
            awaitEnd();
        }

        void absorb(Load round) {
            dossiers.putAll(round.dossiers);
            codes.addAll(round.codes);
            refused.addAndGet(round.refused.get());
            unanswered.addAndGet(round.unanswered.get());
        }

        Collection<Dossier> dossiers() {
            return dossiers.values();
        }

        List<Dossier> submitted() {
            return List.copyOf(dossiers.values());
        }

        List<Dossier> paid() {
            return dossiers.values().stream().filter(d -> d.paidOn() != null).toList();
        }

        long submittedAfter(Instant instant) {
            return dossiers.values().stream().filter(d -> d.submittedAt().isAfter(instant)).count();
        }

        void stop() {
            running.set(false);
        }

        Map<String, Long> countBy(java.util.function.Function<Dossier, String> node) {
            return new TreeMap<>(dossiers.values().stream().filter(d -> node.apply(d) != null)
                    .collect(Collectors.groupingBy(node, Collectors.counting())));
        }

        private void drive(int client) {
            String citizen = client % 2 == 0 ? "citizen-a" : "citizen-b";
            String unit = client < 2 ? Samples.HANOI : Samples.HCMC;
            int n = 0;
            try {
                while (running.get() && started.getAndIncrement() < size) {
                    Node first = live(nodes.get((client + n) % nodes.size()));
                    Http.Response response = new Http(first.base())
                            .send(Samples.submission(citizen, unit, "Khách " + client + "-" + n++));
                    if (response.status() != 201) {
                        count(response);
                        started.decrementAndGet();
                        pause(200);
                        continue;
                    }
                    String code = response.json().get("code").asText();
                    codes.add(code);
                    Dossier submitted = new Dossier(code, citizen, unit, Instant.now(), first.name(), null, null);
                    dossiers.put(code, submitted);
                    String acceptedOn = step(submitted, other(first), "SUBMITTED", node -> accept(node, submitted));
                    Dossier accepted = new Dossier(code, citizen, unit, submitted.submittedAt(), first.name(),
                            acceptedOn, null);
                    dossiers.put(code, accepted);
                    if (acceptedOn == null) {
                        results.finding("the acceptance of " + code + " was not taken within " + BOUND.toSeconds()
                                + " s");
                        continue;
                    }
                    String paidOn = step(accepted, first, "PAYMENT_REQUESTED", node -> pay(node, accepted));
                    if (paidOn == null) {
                        results.finding("the fee of " + code + " was not taken within " + BOUND.toSeconds() + " s");
                    }
                    dossiers.put(code, new Dossier(code, citizen, unit, submitted.submittedAt(), first.name(),
                            acceptedOn, paidOn));
                }
            } catch (RuntimeException e) {
                results.finding("client " + client + " stopped: " + e);
            }
        }

        /**
         * Takes one step on {@code preferred} (or a live node) while the dossier is in {@code before}: the name of the
         * node that acknowledged it, {@value #UNACKNOWLEDGED} when the status shows it done though no node said so (a
         * node killed before it answered), null when it could not be taken within the bound.
         */
        private String step(Dossier dossier, Node preferred, String before,
                            java.util.function.Function<Node, Http.Response> action) {
            Instant until = Instant.now().plus(BOUND);
            while (Instant.now().isBefore(until)) {
                Node node = live(preferred);
                Http.Response current = new Http(node.base()).get("/api/v1/dossiers/" + dossier.code(),
                        dossier.receptionist());
                if (current.status() != 200) {
                    count(current);
                    pause(200);
                    continue;
                }
                if (!current.json().path("status").asText().equals(before)) {
                    return UNACKNOWLEDGED;
                }
                Http.Response response = action.apply(node);
                if (response == null) {
                    pause(200);
                    continue;
                }
                if (response.status() == 200) {
                    return node.name();
                }
                count(response);
                pause(200);
            }
            return null;
        }

        /** Reception's decision to accept, on the task as its inbox on {@code node} shows it; null: no task yet. */
        private static Http.Response accept(Node node, Dossier dossier) {
            Http http = new Http(node.base());
            Http.Response inbox = http.get("/api/v1/tasks", dossier.receptionist());
            if (inbox.status() != 200) {
                return inbox;
            }
            for (JsonNode task : inbox.json()) {
                if (task.path("dossierCode").asText().equals(dossier.code())
                        && task.path("step").asText().equals("reception")) {
                    return http.postJson("/api/v1/tasks/" + task.get("id").asText() + "/complete",
                            dossier.receptionist(), """
                                    {"outcome":"ACCEPT","comment":"Hồ sơ hợp lệ"}""");
                }
            }
            return null;
        }

        private static Http.Response pay(Node node, Dossier dossier) {
            return new Http(node.base()).postJson("/api/v1/dossiers/" + dossier.code() + "/payments/counter",
                    dossier.receptionist(), """
                            {"amountVnd":%d,"receiptNumber":"BL-%s"}""".formatted(FEE_VND, dossier.code()));
        }

        private void count(Http.Response response) {
            (response.status() < 0 ? unanswered : refused).incrementAndGet();
        }

        private Node live(Node preferred) {
            return preferred.isAlive() ? preferred : other(preferred);
        }

        private Node other(Node node) {
            return nodes.stream().filter(n -> n != node && n.isAlive()).findFirst().orElse(node);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // What an operator checks

    /**
     * In the event store: every acknowledged submission and step stored; codes distinct and, per agency and day,
     * 0001..n with the counter at n; per dossier the sequence numbers 0..n without a gap and no step twice.
     */
    private static void storeChecks(Connection database, Load load, Results results, List<String> failures)
            throws SQLException {
        Map<String, List<String>> types = new HashMap<>();
        Map<String, List<Long>> sequences = new HashMap<>();
        try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery(
                "select aggregate_identifier, sequence_number, payload_type from domain_event_entry"
                        + " where type = 'Dossier' order by aggregate_identifier, sequence_number")) {
            while (rows.next()) {
                types.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(rows.getString(3));
                sequences.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(rows.getLong(2));
            }
        }
        int acknowledged = load.codes.size();
        Set<String> distinct = new HashSet<>(load.codes);
        int lost = 0;
        int stepsLost = 0;
        for (Dossier dossier : load.dossiers()) {
            List<String> steps = types.getOrDefault(dossier.code(), List.of());
            if (steps.isEmpty()) {
                lost++;
                results.finding("acknowledged " + dossier.code() + " (by " + dossier.submittedOn() + ") is not stored");
            }
            if (dossier.acceptedOn() != null && steps.stream().noneMatch(t -> t.endsWith("$DossierAccepted"))
                    || dossier.paidOn() != null && steps.stream().noneMatch(t -> t.endsWith("$PaymentReceived"))) {
                stepsLost++;
                results.finding("an acknowledged step of " + dossier.code() + " is not stored: " + steps);
            }
        }
        int gaps = 0;
        int twice = 0;
        for (Map.Entry<String, List<Long>> dossier : sequences.entrySet()) {
            List<Long> numbers = dossier.getValue();
            for (int i = 0; i < numbers.size(); i++) {
                if (numbers.get(i) != i) {
                    gaps++;
                    results.finding(dossier.getKey() + ": sequence numbers " + numbers);
                    break;
                }
            }
            List<String> steps = types.get(dossier.getKey());
            if (new HashSet<>(steps).size() != steps.size()) {
                twice++;
                results.finding(dossier.getKey() + ": a step recorded twice: " + steps);
            }
        }
        // codes per agency and day: 0001..n, and the counter at n
        Map<String, List<Integer>> perDay = new TreeMap<>();
        for (String code : types.keySet()) {
            int dash = code.lastIndexOf('-');
            perDay.computeIfAbsent(code.substring(0, dash), k -> new ArrayList<>())
                    .add(Integer.parseInt(code.substring(dash + 1)));
        }
        Map<String, Integer> counters = new HashMap<>();
        try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery(
                "select agency_id, to_char(day, 'YYMMDD'), last_number from dossier_code_counter")) {
            while (rows.next()) {
                counters.put(rows.getString(1) + "-" + rows.getString(2), rows.getInt(3));
            }
        }
        int gapDays = 0;
        List<String> days = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> day : perDay.entrySet()) {
            List<Integer> numbers = day.getValue().stream().sorted().toList();
            boolean gapFree = numbers.get(0) == 1 && numbers.get(numbers.size() - 1) == numbers.size()
                    && new HashSet<>(numbers).size() == numbers.size();
            Integer counter = counters.get(day.getKey());
            days.add(day.getKey() + ": 0001–" + String.format("%04d", numbers.size()) + " (counter " + counter + ")");
            if (!gapFree || counter == null || counter != numbers.size()) {
                gapDays++;
                results.finding("codes of " + day.getKey() + " are not 1.." + numbers.size() + " with the counter"
                        + " there: " + numbers + ", counter " + counter);
            }
        }
        results.line("event store: %d dossiers stored for %d acknowledged submissions (%d distinct codes), %d stored"
                        + " without an acknowledgement; codes per agency and day %s; acknowledged submissions lost %d,"
                        + " acknowledged steps lost %d; dossiers with a gap in their sequence %d, with a step recorded"
                        + " twice %d", types.size(), acknowledged, distinct.size(),
                types.keySet().stream().filter(code -> !distinct.contains(code)).count(), days, lost, stepsLost, gaps,
                twice);
        if (distinct.size() != acknowledged) {
            failures.add((acknowledged - distinct.size()) + " codes acknowledged twice");
        }
        if (lost + stepsLost + gaps + twice + gapDays > 0) {
            failures.add("event store: " + lost + " submissions and " + stepsLost + " steps lost, " + gaps + " gaps, "
                    + twice + " steps twice, " + gapDays + " days whose codes are not gap-free");
        }
    }

    /**
     * Through one node, as citizen and inspector: every stored dossier's record, its view with every step, its
     * search entry at its last step, its trail VALID.
     */
    private static void servesEverything(Node node, Connection database, Collection<Dossier> dossiers,
                                         Results results, List<String> failures) throws SQLException {
        Map<String, Long> events = new HashMap<>();
        try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery(
                "select aggregate_identifier, count(*) from domain_event_entry where type = 'Dossier' group by 1")) {
            while (rows.next()) {
                events.put(rows.getString(1), rows.getLong(2));
            }
        }
        Http http = new Http(node.base());
        Set<String> pending = new HashSet<>(events.keySet());
        Map<String, String> owners = new HashMap<>();
        dossiers.forEach(d -> owners.put(d.code(), d.citizen()));
        Instant start = Instant.now();
        within(BOUND, () -> {
            pending.removeIf(code -> complete(http, code, events.get(code)));
            return pending.isEmpty();
        });
        double converged = seconds(start);
        int records = 0;
        int valid = 0;
        for (String code : events.keySet()) {
            String citizen = owners.getOrDefault(code, "inspector");
            if (http.get("/api/v1/dossiers/" + code, citizen).status() == 200) {
                records++;
            }
            Http.Response trail = http.get("/api/v1/audit/dossiers/" + code + "/trail", "inspector");
            if (trail.status() == 200 && trail.json().path("status").asText().equals("VALID")) {
                valid++;
            } else {
                results.finding(node.name() + ": trail of " + code + " is " + trail);
            }
        }
        results.line("%s: %d of %d dossiers answer their citizen, %d have their view with every step and their search"
                        + " entry at their last step (within %.1f s), %d trails VALID", node.name(), records,
                events.size(), events.size() - pending.size(), converged, valid);
        if (!pending.isEmpty()) {
            results.finding(node.name() + ": not complete within " + BOUND.toSeconds() + " s: "
                    + pending.stream().sorted().limit(5).toList());
        }
        if (records != events.size() || !pending.isEmpty() || valid != events.size()) {
            failures.add(node.name() + ": " + (events.size() - records) + " records missing, " + pending.size()
                    + " views or search entries incomplete, " + (events.size() - valid) + " trails not VALID");
        }
    }

    /** The view holds every step and the search entry stands at the last one (its version). */
    private static boolean complete(Http http, String code, long events) {
        Http.Response view = http.get("/api/v1/dossiers/" + code + "/view", "inspector");
        if (view.status() != 200 || view.json().path("timeline").size() != events) {
            return false;
        }
        Http.Response search = http.get("/api/v1/search/dossiers?q=" + code, "inspector");
        return search.status() == 200 && search.json().path("total").asInt() == 1
                && search.json().at("/hits/0/version").asLong() == events - 1;
    }

    /** The open deadline-warning timer job of each dossier: code → job id. */
    private static Map<String, String> warningJobs(Connection database, Collection<Dossier> dossiers)
            throws SQLException {
        Set<String> codes = dossiers.stream().map(Dossier::code).collect(Collectors.toSet());
        Map<String, String> jobs = new HashMap<>();
        try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery("""
                select e.business_key_, j.id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_
                join act_ru_execution e on e.id_ = j.process_instance_id_
                where d.act_id_ = 'deadlineWarningTimer'""")) {
            while (rows.next()) {
                if (codes.contains(rows.getString(1))) {
                    jobs.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return jobs;
    }

    /** Deadline time arrives: the jobs' due date set to now, so that a job executor takes them. */
    private static void makeDue(Connection database, Collection<String> jobs) throws SQLException {
        try (PreparedStatement update = database.prepareStatement("update act_ru_job set duedate_ = ? where id_ = ?")) {
            for (String job : jobs) {
                update.setTimestamp(1, Timestamp.from(Instant.now()));
                update.setString(2, job);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** Every paid dossier gets exactly one warning; which node executed each job, from its log. */
    private static void warnings(Connection database, Collection<Dossier> paid, Map<String, String> jobs, Instant due,
                                 List<Node> nodes, Results results, List<String> failures) throws Exception {
        Set<String> codes = paid.stream().map(Dossier::code).collect(Collectors.toSet());
        Map<String, Long> warned = new HashMap<>();
        within(BOUND, () -> {
            warned.clear();
            warned.putAll(countPerDossier(database, WARNED, codes));
            return warned.size() == codes.size();
        });
        double seconds = seconds(due);
        // a moment more, so that a second warning would show
        Thread.sleep(3_000);
        warned.clear();
        warned.putAll(countPerDossier(database, WARNED, codes));
        long once = warned.values().stream().filter(count -> count == 1).count();
        long more = warned.values().stream().filter(count -> count > 1).count();
        Map<String, Long> byNode = executedBy(nodes, jobs.values());
        results.line("deadline warnings: %d paid dossiers, %d warning jobs made due, %d dossiers warned once (all"
                        + " within %.1f s), %d more than once, %d never; jobs executed by %s (from the job executors'"
                        + " logs)", codes.size(), jobs.size(), once, seconds, more, codes.size() - warned.size(),
                byNode);
        if (jobs.size() != codes.size() || once != codes.size()) {
            failures.add("warnings: " + jobs.size() + " jobs for " + codes.size() + " paid dossiers, " + once
                    + " warned once, " + more + " more than once");
        }
    }

    private static Map<String, Long> countPerDossier(Connection database, String type, Set<String> codes) {
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement query = database.prepareStatement("select aggregate_identifier, count(*) from"
                + " domain_event_entry where payload_type = ? group by 1")) {
            query.setString(1, type);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (codes.contains(rows.getString(1))) {
                        counts.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /**
     * How many of {@code jobs} each node's job executor logged executing (every start of the node; a job whose
     * execution a kill interrupted is logged by both nodes).
     */
    private static Map<String, Long> executedBy(List<Node> nodes, Collection<String> jobs) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        for (Node node : nodes) {
            Set<String> executed = new HashSet<>();
            for (String line : logLines(node)) {
                Matcher matcher = JOBS_EXECUTED.matcher(line);
                if (matcher.find()) {
                    executed.addAll(List.of(matcher.group(1).split(",\\s*")));
                }
            }
            executed.retainAll(jobs);
            counts.put(node.name(), (long) executed.size());
        }
        return counts;
    }

    /** The jobs the victim held when it was killed ran after their locks expired: when their warnings were stored. */
    private static void heldJobsRanAfterTheirLocks(Connection database, Set<String> held, Map<String, String> jobs,
                                                   Instant killed, Results results, List<String> failures)
            throws SQLException {
        if (held.isEmpty()) {
            return;
        }
        Set<String> codes = jobs.entrySet().stream().filter(e -> held.contains(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        List<Double> after = new ArrayList<>();
        try (PreparedStatement query = database.prepareStatement("select aggregate_identifier, time_stamp from"
                + " domain_event_entry where payload_type = ?")) {
            query.setString(1, WARNED);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (codes.contains(rows.getString(1))) {
                        after.add(Duration.between(killed, Instant.parse(rows.getString(2))).toMillis() / 1000.0);
                    }
                }
            }
        }
        results.line("the %d jobs the killed node held ran %s s after the kill (their locks last 10 s)", held.size(),
                after.stream().sorted().map(seconds -> String.format("%.1f", seconds)).toList());
        if (after.size() != held.size()) {
            failures.add((held.size() - after.size()) + " jobs held by the killed node never ran");
        }
    }

    /** Processor segments per owner ({@code <pid>@<host>}); Axon's configuration row left out. */
    private static Map<String, Long> segmentOwners(Connection database) {
        Map<String, Long> owners = new TreeMap<>();
        try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery(
                "select coalesce(owner, '(none)'), count(*) from token_entry where processor_name not like '\\_\\_%'"
                        + " group by 1")) {
            while (rows.next()) {
                owners.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return owners;
    }

    private static long owned(Map<String, Long> owners, Node node) {
        return owners.entrySet().stream().filter(e -> e.getKey().startsWith(node.pid() + "@"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Which of {@code jobs} are locked by a job executor now. */
    private static Set<String> locked(Connection database, Collection<String> jobs) throws SQLException {
        Set<String> locked = new HashSet<>();
        try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery(
                "select id_ from act_ru_job where lock_owner_ is not null")) {
            while (rows.next()) {
                locked.add(rows.getString(1));
            }
        }
        locked.retainAll(jobs);
        return locked;
    }

    /** The jobs the node's executor logged acquiring since {@code offset[0]} of its log (moved on to its end). */
    private static Set<String> acquiredSince(Node node, long[] offset) throws IOException {
        Set<String> jobs = new HashSet<>();
        try (java.io.RandomAccessFile log = new java.io.RandomAccessFile(node.log().toFile(), "r")) {
            long end = log.length();
            byte[] bytes = new byte[(int) (end - offset[0])];
            log.seek(offset[0]);
            log.readFully(bytes);
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            int complete = text.lastIndexOf('\n') + 1;
            Matcher matcher = JOBS_ACQUIRED.matcher(text.substring(0, complete));
            while (matcher.find()) {
                jobs.addAll(List.of(matcher.group(1).replaceAll("[\\[\\]]", "").split(",\\s*")));
            }
            offset[0] += text.substring(0, complete).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        return jobs;
    }

    /**
     * The Merkle log: checkpoints numbered 1..k, each starting where the previous ended, the tree's leaves = the
     * sealed events once nothing is pending; each checkpoint logged by the node that made it, and by one only.
     */
    private static void checkpoints(Connection database, List<Node> nodes, boolean noKill, Results results,
                                    List<String> failures) throws Exception {
        BooleanSupplier settled = () -> {
            try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery("""
                    select (select count(*) from audit_tree_pending), (select count(*) from audit_tree_leaf),
                           (select count(*) from audit_seal), (select coalesce(max(tree_size), 0) from audit_checkpoint)
                    """)) {
                rows.next();
                return rows.getLong(1) == 0 && rows.getLong(2) == rows.getLong(3) && rows.getLong(4) == rows.getLong(2);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
        // a node killed while it held the checkpoints' ShedLock lock holds it until the lock's lockAtMostFor passes
        // (a live node's run holds it a second or so; the dead node's stays, unchanged, with long to go)
        String lockLeft = "select coalesce((select extract(epoch from lock_until - timezone('utc', now()))::bigint"
                + " || '/' || lock_until from shedlock where name = 'audit-checkpoints'), '0/none')";
        String before = text(database, lockLeft);
        Thread.sleep(3_000);
        String after = text(database, lockLeft);
        long heldByTheDead = before.substring(before.indexOf('/')).equals(after.substring(after.indexOf('/')))
                ? Long.parseLong(after.substring(0, after.indexOf('/'))) : 0;
        Instant settling = Instant.now();
        boolean isSettled = within(Duration.ofSeconds(60 + Math.max(0, heldByTheDead)), settled);
        if (heldByTheDead > 0) {
            results.line("checkpoints stood still for %.0f s after the checks began: the killed node held the"
                    + " checkpoint schedule's ShedLock lock, which expires after its lockAtMostFor (an interval and"
                    + " a minute)", seconds(settling));
        }
        if (heldByTheDead > 62) {
            results.finding("a node killed while holding the checkpoint lock stops checkpoints for " + heldByTheDead
                    + " s more, longer than an interval (2 s) and a minute");
        }
        List<long[]> made = new ArrayList<>();
        try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery(
                "select number, previous_tree_size, tree_size from audit_checkpoint order by number")) {
            while (rows.next()) {
                made.add(new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3)});
            }
        }
        long leaves;
        long seals;
        try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery(
                "select (select count(*) from audit_tree_leaf), (select count(*) from audit_seal),"
                        + " (select coalesce(max(leaf_index) + 1, 0) from audit_tree_leaf)")) {
            rows.next();
            leaves = rows.getLong(1);
            seals = rows.getLong(2);
            if (rows.getLong(3) != leaves) {
                failures.add("the tree's leaf indexes are not 0.." + (leaves - 1));
            }
        }
        int broken = 0;
        for (int i = 0; i < made.size(); i++) {
            long[] checkpoint = made.get(i);
            long previousEnd = i == 0 ? 0 : made.get(i - 1)[2];
            if (checkpoint[0] != i + 1 || checkpoint[1] != previousEnd || checkpoint[2] <= checkpoint[1]) {
                broken++;
                results.finding("checkpoint " + checkpoint[0] + " covers (" + checkpoint[1] + ", " + checkpoint[2]
                        + "] after one ending at " + previousEnd);
            }
        }
        // who made which: the line each node logs for a checkpoint it made (number and tree size)
        Map<String, Set<String>> loggedBy = new HashMap<>();
        for (Node node : nodes) {
            for (String line : logLines(node)) {
                Matcher matcher = CHECKPOINT_LOGGED.matcher(line);
                if (matcher.find()) {
                    loggedBy.computeIfAbsent(matcher.group(1) + "/" + matcher.group(2), k -> new HashSet<>())
                            .add(node.name());
                }
            }
        }
        Map<String, Long> byNode = new TreeMap<>();
        int byTwo = 0;
        int byNone = 0;
        for (long[] checkpoint : made) {
            Set<String> makers = loggedBy.getOrDefault(checkpoint[0] + "/" + checkpoint[2], Set.of());
            if (makers.size() > 1) {
                byTwo++;
                results.finding("checkpoint " + checkpoint[0] + " logged as made by " + makers);
            } else if (makers.isEmpty()) {
                byNone++;
            } else {
                byNode.merge(makers.iterator().next(), 1L, Long::sum);
            }
        }
        results.line("Merkle log: %d checkpoints, numbers contiguous and each starting where the previous ended: %s;"
                        + " tree %d leaves for %d sealed events, nothing pending: %s; made by %s%s%s", made.size(),
                broken == 0 ? "yes" : "NO (" + broken + " not)", leaves, seals, isSettled ? "yes" : "NO", byNode,
                byTwo > 0 ? ", " + byTwo + " logged by two nodes" : "",
                byNone > 0 ? ", " + byNone + " by a node killed before its log line was written" : "");
        if (broken > 0 || !isSettled || leaves != seals || byTwo > 0 || (noKill && byNone > 0)) {
            failures.add("Merkle log: " + broken + " checkpoints out of line, settled " + isSettled + ", " + leaves
                    + " leaves for " + seals + " seals, " + byTwo + " logged by two nodes, " + byNone + " by none");
        }
    }

    /**
     * Notifications: every event that tells the applicant something has one row per channel in {@code
     * notification_sent}; the mail server received one message per event (its subject names the dossier and the
     * step), with one Message-ID. A kill between sending an email and recording it makes the survivor send it again
     * (at least once, never lost): such a copy keeps its Message-ID, and there is at most one per kill, since a node
     * sends one message at a time.
     */
    private static void notifications(Connection database, Servers servers, int kills, Results results,
                                      List<String> failures) throws Exception {
        String expected = """
                select count(*) * 2 from domain_event_entry where type = 'Dossier'
                and (payload_type like '%$DossierAccepted' or payload_type like '%$PaymentRequested')""";
        within(BOUND, () -> count(database, expected) == count(database, "select count(*) from notification_sent"));
        long events = count(database, expected) / 2;
        long rows = count(database, "select count(*) from notification_sent");
        long emails = count(database, "select count(*) from notification_sent where channel = 'EMAIL'");
        long smsTwice = count(database, "select count(*) from (select event_id from sms_outbox group by 1"
                + " having count(*) > 1) twice");
        Map<String, Integer> copies = new LinkedHashMap<>();
        Map<String, Set<String>> idsBySubject = new LinkedHashMap<>();
        MimeMessage[] received = servers.mail().getReceivedMessages();
        for (MimeMessage message : received) {
            try {
                copies.merge(message.getMessageID(), 1, Integer::sum);
                idsBySubject.computeIfAbsent(message.getSubject(), k -> new HashSet<>()).add(message.getMessageID());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        List<String> twoMessages = idsBySubject.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey).toList();
        List<String> resent = copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .toList();
        int again = received.length - copies.size();
        results.line("notifications: %d events to tell (acceptance, fee), %d rows in notification_sent (email and SMS),"
                        + " %d emails recorded; the mail server received %d messages with %d Message-IDs: %d events"
                        + " told in two different messages, %d copies sent again after the kill (the same"
                        + " Message-ID); %d SMS written twice", events, rows, emails, received.length, copies.size(),
                twoMessages.size(), again, smsTwice);
        twoMessages.stream().limit(5).forEach(subject -> results.finding("told in two messages: " + subject));
        resent.forEach(id -> results.finding("sent again after the kill, same Message-ID: " + id));
        if (rows != events * 2 || copies.size() != emails || !twoMessages.isEmpty() || again > kills
                || smsTwice > 0) {
            failures.add("notifications: " + rows + " rows for " + events + " events, " + copies.size()
                    + " Message-IDs for " + emails + " emails recorded, " + twoMessages.size() + " events told in two"
                    + " messages, " + again + " copies sent again for " + kills + " kills, " + smsTwice + " SMS twice");
        }
    }

    private static String text(Connection database, String sql) throws SQLException {
        try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static long count(Connection database, String sql) {
        try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every line of every log of the node (each start has its own). */
    private static List<String> logLines(Node node) throws IOException {
        Path directory = node.log().getParent();
        List<String> lines = new ArrayList<>();
        try (Stream<Path> logs = Files.list(directory)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().matches(
                    Pattern.quote(node.name()) + "-\\d+\\.log")).toList()) {
                try (Stream<String> content = Files.lines(log)) {
                    content.forEach(lines::add);
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }
        }
        return lines;
    }

    private static void finish(Results results, List<String> failures) {
        results.write();
        assertThat(failures).as("what two nodes must hold (figures in target/reliability)").isEmpty();
    }

    private static boolean within(Duration limit, BooleanSupplier condition) {
        Instant until = Instant.now().plus(limit);
        while (Instant.now().isBefore(until)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            pause(250);
        }
        return condition.getAsBoolean();
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
