package vn.motcua.eoffice.forms;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Mẫu 04, Phiếu xin lỗi và hẹn lại ngày trả kết quả: sent when a dossier will be late (Decree 61/2018/ND-CP,
 * amended by Decree 107/2021/ND-CP), with its number and symbol, the original and the new appointment, the unit that caused the delay,
 * the reason, and the head of the agency who signs it.
 *
 * @param documentNumber number and symbol of the letter (số, ký hiệu), required, e.g. {@code 261123-0001/PXL-SYT}
 *                       ({@link DossierForms} says how the system numbers it)
 * @param receivedAt     when the dossier was received
 * @param superiorName   the agency's direct governing agency, printed above its name in the heading (Decree
 *                       30/2020/ND-CP Appendix I), e.g. "UBND Thành phố Hà Nội"; null when it has none
 */
public record ApologyForm(String agencyName, String documentNumber, String dossierCode, String procedureName,
                          String applicantName, Instant receivedAt, LocalDate originalAppointment,
                          String delayingUnit, String reason, LocalDate newAppointment, Instant issuedAt,
                          String headName, String superiorName) implements OneStopForm {

    public ApologyForm(String agencyName, String documentNumber, String dossierCode, String procedureName,
                       String applicantName, Instant receivedAt, LocalDate originalAppointment, String delayingUnit,
                       String reason, LocalDate newAppointment, Instant issuedAt, String headName) {
        this(agencyName, documentNumber, dossierCode, procedureName, applicantName, receivedAt, originalAppointment,
                delayingUnit, reason, newAppointment, issuedAt, headName, null);
    }

    public ApologyForm {
        Forms.require(agencyName, "agencyName");
        Forms.require(documentNumber, "documentNumber");
        Forms.require(dossierCode, "dossierCode");
        Forms.require(applicantName, "applicantName");
        Forms.require(newAppointment, "newAppointment");
        Forms.require(issuedAt, "issuedAt");
    }
}
