package vn.motcua.search;

import java.time.Instant;
import java.time.LocalDate;

import vn.motcua.engine.dossier.DossierStatus;

/**
 * A dossier in an official's result list. The applicant's phone and identity number are searchable
 * for the public lookup but never returned here (Decree 13/2023/ND-CP on personal data: disclose no
 * more than the purpose needs).
 */
public record DossierHit(String code, String procedureCode, String procedureName, String unitId,
                         String applicantName, String subject, DossierStatus status, Instant receivedAt,
                         LocalDate dueDate, String handlerId, Instant updatedAt, long version) {
}
