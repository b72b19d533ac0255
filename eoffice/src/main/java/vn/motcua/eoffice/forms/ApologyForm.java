package vn.motcua.eoffice.forms;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Mẫu 04, Phiếu xin lỗi và hẹn lại ngày trả kết quả: sent when a dossier will be late (Decree 61/2018/ND-CP
 * Art. 19), with its number and symbol, the original and the new appointment, the unit that caused the delay,
 * the reason, and the head of the agency who signs it.
 *
 * @param documentNumber number and symbol of the letter (số, ký hiệu), required, e.g. {@code 261123-0001/PXL-SYT}
 *                       ({@link DossierForms} says how the system numbers it)
 * @param receivedAt     when the dossier was received
 */
public record ApologyForm(String agencyName, String documentNumber, String dossierCode, String procedureName,
                          String applicantName, Instant receivedAt, LocalDate originalAppointment,
                          String delayingUnit, String reason, LocalDate newAppointment, Instant issuedAt,
                          String headName) implements OneStopForm {

    public ApologyForm {
        Forms.require(agencyName, "agencyName");
        Forms.require(documentNumber, "documentNumber");
        Forms.require(dossierCode, "dossierCode");
        Forms.require(applicantName, "applicantName");
        Forms.require(newAppointment, "newAppointment");
        Forms.require(issuedAt, "issuedAt");
    }
}
