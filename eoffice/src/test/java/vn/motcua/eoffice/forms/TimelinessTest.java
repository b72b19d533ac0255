package vn.motcua.eoffice.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class TimelinessTest {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalDate APPOINTED = LocalDate.of(2026, 11, 27);

    @Test
    void stepOnTheAppointedDayIsOnTimeUntilMidnightInVietnam() {
        assertThat(Timeliness.ofStep(Instant.parse("2026-11-27T16:59:59Z"), APPOINTED, HANOI))
                .isEqualTo(Timeliness.ON_TIME);
        assertThat(Timeliness.ofStep(Instant.parse("2026-11-27T17:00:00Z"), APPOINTED, HANOI))
                .isEqualTo(Timeliness.LATE);
    }

    @Test
    void stepBeforeAcceptanceIsNotJudged() {
        assertThat(Timeliness.ofStep(Instant.parse("2026-11-20T02:00:00Z"), null, HANOI))
                .isEqualTo(Timeliness.NOT_APPLICABLE);
    }

    @Test
    void dossierReturnedByTheAppointedDateIsOnTimeAndAfterItLate() {
        assertThat(Timeliness.ofDossier(APPOINTED, Instant.parse("2026-11-27T09:00:00Z"), true, APPOINTED, HANOI))
                .isEqualTo(Timeliness.ON_TIME);
        assertThat(Timeliness.ofDossier(APPOINTED, Instant.parse("2026-11-28T01:00:00Z"), true, APPOINTED, HANOI))
                .isEqualTo(Timeliness.LATE);
    }

    @Test
    void openDossierIsNotDueUntilItsDatePassesThenLate() {
        assertThat(Timeliness.ofDossier(APPOINTED, null, false, APPOINTED, HANOI)).isEqualTo(Timeliness.NOT_DUE);
        assertThat(Timeliness.ofDossier(APPOINTED, null, false, APPOINTED.plusDays(1), HANOI))
                .isEqualTo(Timeliness.LATE);
    }

    @Test
    void dossierClosedWithoutResultOrNeverAcceptedIsNotJudged() {
        assertThat(Timeliness.ofDossier(APPOINTED, null, true, APPOINTED.plusDays(9), HANOI))
                .isEqualTo(Timeliness.NOT_APPLICABLE);
        assertThat(Timeliness.ofDossier(null, null, false, APPOINTED, HANOI)).isEqualTo(Timeliness.NOT_APPLICABLE);
    }
}
