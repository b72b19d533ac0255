package vn.motcua.engine.administration;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import vn.motcua.engine.administration.AdministrationCommand.RecordConfiguredUnits;
import vn.motcua.engine.administration.AdministrationCommand.RecordConfiguredUsers;
import vn.motcua.engine.administration.AdministrationCommand.RecordProcedureVersion;
import vn.motcua.engine.administration.AdministrationCommand.RemoveCalendarOverride;
import vn.motcua.engine.administration.AdministrationCommand.SetCalendarOverride;
import vn.motcua.engine.administration.AdministrationEvent.CalendarDay;
import vn.motcua.engine.administration.AdministrationEvent.CalendarOverrideRemoved;
import vn.motcua.engine.administration.AdministrationEvent.CalendarOverrideSet;
import vn.motcua.engine.administration.AdministrationEvent.Change;
import vn.motcua.engine.administration.AdministrationEvent.Entry;
import vn.motcua.engine.administration.AdministrationEvent.ProcedureVersion;
import vn.motcua.engine.administration.AdministrationEvent.ProcedureVersionDeployed;
import vn.motcua.engine.administration.AdministrationEvent.UnitsChanged;
import vn.motcua.engine.administration.AdministrationEvent.UsersChanged;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Role;

/**
 * One record of the system's administration, kept as events so that every change is in the signed audit trail
 * like a dossier's steps (issue 12; the logging of administrators' actions asked of information systems by
 * Decree 85/2016/ND-CP and TCVN 11930:2017): a year of the working-day calendar ({@code calendar-2026}), which
 * changes every deadline; one procedure's versions ({@code procedure-1.002600}); the configured org units
 * ({@code units}) and users ({@code users}). A record exists from its first change on.
 *
 * <p>The calendar is changed by the administrator; procedures, units and users are what the configuration and the
 * BPMN deployments say at start, recorded by the system only when they differ from the last recorded — so a
 * restart, or a second node starting at the same time, records nothing twice.
 */
@Aggregate
public class Administration {

    @AggregateIdentifier
    private String recordId;
    private ProcedureVersion procedure;
    private final Map<String, Map<String, String>> configured = new HashMap<>();

    protected Administration() {
        // for event sourcing, and created on its first change
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetCalendarOverride command, Clock clock) {
        requireAdministrator(command.actor());
        requireDayOfItsYear(command.recordId(), command.day());
        CalendarDay after = new CalendarDay(command.working(), command.reason(), command.actor().id(), clock.instant());
        apply(new CalendarOverrideSet(command.recordId(), command.day(), command.before(), after,
                command.day() + ": " + (command.working() ? "ngày làm việc / working day" : "ngày nghỉ / day off")
                        + " — " + command.reason(), command.actor(), clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RemoveCalendarOverride command, Clock clock) {
        requireAdministrator(command.actor());
        requireDayOfItsYear(command.recordId(), command.day());
        apply(new CalendarOverrideRemoved(command.recordId(), command.day(), command.before(),
                command.day() + ": bỏ điều chỉnh / override removed" + (command.before() == null ? ""
                        : " — " + command.before().reason()), command.actor(), clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordProcedureVersion command, Clock clock) {
        requireSystem(command.actor());
        ProcedureVersion current = command.current();
        if (!current.differsFrom(procedure)) {
            return;
        }
        apply(new ProcedureVersionDeployed(command.recordId(), command.procedureCode(), procedure, current,
                command.procedureCode() + ": quy trình / process " + current.processDefinitionId()
                        + ", danh mục / catalogue " + current.catalogueSha256(), command.actor(), clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordConfiguredUnits command, Clock clock) {
        requireSystem(command.actor());
        Difference difference = Difference.between(configured, command.configured());
        if (!difference.isEmpty()) {
            apply(new UnitsChanged(command.recordId(), difference.added(), difference.removed(), difference.changed(),
                    "Đơn vị / units: " + difference.summary(), command.actor(), clock.instant()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordConfiguredUsers command, Clock clock) {
        requireSystem(command.actor());
        Difference difference = Difference.between(configured, command.configured());
        if (!difference.isEmpty()) {
            apply(new UsersChanged(command.recordId(), difference.added(), difference.removed(), difference.changed(),
                    "Người dùng / users: " + difference.summary(), command.actor(), clock.instant()));
        }
    }

    private static void requireAdministrator(Actor actor) {
        if (actor.role() != Role.ADMIN) {
            throw new AdministrationRuleViolation(AdministrationRule.ADMINISTRATOR_SETS_THE_CALENDAR);
        }
    }

    private static void requireSystem(Actor actor) {
        if (actor.role() != Role.SYSTEM) {
            throw new AdministrationRuleViolation(AdministrationRule.CONFIGURATION_RECORDED_BY_THE_SYSTEM);
        }
    }

    private static void requireDayOfItsYear(String recordId, LocalDate day) {
        if (!AdministrationRecords.calendar(day.getYear()).equals(recordId)) {
            throw new AdministrationRuleViolation(AdministrationRule.DAY_OF_ITS_YEAR);
        }
    }

    @EventSourcingHandler
    void on(CalendarOverrideSet event) {
        recordId = event.recordId();
    }

    @EventSourcingHandler
    void on(CalendarOverrideRemoved event) {
        recordId = event.recordId();
    }

    @EventSourcingHandler
    void on(ProcedureVersionDeployed event) {
        recordId = event.recordId();
        procedure = event.after();
    }

    @EventSourcingHandler
    void on(UnitsChanged event) {
        recordId = event.recordId();
        fold(event.added(), event.removed(), event.changed());
    }

    @EventSourcingHandler
    void on(UsersChanged event) {
        recordId = event.recordId();
        fold(event.added(), event.removed(), event.changed());
    }

    private void fold(List<Entry> added, List<Entry> removed, List<Change> changed) {
        added.forEach(entry -> configured.put(entry.id(), entry.facts()));
        removed.forEach(entry -> configured.remove(entry.id()));
        changed.forEach(change -> configured.put(change.id(), change.after()));
    }

    /** What differs between the last recorded entries and the configured ones, each list ordered by id. */
    record Difference(List<Entry> added, List<Entry> removed, List<Change> changed) {

        static Difference between(Map<String, Map<String, String>> recorded, List<Entry> configured) {
            Map<String, Map<String, String>> now = new TreeMap<>();
            configured.forEach(entry -> now.put(entry.id(), entry.facts()));
            List<Entry> added = new ArrayList<>();
            List<Change> changed = new ArrayList<>();
            now.forEach((id, facts) -> {
                Map<String, String> before = recorded.get(id);
                if (before == null) {
                    added.add(new Entry(id, facts));
                } else if (!before.equals(facts)) {
                    changed.add(new Change(id, before, facts));
                }
            });
            List<Entry> removed = new TreeMap<>(recorded).entrySet().stream()
                    .filter(entry -> !now.containsKey(entry.getKey()))
                    .map(entry -> new Entry(entry.getKey(), entry.getValue())).toList();
            return new Difference(List.copyOf(added), removed, List.copyOf(changed));
        }

        boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }

        String summary() {
            return "thêm " + added.size() + ", bớt " + removed.size() + ", sửa " + changed.size() + " / "
                    + added.size() + " added, " + removed.size() + " removed, " + changed.size() + " changed";
        }
    }
}
