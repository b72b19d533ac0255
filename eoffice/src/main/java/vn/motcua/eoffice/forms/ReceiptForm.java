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
 * @param unverified     the catalogue fields printed here that nobody has checked against the legal text
 *                       ({@code timeLimit}, {@code feeVnd}): printed with "(chưa xác minh)", never as if certain
 */
public record ReceiptForm(String agencyName, String dossierCode, String procedureName, FormApplicant applicant,
                          List<ReceivedDocument> documents, int timeLimitDays, boolean workingDays,
                          Instant receivedAt, LocalDate appointedReturnDate, String resultPlace, long feeVnd,
                          String officerName, List<String> unverified) implements OneStopForm {

    /** Written next to a figure the catalogue marks unverified. */
    public static final String UNVERIFIED = "chưa xác minh";

    public ReceiptForm(String agencyName, String dossierCode, String procedureName, FormApplicant applicant,
                       List<ReceivedDocument> documents, int timeLimitDays, boolean workingDays, Instant receivedAt,
                       LocalDate appointedReturnDate, String resultPlace, long feeVnd, String officerName) {
        this(agencyName, dossierCode, procedureName, applicant, documents, timeLimitDays, workingDays, receivedAt,
                appointedReturnDate, resultPlace, feeVnd, officerName, List.of());
    }

    public ReceiptForm {
        Forms.require(agencyName, "agencyName");
        Forms.require(dossierCode, "dossierCode");
        Forms.require(applicant, "applicant");
        Forms.require(receivedAt, "receivedAt");
        documents = documents == null ? List.of() : List.copyOf(documents);
        unverified = unverified == null ? List.of() : List.copyOf(unverified);
        if (timeLimitDays < 0 || feeVnd < 0) {
            throw new IllegalArgumentException("time limit and fee must not be negative");
        }
    }
}
