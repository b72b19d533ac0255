package vn.motcua.eoffice.forms;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.document.AttachedDocument;
import vn.motcua.engine.dossier.Applicant;
import vn.motcua.engine.dossier.DossierEvent;
import vn.motcua.engine.dossier.DossierEvent.DelayApologised;
import vn.motcua.engine.dossier.DossierEvent.DossierAccepted;
import vn.motcua.engine.dossier.DossierEvent.DossierRefused;
import vn.motcua.engine.dossier.DossierEvent.ResultReturned;
import vn.motcua.engine.dossier.DossierEvent.SupplementRequested;
import vn.motcua.engine.dossier.DossierEvent.SupplementRequestedInAppraisal;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.problem.Problem;
import vn.motcua.engine.dossier.registry.DossierRegistry;
import vn.motcua.engine.dossier.registry.DossierSummary;
import vn.motcua.engine.dossier.report.DossierTimeline;
import vn.motcua.engine.dossier.report.OnTimeRule;
import vn.motcua.process.DayCount;
import vn.motcua.process.Procedure;
import vn.motcua.process.ProcedureCatalogue;

/**
 * Fills the forms of Circular 01/2018/TT-VPCP (Mẫu 01–06) from a dossier's typed events, folded by
 * {@link DossierTimeline}: Mẫu 01–05 for one dossier, and the dossier register (Mẫu 06) for a period. Who may ask
 * for which form is the caller's business; this only fills them. Timeliness in Mẫu 05 and Mẫu 06 is the one
 * {@link OnTimeRule} that the reports use, so a dossier is on time or late in the same way everywhere.
 *
 * <p><b>Appointments.</b> The receipt (Mẫu 01) and the process control form (Mẫu 05) carry the due date
 * ({@link DossierTimeline#dueDate()}): set on acceptance, set again when the time limit restarts (payment, a
 * supplement during appraisal), never moved by an apology. The register (Mẫu 06) shows the date the applicant was
 * last told ({@link DossierTimeline#appointedDate()}, which the apology moves) and judges against the due date.
 *
 * <p><b>The number of Mẫu 04.</b> The apology letter carries a number and symbol ("Số: …/…", Circular 01/2018
 * Mẫu 04), which Decree 30/2020/ND-CP Appendix I writes {@code <number>/<type>-<issuer>}, unique within the
 * year and assigned by the system, never by a person. A dossier gets at most one apology (the due date may be
 * moved only once, Decree 61/2018/ND-CP, {@code DossierRule.APOLOGY_ONCE_BEFORE_DUE_DATE}), so the letter
 * is numbered from its dossier: the number is the dossier code's date and sequence, {@code YYMMDD-NNNN} (11
 * characters, as long as Decree 30 Appendix VI allows a number), the type is {@code PXL} (phiếu xin lỗi: the
 * form has no abbreviation in Decree 30 Appendix III, so this is ours) and the issuer is the unit's configured
 * abbreviation, e.g. {@code 261123-0001/PXL-SYT} for dossier {@code 000.00.16.H26-261123-0001}; without an
 * abbreviation the symbol ends at {@code PXL}. The dossier code is itself the unique, system-assigned number of
 * the dossier within its agency (Circular 01/2018/TT-VPCP Art. 19), so the letter's number is unique within the
 * agency and the year, is the same on every copy, and can be rebuilt from the event store. It is not a number of
 * the agency's outgoing register (Decree 30 Art. 15, from 01 each year): the letter is a form of the one-stop
 * mechanism kept with its dossier, as Mẫu 01–03 are, not a document of that register.
 */
@Component
public class DossierForms {

    /** More lines than a register page run is worth; beyond it, ask for a shorter period. */
    public static final int REGISTER_LIMIT = 5000;
    /** Type part of the symbol of Mẫu 04: phiếu xin lỗi (see the class comment). */
    static final String APOLOGY_TYPE = "PXL";

