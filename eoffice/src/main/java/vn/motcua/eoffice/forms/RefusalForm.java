package vn.motcua.eoffice.forms;

import java.time.Instant;

/** Mẫu 03, Phiếu từ chối tiếp nhận giải quyết hồ sơ: the reasons and the officer who refused. */
public record RefusalForm(String agencyName, String dossierCode, String procedureName, FormApplicant applicant,
                          String reasons, Instant refusedAt, String officerName) implements OneStopForm {

    public RefusalForm {
        Forms.require(agencyName, "agencyName");
        Forms.require(dossierCode, "dossierCode");
        Forms.require(applicant, "applicant");
        Forms.require(refusedAt, "refusedAt");
    }
}
