package vn.motcua.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.motcua.search.support.DossierStory;
import vn.motcua.search.support.SearchIntegrationTest;

/** Inspectors search every step: by actor, action, dossier, time and words. */
class AuditSearchTest extends SearchIntegrationTest {

    private static final Instant START = Instant.parse("2026-07-01T01:00:00Z");

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
    void keepsDocumentHashesAndComments() {
        AuditHit submitted = search.audit(AuditQuery.all().withDossier(refused.code())
                .withAction("DossierSubmitted")).hits().get(0);
        assertThat(submitted.documentHashes()).containsExactly("a".repeat(64));
        assertThat(submitted.comment()).isEqualTo("Nộp trực tuyến");
        assertThat(submitted.time()).isEqualTo(START);
    }
}
