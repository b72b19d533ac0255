package vn.motcua.eoffice.forms;

import java.time.Instant;
import java.util.List;

/**
 * Mẫu 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: what is missing or wrong and why, and the officer who
 * guides the applicant (Decree 61/2018/ND-CP: all items at once, Art. 15 at reception, Art. 17 during handling).
 */
public record SupplementRequestForm(String agencyName, String dossierCode, String procedureName,
                                    FormApplicant applicant, List<String> items, String reason,
                                    Instant requestedAt, String officerName) implements OneStopForm {

    public SupplementRequestForm {
        Forms.require(agencyName, "agencyName");
        Forms.require(dossierCode, "dossierCode");
        Forms.require(applicant, "applicant");
        Forms.require(requestedAt, "requestedAt");
        items = items == null ? List.of() : List.copyOf(items);
    }
}
