package vn.motcua.engine.administration;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.engine.administration.AdministrationCommand.RemoveCalendarOverride;
import vn.motcua.engine.administration.AdministrationCommand.SetCalendarOverride;
import vn.motcua.engine.administration.AdministrationEvent.CalendarDay;
import vn.motcua.engine.calendar.CalendarOverride;
import vn.motcua.engine.calendar.CalendarOverrides;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.platform.Steps;
import vn.motcua.engine.problem.Problem;

/**
 * The administrator's changes to the working-day calendar (the days the Government announces each year), each
 * one an audited event of the year's record ({@code calendar-2026}) appended in the transaction that writes the
 * override table — the table the {@code WorkingCalendar} reads for every deadline. Either both are stored or
 * neither: a refused change leaves no event and no row.
 */
@Component
public class CalendarAdministration {

    /** The years an override may be entered for: those the calendar's own listing serves. */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2199;

    private final CommandGateway commands;
    private final CalendarOverrides overrides;
    private final TransactionTemplate transaction;

    public CalendarAdministration(CommandGateway commands, CalendarOverrides overrides, TransactionTemplate transaction) {
        this.commands = commands;
        this.overrides = overrides;
        this.transaction = transaction;
    }

    /** Makes {@code day} a working day or a day off; answers the overrides of its year. */
    public List<CalendarOverride> set(LocalDate day, boolean working, String reason, Identity who) {
        requireServedYear(day);
        Actor administrator = Steps.actorAs(who, Role.ADMIN);
        return Steps.inOneTransaction(transaction, () -> {
            CalendarDay before = overrides.find(day).map(CalendarAdministration::dayOf).orElse(null);
            commands.sendAndWait(new SetCalendarOverride(AdministrationRecords.calendar(day.getYear()), day, working,
                    reason, before, administrator));
            overrides.put(day, working, reason, administrator.id());
            return overrides.list(day.getYear());
        });
    }

    /** Removes the override of {@code day}, so the computed calendar applies again; 404 if there is none. */
    public void remove(LocalDate day, Identity who) {
        requireServedYear(day);
        Actor administrator = Steps.actorAs(who, Role.ADMIN);
        Steps.inOneTransaction(transaction, () -> {
            CalendarOverride before = overrides.find(day).orElseThrow(() -> Problem.notFound("calendar-override",
                    "Ngày " + day + " không có điều chỉnh / No override on " + day));
            commands.sendAndWait(new RemoveCalendarOverride(AdministrationRecords.calendar(day.getYear()), day,
                    dayOf(before), administrator));
            overrides.remove(day);
            return null;
        });
    }

    private static void requireServedYear(LocalDate day) {
        if (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
            throw Problem.invalid("day", "Ngày phải thuộc các năm " + FIRST_YEAR + "–" + LAST_YEAR + " / The day must"
                    + " be in the years " + FIRST_YEAR + "–" + LAST_YEAR);
        }
    }

    private static CalendarDay dayOf(CalendarOverride override) {
        return new CalendarDay(override.working(), override.reason(), override.createdBy(), override.createdAt());
    }
}
