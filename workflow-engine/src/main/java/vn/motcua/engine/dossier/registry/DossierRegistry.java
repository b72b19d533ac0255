package vn.motcua.engine.dossier.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.motcua.engine.access.Scope;
import vn.motcua.engine.dossier.DossierEvent;
import vn.motcua.engine.dossier.DossierEvent.DossierAccepted;
import vn.motcua.engine.dossier.DossierEvent.DossierSubmitted;
import vn.motcua.engine.dossier.DossierEvent.HandlerAssigned;
import vn.motcua.engine.dossier.DossierStatus;

/**
 * The dossier register the engine itself relies on: who owns each dossier, which unit handles it,
 * and where it stands. It is a projection of the event store kept in the same transaction as each
 * step (a subscribing processor), so ownership and unit checks never read stale data; like every
 * projection it can be rebuilt from the events, and updates are idempotent by sequence number. Each event is one
 * statement in the step's transaction.
 */
@Component
@ProcessingGroup(DossierRegistry.PROCESSING_GROUP)
public class DossierRegistry {

    public static final String PROCESSING_GROUP = "dossier-registry";

    private final JdbcTemplate jdbc;

    public DossierRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DossierEvent event, @SequenceNumber long sequence) {
        if (event instanceof DossierSubmitted submitted) {
            register(submitted, sequence);
            return;
        }
        LocalDate appointed = switch (event) {
            case DossierAccepted e -> e.appointedReturnDate();
            case DossierEvent.PaymentReceived e -> e.appointedReturnDate();
            case DossierEvent.SupplementProvided e -> e.appointedReturnDate();
            case DossierEvent.DelayApologised e -> e.appointedReturnDate();
            default -> null;
        };
        String handler = event instanceof HandlerAssigned assigned ? assigned.handler().id() : null;
        // null where the event does not change it: the status an event leaves never depends on the one before
        DossierStatus status = DossierStatus.after(null, event);
        jdbc.update("""
                update dossier_registry set status = coalesce(?, status), appointed_date = coalesce(?, appointed_date),
                                            handler_id = coalesce(?, handler_id), updated_at = ?, last_sequence = ?
                where code = ? and last_sequence < ?""",
                new Object[] {status == null ? null : status.name(), appointed, handler, Timestamp.from(event.at()),
                        sequence, event.code(), sequence},
                new int[] {Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.TIMESTAMP, Types.BIGINT, Types.VARCHAR,
                        Types.BIGINT});
    }

    private void register(DossierSubmitted event, long sequence) {
        jdbc.update("""
                insert into dossier_registry (code, procedure_code, unit_id, owner_id, applicant_name, status,
                                              submitted_at, updated_at, last_sequence)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (code) do nothing""",
                event.code(), event.procedureCode(), event.unitId(), event.actor().id(),
                event.applicant() == null ? null : event.applicant().fullName(), DossierStatus.SUBMITTED.name(),
                Timestamp.from(event.at()), Timestamp.from(event.at()), sequence);
    }

    public Optional<DossierSummary> find(String code) {
        return jdbc.query("select * from dossier_registry where code = ?", DossierRegistry::map, code)
                .stream().findFirst();
    }

    /** The dossiers of a list's scope ({@link vn.motcua.engine.access.AccessCheck#scope}), newest first. */
    public List<DossierSummary> within(Scope scope, int limit, int offset) {
        if (scope.all()) {
            return all(limit, offset);
        }
        if (scope.unitId() != null) {
            return ofUnit(scope.unitId(), limit, offset);
        }
        if (scope.ownerId() != null) {
            return ownedBy(scope.ownerId(), limit, offset);
        }
        return List.of();
    }

    private List<DossierSummary> ownedBy(String ownerId, int limit, int offset) {
        return jdbc.query("select * from dossier_registry where owner_id = ? order by submitted_at desc, code desc "
                + "limit ? offset ?", DossierRegistry::map, ownerId, limit, offset);
    }

    private List<DossierSummary> ofUnit(String unitId, int limit, int offset) {
        return jdbc.query("select * from dossier_registry where unit_id = ? order by submitted_at desc, code desc "
                + "limit ? offset ?", DossierRegistry::map, unitId, limit, offset);
    }

    private List<DossierSummary> all(int limit, int offset) {
        return jdbc.query("select * from dossier_registry order by submitted_at desc, code desc limit ? offset ?",
                DossierRegistry::map, limit, offset);
    }

    /**
     * The dossier register for a period (Circular 01/2018/TT-VPCP, Mẫu 06): dossiers of one unit, or of every
     * unit when {@code unitId} is null, received from {@code from} (inclusive) to {@code to} (exclusive),
     * oldest first, at most {@code limit}.
     */
    public List<DossierSummary> receivedBetween(String unitId, java.time.Instant from, java.time.Instant to,
                                                int limit) {
        if (unitId == null) {
            return jdbc.query("select * from dossier_registry where submitted_at >= ? and submitted_at < ? "
                            + "order by submitted_at, code limit ?", DossierRegistry::map,
                    Timestamp.from(from), Timestamp.from(to), limit);
        }
        return jdbc.query("select * from dossier_registry where unit_id = ? and submitted_at >= ? and submitted_at < ? "
                        + "order by submitted_at, code limit ?", DossierRegistry::map,
                unitId, Timestamp.from(from), Timestamp.from(to), limit);
    }

    private static DossierSummary map(ResultSet rs, int row) throws SQLException {
        Timestamp updated = rs.getTimestamp("updated_at");
        return new DossierSummary(rs.getString("code"), rs.getString("procedure_code"), rs.getString("unit_id"),
                rs.getString("owner_id"), rs.getString("applicant_name"),
                DossierStatus.valueOf(rs.getString("status")), rs.getTimestamp("submitted_at").toInstant(),
                rs.getObject("appointed_date", LocalDate.class), rs.getString("handler_id"),
                updated == null ? null : updated.toInstant());
    }
}
