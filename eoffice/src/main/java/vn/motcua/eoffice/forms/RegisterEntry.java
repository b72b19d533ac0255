package vn.motcua.eoffice.forms;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of the dossier register (Mẫu 06, Sổ theo dõi hồ sơ, Circular 01/2018/TT-VPCP).
 *
 * @param applicantContact    the applicant's address and telephone number, null when unknown
 * @param handlingAgency      the agency that leads the handling (cơ quan chủ trì giải quyết)
 * @param receivedAt          when the dossier came in
 * @param appointedReturnDate null before the dossier is accepted
 * @param transferredAt       when the dossier reached the handling side (its handler was assigned), null until then
 * @param resultAt            when the handling side decided, or else last asked for a supplement; null until then
 * @param returnedAt          when the result was returned, null until then
 * @param status              the dossier's status as shown to people (Vietnamese), written in the remarks
 */
public record RegisterEntry(String dossierCode, String procedureName, String applicantName, String applicantContact,
                            String handlingAgency, Instant receivedAt, LocalDate appointedReturnDate,
                            Instant transferredAt, Instant resultAt, Instant returnedAt, String status,
                            Timeliness timeliness) {

    public RegisterEntry {
        Forms.require(dossierCode, "dossierCode");
        Forms.require(receivedAt, "receivedAt");
        Forms.require(timeliness, "timeliness");
    }

    /** A line with only what the first register had: code, procedure, applicant, dates, status, timeliness. */
    public RegisterEntry(String dossierCode, String procedureName, String applicantName, Instant receivedAt,
                         LocalDate appointedReturnDate, Instant returnedAt, String status, Timeliness timeliness) {
        this(dossierCode, procedureName, applicantName, null, null, receivedAt, appointedReturnDate, null, null,
                returnedAt, status, timeliness);
    }
}
