package vn.motcua.engine.dossier.registry;

import java.time.Instant;
import java.time.LocalDate;

import vn.motcua.engine.dossier.DossierStatus;

/** One line of a dossier list: what a citizen or official sees before opening it. */
public record DossierSummary(String code, String procedureCode, String unitId, String ownerId, String applicantName,
                             DossierStatus status, Instant submittedAt, LocalDate appointedReturnDate,
                             String handlerId, Instant updatedAt) {
}
