package vn.motcua.engine.dossier.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.motcua.engine.calendar.ClockStop;
import vn.motcua.engine.calendar.WorkingCalendar;

/**
 * Whether a dossier is handled on time (đúng hạn), the one rule behind the periodic reports, the dossier register
 * (Mẫu 06) and the process control form (Mẫu 05) of Circular 01/2018/TT-VPCP, as Decree 61/2018/ND-CP (amended
 * by Decree 107/2021/ND-CP) and the national scoring of online public services count it:
 * <ul>
 * <li>processing finished on or before the appointed return date is on time; before it, early (trước hạn, which
 * the decree encourages), and still on time; after it, late (quá hạn). Finished means decided (status 9 or 10)
 * or refused after receipt ({@link DossierTimeline#finishedAt()}), not the day the result is handed over;</li>
 * <li>the applicant's time spent supplementing or paying the fee after receipt does not count (every such wait is a
 * {@link ClockStop}): the due date moves by the working
 * time spent waiting, as {@link WorkingCalendar} moves a time limit over a clock stop;</li>
 * <li>a dossier for which a supplement was requested more than once is late whatever its dates, because every
 * request after the first is the agency's failure to ask for everything at once (Decree 61/2018/ND-CP Art. 15);</li>
 * <li>an apology with a new date (Mẫu 04) does not make a late dossier on time: it is measured against
 * {@link DossierTimeline#dueDate()}, which the apology does not move;</li>
 * <li>a dossier still in processing is not yet due while its due date (moved by a wait still open, up to the
 * moment asked about) has not passed, and late once it has; one never received (no appointment) or closed
 * without being finished (withdrawn, stopped, refused at reception) is not judged.</li>
 * </ul>
 * Days are compared in the agency's legal time zone: anything on the due date itself is on time.
 */
public final class OnTimeRule {

    public enum Verdict {
        /** Finished on or before the due date; for a step, taken on or before it. */
        ON_TIME,
        /** Finished after the due date, or more than one supplement requested, or past due and still open. */
        LATE,
        /** Still in processing and the due date has not passed. */
        NOT_DUE,
        /** Nothing to judge against: never received, or closed without being finished. */
        NOT_JUDGED
    }

    /** Why a verdict was given, for reports, forms and tests. */
    public enum Reason {
        FINISHED_BEFORE_DUE_DATE, FINISHED_ON_DUE_DATE, FINISHED_AFTER_DUE_DATE, MORE_THAN_ONE_SUPPLEMENT,
        /** Finished with no appointment: answered on the spot, no receipt. */
        NO_APPOINTMENT,
        IN_PROGRESS_BEFORE_DUE_DATE, IN_PROGRESS_PAST_DUE_DATE, NOT_RECEIVED, CLOSED_WITHOUT_RESULT
    }

    /**
     * @param effectiveDueDate the due date moved by the applicant's waits, null without an appointment
     * @param finished         whether processing had finished (the verdict is final)
     */
    public record Result(Verdict verdict, Reason reason, LocalDate effectiveDueDate, boolean finished) {
        public boolean onTime() {
            return verdict == Verdict.ON_TIME;
        }

        /** Finished before the due date (trước hạn): on time, and earlier than appointed. */
        public boolean early() {
            return reason == Reason.FINISHED_BEFORE_DUE_DATE;
        }
    }

    private final WorkingCalendar calendar;

