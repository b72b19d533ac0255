package vn.motcua.eoffice.result;

import java.security.cert.X509CRL;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.motcua.engine.audit.crypto.DevPki;
import vn.motcua.engine.audit.crypto.Signer;
import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.document.DocumentStore;
import vn.motcua.engine.document.Upload;
import vn.motcua.engine.dossier.Applicant;
import vn.motcua.engine.document.AttachedDocument;
import vn.motcua.engine.dossier.history.DossierHistory;
import vn.motcua.engine.dossier.history.Step;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.dossier.process.ResultDocuments;
import vn.motcua.engine.dossier.registry.DossierRegistry;
import vn.motcua.engine.dossier.registry.DossierSummary;
import vn.motcua.eoffice.forms.FormApplicant;
import vn.motcua.eoffice.forms.OneStopForms;
import vn.motcua.eoffice.forms.ResultForm;
import vn.motcua.eoffice.signing.PadesSigner;
import vn.motcua.process.ProcedureCatalogue;

/**
 * The level-4 result (Decree 42/2022/ND-CP; signatures per Decree 30/2020/ND-CP Appendix I): the decision
 * rendered as PDF, signed with the key of the leader who decided (blue signature between title and name),
 * sealed by the agency (red seal over the left third of it), then archived as PAdES B-LTA so it stays
 * verifiable for the years the record is kept. It is stored like any attachment, in the same transaction
 * as the step that returns it.
 */
@Component
public class SignedResults implements ResultDocuments {

    /** Where the leader's signature and the agency's seal go on the A5 page. */
    static final PadesSigner.Block SIGNATURE_BLOCK = new PadesSigner.Block(0, 220, 40);

    private final DossierRegistry registry;
    private final DossierHistory history;
    private final ProcedureCatalogue catalogue;
    private final MotcuaProperties properties;
    private final DocumentStore documents;
    private final PadesSigner pades;
    private final ObjectProvider<DevPki> devPki;
    private final OneStopForms forms;
    private final String publicBaseUrl;
    private final ResultVerificationCodes verificationCodes;

    public SignedResults(DossierRegistry registry, DossierHistory history, ProcedureCatalogue catalogue,
                         MotcuaProperties properties, DocumentStore documents, PadesSigner pades,
                         ObjectProvider<DevPki> devPki, OneStopForms forms,
                         @Value("${motcua.public-base-url:http://localhost:8080}") String publicBaseUrl,
                         ResultVerificationCodes verificationCodes) {
        this.registry = registry;
        this.history = history;
        this.catalogue = catalogue;
        this.properties = properties;
        this.documents = documents;
        this.pades = pades;
        this.devPki = devPki;
        this.forms = forms;
        this.publicBaseUrl = publicBaseUrl;
        this.verificationCodes = verificationCodes;
    }

    @Override
    public List<AttachedDocument> issue(String code, Actor returningOfficer) {
        DossierSummary dossier = registry.find(code).orElseThrow();
        List<Step> steps = history.of(code);
        Step decision = steps.reversed().stream()
                .filter(step -> step.type().equals("DossierApproved") || step.type().equals("DossierRejected"))
                .findFirst().orElseThrow(() -> new IllegalStateException("No decision to return for " + code));
        boolean approved = decision.type().equals("DossierApproved");
        Applicant applicant = (Applicant) ((Map<?, ?>) steps.getFirst().details()).get("applicant");
        String agency = properties.unit(dossier.unitId()).map(MotcuaProperties.OrgUnit::name).orElse(dossier.unitId());
        String procedure = catalogue.find(dossier.procedureCode()).map(p -> p.name()).orElse(dossier.procedureCode());
        String text = approved
                ? agency + " chấp thuận hồ sơ " + code + " đề nghị " + procedure + "."
                        + (decision.comment() == null ? "" : " " + decision.comment())
                : agency + " không chấp thuận hồ sơ " + code + ". Lý do: " + decision.comment();
        String verification = verificationCodes.of(code).orElseThrow();
        byte[] pdf = forms.result(new ResultForm(agency, code, procedure, new FormApplicant(applicant.fullName(),
                applicant.address(), applicant.phone(), applicant.email(), applicant.idNumber()), approved, text,
                decision.at(), publicBaseUrl + "/api/v1/public/results/" + code + "?v=" + verification, verification));

        Actor leader = decision.actor();
        DevPki pki = devPki.getIfAvailable();
        if (pki != null) {
            pki.enrolOfficial(leader.id(), leader.name(), leader.unitId());
            pki.enrolSeal(dossier.unitId(), agency);
        }
        byte[] signed = pades.sign(pdf, new PadesSigner.Request(Signer.officialAlias(leader.id()),
                PadesSigner.Level.B_T, new PadesSigner.Appearance.Handwritten(SIGNATURE_BLOCK, "LÃNH ĐẠO ĐƠN VỊ",
                leader.name()), approved ? "Phê duyệt kết quả" : "Không chấp thuận", agency));
        signed = pades.sign(signed, new PadesSigner.Request(Signer.sealAlias(dossier.unitId()), PadesSigner.Level.B_T,
                new PadesSigner.Appearance.Seal(SIGNATURE_BLOCK, agency), "Đóng dấu cơ quan", agency));
        List<X509CRL> crls = pki == null ? List.of() : List.of(pki.crl(), pki.rootCrl());
        signed = pades.archive(signed, crls);
        return documents.storeAll(List.of(new Upload("result", "ket-qua-" + code + ".pdf", DocumentStore.PDF, signed)));
    }
}