    private final EventStore eventStore;
    private final DossierRegistry registry;
    private final ProcedureCatalogue catalogue;
    private final MotcuaProperties properties;
    private final OnTimeRule onTime;
    private final Clock clock;

    public DossierForms(EventStore eventStore, DossierRegistry registry, ProcedureCatalogue catalogue,
                        MotcuaProperties properties, OnTimeRule onTime, Clock clock) {
        this.eventStore = eventStore;
        this.registry = registry;
        this.catalogue = catalogue;
        this.properties = properties;
        this.onTime = onTime;
        this.clock = clock;
    }

    /** The forms of one dossier, with the name they go by in addresses and files. */
    public enum Kind {
        RECEIPT("mau-01"), SUPPLEMENT_REQUEST("mau-02"), REFUSAL("mau-03"), APOLOGY("mau-04"),
        PROCESS_CONTROL("mau-05");

        private final String slug;

        Kind(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }

        public static Kind ofSlug(String slug) {
            for (Kind kind : values()) {
                if (kind.slug.equals(slug)) {
                    return kind;
                }
            }
            throw Problem.invalid("form", "Không có biểu mẫu " + slug + " / No such form: " + slug);
        }
    }

    /** Mẫu 01–05 of dossier {@code code}, from its events; a conflict when the form does not apply yet. */
    public OneStopForm form(String code, Kind kind) {
        return form(timeline(code), kind);
    }

    /** Mẫu 01–05 of the dossier whose history is {@code timeline}. */
    public OneStopForm form(DossierTimeline timeline, Kind kind) {
        return switch (kind) {
            case RECEIPT -> receipt(timeline);
            case SUPPLEMENT_REQUEST -> supplementRequest(timeline);
            case REFUSAL -> refusal(timeline);
            case APOLOGY -> apology(timeline);
            case PROCESS_CONTROL -> processControl(timeline);
        };
    }

