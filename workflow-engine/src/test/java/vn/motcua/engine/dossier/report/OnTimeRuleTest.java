package vn.motcua.engine.dossier.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.engine.dossier.report.Histories.submitted;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.engine.dossier.DossierEvent;
import vn.motcua.engine.dossier.DossierEvent.PaymentReceived;
import vn.motcua.engine.dossier.DossierEvent.PaymentRequested;
import vn.motcua.engine.dossier.DossierEvent.Stage;
import vn.motcua.engine.dossier.report.OnTimeRule.Reason;
import vn.motcua.engine.dossier.report.OnTimeRule.Verdict;

/**
 * "On time" as the national scoring counts it. The story: a cosmetic notification submitted on Monday
 * 23/11/2026 at 08:00 and received at 09:00 with the result due on Thursday 26/11 (3 working days).
 */
class OnTimeRuleTest {

    private final OnTimeRule rule = new OnTimeRule(Histories.calendar());

    private static Histories received() {
        return submitted("2026-11-23T08:00").accepted("2026-11-23T09:00", "2026-11-26");
    }

    @Test
    void finishedOnTheAppointedDayIsOnTime() {
        Histories history = received().appraised("2026-11-24T10:00").approved("2026-11-26T16:30")
                .returned("2026-11-26T16:45");
        OnTimeRule.Result result = rule.judge(history.timeline()).orElseThrow();
        assertThat(result.verdict()).isEqualTo(Verdict.ON_TIME);
        assertThat(result.reason()).isEqualTo(Reason.FINISHED_ON_DUE_DATE);
        assertThat(result.early()).isFalse();
        assertThat(result.effectiveDueDate()).isEqualTo(LocalDate.of(2026, 11, 26));
    }

    @Test
    void finishedBeforeTheAppointedDayIsEarlyAndOnTime() {
        Histories history = received().appraised("2026-11-24T10:00").approved("2026-11-25T16:30");
        OnTimeRule.Result result = rule.judge(history.timeline()).orElseThrow();
        assertThat(result.verdict()).isEqualTo(Verdict.ON_TIME);
        assertThat(result.reason()).isEqualTo(Reason.FINISHED_BEFORE_DUE_DATE);
        assertThat(result.early()).isTrue();
    }

    @Test
    void finishedTheDayAfterTheAppointedDayIsLate() {
        Histories history = received().appraised("2026-11-24T10:00").approved("2026-11-27T08:00");
        OnTimeRule.Result result = rule.judge(history.timeline()).orElseThrow();
        assertThat(result.verdict()).isEqualTo(Verdict.LATE);
        assertThat(result.reason()).isEqualTo(Reason.FINISHED_AFTER_DUE_DATE);
    }

    @Test
    void processingIsFinishedWhenTheLeaderDecidesNotWhenTheResultIsHandedOver() {
        Histories history = received().appraised("2026-11-24T10:00").approved("2026-11-26T10:00")
                .returned("2026-11-30T09:00");
        assertThat(history.timeline().finishedAt()).isEqualTo(Histories.at("2026-11-26T10:00"));
        assertThat(rule.judge(history.timeline()).orElseThrow().onTime()).isTrue();
    }

    @Test
    void aDossierStillInProgressHasNoVerdict() {
        assertThat(rule.judge(received().appraised("2026-11-24T10:00").timeline())).isEmpty();
    }

    @Test
    void aDossierStillInProgressIsNotDueUntilTheAppointedDayHasPassedThenLate() {
        Histories history = received().appraised("2026-11-24T10:00");
        assertThat(rule.judge(history.timeline(), Histories.at("2026-11-26T16:59")).verdict())
                .isEqualTo(Verdict.NOT_DUE);
        OnTimeRule.Result overdue = rule.judge(history.timeline(), Histories.at("2026-11-27T07:00"));
        assertThat(overdue.verdict()).isEqualTo(Verdict.LATE);
        assertThat(overdue.reason()).isEqualTo(Reason.IN_PROGRESS_PAST_DUE_DATE);
        assertThat(overdue.finished()).isFalse();
    }

