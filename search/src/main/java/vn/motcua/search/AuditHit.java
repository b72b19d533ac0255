package vn.motcua.search;

import java.time.Instant;
import java.util.List;

/** One step of a dossier's history as the audit search returns it. */
public record AuditHit(String eventId, String dossierCode, String type, long sequence, Instant time, String actorId,
                       String actorName, String actorRole, String actorUnitId, String comment,
                       List<String> documentHashes) {
}
