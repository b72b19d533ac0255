package vn.motcua.portal.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.motcua.engine.dossier.Applicant;
import vn.motcua.engine.dossier.ApplicantType;
import vn.motcua.engine.dossier.registry.DossierSummary;

/** The JSON shapes of the REST API (requests validated field by field). */
public final class ApiModels {

    private ApiModels() {
    }

    public record ApplicantRequest(
            @NotBlank(message = "Họ tên là bắt buộc / Full name is required") @Size(max = 200) String fullName,
            @NotBlank(message = "Số định danh là bắt buộc / ID number is required")
            @Pattern(regexp = "\\d{9}|\\d{12}", message = "Số CCCD/CMND gồm 9 hoặc 12 chữ số / ID number has 9 or 12 digits")
            String idNumber,
            @NotBlank(message = "Số điện thoại là bắt buộc / Phone is required")
            @Pattern(regexp = "\\+?[0-9]{9,15}", message = "Số điện thoại không hợp lệ / Invalid phone number")
            String phone,
            @Email(message = "Email không hợp lệ / Invalid email") @Size(max = 254) String email,
            @Size(max = 500) String address,
            @Schema(description = "Loại đối tượng: 1 công dân (mặc định), 2 doanh nghiệp, 3 cơ quan nhà nước, 4 khác / "
                    + "Applicant type: 1 citizen (default), 2 enterprise, 3 state agency, 4 other",
                    allowableValues = {"1", "2", "3", "4"})
            @Min(value = 1, message = "Loại đối tượng là 1, 2, 3 hoặc 4 / Applicant type is 1, 2, 3 or 4")
            @Max(value = 4, message = "Loại đối tượng là 1, 2, 3 hoặc 4 / Applicant type is 1, 2, 3 or 4")
            Integer type,
            @Schema(description = "Mã số thuế của tổ chức: 10 chữ số, hoặc 10-3 chữ số / Tax code: 10 digits, or 10-3",
                    example = "0101234567")
            @Pattern(regexp = "\\d{10}(-\\d{3})?",
                    message = "Mã số thuế gồm 10 chữ số hoặc 10 chữ số, dấu gạch và 3 chữ số / Tax code has 10 digits, or 10-3 digits")
            String taxCode) {

        public ApplicantRequest(String fullName, String idNumber, String phone, String email, String address) {
            this(fullName, idNumber, phone, email, address, null, null);
        }

        Applicant toApplicant() {
            return new Applicant(fullName.strip(), idNumber, phone, email, address,
                    type == null ? null : ApplicantType.ofPortalCode(type),
                    taxCode == null || taxCode.isBlank() ? null : taxCode.strip());
        }
    }

    public record NewDossierRequest(
            @NotBlank(message = "Mã thủ tục là bắt buộc / Procedure code is required") @Size(max = 32) String procedureCode,
            @NotBlank(message = "Đơn vị tiếp nhận là bắt buộc / Receiving unit is required") @Size(max = 64) String unitId,
            @NotNull(message = "Thông tin người nộp là bắt buộc / Applicant is required") @Valid ApplicantRequest applicant,
            Map<String, Object> form,
            @Size(max = 2000) String comment) {
    }

    /** A fee collected at the one-stop counter: the receipt (biên lai) number and the amount on it. */
    public record CounterPaymentRequest(
            @Positive(message = "Số tiền phải lớn hơn 0 / The amount must be positive") long amountVnd,
            @NotBlank(message = "Số biên lai là bắt buộc / The receipt number is required") @Size(max = 100)
            String receiptNumber) {
    }

    public record ApologyRequest(
            @NotNull(message = "Ngày hẹn trả mới là bắt buộc / The new date is required") LocalDate newAppointedDate,
            @Size(max = 200) String causingUnit,
            @NotBlank(message = "Nêu lý do chậm trễ / State the reason for the delay") @Size(max = 2000) String reason) {
    }

    public record StopRequest(
            @NotBlank(message = "Nêu lý do dừng xử lý / State the reason") @Size(max = 2000) String reason) {
    }

    public record RatingRequest(
            @Min(value = 1, message = "Điểm từ 1 đến 5 / Score from 1 to 5")
            @Max(value = 5, message = "Điểm từ 1 đến 5 / Score from 1 to 5") int score,
            @Size(max = 2000) String comment) {
    }

    public record WithdrawalRequest(
            @NotBlank(message = "Nêu lý do rút hồ sơ / State the reason") @Size(max = 2000) String reason) {
    }

    /** A dossier as its applicant, an official or an inspector sees it in a list. */
    public record DossierView(String code, String procedureCode, String unitId, String applicantName,
                              String status, int portalStatus, String statusLabel, Instant submittedAt,
                              LocalDate appointedReturnDate, String handlerId, Instant updatedAt) {

        static DossierView of(DossierSummary dossier) {
            return new DossierView(dossier.code(), dossier.procedureCode(), dossier.unitId(),
                    dossier.applicantName(), dossier.status().name(), dossier.status().portalCode(),
                    dossier.status().labelVi(), dossier.submittedAt(), dossier.appointedReturnDate(),
                    dossier.handlerId(), dossier.updatedAt());
        }
    }
}
