package vn.motcua.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.motcua.search.EventEnvelope;
import vn.motcua.search.support.DossierStory;
import vn.motcua.process.ProcedureCatalogue;

/**
 * The unit head's check of the draft result in the search index (Decree 30/2020/ND-CP Art. 12): agreeing leaves the
 * dossier appraised, awaiting the leader; returning it to the handler puts it back in appraisal, as the engine does.
 */
class DossierDocumentReviewTest {

    private static final ProcedureCatalogue CATALOGUE = new ProcedureCatalogue();

    @Test
    void aDraftReturnedToTheHandlerIsInAppraisalAgainAndAnAgreedOneAwaitsTheLeader() {
        assertThat(fold(appraised("0001").resultReviewed(true, "Đồng ý")).status()).isEqualTo("APPRAISED");
        assertThat(fold(appraised("0002").resultReviewed(false, "Thiếu thành phần")).status())
                .isEqualTo("IN_APPRAISAL");
    }

    private static DossierStory appraised(String number) {
        return new DossierStory("000.00.16.H26-261207-" + number, "000.00.16.H26", Instant.parse("2026-12-07T01:00:00Z"))
                .submitted("Nguyễn Văn An", "0912345678", "001099012345", "Kem Sen Việt")
                .accepted(LocalDate.of(2026, 12, 20))
                .handlerAssigned("specialist-hn", "Chuyên viên")
                .appraised("specialist-hn", "Chuyên viên", "Đạt");
    }

    private static DossierDocument fold(DossierStory story) {
        DossierDocument document = DossierDocument.empty(story.code());
        for (EventEnvelope event : story.events()) {
            document = document.apply(event, CATALOGUE);
        }
        return document;
    }
}
