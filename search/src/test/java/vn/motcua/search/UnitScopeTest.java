package vn.motcua.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.search.support.DossierStory;
import vn.motcua.search.support.SearchIntegrationTest;

/** Decree 61/2018/ND-CP: an official works on the dossiers of his own unit only. */
class UnitScopeTest extends SearchIntegrationTest {

    @Test
    void officialsNeverSeeAnotherUnitsDossiers() {
        String unitA = unique("unit-A");
        String unitB = unique("unit-B");
        Instant now = Instant.parse("2026-04-01T03:00:00Z");
        DossierStory ofA = new DossierStory(unique("SCOPE"), unitA, now)
                .submitted("Phạm Minh Châu", "0903000001", "001080000001", "Son môi Hồng")
                .accepted(LocalDate.parse("2026-04-06"));
        DossierStory ofB = new DossierStory(unique("SCOPE"), unitB, now)
                .submitted("Phạm Minh Châu", "0903000002", "001080000002", "Son môi Hồng")
                .accepted(LocalDate.parse("2026-04-06"));
        List<EventEnvelope> events = new ArrayList<>(ofA.events());
        events.addAll(ofB.events());
        indexAndRefresh(events);

        assertThat(search.search(DossierQuery.builder().text("Pham Minh Chau").build(), unitA).hits())
                .extracting(DossierHit::code).containsExactly(ofA.code());
        assertThat(search.search(DossierQuery.builder().text(ofB.code()).build(), unitA).total()).isZero();
        assertThat(search.search(DossierQuery.builder().build(), unitA).hits())
                .extracting(DossierHit::unitId).containsOnly(unitA);
        assertThat(search.search(DossierQuery.builder().text("Pham Minh Chau").build(), null).hits())
                .extracting(DossierHit::code).contains(ofA.code(), ofB.code());
    }
}
