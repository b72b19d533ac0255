package vn.motcua.engine.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import vn.motcua.engine.calendar.ClockStop;
import vn.motcua.engine.calendar.WorkingCalendar;

/**
 * Whether a dossier was finished on time, as the national scoring of online public services counts it:
 * processing finished on or before the appointed date; the time the applicant spent supplementing does not
 * count (the due date moves by the working time spent waiting, as {@link WorkingCalendar} moves a time limit
 * over a clock stop); a dossier for which a supplement was requested more than once is late whatever its dates,
 * because every request after the first is the agency's failure to ask for everything at once
 * (Decree 61/2018/ND-CP Art. 15). An apology with a new date (Mẫu 04) does not make a late dossier on time.
 */
public final class OnTimeRule {

    public enum Verdict { ON_TIME, LATE }

    /** Why a verdict was given, for reports and tests. */
    public enum Reason { FINISHED_BY_DUE_DATE, FINISHED_AFTER_DUE_DATE, MORE_THAN_ONE_SUPPLEMENT, NO_APPOINTMENT }

    public record Result(Verdict verdict, Reason reason, LocalDate effectiveDueDate) {
        public boolean onTime() {
            return verdict == Verdict.ON_TIME;
        }
    }

    private final WorkingCalendar calendar;

    public OnTimeRule(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** The verdict for a finished dossier; empty while it is not finished. */
    public Optional<Result> judge(DossierTimeline timeline) {
        if (timeline.finishedAt() == null) {
            return Optional.empty();
        }
        LocalDate due = effectiveDueDate(timeline);
        if (timeline.supplementRequests() > 1) {
            return Optional.of(new Result(Verdict.LATE, Reason.MORE_THAN_ONE_SUPPLEMENT, due));
        }
        if (due == null) {
            // answered on the spot: no receipt, no appointment
            return Optional.of(new Result(Verdict.ON_TIME, Reason.NO_APPOINTMENT, null));
        }
        LocalDate finished = timeline.finishedAt().atZone(calendar.zone()).toLocalDate();
        return Optional.of(finished.isAfter(due)
                ? new Result(Verdict.LATE, Reason.FINISHED_AFTER_DUE_DATE, due)
                : new Result(Verdict.ON_TIME, Reason.FINISHED_BY_DUE_DATE, due));
    }

    /**
     * The due date moved by the working time the applicant spent supplementing after receipt (closed waits
     * only: while a wait is open the clock is stopped and the date is not yet known).
     */
    public LocalDate effectiveDueDate(DossierTimeline timeline) {
        LocalDate due = timeline.dueDate();
        if (due == null || timeline.waits().isEmpty()) {
            return due;
        }
        Duration waited = Duration.ZERO;
        for (ClockStop wait : timeline.waits()) {
            waited = waited.plus(calendar.workingTimeBetween(wait.from(), wait.to(), timeline.unitId()));
        }
        if (waited.isZero()) {
            return due;
        }
        Instant closing = due.atTime(calendar.hoursOf(timeline.unitId()).closing()).atZone(calendar.zone()).toInstant();
        return calendar.dueAt(closing, waited, timeline.unitId()).atZone(calendar.zone()).toLocalDate();
    }
}
