package vn.motcua.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.motcua.engine.dossier.DossierStatus;
import vn.motcua.search.DossierQuery.Sort;
import vn.motcua.search.support.DossierStory;
import vn.motcua.search.support.SearchIntegrationTest;

/** Officials' filters: status, procedure, received and due ranges, overdue, sort and pages. */
class DossierSearchFiltersTest extends SearchIntegrationTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final String unit = unique("unit-filter");
    private final LocalDate today = LocalDate.now(VIETNAM);
    private DossierStory late;
    private DossierStory lateButReturned;
    private DossierStory dueToday;
    private DossierStory dueLater;
    private DossierStory notAccepted;

    @BeforeEach
    void index() {
        // received on four consecutive days at 08:00 Vietnam time (01:00 UTC)
        Instant day1 = today.minusDays(10).atTime(8, 0).atZone(VIETNAM).toInstant();
        late = new DossierStory(unique("F1"), unit, day1)
                .submitted("Quá Hạn Một", "0905000001", "001060000001", "Sản phẩm một")
                .accepted(today.minusDays(1));
        lateButReturned = new DossierStory(unique("F2"), unit, day1.plusSeconds(86_400))
                .submitted("Quá Hạn Hai", "0905000002", "001060000002", "Sản phẩm hai")
                .accepted(today.minusDays(2)).handlerAssigned("spec", "Chuyên Viên").appraised("spec", "Chuyên Viên", "Đạt")
                .approved().resultReturned();
        dueToday = new DossierStory(unique("F3"), unit, day1.plusSeconds(2 * 86_400))
                .submitted("Đúng Hạn Ba", "0905000003", "001060000003", "Sản phẩm ba")
                .accepted(today);
        dueLater = new DossierStory(unique("F4"), unit, day1.plusSeconds(3 * 86_400))
                .submitted("Còn Hạn Bốn", "0905000004", "001060000004", "Sản phẩm bốn")
                .accepted(today.plusDays(3));
        notAccepted = new DossierStory(unique("F5"), unit, day1.plusSeconds(4 * 86_400))
                .submitted("Mới Nộp Năm", "0905000005", "001060000005", "Sản phẩm năm");
        List<EventEnvelope> events = new ArrayList<>();
        for (DossierStory story : List.of(late, lateButReturned, dueToday, dueLater, notAccepted)) {
            events.addAll(story.events());
        }
        indexAndRefresh(events);
    }

    @Test
    void overdueMeansPastTheAppointedDateAndNotClosed() {
        assertThat(codes(DossierQuery.builder().overdue(true))).containsExactly(late.code());
    }

    @Test
    void defaultOrderIsNewestReceivedFirst() {
        assertThat(codes(DossierQuery.builder())).containsExactly(notAccepted.code(), dueLater.code(),
                dueToday.code(), lateButReturned.code(), late.code());
    }

    @Test
    void sortsByDueDateAscendingWithUndatedDossiersLast() {
        assertThat(codes(DossierQuery.builder().sort(Sort.DUE_DATE, true))).containsExactly(lateButReturned.code(),
                late.code(), dueToday.code(), dueLater.code(), notAccepted.code());
    }

    @Test
    void filtersByStatusAndProcedure() {
        assertThat(codes(DossierQuery.builder().statuses(Set.of(DossierStatus.SUBMITTED, DossierStatus.RESULT_RETURNED))))
                .containsExactlyInAnyOrder(notAccepted.code(), lateButReturned.code());
        assertThat(codes(DossierQuery.builder().procedureCode(DossierStory.PROCEDURE))).hasSize(5);
        assertThat(codes(DossierQuery.builder().procedureCode("9.999999"))).isEmpty();
    }

    @Test
    void receivedRangeIsInclusiveDaysOfVietnamTime() {
        LocalDate second = today.minusDays(9);
        assertThat(codes(DossierQuery.builder().received(second, second.plusDays(1))))
                .containsExactlyInAnyOrder(lateButReturned.code(), dueToday.code());
    }

    @Test
    void dueRangeIsInclusive() {
        assertThat(codes(DossierQuery.builder().due(today.minusDays(1), today)))
                .containsExactlyInAnyOrder(late.code(), dueToday.code());
    }

    @Test
    void pagesAreStableAndCountTheTotal() {
        SearchPage<DossierHit> first = search.search(DossierQuery.builder().page(0, 2).build(), unit);
        SearchPage<DossierHit> third = search.search(DossierQuery.builder().page(2, 2).build(), unit);
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.hits()).extracting(DossierHit::code).containsExactly(notAccepted.code(), dueLater.code());
        assertThat(third.hits()).extracting(DossierHit::code).containsExactly(late.code());
    }

    @Test
    void pageSizeIsLimitedToOneHundred() {
        assertThatThrownBy(() -> DossierQuery.builder().page(0, 101).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hitsCarryTheFoldedState() {
        DossierHit hit = search.search(DossierQuery.builder().text(lateButReturned.code()).build(), unit).hits().get(0);
        assertThat(hit.status()).isEqualTo(DossierStatus.RESULT_RETURNED);
        assertThat(hit.procedureName()).startsWith("Cấp số tiếp nhận Phiếu công bố sản phẩm mỹ phẩm");
        assertThat(hit.subject()).startsWith("Sản phẩm hai — Sen Việt — Cấp số tiếp nhận");
        assertThat(hit.handlerId()).isEqualTo("spec");
        assertThat(hit.dueDate()).isEqualTo(today.minusDays(2));
        assertThat(hit.receivedAt()).isEqualTo(lateButReturned.events().get(0).time());
        assertThat(hit.updatedAt()).isEqualTo(lateButReturned.last().time());
        assertThat(hit.version()).isEqualTo(5);
    }

    private List<String> codes(DossierQuery.Builder query) {
        return search.search(query.build(), unit).hits().stream().map(DossierHit::code).toList();
    }
}
