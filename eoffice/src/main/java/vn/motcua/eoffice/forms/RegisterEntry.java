package vn.motcua.eoffice.forms;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of the dossier register (Mẫu 06).
 *
 * @param appointedReturnDate null before the dossier is accepted
 * @param returnedAt          when the result was returned, null until then
 * @param status              the dossier's status as shown to people (Vietnamese)
 */
public record RegisterEntry(String dossierCode, String procedureName, String applicantName, Instant receivedAt,
                            LocalDate appointedReturnDate, Instant returnedAt, String status,
                            Timeliness timeliness) {

    public RegisterEntry {
        Forms.require(dossierCode, "dossierCode");
        Forms.require(receivedAt, "receivedAt");
        Forms.require(timeliness, "timeliness");
    }
}