    @Test
    void whileTheApplicantIsSupplementingTheDueDateKeepsMoving() {
        // waiting since Wednesday 09:00: by Friday 09:00 that is 16 working hours, so Thursday becomes Monday
        Histories waiting = received().supplementRequestedInAppraisal("2026-11-25T09:00", "Bảng thành phần");
        OnTimeRule.Result result = rule.judge(waiting.timeline(), Histories.at("2026-11-27T09:00"));
        assertThat(result.verdict()).isEqualTo(Verdict.NOT_DUE);
        assertThat(result.effectiveDueDate()).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void aDossierNeverReceivedOrClosedWithoutResultIsNotJudged() {
        assertThat(rule.judge(submitted("2026-11-23T08:00").timeline(), Histories.at("2026-12-30T08:00")).reason())
                .isEqualTo(Reason.NOT_RECEIVED);
        OnTimeRule.Result withdrawn = rule.judge(received().withdrawn("2026-11-24T08:00").timeline(),
                Histories.at("2026-12-30T08:00"));
        assertThat(withdrawn.verdict()).isEqualTo(Verdict.NOT_JUDGED);
        assertThat(withdrawn.reason()).isEqualTo(Reason.CLOSED_WITHOUT_RESULT);
    }

    @Test
    void aStepIsOnTimeWhenTakenOnOrBeforeTheDueDateInForceThen() {
        assertThat(rule.judgeStep(received().timeline()).verdict()).isEqualTo(Verdict.ON_TIME);
        assertThat(rule.judgeStep(received().appraised("2026-11-27T08:00").timeline()).verdict())
                .isEqualTo(Verdict.LATE);
        assertThat(rule.judgeStep(submitted("2026-11-23T08:00").timeline()).verdict())
                .isEqualTo(Verdict.NOT_JUDGED);
    }

    @Test
    void theApplicantsTimeSpentSupplementingIsNotCounted() {
        // waiting from Wednesday 09:00 to Thursday 09:00 is 8 working hours: the due date moves to Friday
        Histories waited = received().supplementRequestedInAppraisal("2026-11-25T09:00", "Bảng thành phần")
                .supplementProvided("2026-11-26T09:00", Stage.APPRAISAL, null).appraised("2026-11-26T10:00");
        assertThat(rule.effectiveDueDate(waited.timeline())).isEqualTo(LocalDate.of(2026, 11, 27));

        Histories friday = waited.copy().approved("2026-11-27T15:00");
        assertThat(rule.judge(friday.timeline()).orElseThrow().verdict()).isEqualTo(Verdict.ON_TIME);
        Histories monday = waited.copy().approved("2026-11-30T08:00");
        assertThat(rule.judge(monday.timeline()).orElseThrow().verdict()).isEqualTo(Verdict.LATE);
    }

    @Test
    void aSupplementDuringAppraisalRestartsTheTimeLimitFromTheNewAppointment() {
        Histories history = received().supplementRequestedInAppraisal("2026-11-24T10:00", "Bảng thành phần")
                .supplementProvided("2026-11-25T10:00", Stage.APPRAISAL, "2026-11-30").appraised("2026-11-26T10:00")
                .approved("2026-11-30T16:00");
        DossierTimeline timeline = history.timeline();
        assertThat(timeline.dueDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(timeline.waits()).as("the wait is inside the new appointment").isEmpty();
        assertThat(rule.judge(timeline).orElseThrow().verdict()).isEqualTo(Verdict.ON_TIME);
    }

    @Test
    void moreThanOneSupplementRequestCountsAgainstTheAgencyWhateverTheDates() {
        Histories history = submitted("2026-11-23T08:00").supplementRequested("2026-11-23T08:30", "Giấy ủy quyền")
                .supplementProvided("2026-11-23T09:00", Stage.RECEPTION, null)
                .accepted("2026-11-23T09:30", "2026-11-26")
                .supplementRequestedInAppraisal("2026-11-24T09:00", "Bảng thành phần")
                .supplementProvided("2026-11-24T10:00", Stage.APPRAISAL, "2026-11-27")
                .appraised("2026-11-24T11:00").approved("2026-11-24T15:00");
        assertThat(history.timeline().supplementRequests()).isEqualTo(2);
        OnTimeRule.Result result = rule.judge(history.timeline()).orElseThrow();
        assertThat(result.verdict()).isEqualTo(Verdict.LATE);
        assertThat(result.reason()).isEqualTo(Reason.MORE_THAN_ONE_SUPPLEMENT);
    }

    @Test
    void oneSupplementAtReceptionIsNotHeldAgainstTheAgency() {
        Histories history = submitted("2026-11-23T08:00").supplementRequested("2026-11-23T08:30", "Giấy ủy quyền")
                .supplementProvided("2026-11-24T09:00", Stage.RECEPTION, null)
                .accepted("2026-11-24T09:30", "2026-11-27").appraised("2026-11-25T09:00")
                .approved("2026-11-27T10:00");
        DossierTimeline timeline = history.timeline();
        assertThat(timeline.waits()).as("waiting before receipt is before the appointment").isEmpty();
        assertThat(rule.judge(timeline).orElseThrow().verdict()).isEqualTo(Verdict.ON_TIME);
    }

    @Test
    void anApologyWithANewDateDoesNotMakeALateDossierOnTime() {
        Histories history = received().appraised("2026-11-24T10:00")
                .apologised("2026-11-25T09:00", "2026-11-26", "2026-11-30").approved("2026-11-30T10:00");
        DossierTimeline timeline = history.timeline();
        assertThat(timeline.appointedDate()).as("what the applicant was told").isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(timeline.dueDate()).as("what timeliness is measured against").isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(rule.judge(timeline).orElseThrow().verdict()).isEqualTo(Verdict.LATE);
    }

    /** Decree 61/2018 (as amended): for a fee procedure the time limit counts from the payment. */
    @Test
    void waitingForTheFeeIsAClockStopSoAnUnpaidDossierIsNeverLate() {
        Histories history = received().add(new PaymentRequested(Histories.CODE, 500_000, null, List.of(),
                Histories.RECEPTION, Histories.at("2026-11-23T09:00")));
        DossierTimeline timeline = history.timeline();
        assertThat(timeline.waitingSince()).isEqualTo(Histories.at("2026-11-23T09:00"));
        assertThat(timeline.supplementRequests()).as("a fee is not a supplement").isZero();
        // a week unpaid: past the appointment of 26/11, yet no working time has counted
        OnTimeRule.Result result = rule.judge(timeline, Histories.at("2026-11-30T16:00"));
        assertThat(result.verdict()).isEqualTo(Verdict.NOT_DUE);
        assertThat(result.effectiveDueDate()).isAfter(LocalDate.of(2026, 11, 30));
    }

    @Test
    void theTimeLimitCountsFromThePaymentAndThePaidDossierIsJudgedAgainstThatAppointment() {
        Histories history = received()
                .add(new PaymentRequested(Histories.CODE, 500_000, null, List.of(), Histories.RECEPTION,
                        Histories.at("2026-11-23T09:00")))
                .add(new PaymentReceived(Histories.CODE, 500_000, "KB-1", LocalDate.of(2026, 12, 3), null, List.of(),
                        Histories.CITIZEN, Histories.at("2026-11-30T09:00"),
                        vn.motcua.engine.dossier.DossierEvent.PaymentChannel.ONLINE, "sandbox"))
                .appraised("2026-12-01T10:00").approved("2026-12-03T15:00");
        DossierTimeline timeline = history.timeline();
        assertThat(timeline.waits()).as("the wait is inside the new appointment").isEmpty();
        OnTimeRule.Result result = rule.judge(timeline).orElseThrow();
        assertThat(result.verdict()).isEqualTo(Verdict.ON_TIME);
        assertThat(result.effectiveDueDate()).isEqualTo(LocalDate.of(2026, 12, 3));
    }

    /** Decree 61/2018 Art. 17 (as amended): a supplement asked for in appraisal restarts the time limit. */
    @Test
    void fiveWorkingDaysWaitingForAnAppraisalSupplementDoNotMakeTheDossierLate() {
        Histories waiting = received().supplementRequestedInAppraisal("2026-11-24T09:00", "Bảng thành phần");
        // still waiting on Tuesday 01/12, 5 working days later and past the first appointment: not late
        assertThat(rule.judge(waiting.timeline(), Histories.at("2026-12-01T08:30")).verdict())
                .isEqualTo(Verdict.NOT_DUE);
        Histories history = waiting.supplementProvided("2026-12-01T09:00", Stage.APPRAISAL, "2026-12-04")
                .appraised("2026-12-02T10:00").approved("2026-12-04T10:00");
        OnTimeRule.Result result = rule.judge(history.timeline()).orElseThrow();
        assertThat(result.verdict()).isEqualTo(Verdict.ON_TIME);
        assertThat(result.effectiveDueDate()).isEqualTo(LocalDate.of(2026, 12, 4));
        List<DossierEvent> events = history.timeline().entries().stream().map(DossierTimeline.Entry::event).toList();
        for (int step = 1; step < events.size(); step++) {
            assertThat(rule.judgeStep(DossierTimeline.ofEvents(events.subList(0, step + 1))).verdict())
                    .as("step %d of Mẫu 05", step).isIn(Verdict.ON_TIME, Verdict.NOT_JUDGED);
        }
    }
}
