package vn.motcua.engine.administration;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import vn.motcua.engine.administration.AdministrationEvent.CalendarDay;
import vn.motcua.engine.administration.AdministrationEvent.Entry;
import vn.motcua.engine.administration.AdministrationEvent.ProcedureVersion;
import vn.motcua.engine.identity.Actor;

/** What may be asked of an {@link Administration} record: each command names who asks. */
public sealed interface AdministrationCommand {

    String recordId();

    Actor actor();

    /** Make {@code day} a working day or a day off; {@code before} is what the override table holds for it now. */
    record SetCalendarOverride(@TargetAggregateIdentifier String recordId, LocalDate day, boolean working,
                               String reason, CalendarDay before, Actor actor) implements AdministrationCommand {
    }

    /** Remove the override of {@code day}; {@code before} is what the override table holds for it now. */
    record RemoveCalendarOverride(@TargetAggregateIdentifier String recordId, LocalDate day, CalendarDay before,
                                  Actor actor) implements AdministrationCommand {
    }

    /** The procedure as deployed now; recorded only if it is another version than the last recorded. */
    record RecordProcedureVersion(@TargetAggregateIdentifier String recordId, String procedureCode,
                                  ProcedureVersion current, Actor actor) implements AdministrationCommand {
    }

    /** The org units configured now; their difference from the last recorded is recorded, if any. */
    record RecordConfiguredUnits(@TargetAggregateIdentifier String recordId, List<Entry> configured, Actor actor)
            implements AdministrationCommand {
    }

    /** The users configured now; their difference from the last recorded is recorded, if any. */
    record RecordConfiguredUsers(@TargetAggregateIdentifier String recordId, List<Entry> configured, Actor actor)
            implements AdministrationCommand {
    }
}
