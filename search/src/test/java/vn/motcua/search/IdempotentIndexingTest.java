package vn.motcua.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.engine.dossier.DossierStatus;
import vn.motcua.search.support.DossierStory;
import vn.motcua.search.support.SearchIntegrationTest;

/** Kafka delivers at least once: redelivered, replayed or late events must change nothing. */
class IdempotentIndexingTest extends SearchIntegrationTest {

    private final String unit = unique("unit-idem");

    @Test
    void indexingTheSameBatchTwiceChangesNothing() {
        DossierStory first = story().submitted("Hoàng Văn Lặp", "0904000001", "001070000001", "Dầu gội Bồ Kết")
                .accepted(LocalDate.parse("2026-05-08")).handlerAssigned("spec-1", "Vũ Thẩm Định");
        DossierStory second = story().submitted("Hoàng Thị Lại", "0904000002", "001070000002", "Dầu xả Bồ Kết");
        List<EventEnvelope> batch = new ArrayList<>(first.events());
        batch.addAll(second.events());

        IndexingResult once = indexAndRefresh(batch);
        SearchPage<DossierHit> afterOnce = all();
        long auditOnce = auditCount();
        IndexingResult twice = indexAndRefresh(batch);

        assertThat(once).isEqualTo(new IndexingResult(4, 0, 4));
        assertThat(twice).isEqualTo(new IndexingResult(0, 4, 0));
        assertThat(all()).isEqualTo(afterOnce);
        assertThat(afterOnce.hits()).extracting(DossierHit::code, DossierHit::version, DossierHit::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(first.code(), 2L, DossierStatus.IN_APPRAISAL),
                        org.assertj.core.groups.Tuple.tuple(second.code(), 0L, DossierStatus.SUBMITTED));
        assertThat(auditCount()).isEqualTo(auditOnce).isEqualTo(4);
    }

    @Test
    void lateAndDuplicateEventsAreSkipped() {
        DossierStory story = story().submitted("Đỗ Văn Trễ", "0904000003", "001070000003", "Kem chống nắng")
                .accepted(LocalDate.parse("2026-05-08")).handlerAssigned("spec-2", "Vũ Thẩm Định")
                .appraised("spec-2", "Vũ Thẩm Định", "Đạt").approved();
        List<EventEnvelope> events = story.events();
        indexAndRefresh(events.subList(0, 4));

        // the acceptance is redelivered after the appraisal, then a batch repeats old events with the next one
        IndexingResult late = indexAndRefresh(List.of(events.get(1)));
        IndexingResult mixed = indexAndRefresh(List.of(events.get(2), events.get(4), events.get(3), events.get(4)));

        assertThat(late).isEqualTo(new IndexingResult(0, 1, 0));
        assertThat(mixed.applied()).isEqualTo(1);
        assertThat(mixed.skipped()).isEqualTo(3);
        assertThat(mixed.auditAdded()).isEqualTo(1);
        DossierHit hit = only(story.code());
        assertThat(hit.status()).isEqualTo(DossierStatus.APPROVED);
        assertThat(hit.version()).isEqualTo(4);
        assertThat(hit.handlerId()).isEqualTo("spec-2");
        assertThat(hit.dueDate()).isEqualTo(LocalDate.parse("2026-05-08"));
    }

    @Test
    void eventsOfOneBatchAreAppliedInSequenceOrderWhateverTheirArrivalOrder() {
        DossierStory story = story().submitted("Bùi Thị Đảo", "0904000004", "001070000004", "Phấn phủ")
                .accepted(LocalDate.parse("2026-05-09")).withdrawn();
        List<EventEnvelope> shuffled = new ArrayList<>(story.events());
        Collections.reverse(shuffled);

        IndexingResult result = indexAndRefresh(shuffled);

        assertThat(result.applied()).isEqualTo(3);
        DossierHit hit = only(story.code());
        assertThat(hit.status()).isEqualTo(DossierStatus.WITHDRAWN);
        assertThat(hit.applicantName()).isEqualTo("Bùi Thị Đảo");
        assertThat(hit.version()).isEqualTo(2);
    }

    private DossierStory story() {
        return new DossierStory(unique("IDEM"), unit, Instant.parse("2026-05-04T02:00:00Z"));
    }

    private SearchPage<DossierHit> all() {
        return search.search(DossierQuery.builder().page(0, 100).build(), unit);
    }

    private DossierHit only(String code) {
        List<DossierHit> hits = search.search(DossierQuery.builder().text(code).build(), unit).hits();
        assertThat(hits).hasSize(1);
        return hits.get(0);
    }

    private long auditCount() {
        return all().hits().stream()
                .mapToLong(hit -> search.audit(AuditQuery.all().withDossier(hit.code())).total()).sum();
    }
}
