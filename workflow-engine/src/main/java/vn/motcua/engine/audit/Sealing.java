package vn.motcua.engine.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.engine.audit.crypto.NoSigningKey;
import vn.motcua.engine.audit.crypto.SignatureValue;
import vn.motcua.engine.audit.crypto.Signer;
import vn.motcua.engine.audit.log.CanonicalEvent;
import vn.motcua.engine.audit.log.StoredEvent;
import vn.motcua.engine.audit.verify.Seal;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.problem.Problem;

/**
 * Seals one stored event of any registered aggregate type, on the connection and in the transaction that
 * appended it: reads the row back (so the sealed bytes are exactly those a verifier will read), chains it to
 * the aggregate's previous seal, signs the RFC 8785 canonical bytes with the acting official's own key — or,
 * for a citizen's or the system's step, the seal of the agency of the unit that owns the aggregate; for an
 * administrator's or the system's change to what belongs to no agency (its first event names no unit), the system
 * seal — and stores hash, signature and certificate reference.
 * If it cannot seal, it throws, and the step is rolled back: no step exists without its signature.
 */
public class Sealing {

    private static final Logger log = LoggerFactory.getLogger(Sealing.class);

    private final JdbcTemplate jdbc;
    private final Signer signer;
    private final AuditRecords records;
    private final Enrolment enrolment;

    public Sealing(JdbcTemplate jdbc, Signer signer, AuditRecords records, Enrolment enrolment) {
        this.jdbc = jdbc;
        this.signer = signer;
        this.records = records;
        this.enrolment = enrolment;
    }

    private record Previous(byte[] hash, String unitId) {
    }

    public void seal(String eventId) {
        seal(load(eventId), false);
    }

    private StoredEvent load(String eventId) {
        return jdbc.query("""
                select event_identifier, aggregate_identifier, sequence_number, payload_type, time_stamp, payload
                from domain_event_entry where event_identifier = ?""", (rs, row) -> new StoredEvent(rs.getString(1),
                rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getBytes(6)), eventId)
                .stream().findFirst().orElseThrow(() -> new IllegalStateException("Event " + eventId + " is not stored"));
    }

    /**
     * Seals, late, the events stored without a seal (an upgrade, or events of a version that did not seal them):
     * with the owning unit's agency seal where the aggregate names one, else with the system seal. One aggregate
     * per transaction, so that one row that cannot be sealed (unreadable payload, no key) is reported and never
     * blocks the others; the caller learns which aggregates are left unsealed and why.
     */
    public Backlog sealBacklog(TransactionTemplate transaction) {
        List<String> aggregates = jdbc.queryForList("""
                select e.aggregate_identifier from domain_event_entry e
                left join audit_seal s on s.event_identifier = e.event_identifier
                where s.event_identifier is null
                group by e.aggregate_identifier order by min(e.global_index)""", String.class);
        int sealed = 0;
        Map<String, String> failures = new LinkedHashMap<>();
        for (String aggregateId : aggregates) {
            try {
                Integer count = transaction.execute(status -> sealLate(aggregateId));
                sealed += count == null ? 0 : count;
            } catch (RuntimeException e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                failures.put(aggregateId, reason);
                log.error("Cannot seal the stored events of {}: {} (the trail of this aggregate stays INVALID;"
                        + " every other aggregate is served)", aggregateId, reason);
            }
        }
        if (sealed > 0) {
            log.warn("Sealed late {} events of {} aggregates, stored without a seal", sealed,
                    aggregates.size() - failures.size());
        }
        return new Backlog(sealed, failures);
    }

    /** What the late sealing at start did: events sealed, and the aggregates it could not seal with the reason. */
    public record Backlog(int sealed, Map<String, String> failures) {
        public Backlog {
            failures = Map.copyOf(failures);
        }
    }

    private int sealLate(String aggregateId) {
        List<StoredEvent> events = unsealed(aggregateId, Long.MAX_VALUE);
        for (StoredEvent event : events) {
            seal(event, true);
        }
        return events.size();
    }

