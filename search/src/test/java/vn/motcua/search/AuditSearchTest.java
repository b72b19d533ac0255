package vn.motcua.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.motcua.search.support.DossierStory;
import vn.motcua.search.support.SearchIntegrationTest;

/** Inspectors search every step of every aggregate type: by type, aggregate, actor, action, dossier, time and words. */
class AuditSearchTest extends SearchIntegrationTest {

    private static final Instant START = Instant.parse("2026-07-01T01:00:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String unit = unique("unit-audit");
    private DossierStory refused;
    private DossierStory accepted;

    @BeforeEach
    void index() {
        refused = new DossierStory(unique("AUD"), unit, START)
                .submitted("Mai Thanh Tra", "0906000001", "001050000001", "Tinh dầu sả")
                .refused("Từ chối vì thiếu Giấy ủy quyền của nhà sản xuất");
        accepted = new DossierStory(unique("AUD"), unit, START.plusSeconds(600))
                .submitted("Lý Thị Soát", "0906000002", "001050000002", "Tinh dầu bưởi")
                .accepted(LocalDate.parse("2026-07-06"));
        List<EventEnvelope> events = new ArrayList<>(refused.events());
        events.addAll(accepted.events());
        indexAndRefresh(events);
    }

    @Test
    void findsStepsByActorNewestFirst() {
        SearchPage<AuditHit> byReception = search.audit(AuditQuery.all().withActor("reception-" + unit));
        assertThat(byReception.hits()).extracting(AuditHit::dossierCode, AuditHit::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple(accepted.code(), "DossierAccepted"),
                org.assertj.core.groups.Tuple.tuple(refused.code(), "DossierRefused"));
        assertThat(byReception.hits().get(0).actorName()).isEqualTo("Trần Thị Tiếp Nhận");
        assertThat(byReception.hits().get(0).actorRole()).isEqualTo("RECEPTION");
        assertThat(byReception.hits().get(0).actorUnitId()).isEqualTo(unit);
    }

    @Test
    void findsStepsByActionAndDossier() {
        assertThat(search.audit(AuditQuery.all().withAction("vn.motcua.dossier.DossierRefused")
                .withDossier(refused.code())).hits()).extracting(AuditHit::eventId)
                .containsExactly(refused.last().eventId());
        assertThat(search.audit(AuditQuery.all().withDossier(accepted.code())).hits())
                .extracting(AuditHit::sequence).containsExactly(1L, 0L);
    }

    @Test
    void findsStepsInATimeRange() {
        // submitted at START, START+10 min; refused and accepted one hour after their submission
        SearchPage<AuditHit> firstHalfHour = search.audit(AuditQuery.all().withActor("reception-" + unit)
                .between(START.plusSeconds(3600), START.plusSeconds(3600 + 300)));
        assertThat(firstHalfHour.hits()).extracting(AuditHit::dossierCode).containsExactly(refused.code());
        assertThat(search.audit(AuditQuery.all().withDossier(refused.code()).between(START, START.plusSeconds(1)))
                .hits()).extracting(AuditHit::type).containsExactly("DossierSubmitted");
    }

    @Test
    void findsStepsByWordsWithoutDiacritics() {
        assertThat(search.audit(AuditQuery.all().withText("thieu giay uy quyen").withDossier(refused.code())).hits())
                .extracting(AuditHit::eventId).containsExactly(refused.last().eventId());
        assertThat(search.audit(AuditQuery.all().withText("thieu giay uy quyen").withDossier(accepted.code())).total())
                .isZero();
        assertThat(search.audit(AuditQuery.all().withText("tinh dau buoi").withDossier(accepted.code())).hits())
                .extracting(AuditHit::type).containsExactly("DossierSubmitted");
        assertThat(search.audit(AuditQuery.all().withText("ly thi soat")).hits())
                .extracting(AuditHit::actorName).contains("Lý Thị Soát");
    }

    @Test
    void findsTheStepsOfEveryAggregateTypeAndFiltersByType() {
        String complaint = unique("complaint");
        String official = "handler-" + unit;
        List<EventEnvelope> events = List.of(
                event("complaint", complaint, "ComplaintReceived", 0, "citizen-" + unit, "Phản ánh cơ sở bán hàng"),
                event("complaint", complaint, "ComplaintAnswered", 1, official, "Đã chuyển đội quản lý thị trường"));
        recordInAuditOnly(events);

        assertThat(search.audit(AuditQuery.all().ofAggregate(complaint)).hits())
                .extracting(AuditHit::aggregateType, AuditHit::aggregateId, AuditHit::dossierCode, AuditHit::type)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("complaint", complaint, null, "ComplaintAnswered"),
                        org.assertj.core.groups.Tuple.tuple("complaint", complaint, null, "ComplaintReceived"));
        assertThat(search.audit(AuditQuery.all().ofType("complaint").withText("quan ly thi truong")
                .ofAggregate(complaint)).hits()).extracting(AuditHit::eventId)
                .containsExactly(events.get(1).eventId());
        assertThat(search.audit(AuditQuery.all().withAction("vn.motcua.complaint.ComplaintAnswered")
                .ofAggregate(complaint)).total()).isEqualTo(1);
        assertThat(search.audit(AuditQuery.all().ofType("dossier").withActor("reception-" + unit)).hits())
                .extracting(AuditHit::aggregateType, AuditHit::aggregateId).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dossier", accepted.code()),
                        org.assertj.core.groups.Tuple.tuple("dossier", refused.code()));
        assertThat(search.audit(AuditQuery.all().ofType("complaint").withActor("reception-" + unit)).total())
                .isZero();
    }

    @Test
    void aSecretDocumentKeepsOnlyItsMetadataInTheSearchableText() {
        String secret = unique("doc-secret");
        String open = unique("doc-open");
        recordInAuditOnly(List.of(
                drafted(secret, "SECRET", "Kế hoạch thanh tra đột xuất cơ sở Hàng Đào"),
                drafted(open, "NONE", "Kế hoạch kiểm tra định kỳ cơ sở Hàng Bạc")));

        AuditHit secretStep = search.audit(AuditQuery.all().ofAggregate(secret)).hits().get(0);
        assertThat(secretStep.aggregateType()).isEqualTo("document");
        assertThat(secretStep.comment()).isNull();
        assertThat(search.audit(AuditQuery.all().withText("thanh tra dot xuat")).total()).isZero();
        assertThat(search.audit(AuditQuery.all().withText("kiem tra dinh ky hang bac")).hits())
                .extracting(AuditHit::aggregateId).containsExactly(open);
        assertThat(search.audit(AuditQuery.all().withText(secret)).hits()).extracting(AuditHit::aggregateId)
                .containsExactly(secret);
    }

    @Test
    void keepsDocumentHashesAndComments() {
        AuditHit submitted = search.audit(AuditQuery.all().withDossier(refused.code())
                .withAction("DossierSubmitted")).hits().get(0);
        assertThat(submitted.documentHashes()).containsExactly("a".repeat(64));
        assertThat(submitted.comment()).isEqualTo("Nộp trực tuyến");
        assertThat(submitted.time()).isEqualTo(START);
    }

    /** Records events of other types as the audit consumer does: in the audit index (and the stand-in store). */
    private void recordInAuditOnly(List<EventEnvelope> events) {
        EVENT_STORE.addAll(events);
        assertThat(auditIndexer.index(events).auditAdded()).isEqualTo(events.size());
        auditIndex.refresh();
    }

    private EventEnvelope event(String type, String id, String name, long sequence, String actorId, String comment) {
        ObjectNode data = JSON.createObjectNode();
        data.put("comment", comment);
        data.putObject("actor").put("id", actorId).put("name", "Người " + actorId).put("role", "RECEPTION")
                .put("unitId", unit);
        return new EventEnvelope(unique("evt"), type, id, name, sequence, START.plusSeconds(7200 + sequence), null,
                data);
    }

    private EventEnvelope drafted(String id, String secrecy, String comment) {
        EventEnvelope event = event("document", id, "DocumentDrafted", 0, "clerk-" + unit, comment);
        ((ObjectNode) event.data()).putObject("metadata").put("subject", comment).put("secrecy", secrecy);
        return event;
    }
}
