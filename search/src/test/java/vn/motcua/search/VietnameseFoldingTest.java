package vn.motcua.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import vn.motcua.search.support.DossierStory;
import vn.motcua.search.support.SearchIntegrationTest;

/** Vietnamese is searched without diacritics: the {@code vietnamese_folded} analyser of both indices. */
class VietnameseFoldingTest extends SearchIntegrationTest {

    private final String unit = unique("unit-fold");
    private DossierStory an;
    private DossierStory dang;

    @BeforeEach
    void index() {
        Instant now = Instant.parse("2026-03-02T02:00:00Z");
        an = new DossierStory(unique("FOLD"), unit, now)
                .submitted("Nguyễn Văn An", "0912345678", "001090000001", "Kem dưỡng da Sen Việt");
        dang = new DossierStory(unique("FOLD"), unit, now.plusSeconds(60))
                .submitted("Đặng Thị Hoa", "0912345679", "001090000002", "Sữa rửa mặt Hoa Cúc");
        indexAndRefresh(List.of(an.last(), dang.last()));
    }

    @Test
    void analyserFoldsDiacriticsAndDStroke() throws Exception {
        List<String> tokens = client.indices().analyze(a -> a.index(IndexAdmin.DOSSIERS)
                        .analyzer("vietnamese_folded").text("Nguyễn Đặng Việt"))
                .tokens().stream().map(AnalyzeToken::token).toList();
        assertThat(tokens).containsExactly("nguyen", "dang", "viet");
    }

    @Test
    void nameWithoutDiacriticsFindsTheNameWithThem() {
        assertThat(codes("Nguyen Van A")).containsExactly(an.code());
        assertThat(codes("nguyen van a")).containsExactly(an.code());
        assertThat(codes("Nguyễn Văn An")).containsExactly(an.code());
    }

    @Test
    void dangFindsDang() {
        assertThat(codes("dang")).containsExactly(dang.code());
        assertThat(codes("ĐẶNG")).containsExactly(dang.code());
    }

    @Test
    void subjectIsSearchableByProductAndProcedureName() {
        assertThat(codes("kem duong da")).containsExactly(an.code());
        assertThat(codes("sua rua mat")).containsExactly(dang.code());
        assertThat(codes("cong bo my pham")).containsExactlyInAnyOrder(an.code(), dang.code());
    }

    @Test
    void everyWordMustMatch() {
        assertThat(codes("Nguyen Van Binh")).isEmpty();
        assertThat(codes("Nguyen Hoa")).isEmpty();
    }

    private List<String> codes(String text) {
        return search.search(DossierQuery.builder().text(text).build(), unit).hits().stream()
                .map(DossierHit::code).toList();
    }
}
