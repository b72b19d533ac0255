package vn.motcua.engine.dossier.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.engine.dossier.report.Histories.at;
import static vn.motcua.engine.dossier.report.Histories.submitted;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.engine.calendar.ClockStop;
import vn.motcua.engine.dossier.DossierEvent;
import vn.motcua.engine.dossier.DossierEvent.Stage;
import vn.motcua.engine.dossier.DossierStatus;

class DossierTimelineTest {

    @Test
    void aWholeDossierHasItsReceiptAppointmentEndAndReturn() {
        DossierTimeline timeline = submitted("2026-11-23T08:00").accepted("2026-11-23T09:00", "2026-11-26")
                .appraised("2026-11-24T10:00").approved("2026-11-25T15:00").returned("2026-11-26T08:00").timeline();
        assertThat(timeline.submittedAt()).isEqualTo(at("2026-11-23T08:00"));
        assertThat(timeline.receivedAt()).isEqualTo(at("2026-11-23T09:00"));
        assertThat(timeline.appointedDate()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(timeline.finishedAt()).isEqualTo(at("2026-11-25T15:00"));
        assertThat(timeline.returnedAt()).isEqualTo(at("2026-11-26T08:00"));
        assertThat(timeline.closedAt()).isEqualTo(at("2026-11-26T08:00"));
        assertThat(timeline.status()).isEqualTo(DossierStatus.RESULT_RETURNED);
        assertThat(timeline.entries()).extracting(DossierTimeline.Entry::status).extracting(DossierStatus::portalCode)
                .containsExactly(1, 2, 4, 4, 9, 10);
    }

    @Test
    void thePortalStatusChangesOnlyWhenItsCodeDoes() {
        Histories history = submitted("2026-11-23T08:00");
        assertThat(history.timeline().portalStatusChanged()).as("submission").isTrue();
        history.accepted("2026-11-23T09:00", "2026-11-26");
        assertThat(history.timeline().portalStatusChanged()).as("2 after 1").isTrue();
        history.appraised("2026-11-24T10:00");
        assertThat(history.timeline().portalStatusChanged()).as("appraised: still 4").isFalse();
        history.apologised("2026-11-25T09:00", "2026-11-26", "2026-11-30");
        assertThat(history.timeline().portalStatusChanged()).as("an apology changes no status").isFalse();
    }

    @Test
    void waitingForTheApplicantAfterReceiptIsAClockStop() {
        DossierTimeline timeline = submitted("2026-11-23T08:00").accepted("2026-11-23T09:00", "2026-11-26")
                .supplementRequestedInAppraisal("2026-11-24T09:00", "Bảng thành phần")
                .supplementProvided("2026-11-25T09:00", Stage.APPRAISAL, null).timeline();
        assertThat(timeline.waits()).containsExactly(new ClockStop(at("2026-11-24T09:00"), at("2026-11-25T09:00")));
        assertThat(timeline.waitingSince()).isNull();
        assertThat(timeline.supplementRequests()).isEqualTo(1);
    }

    @Test
    void aRefusalAtReceptionClosesTheDossierWithoutReceivingIt() {
        DossierTimeline timeline = submitted("2026-11-23T08:00").refused("2026-11-23T09:00", "Không thuộc phạm vi")
                .timeline();
        assertThat(timeline.receivedAt()).isNull();
        assertThat(timeline.finishedAt()).isNull();
        assertThat(timeline.closedAt()).isEqualTo(at("2026-11-23T09:00"));
        assertThat(timeline.status().portalCode()).isEqualTo(3);
    }

    @Test
    void eventsThatChangeNothingLeaveTheDatesAlone() {
        Histories history = submitted("2026-11-23T08:00").accepted("2026-11-23T09:00", "2026-11-26");
        history.add(new DossierEvent.ServiceRated(Histories.CODE, 5, "Tốt", List.of(), Histories.CITIZEN,
                at("2026-11-23T10:00")));
        DossierTimeline timeline = history.timeline();
        assertThat(timeline.status()).isEqualTo(DossierStatus.ACCEPTED);
        assertThat(timeline.appointedDate()).isEqualTo(LocalDate.of(2026, 11, 26));
    }

    @Test
    void aHistoryStartsWithTheSubmission() {
        assertThatThrownBy(() -> DossierTimeline.ofEvents(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
