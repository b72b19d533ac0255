package vn.motcua.eoffice.result;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.document.AttachedDocument;
import vn.motcua.engine.document.DocumentStore;
import vn.motcua.engine.document.Upload;
import vn.motcua.engine.dossier.DossierEvent;
import vn.motcua.engine.dossier.process.ResultDocuments;
import vn.motcua.engine.dossier.process.ResultDocuments.IssuedResult;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Signatories;
import vn.motcua.engine.identity.Signatory;
import vn.motcua.eoffice.forms.IssuedResultForm;
import vn.motcua.eoffice.forms.OneStopForms;
import vn.motcua.eoffice.register.DocumentRegisters;
import vn.motcua.eoffice.signing.OutgoingDocumentPdf;
import vn.motcua.process.Procedure;
import vn.motcua.process.ProcedureCatalogue;
import vn.motcua.process.ResultKind;

/**
 * The level-4 result as the law issues it (Decree 42/2022/ND-CP; an administrative document under Decree
 * 30/2020/ND-CP): the document of the procedure's kind ({@link ResultKind}: licence, certificate, receipt number of
 * a notification; a refusal is a numbered written answer with its reasons, Decree 61/2018/ND-CP Art. 19(3)) rendered
 * from the dossier and its form with the heading of Appendix I; signed (PAdES B-T) by the leader at their decision, in
 * their own name and with the title lines of their authority ({@link Signatories}, Art. 13: KT./TL./TUQ.), and stored
 * ({@link #draftAndSign}); then, at the clerk's step and as Art. 15 orders ({@link #numberAndSeal}, reading the signed
 * draft back by its hash), numbered in the issuing register of its kind (one gap-free counter per agency, kind and year,
 * {@link DocumentRegisters#nextNumber}, in the step's transaction), dated today at the agency's place, sealed by the
 * agency and archived as B-LTA, exactly as {@link OutgoingDocumentPdf} issues outgoing documents. It is stored like
 * any attachment; the ResultIssued and ResultReturned events carry its hash. A dossier decided before the leader signed
 * at the decision has no signed draft: its result is then drafted, signed by the leader who decided, numbered and
 * sealed at once, as it was before.
 */
@Component
public class SignedResults implements ResultDocuments {

    /** The numbered written answer refusing a request (Thông báo, Decree 30/2020 Appendix III "TB"). */
    static final ResultKind REFUSAL = new ResultKind(ResultKind.REFUSAL, "THÔNG BÁO", "{number}/TB-{issuer}", null,
            List.of(), List.of());

    private final EventStore eventStore;
    private final ProcedureCatalogue catalogue;
    private final MotcuaProperties properties;
    private final DocumentStore documents;
    private final ResultSigning signing;
    private final OneStopForms forms;
    private final String publicBaseUrl;
    private final ResultVerificationCodes verificationCodes;
    private final Signatories signatories;
    private final Clock clock;

    public SignedResults(EventStore eventStore, ProcedureCatalogue catalogue, MotcuaProperties properties,
                         DocumentStore documents, ResultSigning signing, OneStopForms forms,
                         @Value("${motcua.public-base-url:http://localhost:8080}") String publicBaseUrl,
                         ResultVerificationCodes verificationCodes, Signatories signatories,
                         Clock clock) {
        this.eventStore = eventStore;
        this.catalogue = catalogue;
        this.properties = properties;
        this.documents = documents;
        this.signing = signing;
        this.forms = forms;
        this.publicBaseUrl = publicBaseUrl;
        this.verificationCodes = verificationCodes;
        this.signatories = signatories;
        this.clock = clock;
    }

    @Override
    public List<AttachedDocument> draftAndSign(String code, Actor leader, boolean approved, String comment) {
        Dossier dossier = dossier(code);
        ResultKind kind = kind(dossier.submitted(), approved);
        byte[] signed = sign(code, dossier, approved, comment, leader, kind);
        return documents.storeAll(List.of(new Upload("result", "du-thao-ket-qua-" + code + ".pdf", DocumentStore.PDF,
                signed)));
    }

    @Override
    public IssuedResult numberAndSeal(String code, Actor clerk) {
        Dossier dossier = dossier(code);
        DossierEvent decision = dossier.events().reversed().stream()
                .filter(event -> event instanceof DossierEvent.DossierApproved
                        || event instanceof DossierEvent.DossierRejected)
                .findFirst().orElseThrow(() -> new IllegalStateException("No decision to issue for " + code));
        boolean approved = decision instanceof DossierEvent.DossierApproved;
        DossierEvent.DossierSubmitted submitted = dossier.submitted();
        ResultKind kind = kind(submitted, approved);
        byte[] signed = decision.documents() == null || decision.documents().isEmpty()
                // decided before the leader signed at the decision: drafted and signed now, as it was then
                ? sign(code, dossier, approved, decision.comment(), decision.actor(), kind)
                : documents.content(decision.documents().getFirst().sha256()).orElseThrow(
                        () -> new IllegalStateException("The signed draft of " + code + " is not stored"));

        String unitId = submitted.unitId();
        ResultSigning.Numbered issued = signing.numberSealAndArchive(signed, kind, unitId, unit(unitId), today());
        List<AttachedDocument> stored = documents.storeAll(List.of(new Upload("result", "ket-qua-" + code + ".pdf",
                DocumentStore.PDF, issued.pdf())));
        return new IssuedResult(stored, kind.kind(), kind.title(), issued.number(), issued.symbol(), issued.issuedOn(),
                holder(submitted, kind));
    }

