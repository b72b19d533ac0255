package vn.motcua.search;

import java.time.Instant;
import java.time.LocalDate;

import vn.motcua.engine.dossier.DossierStatus;

/**
 * What the public lookup (tra cứu hồ sơ) tells an applicant who proves to know the dossier code and
 * the phone or identity number given at submission: where the dossier stands, nothing more.
 */
public record PublicDossierStatus(String code, String procedureName, DossierStatus status, Instant receivedAt,
                                  LocalDate dueDate) {
}
