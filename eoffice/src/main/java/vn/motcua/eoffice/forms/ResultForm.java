package vn.motcua.eoffice.forms;

import java.time.Instant;

/**
 * The result of a dossier returned online (level 4, Decree 42/2022/ND-CP): the agency's decision on the
 * procedure, signed by the leader who decided and sealed by the agency. {@code verificationUrl} is what
 * the QR code carries, so anyone holding the paper can check the electronic original; {@code verificationCode},
 * printed beside it, is what a person types with the dossier code when they cannot scan it.
 */
public record ResultForm(String agencyName, String dossierCode, String procedureName, FormApplicant applicant,
                         boolean approved, String decisionText, Instant decidedAt, String verificationUrl,
                         String verificationCode)
        implements OneStopForm {

    public ResultForm(String agencyName, String dossierCode, String procedureName, FormApplicant applicant,
                      boolean approved, String decisionText, Instant decidedAt, String verificationUrl) {
        this(agencyName, dossierCode, procedureName, applicant, approved, decisionText, decidedAt, verificationUrl,
                null);
    }

    public ResultForm {
        Forms.require(agencyName, "agencyName");
        Forms.require(dossierCode, "dossierCode");
        Forms.require(applicant, "applicant");
        Forms.require(decidedAt, "decidedAt");
        Forms.require(verificationUrl, "verificationUrl");
    }
}
