package vn.motcua.engine.administration;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.engine.administration.AdministrationCommand.RecordConfiguredUnits;
import vn.motcua.engine.administration.AdministrationCommand.RecordConfiguredUsers;
import vn.motcua.engine.administration.AdministrationCommand.RecordProcedureVersion;
import vn.motcua.engine.administration.AdministrationEvent.Entry;
import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Role;

/**
 * At start, records what the configuration and the BPMN deployments put in service, where it differs from the
 * last recorded: each procedure's new version, the org units, the users — the difference as one event each, by
 * the system. The records compare, so a restart records nothing; two nodes starting together both try, the event
 * store's unique sequence lets one append, and the other, comparing again in a new transaction, finds nothing left
 * to record.
 */
@Component
public class ConfigurationRecorder {

    private static final Logger log = LoggerFactory.getLogger(ConfigurationRecorder.class);
    private static final int ATTEMPTS = 3;
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SERIALIZATION_FAILURE = "40001";

    /** Who records configuration: the system, reading it at start. */
    public static final Actor CONFIGURATION = new Actor("system", "Hệ thống, theo cấu hình khi khởi động"
            + " / System, from the configuration at start", Role.SYSTEM, null);

    private final CommandGateway commands;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final ProcedureVersions procedures;
    private final MotcuaProperties properties;
    private final ObjectProvider<ConfiguredUsers> users;

    public ConfigurationRecorder(CommandGateway commands, TransactionTemplate transaction, JdbcTemplate jdbc,
                                 ProcedureVersions procedures, MotcuaProperties properties,
                                 ObjectProvider<ConfiguredUsers> users) {
        this.commands = commands;
        // a snapshot for the whole recording transaction: the events counted before and after the command differ
        // only by what this transaction appended, never by what another node committed meanwhile
        this.transaction = new TransactionTemplate(Objects.requireNonNull(transaction.getTransactionManager()));
        this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.jdbc = jdbc;
        this.procedures = procedures;
        this.properties = properties;
        this.users = users;
    }

    /** How many events one run appended: procedure versions, and whether units and users changed. */
    public record Recorded(int procedureVersions, int units, int users) {
        public int total() {
            return procedureVersions + units + users;
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void atStart() {
        Recorded recorded = record();
        if (recorded.total() > 0) {
            log.info("Recorded administrative changes from the configuration: {} procedure versions, {} units"
                    + " change, {} users change", recorded.procedureVersions(), recorded.units(), recorded.users());
        }
    }

    /** Compares what is in service now with the last recorded and records the differences. */
    public Recorded record() {
        int versions = 0;
        for (ProcedureVersions.Current current : procedures.current()) {
            String id = AdministrationRecords.procedure(current.procedureCode());
            versions += append(id, new RecordProcedureVersion(id, current.procedureCode(), current.version(),
                    CONFIGURATION));
        }
        int units = append(AdministrationRecords.UNITS, new RecordConfiguredUnits(AdministrationRecords.UNITS,
                unitEntries(), CONFIGURATION));
        List<Entry> people = userEntries();
        int usersChanged = people.isEmpty() && !exists(AdministrationRecords.USERS) ? 0
                : append(AdministrationRecords.USERS, new RecordConfiguredUsers(AdministrationRecords.USERS, people,
                CONFIGURATION));
        return new Recorded(versions, units, usersChanged);
    }

    private List<Entry> unitEntries() {
        List<Entry> entries = new ArrayList<>();
        for (MotcuaProperties.OrgUnit unit : properties.units()) {
            Map<String, String> facts = new TreeMap<>();
            put(facts, "name", unit.name());
            put(facts, "place", unit.place());
            put(facts, "abbreviation", unit.abbreviation());
            put(facts, "superior", unit.superior());
            if (unit.hours() != null) {
                MotcuaProperties.Hours hours = unit.hours();
                put(facts, "hours", hours.morningStart() + "-" + hours.morningEnd() + ", " + hours.afternoonStart()
                        + "-" + hours.afternoonEnd());
            }
            entries.add(new Entry(unit.id(), facts));
        }
        return entries;
    }

    /** Who each configured user is — never a password or any other secret. */
    private List<Entry> userEntries() {
        List<Entry> entries = new ArrayList<>();
        users.orderedStream().flatMap(source -> source.users().stream()).forEach(person -> {
            Map<String, String> facts = new TreeMap<>();
            put(facts, "name", person.name());
            put(facts, "roles", person.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")));
            put(facts, "unitId", person.unitId());
            entries.add(new Entry(person.id(), facts));
        });
        return entries;
    }

    private static void put(Map<String, String> facts, String name, String value) {
        if (value != null && !value.isBlank()) {
            facts.put(name, value);
        }
    }

    private boolean exists(String recordId) {
        return count(recordId) > 0;
    }

    private long count(String recordId) {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, recordId);
        return count == null ? 0 : count;
    }

    /** Sends the command in a transaction of its own; the number of events it appended (0 or 1). */
    private int append(String recordId, AdministrationCommand command) {
        for (int attempt = 1; ; attempt++) {
            try {
                Integer appended = transaction.execute(status -> {
                    long before = count(recordId);
                    commands.sendAndWait(command);
                    return (int) (count(recordId) - before);
                });
                return appended == null ? 0 : appended;
            } catch (RuntimeException e) {
                if (!recordedMeanwhile(e) || attempt == ATTEMPTS) {
                    throw e;
                }
                log.info("{} was recorded by another node meanwhile; comparing again", recordId);
            }
        }
    }

    /** Whether the append lost to another node's append of the same record (same sequence number). */
    private static boolean recordedMeanwhile(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException
                    || cause instanceof SQLException sql && (UNIQUE_VIOLATION.equals(sql.getSQLState())
                    || SERIALIZATION_FAILURE.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
