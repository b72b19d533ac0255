package vn.motcua.portal.health;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;

import vn.motcua.engine.readmodel.MongoReadModels;
import vn.motcua.engine.readmodel.ReadModelReconciliation;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;
import vn.motcua.search.AuditIndex;
import vn.motcua.search.DocumentIndex;
import vn.motcua.search.IndexAdmin;
import vn.motcua.search.embedded.EmbeddedElasticsearch;

/**
 * The crash without a crash: a view the processor wrote, and whose position it stored, is gone from MongoDB
 * (what a write the embedded MongoDB had not yet put on disk looks like after kill -9). Health says so, against the
 * event store, while the processor itself reports nothing to do; the reconciliation run at every start puts the view
 * back.
 */
class ReadModelConvergenceTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private MongoClient mongo;

    @Autowired
    private MongoReadModels readModels;

    @Autowired
    private ReadModelReconciliation reconciliation;

    @Autowired
    private EmbeddedElasticsearch elasticsearch;

    @Autowired
    private IndexAdmin dossierIndex;

    @Autowired
    private DocumentIndex documentIndex;

    @Autowired
    private AuditIndex auditIndex;

    @Value("${motcua.mongodb.database:motcua}")
    private String database;

    @Test
    void aViewLostAfterItsPositionWasStoredIsReportedAndMendedFromTheEventStore() {
        String code = submitted("citizen-a");
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(as("citizen-a").get("/api/v1/dossiers/" + code + "/view").status()).isEqualTo(200));
        JsonNode view = as("citizen-a").get("/api/v1/dossiers/" + code + "/view").json();
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode convergence = convergence();
            assertThat(convergence.get("status").asText()).as(convergence.toString()).isEqualTo("UP");
            assertThat(convergence.at("/details/dossier/mongodb/behind").asLong()).isZero();
        });

        // the view is lost, its processor's position is not
        assertThat(mongo.getDatabase(database).getCollection("dossier_views_" + readModels.activeGeneration())
                .deleteOne(eq("_id", code)).getDeletedCount()).isEqualTo(1);
        assertThat(as("citizen-a").get("/api/v1/dossiers/" + code + "/view").status()).isEqualTo(404);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode health = health();
            assertThat(health.at("/components/eventProcessors/details/mongo-read-models/behind").asLong())
                    .as("the processor alone says it has nothing left to write").isZero();
            JsonNode convergence = health.at("/components/convergence");
            assertThat(convergence.get("status").asText()).as(convergence.toString()).isEqualTo("DOWN");
            assertThat(convergence.at("/details/dossier/mongodb/behind").asLong()).isEqualTo(1);
            assertThat(convergence.at("/details/notCatchingUp").toString())
                    .contains("dossier: mongodb (behind its processor's position)");
            assertThat(health.get("status").asText()).isEqualTo("DOWN");
        });
        assertThat(anonymous().get("/actuator/health/readiness").json().get("status").asText())
                .as("a store behind stops nothing").isEqualTo("UP");

        // as at every start
        ReadModelReconciliation.Result mended = reconciliation.reconcile();
        assertThat(mended.byType().get("dossier").missing()).isGreaterThanOrEqualTo(1);

        Api.Response restored = as("citizen-a").get("/api/v1/dossiers/" + code + "/view");
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(restored.json()).isEqualTo(view);
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode convergence = convergence();
            assertThat(convergence.get("status").asText()).as(convergence.toString()).isEqualTo("UP");
            assertThat(convergence.at("/details/dossier/mongodb/behind").asLong()).isZero();
            assertThat(convergence.at("/details/lastReconciliation/mendedViews").asLong()).isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void reconciliationOnDemandIsForAdministratorsAndFindsNothingWhenTheViewsAreCurrent() {
        String code = submitted("citizen-a");
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(as("citizen-a").get("/api/v1/dossiers/" + code + "/view").status()).isEqualTo(200));
        assertThat(as("inspector").post("/api/v1/admin/read-models/reconciliation").status()).isEqualTo(403);
        await().atMost(PATIENCE).untilAsserted(() -> {
            Api.Response run = as("admin").post("/api/v1/admin/read-models/reconciliation");
            assertThat(run.status()).as(run.toString()).isEqualTo(200);
            assertThat(run.json().at("/byType/dossier/views").asInt()).as(run.toString()).isZero();
        });
    }

    @Test
    void everySearchIndexAcknowledgesAWriteOnlyOnceItsTranslogIsOnDisk() throws Exception {
        dossierIndex.ensureIndices();
        documentIndex.ensureIndex();
        auditIndex.ensureIndex();
        HttpClient http = HttpClient.newHttpClient();
        for (String index : new String[] {IndexAdmin.DOSSIERS, DocumentIndex.DOCUMENTS, AuditIndex.AUDIT_EVENTS}) {
            HttpResponse<String> settings = http.send(HttpRequest.newBuilder(URI.create(elasticsearch.httpUri()
                    + "/" + index + "/_settings?include_defaults=true&flat_settings=true")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(settings.statusCode()).as(settings.body()).isEqualTo(200);
            JsonNode byIndex = new ObjectMapper().readTree(settings.body());
            assertThat(byIndex.size()).isPositive();
            byIndex.forEach(one -> assertThat(one.at("/settings").path("index.translog.durability").asText(
                    one.at("/defaults").path("index.translog.durability").asText())).as(index).isEqualTo("request"));
        }
    }

    private JsonNode convergence() {
        return health().at("/components/convergence");
    }

    private JsonNode health() {
        return as("admin").get("/actuator/health").json();
    }
}