    @Override
    public List<AttachedDocument> issued(String code) {
        return dossier(code).events().reversed().stream().filter(DossierEvent.ResultIssued.class::isInstance)
                .findFirst().map(DossierEvent::documents).orElse(List.of());
    }

    /** The draft of the decision, signed (PAdES B-T, visible) by the leader with the title lines of their authority. */
    private byte[] sign(String code, Dossier dossier, boolean approved, String comment, Actor leader, ResultKind kind) {
        DossierEvent.DossierSubmitted submitted = dossier.submitted();
        String unitId = submitted.unitId();
        MotcuaProperties.OrgUnit unit = unit(unitId);
        Procedure procedure = catalogue.find(submitted.procedureCode()).orElseThrow();
        Signatory signatory = signatories.of(leader.id(), unitId, kind.register(), today());
        byte[] draft = forms.issuedResult(draft(code, submitted, dossier.events(), comment, approved, kind, unit,
                procedure));
        return signing.signByLeader(draft, leader, signatory, unitId, unit);
    }

    private record Dossier(List<DossierEvent> events) {
        DossierEvent.DossierSubmitted submitted() {
            return (DossierEvent.DossierSubmitted) events.getFirst();
        }
    }

    private Dossier dossier(String code) {
        return new Dossier(eventStore.readEvents(code).asStream().map(EventMessage::getPayload)
                .map(DossierEvent.class::cast).toList());
    }

    private ResultKind kind(DossierEvent.DossierSubmitted submitted, boolean approved) {
        Procedure procedure = catalogue.find(submitted.procedureCode()).orElseThrow();
        return approved && procedure.result() != null ? procedure.result() : REFUSAL;
    }

    private MotcuaProperties.OrgUnit unit(String unitId) {
        return properties.unit(unitId).orElseThrow(() -> new IllegalStateException("Unknown unit " + unitId));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    /** The draft: heading, the kind's title, the lines from the form, the reasons or the leader's words. */
    private IssuedResultForm draft(String code, DossierEvent.DossierSubmitted submitted, List<DossierEvent> events,
                                   String comment, boolean approved, ResultKind kind,
                                   MotcuaProperties.OrgUnit unit, Procedure procedure) {
        Map<String, Object> form = submitted.form() == null ? Map.of() : submitted.form();
        String holder = holder(submitted, kind);
        List<IssuedResultForm.Line> lines = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        String subtitle;
        if (approved) {
            subtitle = null;
            lines.addAll(ResultContents.lines(kind, form));
            if (kind.holder() == null || lines.stream().noneMatch(line -> line.value().equals(
                    ResultContents.value(form, kind.holder())))) {
                lines.addFirst(new IssuedResultForm.Line("Cấp cho", holder));
            }
            lines.add(new IssuedResultForm.Line("Thủ tục", procedure.name()));
            if (comment != null && !comment.isBlank()) {
                if (comment != null && !comment.isBlank()) {
                paragraphs.add(comment);
            }
            }
        } else {
            subtitle = "Về việc không chấp thuận hồ sơ đề nghị " + lowerFirst(procedure.name());
            lines.add(new IssuedResultForm.Line("Kính gửi", holder));
            lines.add(new IssuedResultForm.Line("Địa chỉ", submitted.applicant().address()));
            paragraphs.add(unit.name() + " đã xem xét hồ sơ số " + code + " và không chấp thuận, với lý do sau:");
            appraisalComment(events).ifPresent(paragraphs::add);
            if (comment != null && !comment.isBlank()) {
                paragraphs.add(comment);
            }
            paragraphs.add("Tổ chức, cá nhân có quyền khiếu nại, khởi kiện theo quy định của pháp luật.");
        }
        String verification = verificationCodes.of(code).orElseThrow();
        return new IssuedResultForm(unit.superior(), unit.name(), kind.title(), subtitle, lines, paragraphs, code,
                List.of(approved ? holder : "Như trên", "Lưu: VT."),
                publicBaseUrl + "/api/v1/public/results/" + code + "?v=" + verification, verification);
    }

    /** Whom the result is issued to: the form's holder field of the kind, else the applicant. */
    private static String holder(DossierEvent.DossierSubmitted submitted, ResultKind kind) {
        Map<String, Object> form = submitted.form() == null ? Map.of() : submitted.form();
        String holder = kind.holder() == null ? null : ResultContents.value(form, kind.holder());
        return holder == null ? submitted.applicant().fullName() : holder;
    }

    /** The specialist's findings, which the written refusal repeats with the leader's reasons. */
    private static java.util.Optional<String> appraisalComment(List<DossierEvent> events) {
        return events.reversed().stream().filter(DossierEvent.AppraisalRecorded.class::isInstance)
                .map(DossierEvent::comment).filter(comment -> comment != null && !comment.isBlank()).findFirst();
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
