package vn.motcua.portal.documents;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Updates;

import vn.motcua.engine.readmodel.MongoReadModels;
import vn.motcua.engine.readmodel.Rebuilds;
import vn.motcua.engine.readmodel.ViewsOnUpgrade;
import vn.motcua.eoffice.document.DocumentPlatform;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.DocumentIntegrationTest;

/**
 * An official document is read from its MongoDB view, kept by the platform's projection runner: the view follows
 * each step, {@code GET /api/v1/documents/{id}} and the unit's list serve it without folding the events, and a
 * rebuild of the {@code mongodb} target recreates every document view equal to the live one.
 */
class DocumentViewTest extends DocumentIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static final String DRAFT = """
            {"metadata":{"subject":"%s","type":"DECISION","urgency":"NORMAL","secrecy":"NONE","pageCount":1,
             "signerPosition":"Phó Giám đốc","signerName":"Đặng Quốc Việt","issuerAbbreviation":"SYT",
             "recipients":[{"id":"000.00.16.H26.VP","name":"Văn phòng Sở","kind":"INTERNAL_UNIT"}]}}""";

    @Autowired
    private MongoReadModels readModels;
    @Autowired
    private MongoClient mongo;
    @Autowired
    private ViewsOnUpgrade upgrade;
    @Autowired
    private Rebuilds rebuilds;
    @Value("${motcua.mongodb.database:motcua}")
    private String database;

    @Test
    void theViewFollowsEachStepAndTheGetServesIt() {
        String id = drafted("Quyết định về việc thanh tra cơ sở khám bệnh tư nhân");
        Document drafted = readModels.view(DocumentPlatform.DOCUMENTS, id).orElseThrow();
        assertThat(drafted.getString("status")).isEqualTo("DRAFT");
        assertThat(drafted.get("version", Number.class).longValue()).isZero();

        JsonNode submitted = complete("specialist-hn", id, "doc_draft", "{\"outcome\":\"SUBMIT\"}");
        assertThat(submitted.get("status").asText()).isEqualTo("IN_REVIEW");
        // the step's answer was built in its transaction; the processor projects the step once it commits
        Document view = readModels.currentView(DocumentPlatform.DOCUMENTS, id).orElseThrow();
        assertThat(view.getString("status")).isEqualTo("IN_REVIEW");
        assertThat(view.getString("statusLabelVi")).isEqualTo("Chờ lãnh đạo đơn vị duyệt");
        assertThat(view.get("version", Number.class).longValue()).isEqualTo(1);

        // what the read model says is what the GET answers: change the view behind the events' back
        mongo.getDatabase(database).getCollection("document_views_" + readModels.activeGeneration())
                .updateOne(eq("_id", id), Updates.set("subject", "Chỉ có trong bản đọc / only in the view"));
        JsonNode read = document("specialist-hn", id);
        assertThat(read.get("subject").asText()).isEqualTo("Chỉ có trong bản đọc / only in the view");
        assertThat(read.get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(read.get("unitId").asText()).isEqualTo(HANOI);

        // and the unit's list is read from the views too, narrowed by status; another unit does not see it
        Api.Response list = as("clerk-hn").get("/api/v1/documents?status=IN_REVIEW&direction=OUTGOING");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().findValuesAsText("documentId")).contains(id);
        assertThat(list.json().findValuesAsText("status")).containsOnly("IN_REVIEW");
        assertThat(as("clerk-hn").get("/api/v1/documents?status=DRAFT").json().findValuesAsText("documentId"))
                .doesNotContain(id);
        assertThat(as("clerk-hcm").get("/api/v1/documents").json().findValuesAsText("documentId"))
                .doesNotContain(id);
        assertThat(as("inspector").get("/api/v1/documents?status=IN_REVIEW").json().findValuesAsText("documentId"))
                .as("inspectors read every unit's documents").contains(id);
        assertThat(as("citizen-a").get("/api/v1/documents").status()).isEqualTo(403);
    }

    @Test
    void aRebuildOfTheMongodbTargetRecreatesTheDocumentViewsEqualToTheLiveOnes() {
        String outgoing = drafted("Kế hoạch kiểm tra an toàn thực phẩm năm 2027");
        complete("specialist-hn", outgoing, "doc_draft", "{\"outcome\":\"SUBMIT\"}");
        complete("unit-head-hn", outgoing, "doc_review", "{\"outcome\":\"RETURN\",\"comment\":\"Sửa lại\"}");
        String other = drafted("Công văn về việc báo cáo số liệu khám chữa bệnh");
        Map<String, Document> live = views(List.of(outgoing, other));
        assertThat(live.get(outgoing).getString("status")).isEqualTo("RETURNED");
        String generation = readModels.activeGeneration();

        Api.Response started = as("admin").post("/api/v1/admin/rebuilds?target=mongodb");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String progress = started.headers().getLocation().toString();
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(as("admin").get(progress).json().get("state").asText()).isEqualTo("DONE"));

        assertThat(readModels.activeGeneration()).isNotEqualTo(generation);
        assertThat(views(List.of(outgoing, other))).isEqualTo(live);
        assertThat(document("specialist-hn", outgoing).get("status").asText()).isEqualTo("RETURNED");
    }

    @Test
    void viewsMissingAtStartUpAreBuiltFromTheEventStore() {
        String id = drafted("Công văn về việc rà soát danh mục thuốc thiết yếu");
        Document live = readModels.currentView(DocumentPlatform.DOCUMENTS, id).orElseThrow();
        String generation = readModels.activeGeneration();
        // as after an upgrade that brings the document projection: events exist, their views do not
        mongo.getDatabase(database).getCollection("document_views_" + generation).drop();
        assertThat(readModels.typesWithoutViews()).containsExactly("OfficialDocument");

        Rebuilds.Progress started = upgrade.buildMissingViews().orElseThrow();
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(rebuilds.progress(started.id()).state()).isEqualTo(Rebuilds.State.DONE));
        assertThat(readModels.activeGeneration()).isNotEqualTo(generation);
        assertThat(readModels.typesWithoutViews()).isEmpty();
        assertThat(readModels.view(DocumentPlatform.DOCUMENTS, id)).contains(live);
        assertThat(upgrade.buildMissingViews()).as("nothing missing, nothing started").isEmpty();
    }

    private Map<String, Document> views(List<String> ids) {
        Map<String, Document> views = new LinkedHashMap<>();
        for (String id : ids) {
            views.put(id, readModels.currentView(DocumentPlatform.DOCUMENTS, id).orElseThrow());
        }
        return views;
    }

    private JsonNode document(String official, String id) {
        Api.Response response = as(official).get("/api/v1/documents/" + id);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private String drafted(String subject) {
        Api.Response created = as("specialist-hn").multipart("/api/v1/documents/outgoing", parts -> {
            parts.part("document", DRAFT.formatted(subject), MediaType.APPLICATION_JSON);
            parts.part("file", Api.file("du-thao.pdf", pdf("Du thao van ban")), MediaType.APPLICATION_PDF);
        });
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).isEqualTo("DRAFT");
        return created.json().get("documentId").asText();
    }
}