    private void seal(StoredEvent event, boolean retroactive) {
        Previous previous = null;
        if (event.sequence() > 0) {
            previous = previous(event.aggregateId(), event.sequence() - 1).orElse(null);
            if (previous == null) {
                // events stored before sealing began: seal them first, so the chain is whole
                backfill(event.aggregateId(), event.sequence());
                previous = previous(event.aggregateId(), event.sequence() - 1).orElseThrow(() ->
                        new IllegalStateException("Cannot chain " + event.aggregateId() + " seq " + event.sequence()));
            }
        }
        CanonicalEvent.Canonical canonical;
        try {
            canonical = CanonicalEvent.canonical(event, previous == null ? null : previous.hash());
        } catch (CanonicalEvent.UnreadablePayload e) {
            throw new IllegalStateException("Cannot seal event " + event.eventId() + ": " + e.getMessage(), e);
        }
        CanonicalEvent.Facts facts = canonical.facts();
        String unit = previous != null ? previous.unitId() : facts.unitId();
        boolean official = !retroactive && isOfficial(facts.actorRole());
        // what belongs to no agency (the administration: calendar, procedures, units, users) and is changed by who
        // runs the system is sealed in time with the system seal, the audit log's key
        boolean system = !official && !retroactive && unit == null && runsTheSystem(facts.actorRole());
        if (!official && !retroactive && !system && unit == null) {
            throw new IllegalStateException("Cannot seal event " + event.eventId() + " of " + event.aggregateId()
                    + ": a step taken by no official needs the agency seal of the aggregate's unit, and its first"
                    + " event names no unitId");
        }
        // late seals of an aggregate that names no unit are made with the system seal too
        String alias = official ? Signer.officialAlias(facts.actorId())
                : unit == null ? Signer.LOG_ALIAS : Signer.sealAlias(unit);
        if (!signer.holds(alias) && enrolment != null && !Signer.LOG_ALIAS.equals(alias)) {
            if (official) {
                enrolment.official(facts.actorId(), facts.actorName(), facts.actorUnit());
            } else if (unit != null) {
                enrolment.agency(unit);
            }
        }
        SignatureValue signature;
        try {
            signature = signer.sign(alias, canonical.bytes());
        } catch (NoSigningKey e) {
            throw new Problem(Problem.Kind.CONFLICT, "no-signing-key", "Không có khóa ký số để ký bước này",
                    "No signing key for this step", "Chưa có chứng thư số cho " + alias
                    + " nên bước này không được thực hiện / No certificate for " + alias
                    + ", so the step was not taken", null);
        }
        String certificate = records.certificate(signature.certificate());
        Seal.SealedAs sealedAs = retroactive ? Seal.SealedAs.RETROACTIVE
                : official ? Seal.SealedAs.OFFICIAL : system ? Seal.SealedAs.SYSTEM : Seal.SealedAs.AGENCY;
        Long sealId = jdbc.queryForObject("""
                insert into audit_seal (event_identifier, aggregate_identifier, sequence_number, unit_id, previous_hash,
                                        event_hash, signature, signature_algorithm, signer_certificate, sealed_as)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning seal_id""", Long.class,
                event.eventId(), event.aggregateId(), event.sequence(), unit, previous == null ? null : previous.hash(),
                canonical.hash(), signature.value(), signature.algorithm(), certificate, sealedAs.name());
        jdbc.update("insert into audit_tree_pending (seal_id, event_identifier) values (?, ?)", sealId, event.eventId());
    }

    private void backfill(String aggregateId, long beforeSequence) {
        for (StoredEvent event : unsealed(aggregateId, beforeSequence)) {
            seal(event, true);
        }
    }

    private List<StoredEvent> unsealed(String aggregateId, long beforeSequence) {
        return jdbc.query("""
                select e.event_identifier, e.aggregate_identifier, e.sequence_number, e.payload_type, e.time_stamp,
                       e.payload
                from domain_event_entry e left join audit_seal s on s.event_identifier = e.event_identifier
                where e.aggregate_identifier = ? and e.sequence_number < ? and s.event_identifier is null
                order by e.sequence_number""", (rs, row) -> new StoredEvent(rs.getString(1), rs.getString(2),
                rs.getLong(3), rs.getString(4), rs.getString(5), rs.getBytes(6)), aggregateId, beforeSequence);
    }

    private Optional<Previous> previous(String aggregateId, long sequence) {
        return jdbc.query("select event_hash, unit_id from audit_seal where aggregate_identifier = ? and sequence_number = ?",
                (rs, row) -> new Previous(rs.getBytes(1), rs.getString(2)), aggregateId, sequence).stream().findFirst();
    }

    private static boolean runsTheSystem(String role) {
        try {
            return role != null && Role.valueOf(role).runsTheSystem();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isOfficial(String role) {
        try {
            return role != null && Role.valueOf(role).isOfficial();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
