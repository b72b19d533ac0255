package vn.motcua.engine.dossier.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import vn.motcua.engine.calendar.WorkingCalendar;
import vn.motcua.engine.dossier.registry.DossierRegistry;
import vn.motcua.engine.dossier.registry.DossierSummary;
import vn.motcua.process.Procedure;
import vn.motcua.process.ProcedureCatalogue;

/**
 * The two deadlines the BPMN timers watch (process variables {@code warnAt} and {@code dueAt}): the
 * appointed date's closing time, and the moment 75% of the working time up to it has passed. When the
 * appointed date moves (payment, supplement during appraisal, apology) the running timers move with it.
 * <p>
 * The clock stops while the dossier waits for the applicant (Decree 61/2018/ND-CP as amended by Decree
 * 107/2021/ND-CP: the time limit counts the days the agency holds a complete dossier; a supplement requested in
 * appraisal restarts it): {@link #stop} suspends the timers, so neither the 75% warning nor the overdue report can
 * fire while the applicant supplements, and {@link #reset} re-arms them for the new appointment. Before the fee is
 * paid no timer exists (the timed scope starts with the payment). The wait itself is bounded: {@link #lapseAt}
 * is when a dossier not supplemented ends (the procedure's period, practice).
 */
@Component
public class Deadlines {

    static final String WARNING_TIMER = "deadlineWarningTimer";
    static final String OVERDUE_TIMER = "overdueTimer";

    private final WorkingCalendar calendar;
    private final DossierRegistry registry;
    private final ProcedureCatalogue catalogue;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final Clock clock;

    public Deadlines(WorkingCalendar calendar, DossierRegistry registry, ProcedureCatalogue catalogue,
                     RuntimeService runtime, ManagementService management, Clock clock) {
        this.calendar = calendar;
        this.registry = registry;
        this.catalogue = catalogue;
        this.runtime = runtime;
        this.management = management;
        this.clock = clock;
    }

    /** The timer variables for a dossier due on {@code appointed}. */
    public Map<String, Object> of(String code, LocalDate appointed) {
        return forUnit(registry.find(code).orElseThrow().unitId(), appointed);
    }

    /**
     * The deadline variables for work of {@code unit} due on {@code date}: {@code dueAt} at the close of its office
     * hours that day, {@code warnAt} when 75% of the working time from now up to it has passed. The one inbox
     * colours tasks by them.
     */
    public Map<String, Object> forUnit(String unit, LocalDate date) {
        Instant dueAt = date.atTime(calendar.hoursOf(unit).afternoonEnd()).atZone(calendar.zone()).toInstant();
        Instant now = clock.instant();
        Duration working = now.isBefore(dueAt) ? calendar.workingTimeBetween(now, dueAt, unit) : Duration.ZERO;
        Instant warnAt = calendar.dueAt(now, working.multipliedBy(3).dividedBy(4), unit);
        return Map.of("warnAt", Date.from(warnAt), "dueAt", Date.from(dueAt));
    }

    /**
     * Moves the dossier's deadline: its variables and the timers already waiting on them, which run again if a
     * wait for the applicant had stopped them.
     */
    public void reset(String code, LocalDate appointed) {
        ProcessInstance process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult();
        if (process == null) {
            return;
        }
        Map<String, Object> variables = of(code, appointed);
        runtime.setVariables(process.getId(), variables);
        move(process.getId(), WARNING_TIMER, (Date) variables.get("warnAt"));
        move(process.getId(), OVERDUE_TIMER, (Date) variables.get("dueAt"));
    }

    /**
     * Stops the clock while the dossier waits for the applicant: the deadline timers are suspended (the job
     * executor does not take suspended jobs) until {@link #reset} sets the new appointment.
     */
    public void stop(String code) {
        ProcessInstance process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult();
        if (process == null) {
            return;
        }
        for (String timer : new String[] {WARNING_TIMER, OVERDUE_TIMER}) {
            for (Job job : timers(process.getId(), timer)) {
                if (!job.isSuspended()) {
                    management.suspendJobById(job.getId());
                }
            }
        }
    }

    /**
     * The timer variable {@code lapseAt} for a supplement requested now: the close of office hours on the day
     * the procedure's supplement period ({@link Procedure#supplementLapseDays()}, calendar days) runs out.
     */
    public Map<String, Object> lapse(String code) {
        DossierSummary dossier = registry.find(code).orElseThrow();
        Procedure procedure = catalogue.find(dossier.procedureCode()).orElseThrow();
        LocalDate day = calendar.dueDateCalendarDays(clock.instant(), procedure.supplementLapseDays(),
                dossier.unitId(), java.util.List.of());
        Instant at = day.atTime(calendar.hoursOf(dossier.unitId()).closing()).atZone(calendar.zone()).toInstant();
        return Map.of("lapseAt", Date.from(at), "supplementRequestedAt", Date.from(clock.instant()),
                "supplementLapseDays", procedure.supplementLapseDays());
    }

    /**
     * The appointed date when the clock resumes now with the working time that was left when it stopped at
     * {@code stoppedAt}: the old appointment's close of office hours moved by the office hours spent waiting (for
     * procedures whose appraisal supplement does not restart the limit, {@link Procedure#appraisalSupplementRestarts()}).
     */
    public LocalDate resumed(LocalDate appointed, Instant stoppedAt, String unit) {
        Instant now = clock.instant();
        Duration waited = now.isAfter(stoppedAt) ? calendar.workingTimeBetween(stoppedAt, now, unit) : Duration.ZERO;
        Instant closing = appointed.atTime(calendar.hoursOf(unit).closing()).atZone(calendar.zone()).toInstant();
        return waited.isZero() ? appointed
                : calendar.dueAt(closing, waited, unit).atZone(calendar.zone()).toLocalDate();
    }

    private void move(String processInstanceId, String timer, Date dueDate) {
        for (Job job : timers(processInstanceId, timer)) {
            management.setJobDuedate(job.getId(), dueDate);
            if (job.isSuspended()) {
                management.activateJobById(job.getId());
            }
        }
    }

    private java.util.List<Job> timers(String processInstanceId, String timer) {
        return management.createJobQuery().processInstanceId(processInstanceId).timers().activityId(timer).list();
    }
}
