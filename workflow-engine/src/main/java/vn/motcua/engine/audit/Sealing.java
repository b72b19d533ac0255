package vn.motcua.engine.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
 * What sealing costs inside the steps is timed ({@value #SEAL_TIMER}: the whole seal, reads and inserts included;
 * {@value #CANONICAL_TIMER}: the canonical bytes and their hash; {@value #SIGNATURE_TIMER}: the signature alone).
 */
public class Sealing {

    private static final Logger log = LoggerFactory.getLogger(Sealing.class);

    public static final String SEAL_TIMER = "motcua.audit.seal";
    public static final String CANONICAL_TIMER = "motcua.audit.seal.canonical";
    public static final String SIGNATURE_TIMER = "motcua.audit.seal.signature";

    private final JdbcTemplate jdbc;
    private final Signer signer;
    private final AuditRecords records;
    private final Enrolment enrolment;
    private final Timer sealTimer;
    private final Timer canonicalTimer;
    private final Timer signatureTimer;

    public Sealing(JdbcTemplate jdbc, Signer signer, AuditRecords records, Enrolment enrolment) {
        this(jdbc, signer, records, enrolment, new SimpleMeterRegistry());
    }

    public Sealing(JdbcTemplate jdbc, Signer signer, AuditRecords records, Enrolment enrolment, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.signer = signer;
        this.records = records;
        this.enrolment = enrolment;
        this.sealTimer = Timer.builder(SEAL_TIMER).description("Sealing one event in its step's transaction")
                .register(meters);
        this.canonicalTimer = Timer.builder(CANONICAL_TIMER)
                .description("RFC 8785 canonical bytes of one event and their SHA-256").register(meters);
        this.signatureTimer = Timer.builder(SIGNATURE_TIMER).description("Signing one event's canonical bytes")
                .register(meters);
    }

    private record Previous(byte[] hash, String unitId) {
    }

    public void seal(String eventId) {
        long started = System.nanoTime();
        Loaded loaded = load(eventId);
        seal(loaded.event(), false, loaded.previous());
        sealTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    /** The stored event, and the seal of the aggregate's event before it if there is one. */
    private record Loaded(StoredEvent event, Previous previous) {
    }

    /** One round trip: the row as stored, with the previous seal of its aggregate (a step's seal waits on each). */
    private Loaded load(String eventId) {
        return jdbc.query("""
                select e.event_identifier, e.aggregate_identifier, e.sequence_number, e.payload_type, e.time_stamp,
                       e.payload, p.event_hash, p.unit_id
                from domain_event_entry e
                left join audit_seal p on p.aggregate_identifier = e.aggregate_identifier
                                      and p.sequence_number = e.sequence_number - 1
                where e.event_identifier = ?""", (rs, row) -> new Loaded(new StoredEvent(rs.getString(1),
                rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getBytes(6)),
                rs.getBytes(7) == null ? null : new Previous(rs.getBytes(7), rs.getString(8))), eventId)
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
        // nodes starting together seal each aggregate once: the second waits here, then finds nothing left
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtextextended(?, 0))::text", String.class,
                "audit-seal-late:" + aggregateId);
        List<StoredEvent> events = unsealed(aggregateId, Long.MAX_VALUE);
        for (StoredEvent event : events) {
            seal(event, true);
        }
        return events.size();
    }

    private void seal(StoredEvent event, boolean retroactive) {
        seal(event, retroactive, event.sequence() > 0
                ? previous(event.aggregateId(), event.sequence() - 1).orElse(null) : null);
    }

    private void seal(StoredEvent event, boolean retroactive, Previous found) {
        Previous previous = found;
        if (event.sequence() > 0 && previous == null) {
            // events stored before sealing began: seal them first, so the chain is whole
            backfill(event.aggregateId(), event.sequence());
            previous = previous(event.aggregateId(), event.sequence() - 1).orElseThrow(() ->
                    new IllegalStateException("Cannot chain " + event.aggregateId() + " seq " + event.sequence()));
        }
        CanonicalEvent.Canonical canonical;
        long canonicalising = System.nanoTime();
        try {
            canonical = CanonicalEvent.canonical(event, previous == null ? null : previous.hash());
        } catch (CanonicalEvent.UnreadablePayload e) {
            throw new IllegalStateException("Cannot seal event " + event.eventId() + ": " + e.getMessage(), e);
        }
        canonicalTimer.record(System.nanoTime() - canonicalising, TimeUnit.NANOSECONDS);
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
        long signing = System.nanoTime();
        try {
            signature = signer.sign(alias, canonical.bytes());
            signatureTimer.record(System.nanoTime() - signing, TimeUnit.NANOSECONDS);
        } catch (NoSigningKey e) {
            throw new Problem(Problem.Kind.CONFLICT, "no-signing-key", "Không có khóa ký số để ký bước này",
                    "No signing key for this step", "Chưa có chứng thư số cho " + alias
                    + " nên bước này không được thực hiện / No certificate for " + alias
                    + ", so the step was not taken", null);
        }
        String certificate = records.certificate(signature.certificate());
        Seal.SealedAs sealedAs = retroactive ? Seal.SealedAs.RETROACTIVE
                : official ? Seal.SealedAs.OFFICIAL : system ? Seal.SealedAs.SYSTEM : Seal.SealedAs.AGENCY;
        // the seal and its place in the Merkle tree's queue, in one statement (one round trip)
        jdbc.update("""
                with seal as (
                    insert into audit_seal (event_identifier, aggregate_identifier, sequence_number, unit_id,
                                            previous_hash, event_hash, signature, signature_algorithm,
                                            signer_certificate, sealed_as)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning seal_id, event_identifier)
                insert into audit_tree_pending (seal_id, event_identifier) select seal_id, event_identifier from seal""",
                event.eventId(), event.aggregateId(), event.sequence(), unit, previous == null ? null : previous.hash(),
                canonical.hash(), signature.value(), signature.algorithm(), certificate, sealedAs.name());
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