    public OnTimeRule(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** The final verdict for a finished dossier, as the reports count it; empty while it is not finished. */
    public Optional<Result> judge(DossierTimeline timeline) {
        return timeline.finishedAt() == null ? Optional.empty() : Optional.of(judge(timeline, timeline.finishedAt()));
    }

    /**
     * The dossier as it stands at {@code now}, folded from its events up to then: the final verdict once it is
     * finished, otherwise not yet due, late (past its due date) or not judged (see the class comment).
     */
    public Result judge(DossierTimeline timeline, Instant now) {
        if (timeline.finishedAt() != null) {
            LocalDate due = effectiveDueDate(timeline);
            if (timeline.supplementRequests() > 1) {
                return new Result(Verdict.LATE, Reason.MORE_THAN_ONE_SUPPLEMENT, due, true);
            }
            if (due == null) {
                return new Result(Verdict.ON_TIME, Reason.NO_APPOINTMENT, null, true);
            }
            LocalDate finished = day(timeline.finishedAt());
            if (finished.isAfter(due)) {
                return new Result(Verdict.LATE, Reason.FINISHED_AFTER_DUE_DATE, due, true);
            }
            return new Result(Verdict.ON_TIME, finished.isBefore(due) ? Reason.FINISHED_BEFORE_DUE_DATE
                    : Reason.FINISHED_ON_DUE_DATE, due, true);
        }
        if (timeline.closedAt() != null) {
            return new Result(Verdict.NOT_JUDGED, Reason.CLOSED_WITHOUT_RESULT, null, false);
        }
        if (timeline.dueDate() == null) {
            return new Result(Verdict.NOT_JUDGED, Reason.NOT_RECEIVED, null, false);
        }
        LocalDate due = effectiveDueDate(timeline, now);
        if (timeline.supplementRequests() > 1) {
            return new Result(Verdict.LATE, Reason.MORE_THAN_ONE_SUPPLEMENT, due, false);
        }
        return day(now).isAfter(due) ? new Result(Verdict.LATE, Reason.IN_PROGRESS_PAST_DUE_DATE, due, false)
                : new Result(Verdict.NOT_DUE, Reason.IN_PROGRESS_BEFORE_DUE_DATE, due, false);
    }

    /**
     * One step of the process control form (Mẫu 05), given the dossier folded up to and including that step:
     * the dossier's standing at the moment of the step, where a step taken while the dossier was not yet due
     * was taken on time. A step after the end of processing carries the final verdict.
     */
    public Result judgeStep(DossierTimeline upToTheStep) {
        Result result = judge(upToTheStep, upToTheStep.lastEvent().at());
        return result.verdict() == Verdict.NOT_DUE
                ? new Result(Verdict.ON_TIME, result.reason(), result.effectiveDueDate(), false) : result;
    }

    /**
     * The due date moved by the working time the applicant spent supplementing after receipt (closed waits
     * only: while a wait is open the clock is stopped and the date is not yet known).
     */
    public LocalDate effectiveDueDate(DossierTimeline timeline) {
        return moved(timeline, timeline.waits());
    }

    /** The due date as it stands at {@code now}: a wait still open counts up to {@code now}. */
    public LocalDate effectiveDueDate(DossierTimeline timeline, Instant now) {
        Instant since = timeline.waitingSince();
        if (since == null || timeline.receivedAt() == null || since.isBefore(timeline.receivedAt())
                || !now.isAfter(since)) {
            return moved(timeline, timeline.waits());
        }
        List<ClockStop> waits = new ArrayList<>(timeline.waits());
        waits.add(new ClockStop(since, now));
        return moved(timeline, waits);
    }

    private LocalDate moved(DossierTimeline timeline, List<ClockStop> waits) {
        LocalDate due = timeline.dueDate();
        if (due == null || waits.isEmpty()) {
            return due;
        }
        Duration waited = Duration.ZERO;
        for (ClockStop wait : waits) {
            waited = waited.plus(calendar.workingTimeBetween(wait.from(), wait.to(), timeline.unitId()));
        }
        if (waited.isZero()) {
            return due;
        }
        Instant closing = due.atTime(calendar.hoursOf(timeline.unitId()).closing()).atZone(calendar.zone()).toInstant();
        return calendar.dueAt(closing, waited, timeline.unitId()).atZone(calendar.zone()).toLocalDate();
    }

    private LocalDate day(Instant at) {
        return at.atZone(calendar.zone()).toLocalDate();
    }
}
