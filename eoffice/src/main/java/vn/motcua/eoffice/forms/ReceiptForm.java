package vn.motcua.eoffice.forms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Mẫu 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả: what was received from whom, the legal time limit,
 * when it was received, the appointed return date, where the result is collected, the fee and the
 * receiving officer.
 *
 * @param timeLimitDays  the legal time limit of the procedure
 * @param workingDays    whether the time limit counts working days (ngày làm việc) or calendar days
 * @param resultPlace    where the result is collected (nơi trả kết quả)
 * @param feeVnd         fee and charges (phí, lệ phí) in đồng
 */
public record ReceiptForm(String agencyName, String dossierCode, String procedureName, FormApplicant applicant,
                          List<ReceivedDocument> documents, int timeLimitDays, boolean workingDays,
                          Instant receivedAt, LocalDate appointedReturnDate, String resultPlace, long feeVnd,
                          String officerName) implements OneStopForm {

    public ReceiptForm {
        Forms.require(agencyName, "agencyName");
        Forms.require(dossierCode, "dossierCode");
        Forms.require(applicant, "applicant");
        Forms.require(receivedAt, "receivedAt");
        documents = documents == null ? List.of() : List.copyOf(documents);
        if (timeLimitDays < 0 || feeVnd < 0) {
            throw new IllegalArgumentException("time limit and fee must not be negative");
        }
    }
}
