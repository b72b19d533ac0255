package vn.motcua.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.motcua.engine.dossier.DossierStatus;
import vn.motcua.search.support.DossierStory;
import vn.motcua.search.support.SearchIntegrationTest;

/** Tra cứu hồ sơ: the code plus the applicant's phone or ID number, and nothing but the status back. */
class PublicLookupTest extends SearchIntegrationTest {

    private DossierStory story;

    @BeforeEach
    void index() {
        story = new DossierStory(unique("PUB"), unique("unit-pub"), Instant.parse("2026-06-01T02:00:00Z"))
                .submitted("Trịnh Công Khai", "0912 345 678", "001085000123", "Mặt nạ ngủ")
                .accepted(LocalDate.parse("2026-06-04"));
        indexAndRefresh(story.events());
    }

    @Test
    void applicantSeesTheStatusWithPhoneOrIdNumber() {
        PublicDossierStatus expected = new PublicDossierStatus(story.code(),
                "Cấp số tiếp nhận Phiếu công bố sản phẩm mỹ phẩm sản xuất trong nước", DossierStatus.ACCEPTED,
                Instant.parse("2026-06-01T02:00:00Z"), LocalDate.parse("2026-06-04"));
        assertThat(search.publicLookup(story.code(), "0912345678")).contains(expected);
        assertThat(search.publicLookup(story.code(), "+84 912.345.678")).contains(expected);
        assertThat(search.publicLookup(story.code(), "001085000123")).contains(expected);
    }

    @Test
    void wrongPhoneOrIdAndUnknownCodeAreRefusedAlike() {
        assertThat(search.publicLookup(story.code(), "0999999999")).isEmpty();
        assertThat(search.publicLookup(story.code(), "001085000124")).isEmpty();
        assertThat(search.publicLookup(story.code(), "")).isEmpty();
        assertThat(search.publicLookup(story.code() + "X", "0912345678")).isEmpty();
        assertThat(search.publicLookup("000.00.00.H00-260601-9999", "0912345678")).isEmpty();
    }

    @Test
    void officialsSearchNeitherReturnsNorMatchesPhoneAndIdNumber() throws Exception {
        var raw = client.search(s -> s.index(IndexAdmin.DOSSIERS).query(q -> q.term(t -> t.field("code")
                .value(story.code()))), com.fasterxml.jackson.databind.JsonNode.class);
        assertThat(raw.hits().hits().get(0).source().get("applicantPhone").asText())
                .as("stored for the lookup").isEqualTo("0912345678");
        assertThat(search.search(DossierQuery.builder().text("0912345678").build(), null).total()).isZero();
    }
}
