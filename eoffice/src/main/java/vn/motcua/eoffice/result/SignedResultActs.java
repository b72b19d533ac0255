package vn.motcua.eoffice.result;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.document.AttachedDocument;
import vn.motcua.engine.document.DocumentStore;
import vn.motcua.engine.document.Upload;
import vn.motcua.engine.dossier.DossierEvent;
import vn.motcua.engine.dossier.DossierRule;
import vn.motcua.engine.dossier.DossierRuleViolation;
import vn.motcua.engine.dossier.process.ResultActs;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Signatories;
import vn.motcua.engine.identity.Signatory;
import vn.motcua.eoffice.forms.IssuedResultForm;
import vn.motcua.eoffice.forms.OneStopForms;
import vn.motcua.eoffice.register.DocumentRegisters;
import vn.motcua.process.ResultKind;

/**
 * The acts that refer to an issued result (Decree 30/2020/ND-CP: an administrative document is corrected or revoked
 * only by another document; the original stays as issued): a correction (văn bản đính chính) or a revocation decision
 * (quyết định thu hồi), each a QUYẾT ĐỊNH naming the original's number, symbol and date, signed by the leader with
 * their authority for the original's kind ({@link Signatories}, Art. 13), numbered in its own issuing register
 * ({@code RESULT:CORRECTION}, {@code RESULT:REVOCATION}; one gap-free counter per agency and year,
 * {@link DocumentRegisters#nextNumber}), dated, sealed and archived exactly as {@link SignedResults} issues the
 * result. Its QR code leads to the public register of results, where the original shows with this act.
 */
@Component
public class SignedResultActs implements ResultActs {

    /** A correction of an issued result (Quyết định đính chính). */
    static final ResultKind CORRECTION = new ResultKind("CORRECTION", "QUYẾT ĐỊNH", "{number}/QĐ-ĐC-{issuer}", null,
            List.of(), List.of());
    /** The revocation of an issued result (Quyết định thu hồi). */
    static final ResultKind REVOCATION = new ResultKind("REVOCATION", "QUYẾT ĐỊNH", "{number}/QĐ-TH-{issuer}", null,
            List.of(), List.of());

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final EventStore eventStore;
    private final MotcuaProperties properties;
    private final DocumentStore documents;
    private final ResultSigning signing;
    private final OneStopForms forms;
    private final String publicBaseUrl;
    private final Signatories signatories;
    private final Clock clock;

    public SignedResultActs(EventStore eventStore, MotcuaProperties properties, DocumentStore documents,
                            ResultSigning signing, OneStopForms forms,
                            @Value("${motcua.public-base-url:http://localhost:8080}") String publicBaseUrl,
                            Signatories signatories, Clock clock) {
        this.eventStore = eventStore;
        this.properties = properties;
        this.documents = documents;
        this.signing = signing;
        this.forms = forms;
        this.publicBaseUrl = publicBaseUrl;
        this.signatories = signatories;
        this.clock = clock;
    }

    @Override
    public IssuedAct correction(String code, Actor leader, String reason, String corrections) {
        DossierEvent.ResultIssued original = original(code);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("Đính chính " + describe(original) + " cấp cho " + original.holder() + ", như sau:");
        paragraphs.add(corrections);
        paragraphs.add("Lý do đính chính: " + reason);
        paragraphs.add("Các nội dung khác của " + describe(original) + " giữ nguyên giá trị.");
        return issue(code, leader, original, CORRECTION, "Về việc đính chính " + describe(original), paragraphs,
                "dinh-chinh-");
    }

    @Override
    public IssuedAct revocation(String code, Actor leader, String reason, String decisionReference) {
        DossierEvent.ResultIssued original = original(code);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("Thu hồi " + describe(original) + " cấp cho " + original.holder() + ".");
        paragraphs.add("Lý do thu hồi: " + reason);
        if (decisionReference != null && !decisionReference.isBlank()) {
            paragraphs.add("Căn cứ: " + decisionReference);
        }
        paragraphs.add("Kể từ ngày ký, " + describe(original) + " không còn giá trị.");
        paragraphs.add("Tổ chức, cá nhân có quyền khiếu nại, khởi kiện theo quy định của pháp luật.");
        return issue(code, leader, original, REVOCATION, "Về việc thu hồi " + describe(original), paragraphs,
                "thu-hoi-");
    }

    private IssuedAct issue(String code, Actor leader, DossierEvent.ResultIssued original, ResultKind kind,
                            String subtitle, List<String> paragraphs, String filePrefix) {
        String unitId = leader.unitId();
        MotcuaProperties.OrgUnit unit = properties.unit(unitId).orElseThrow(
                () -> new IllegalStateException("Unknown unit " + unitId));
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        // the authority to sign for the result's kind is the authority to correct or revoke it
        Signatory signatory = signatories.of(leader.id(), unitId, ResultKind.register(original.kind()), today);
        String registerUrl = publicBaseUrl + "/api/v1/public/result-register?number="
                + URLEncoder.encode(original.symbol(), StandardCharsets.UTF_8);
        byte[] draft = forms.issuedResult(new IssuedResultForm(unit.superior(), unit.name(), kind.title(), subtitle,
                List.of(new IssuedResultForm.Line("Văn bản được " + (kind == CORRECTION ? "đính chính" : "thu hồi"),
                        original.symbol() + " ngày " + DAY.format(original.issuedOn()))),
                paragraphs, code, List.of(original.holder(), "Lưu: VT."), registerUrl, null));

        byte[] signed = signing.signByLeader(draft, leader, signatory, unitId, unit);
        ResultSigning.Numbered issued = signing.numberSealAndArchive(signed, kind, unitId, unit, today);
        List<AttachedDocument> stored = documents.storeAll(List.of(new Upload("act", filePrefix + code + "-"
                + issued.number() + ".pdf", DocumentStore.PDF, issued.pdf())));
        return new IssuedAct(stored, issued.number(), issued.symbol(), issued.issuedOn());
    }

    /** The result the dossier issued; none yet is the dossier's rule, said before anything is drafted. */
    private DossierEvent.ResultIssued original(String code) {
        return eventStore.readEvents(code).asStream().map(EventMessage::getPayload)
                .filter(DossierEvent.ResultIssued.class::isInstance).map(DossierEvent.ResultIssued.class::cast)
                .findFirst().orElseThrow(() -> new DossierRuleViolation(DossierRule.RESULT_ACT_ONLY_FOR_ISSUED_RESULT));
    }

    private static String describe(DossierEvent.ResultIssued original) {
        String title = original.title() == null ? "kết quả" : lowerCase(original.title());
        return title + " số " + original.symbol() + " ngày " + DAY.format(original.issuedOn());
    }

    /** "GIẤY CHỨNG NHẬN…" as it reads inside a sentence: "Giấy chứng nhận…". */
    private static String lowerCase(String title) {
        String lower = title.toLowerCase(java.util.Locale.forLanguageTag("vi"));
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
