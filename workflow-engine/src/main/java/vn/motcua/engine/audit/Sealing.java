package vn.motcua.engine.audit;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.engine.audit.crypto.NoSigningKey;
import vn.motcua.engine.audit.crypto.SignatureValue;
import vn.motcua.engine.audit.crypto.Signer;
import vn.motcua.engine.audit.log.CanonicalEvent;
import vn.motcua.engine.audit.log.StoredEvent;
import vn.motcua.engine.audit.verify.Seal;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.problem.Problem;

/**
 * Seals one stored event, on the connection and in the transaction that appended it: reads the row back
 * (so the sealed bytes are exactly those a verifier will read), chains it to the dossier's previous seal,
 * signs the RFC 8785 canonical bytes with the acting official's own key — or, for a citizen's or the
 * system's step, the seal of the dossier's agency — and stores hash, signature and certificate reference.
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

    /** Seals, with the agency's seal, events stored before sealing began (an upgrade); returns how many. */
    public int sealBacklog() {
        List<String> unsealed = jdbc.queryForList("""
                select e.event_identifier from domain_event_entry e
                left join audit_seal s on s.event_identifier = e.event_identifier
                where s.event_identifier is null order by e.global_index""", String.class);
        for (String eventId : unsealed) {
            boolean sealed = !jdbc.queryForList("select 1 from audit_seal where event_identifier = ?", Integer.class,
                    eventId).isEmpty();
            if (!sealed) {
                seal(load(eventId), true);
            }
        }
        if (!unsealed.isEmpty()) {
            log.warn("Sealed {} events stored before sealing began, with their agencies' seals", unsealed.size());
        }
        return unsealed.size();
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
        String alias = official ? Signer.officialAlias(facts.actorId()) : Signer.sealAlias(unit);
        if (!signer.holds(alias) && enrolment != null) {
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
                : official ? Seal.SealedAs.OFFICIAL : Seal.SealedAs.AGENCY;
        Long sealId = jdbc.queryForObject("""
                insert into audit_seal (event_identifier, aggregate_identifier, sequence_number, unit_id, previous_hash,
                                        event_hash, signature, signature_algorithm, signer_certificate, sealed_as)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning seal_id""", Long.class,
                event.eventId(), event.aggregateId(), event.sequence(), unit, previous == null ? null : previous.hash(),
                canonical.hash(), signature.value(), signature.algorithm(), certificate, sealedAs.name());
        jdbc.update("insert into audit_tree_pending (seal_id, event_identifier) values (?, ?)", sealId, event.eventId());
    }

    private void backfill(String aggregateId, long beforeSequence) {
        List<StoredEvent> events = jdbc.query("""
                select e.event_identifier, e.aggregate_identifier, e.sequence_number, e.payload_type, e.time_stamp,
                       e.payload
                from domain_event_entry e left join audit_seal s on s.event_identifier = e.event_identifier
                where e.aggregate_identifier = ? and e.sequence_number < ? and s.event_identifier is null
                order by e.sequence_number""", (rs, row) -> new StoredEvent(rs.getString(1), rs.getString(2),
                rs.getLong(3), rs.getString(4), rs.getString(5), rs.getBytes(6)), aggregateId, beforeSequence);
        for (StoredEvent event : events) {
            seal(event, true);
        }
    }

    private Optional<Previous> previous(String aggregateId, long sequence) {
        return jdbc.query("select event_hash, unit_id from audit_seal where aggregate_identifier = ? and sequence_number = ?",
                (rs, row) -> new Previous(rs.getBytes(1), rs.getString(2)), aggregateId, sequence).stream().findFirst();
    }

    private static boolean isOfficial(String role) {
        try {
            return role != null && Role.valueOf(role).isOfficial();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
