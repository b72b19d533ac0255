package vn.motcua.search;

import java.time.Instant;
import java.util.List;

/**
 * One step of an aggregate's history as the audit search returns it: {@code aggregateType} ({@code dossier},
 * {@code document}, …) and {@code aggregateId} name the aggregate; {@code dossierCode} repeats the id for a
 * dossier's events only.
 */
public record AuditHit(String eventId, String aggregateType, String aggregateId, String dossierCode, String type,
                       long sequence, Instant time, String actorId, String actorName, String actorRole,
                       String actorUnitId, String comment, List<String> documentHashes) {
}
