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

/**
 * The two deadlines the BPMN timers watch (process variables {@code warnAt} and {@code dueAt}): the
 * appointed date's closing time, and the moment 75% of the working time up to it has passed. When the
 * appointed date moves (payment, supplement during appraisal, apology) the running timers move with it.
 */
@Component
public class Deadlines {

    static final String WARNING_TIMER = "deadlineWarningTimer";
    static final String OVERDUE_TIMER = "overdueTimer";

    private final WorkingCalendar calendar;
    private final DossierRegistry registry;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final Clock clock;

    public Deadlines(WorkingCalendar calendar, DossierRegistry registry, RuntimeService runtime,
                     ManagementService management, Clock clock) {
        this.calendar = calendar;
        this.registry = registry;
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

    /** Moves the dossier's deadline: its variables and the timers already waiting on them. */
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

    private void move(String processInstanceId, String timer, Date dueDate) {
        for (Job job : management.createJobQuery().processInstanceId(processInstanceId).timers().activityId(timer)
                .list()) {
            management.setJobDuedate(job.getId(), dueDate);
        }
    }
}