    /**
     * Mẫu 06 for the dossiers submitted from {@code from} to {@code to} (both included, in the agency's time
     * zone), oldest first, of one unit or of every unit when {@code unitId} is null; judged as they stand now.
     */
    public DossierRegister register(String unitId, LocalDate from, LocalDate to) {
        ZoneId zone = properties.zone();
        List<DossierSummary> dossiers = registry.receivedBetween(unitId, from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), REGISTER_LIMIT + 1);
        if (dossiers.size() > REGISTER_LIMIT) {
            throw Problem.invalid("to", "Kỳ này có hơn " + REGISTER_LIMIT + " hồ sơ, hãy chọn kỳ ngắn hơn / "
                    + "More than " + REGISTER_LIMIT + " dossiers in this period: choose a shorter one");
        }
        Instant now = clock.instant();
        List<RegisterEntry> entries = new ArrayList<>();
        for (DossierSummary dossier : dossiers) {
            entries.add(registerEntry(timeline(dossier.code()), now));
        }
        return new DossierRegister(unitId == null ? "Tất cả đơn vị" : agency(unitId), from, to, entries);
    }

    /**
     * One line of Mẫu 06: the dossier as it stands at {@code now}. The dossier reaches the handling side when its
     * handler is assigned; it "has a result or a supplement request" when it is decided, or else when the handler
     * last asked for a supplement.
     */
    public RegisterEntry registerEntry(DossierTimeline timeline, Instant now) {
        FormApplicant applicant = applicant(timeline);
        Instant transferred = first(timeline, DossierEvent.HandlerAssigned.class).map(DossierEvent::at).orElse(null);
        Instant result = timeline.finishedAt() != null ? timeline.finishedAt()
                : last(timeline, SupplementRequestedInAppraisal.class).map(DossierEvent::at).orElse(null);
        return new RegisterEntry(timeline.code(), procedureName(timeline), applicant.fullName(), contact(applicant),
                agency(timeline.unitId()), timeline.submittedAt(), timeline.appointedDate(), transferred, result,
                timeline.returnedAt(), timeline.status().labelVi(), Timeliness.of(onTime.judge(timeline, now)));
    }

    /** "Số 1 Tràng Tiền, Hà Nội; 0912345678", or what is known of it. */
    private static String contact(FormApplicant applicant) {
        List<String> parts = new ArrayList<>();
        if (applicant.address() != null && !applicant.address().isBlank()) {
            parts.add(applicant.address().strip());
        }
        if (applicant.phone() != null && !applicant.phone().isBlank()) {
            parts.add(applicant.phone().strip());
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static <E extends DossierEvent> Optional<E> first(DossierTimeline timeline, Class<E> type) {
        return timeline.entries().stream().map(DossierTimeline.Entry::event).filter(type::isInstance).map(type::cast)
                .findFirst();
    }

    /** The number and symbol of the dossier's apology letter, Mẫu 04 (see the class comment). */
    public String apologyNumber(DossierTimeline timeline) {
        String code = timeline.code();
        // <agency id>-<YYMMDD>-<NNNN>: the agency id has no '-', the rest is 11 characters
        String number = code.substring(code.length() - "YYMMDD-NNNN".length());
        String issuer = properties.unit(timeline.unitId()).map(MotcuaProperties.OrgUnit::abbreviation)
                .filter(abbreviation -> !abbreviation.isBlank()).map(abbreviation -> "-" + abbreviation.strip())
                .orElse("");
        return number + "/" + APOLOGY_TYPE + issuer;
    }

    // ---- Mẫu 01–05 --------------------------------------------------------------------------------------------

    private ReceiptForm receipt(DossierTimeline timeline) {
        DossierAccepted accepted = last(timeline, DossierAccepted.class).orElseThrow(() -> notApplicable(
                Kind.RECEIPT, "hồ sơ chưa được tiếp nhận / the dossier has not been accepted"));
        Optional<Procedure> procedure = catalogue.find(timeline.procedureCode());
        List<ReceivedDocument> documents = receivedDocuments(timeline);
        String agency = agency(timeline.unitId());
        return new ReceiptForm(agency, timeline.code(), procedureName(timeline), applicant(timeline), documents,
                procedure.map(p -> p.timeLimit().days()).orElse(0),
                procedure.map(p -> p.timeLimit().count() == DayCount.WORKING_DAYS).orElse(true),
                accepted.at(), timeline.dueDate(),
                OneStopForms.ONE_STOP_DEPARTMENT + ", " + agency + ", hoặc trực tuyến trên Cổng dịch vụ công",
                feeRequested(timeline, procedure), name(accepted.actor()),
                procedure.map(Procedure::unverified).orElse(List.of()));
    }

    /**
     * The fee Mẫu 01 states: what was requested of this applicant (the catalogue's fee less a reduction they claimed
     * with evidence), else the catalogue's fee.
     */
    private static long feeRequested(DossierTimeline timeline, Optional<Procedure> procedure) {
        return timeline.feeRequested().map(DossierEvent.PaymentRequested::amountVnd)
                .orElseGet(() -> procedure.map(Procedure::feeVnd).orElse(0L));
    }

    /**
     * What Mẫu 01 lists as received ("Thành phần hồ sơ nộp gồm", Circular 01/2018/TT-VPCP Mẫu 01): the documents
     * the applicant actually handed in up to the receipt — those submitted and those supplemented at reception —
     * not the catalogue's list of what a complete dossier should hold. Each file once (by its SHA-256), named as
     * it was uploaded. A file uploaded online is an electronic copy whose kind (original, certified copy,
     * photocopy) nobody declared, so no count is printed for it rather than a guess.
     */
    static List<ReceivedDocument> receivedDocuments(DossierTimeline timeline) {
        int receipt = lastIndex(timeline, DossierAccepted.class);
        Map<String, ReceivedDocument> received = new LinkedHashMap<>();
        for (int i = 0; i <= receipt; i++) {
            DossierEvent event = timeline.entries().get(i).event();
            boolean fromTheApplicant = event instanceof DossierEvent.DossierSubmitted
                    || event instanceof DossierEvent.SupplementProvided provided
                    && provided.stage() == DossierEvent.Stage.RECEPTION;
            if (!fromTheApplicant || event.documents() == null) {
                continue;
            }
            for (AttachedDocument document : event.documents()) {
                String name = document.fileName() == null || document.fileName().isBlank() ? "Tệp đính kèm"
                        : document.fileName();
                received.putIfAbsent(document.sha256() == null ? name : document.sha256(),
                        ReceivedDocument.electronic(name));
            }
        }
        return List.copyOf(received.values());
    }

    /** At reception or during appraisal: the same form, with the items asked for and the reason. */
    private SupplementRequestForm supplementRequest(DossierTimeline timeline) {
        DossierEvent requested = last(timeline, DossierEvent.class,
                e -> e instanceof SupplementRequested || e instanceof SupplementRequestedInAppraisal)
                .orElseThrow(() -> notApplicable(Kind.SUPPLEMENT_REQUEST,
                        "chưa có yêu cầu bổ sung hồ sơ / no supplement has been requested"));
        List<String> items = switch (requested) {
            case SupplementRequested e -> e.items();
            case SupplementRequestedInAppraisal e -> e.items();
            default -> List.of();
        };
        return new SupplementRequestForm(agency(timeline.unitId()), timeline.code(), procedureName(timeline),
                applicant(timeline), items, requested.comment(), requested.at(), name(requested.actor()));
    }

    private RefusalForm refusal(DossierTimeline timeline) {
        DossierRefused refused = last(timeline, DossierRefused.class).orElseThrow(() -> notApplicable(Kind.REFUSAL,
                "hồ sơ không bị từ chối tiếp nhận / the dossier was not refused"));
        return new RefusalForm(agency(timeline.unitId()), timeline.code(), procedureName(timeline),
                applicant(timeline), refused.comment(), refused.at(), name(refused.actor()));
    }

    /**
     * Mẫu 04. The unit that caused the delay is the one the head named (a unit id is written as the unit's
     * name); when none was named, the dossier's own unit, which answers for its dossiers.
     */
    private ApologyForm apology(DossierTimeline timeline) {
        int index = lastIndex(timeline, DelayApologised.class);
        if (index < 0) {
            throw notApplicable(Kind.APOLOGY,
                    "chưa có phiếu xin lỗi và hẹn lại ngày trả kết quả / no apology has been made");
        }
        DelayApologised apology = (DelayApologised) timeline.entries().get(index).event();
        LocalDate original = apology.previousAppointedDate() != null ? apology.previousAppointedDate()
                : index == 0 ? null : timeline.entries().get(index - 1).appointedDate();
        String delayingUnit = apology.causingUnit() == null || apology.causingUnit().isBlank()
                ? agency(timeline.unitId()) : agency(apology.causingUnit().strip());
        Instant received = timeline.receivedAt() != null ? timeline.receivedAt() : timeline.submittedAt();
        return new ApologyForm(agency(timeline.unitId()), apologyNumber(timeline), timeline.code(),
                procedureName(timeline), applicant(timeline).fullName(), received, original, delayingUnit,
                apology.comment(), apology.appointedReturnDate(), apology.at(), name(apology.actor()),
                properties.unit(timeline.unitId()).map(MotcuaProperties.OrgUnit::superior)
                        .filter(superior -> !superior.isBlank()).orElse(null));
    }

    /** Mẫu 05: one row per event, each judged by {@link OnTimeRule#judgeStep} on the history up to it. */
    private ProcessControlForm processControl(DossierTimeline timeline) {
        FormApplicant applicant = applicant(timeline);
        List<DossierTimeline.Entry> entries = timeline.entries();
        List<HandOver> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            DossierEvent event = entries.get(i).event();
            String to = nextPerson(entries, i).orElseGet(() -> switch (event) {
                case ResultReturned e -> applicant.fullName() + " (Người nộp hồ sơ)";
                case DossierRefused e -> applicant.fullName() + " (Người nộp hồ sơ)";
                default -> null;
            });
            String what = event.comment() == null || event.comment().isBlank() ? event.labelVi()
                    : event.labelVi() + ": " + event.comment();
            DossierTimeline upToHere = DossierTimeline.ofEvents(entries.subList(0, i + 1).stream()
                    .map(DossierTimeline.Entry::event).toList());
            rows.add(new HandOver(what, party(event.actor()), to, event.at(),
                    Timeliness.of(onTime.judgeStep(upToHere).verdict())));
        }
        return new ProcessControlForm(agency(timeline.unitId()), timeline.code(), procedureName(timeline),
                applicant.fullName(), timeline.dueDate(), rows);
    }

    // ---- reading the history -----------------------------------------------------------------------------------

    private DossierTimeline timeline(String code) {
        List<DossierTimeline.Stored> events = DossierTimeline.read(eventStore, code, Long.MAX_VALUE);
        if (events.isEmpty()) {
            throw Problem.notFound("dossier", "Không có hồ sơ " + code + " / No dossier " + code);
        }
        return DossierTimeline.of(events);
    }

    private static <E extends DossierEvent> Optional<E> last(DossierTimeline timeline, Class<E> type) {
        return last(timeline, type, type::isInstance);
    }

    private static <E extends DossierEvent> Optional<E> last(DossierTimeline timeline, Class<E> type,
                                                           Predicate<DossierEvent> which) {
        List<DossierTimeline.Entry> entries = timeline.entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            DossierEvent event = entries.get(i).event();
            if (which.test(event)) {
                return Optional.of(type.cast(event));
            }
        }
        return Optional.empty();
    }

    private static int lastIndex(DossierTimeline timeline, Class<? extends DossierEvent> type) {
        for (int i = timeline.entries().size() - 1; i >= 0; i--) {
            if (type.isInstance(timeline.entries().get(i).event())) {
                return i;
            }
        }
        return -1;
    }

    /** Who takes the next step after entry {@code i}: the next person, not a timer of the system. */
    private static Optional<String> nextPerson(List<DossierTimeline.Entry> entries, int i) {
        return entries.subList(i + 1, entries.size()).stream().map(DossierTimeline.Entry::event)
                .filter(event -> event.actor() != null && event.actor().role() != Role.SYSTEM)
                .findFirst().map(event -> party(event.actor()));
    }

    /** The applicant as submitted; without a name, the owner's account stands in for it. */
    private static FormApplicant applicant(DossierTimeline timeline) {
        Applicant applicant = timeline.applicant();
        if (applicant == null) {
            return new FormApplicant(timeline.ownerId(), null, null, null, null);
        }
        String name = applicant.fullName() == null || applicant.fullName().isBlank() ? timeline.ownerId()
                : applicant.fullName();
        return new FormApplicant(name, applicant.address(), applicant.phone(), applicant.email(),
                applicant.idNumber(), applicant.taxCode());
    }

    private static String name(Actor actor) {
        if (actor == null) {
            return null;
        }
        return actor.name() == null || actor.name().isBlank() ? actor.id() : actor.name();
    }

    /** "Lê Thị Thu (Cán bộ Bộ phận Một cửa)": who, in which role. */
    private static String party(Actor actor) {
        if (actor == null || actor.role() == Role.SYSTEM) {
            return Role.SYSTEM.labelVi();
        }
        return name(actor) + " (" + actor.role().labelVi() + ")";
    }

    private String agency(String unitId) {
        return properties.unit(unitId).map(MotcuaProperties.OrgUnit::name).orElse(unitId);
    }

    private String procedureName(DossierTimeline timeline) {
        return catalogue.find(timeline.procedureCode()).map(Procedure::name).orElse(timeline.procedureCode());
    }

    private static Problem notApplicable(Kind form, String why) {
        return new Problem(Problem.Kind.CONFLICT, "form-not-applicable", "Biểu mẫu chưa áp dụng cho hồ sơ này",
                "Form not applicable to this dossier", "Không lập được " + form.slug() + ": " + why, "form");
    }
}
