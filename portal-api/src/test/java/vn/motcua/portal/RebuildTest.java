package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.engine.dossier.DossierPlatform;
import vn.motcua.engine.problem.Problem;
import vn.motcua.engine.readmodel.MongoReadModels;
import vn.motcua.engine.readmodel.RebuildTarget;
import vn.motcua.engine.readmodel.Rebuilds;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;
import vn.motcua.search.AuditIndex;
import vn.motcua.search.IndexAdmin;

/**
 * An administrator rebuilds every read model and index from the event store; the result equals the live
 * state, and the indices behind the aliases are new.
 */
class RebuildTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Autowired
    MongoReadModels readModels;
    @Autowired
    IndexAdmin indexAdmin;
    @Autowired
    AuditIndex auditIndex;
    @Autowired
    EventStorageEngine storage;

    @Test
    void rebuildFromTheEventStoreEqualsTheLiveState() {
        String accepted = submitted("citizen-a");
        decideOk("reception-hn", accepted, "reception", """
                {"outcome":"ACCEPT","comment":"Tiếp nhận"}""");
        String refused = submitted("citizen-b");
        decideOk("reception-hn", refused, "reception", """
                {"outcome":"REFUSE","comment":"Không thuộc thẩm quyền"}""");
        submitted("citizen-a");

        Map<String, Document> viewsBefore = awaitCaughtUp();
        Map<String, JsonNode> indexBefore = indexedDossiers();
        Map<String, Long> auditBefore = auditEvents();
        long generationBefore = indexAdmin.currentGeneration().orElseThrow().number();
        String auditIndexBefore = auditIndex.currentIndex().orElseThrow();
        String mongoGenerationBefore = readModels.activeGeneration();

        Api.Response started = as("admin").post("/api/v1/admin/rebuilds");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String progress = started.headers().getLocation().toString();
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(as("admin").get(progress).json().get("state").asText()).isEqualTo("DONE"));
        JsonNode done = as("admin").get(progress).json();
        assertThat(done.get("replayed").asLong()).isGreaterThanOrEqualTo(done.get("total").asLong());

        assertThat(indexAdmin.currentGeneration().orElseThrow().number()).isNotEqualTo(generationBefore);
        assertThat(auditIndex.currentIndex().orElseThrow()).isNotEqualTo(auditIndexBefore);
        assertThat(readModels.activeGeneration()).isNotEqualTo(mongoGenerationBefore);
        assertThat(awaitCaughtUp()).isEqualTo(viewsBefore);
        assertThat(indexedDossiers()).isEqualTo(indexBefore);
        assertThat(auditEvents()).isEqualTo(auditBefore);
    }

    /**
     * Two nodes on one database (two {@link Rebuilds}, as two application nodes have): the second sees the first's
     * run and may not start another while it runs; a run whose node stopped beating is FAILED, and may start again.
     */
    @Test
    void oneRebuildAtATimeAcrossNodesAndADeadNodesRunFails() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RebuildTarget held = new RebuildTarget() {
            @Override
            public String name() {
                return "held";
            }

            @Override
            public Set<String> aggregateTypes() {
                return Set.of("Dossier");
            }

            @Override
            public String prepare() {
                try {
                    release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "g";
            }

            @Override
            public void apply(String generation, List<Replayed> events) {
            }

            @Override
            public void activate(String generation) {
            }
        };
        Rebuilds first = new Rebuilds(storage, List.of(held), jdbc, Clock.systemUTC());
        Rebuilds second = new Rebuilds(storage, List.of(held), jdbc, Clock.systemUTC());
        try {
            Rebuilds.Progress running = first.start(List.of());
            assertThat(second.progress(running.id()).state()).isEqualTo(Rebuilds.State.RUNNING);
            assertThat(second.progress(running.id()).total()).isEqualTo(running.total());
            assertThatThrownBy(() -> second.start(List.of())).isInstanceOfSatisfying(Problem.class,
                    problem -> assertThat(problem.slug()).isEqualTo("rebuild-running"));

            // the first node dies: its heartbeat stops
            jdbc.update("update rebuild_run set heartbeat_at = now() - interval '3 minutes' where id = ?", running.id());
            Rebuilds.Progress abandoned = second.progress(running.id());
            assertThat(abandoned.state()).isEqualTo(Rebuilds.State.FAILED);
            assertThat(abandoned.error()).contains("The node running it stopped");
            release.countDown();
            Rebuilds.Progress again = second.start(List.of());
            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(first.progress(again.id()).state()).isEqualTo(Rebuilds.State.DONE));
        } finally {
            release.countDown();
        }
    }

    @Test
    void onlyAdministratorsRebuild() {
        assertThat(as("inspector").post("/api/v1/admin/rebuilds").status()).isEqualTo(403);
        assertThat(as("leader-hn").post("/api/v1/admin/rebuilds").status()).isEqualTo(403);
    }

    /** Waits until every dossier's MongoDB view has caught up with its last event, and returns them all. */
    private Map<String, Document> awaitCaughtUp() {
        Map<String, Document> views = new TreeMap<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            views.clear();
            jdbc.query("select code, last_sequence from dossier_registry", row -> {
                Document view = readModels.view(DossierPlatform.DOSSIERS, row.getString(1)).orElse(null);
                assertThat(view).as(row.getString(1)).isNotNull();
                assertThat(view.get("version", Number.class).longValue()).isEqualTo(row.getLong(2));
                views.put(row.getString(1), view);
            });
        });
        return views;
    }

    /** Every dossier as the search index holds it, once it has caught up with the event store. */
    private Map<String, JsonNode> indexedDossiers() {
        Map<String, Long> versions = new TreeMap<>();
        jdbc.query("select code, last_sequence from dossier_registry",
                row -> {
                    versions.put(row.getString(1), row.getLong(2));
                });
        Map<String, JsonNode> indexed = new TreeMap<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            indexed.clear();
            List<JsonNode> hits = new ArrayList<>();
            for (int page = 0; ; page++) {
                JsonNode result = as("inspector").get("/api/v1/search/dossiers?size=100&page=" + page).json();
                result.get("hits").forEach(hits::add);
                if ((page + 1) * 100 >= result.get("total").asInt()) {
                    break;
                }
            }
            hits.forEach(hit -> indexed.put(hit.get("code").asText(), hit));
            assertThat(indexed.keySet()).containsExactlyElementsOf(versions.keySet());
            versions.forEach((code, version) -> assertThat(indexed.get(code).get("version").asLong()).as(code)
                    .isEqualTo(version));
        });
        return indexed;
    }

    /**
     * The events of every aggregate type (dossiers, official documents, the test tenant's complaints), each an
     * audit event in the index, once the live audit consumer has caught up; and the dossier events among them.
     */
    private Map<String, Long> auditEvents() {
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        long dossierEvents = jdbc.queryForObject("select count(*) from domain_event_entry where type = 'Dossier'",
                Long.class);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(as("inspector").get("/api/v1/audit/events?size=1").json().get("total").asLong())
                    .isEqualTo(events);
            assertThat(as("inspector").get("/api/v1/audit/events?size=1&aggregateType=dossier").json().get("total")
                    .asLong()).isEqualTo(dossierEvents);
        });
        return Map.of("all", events, "dossier", dossierEvents);
    }
}
