package vn.motcua.portal.api;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.history.DossierHistory;
import vn.motcua.engine.history.Step;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.problem.Problem;
import vn.motcua.engine.registry.DossierAccess;
import vn.motcua.engine.registry.DossierRegistry;
import vn.motcua.engine.registry.DossierSummary;
import vn.motcua.eoffice.forms.ApologyForm;
import vn.motcua.eoffice.forms.DossierRegister;
import vn.motcua.eoffice.forms.FormApplicant;
import vn.motcua.eoffice.forms.HandOver;
import vn.motcua.eoffice.forms.OneStopForm;
import vn.motcua.eoffice.forms.OneStopForms;
import vn.motcua.eoffice.forms.ProcessControlForm;
import vn.motcua.eoffice.forms.ReceiptForm;
import vn.motcua.eoffice.forms.ReceivedDocument;
import vn.motcua.eoffice.forms.RefusalForm;
import vn.motcua.eoffice.forms.RegisterEntry;
import vn.motcua.eoffice.forms.SignedForms;
import vn.motcua.eoffice.forms.SupplementRequestForm;
import vn.motcua.eoffice.forms.Timeliness;
import vn.motcua.process.DayCount;
import vn.motcua.process.Procedure;
import vn.motcua.process.ProcedureCatalogue;

/**
 * The forms of Circular 01/2018/TT-VPCP as PDF, filled from the event store: Mẫu 01–05 for one dossier, to
 * whoever may read it, and the dossier register (Mẫu 06) for a period, to officials (their unit) and
 * inspectors (any unit). Steps are read generically by their type and details, so new kinds of step appear in
 * Mẫu 05 without a change here.
 *
 * <p>Appointments: the appointed return date in force is the latest {@code appointedReturnDate} recorded by any
 * step except an apology ({@code DelayApologised}): acceptance sets it, and a payment or a supplement during
 * appraisal may set it again because the time limit counts from there; an apology announces a new date (Mẫu 04)
 * but does not move the deadline a step is judged against. A hand-over in Mẫu 05 is late when it happened, in
 * the agency's time zone, after the appointed return date in force at that moment.
 *
 * <p>Every PDF is the agency's signed copy, kept in the system ({@link SignedForms}: PAdES B-T with the seal of
 * the dossier's unit, or of the register's unit for Mẫu 06): the same form asked for again is the same file, and
 * its SHA-256 is the {@code ETag}. A register PDF is therefore one unit's register; inspectors who want every
 * unit at once get the CSV, which is data and not signed.
 */
@RestController
@Validated
@RequestMapping("/api/v1")
@Tag(name = "Biểu mẫu / Forms (Circular 01/2018/TT-VPCP)")
public class FormsController {

    private static final String CODE = "[0-9A-Za-z.]{1,40}-\\d{6}-\\d{4}";
    /** More lines than a register page run is worth; beyond it, ask for a shorter period. */
    static final int REGISTER_LIMIT = 5000;
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private static final String SUBMITTED = "DossierSubmitted";
    private static final String ACCEPTED = "DossierAccepted";
    private static final String SUPPLEMENT_REQUESTED = "SupplementRequested";
    private static final String REFUSED = "DossierRefused";
    private static final String APOLOGISED = "DelayApologised";
    private static final String RESULT_RETURNED = "ResultReturned";

    private final DossierAccess access;
    private final DossierHistory history;
    private final DossierRegistry registry;
    private final ProcedureCatalogue catalogue;
    private final MotcuaProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private final OneStopForms forms;
    private final SignedForms signedForms;

    public FormsController(DossierAccess access, DossierHistory history, DossierRegistry registry,
                           ProcedureCatalogue catalogue, MotcuaProperties properties, ObjectMapper json, Clock clock,
                           SignedForms signedForms) {
        this.access = access;
        this.history = history;
        this.registry = registry;
        this.catalogue = catalogue;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.forms = new OneStopForms(properties.zone());
        this.signedForms = signedForms;
    }

    @Operation(summary = "Biểu mẫu của hồ sơ (Mẫu 01–05) / A form of the dossier as PDF",
            description = "mau-01 receipt and appointment (after acceptance), mau-02 supplement request, mau-03 "
                    + "refusal, mau-04 apology and new date (after the step exists; 409 before), mau-05 process "
                    + "control form (always). Readable by the owner, the unit's officials and inspectors. Signed by "
                    + "the agency (PAdES B-T, its seal); the same file until a step changes the form.")
    @GetMapping(path = "/dossiers/{code}/forms/{form}", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> form(@PathVariable @Pattern(regexp = CODE) String code,
                                       @PathVariable @Pattern(regexp = "mau-0[1-5]") String form,
                                       @Parameter(hidden = true) Identity who) {
        DossierSummary dossier = access.readable(code, who);
        List<Step> steps = history.of(code);
        OneStopForm filled = switch (form) {
            case "mau-01" -> receipt(dossier, steps);
            case "mau-02" -> supplementRequest(dossier, steps);
            case "mau-03" -> refusal(dossier, steps);
            case "mau-04" -> apology(dossier, steps);
            default -> processControl(dossier, steps);
        };
        SignedForms.Signed signed = signedForms.dossierForm(filled, dossier.unitId());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).eTag(signed.sha256())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(code + "-" + form + ".pdf").build().toString())
                .body(signed.pdf());
    }

    @Operation(summary = "Sổ theo dõi hồ sơ (Mẫu 06) / The dossier register of a period, as PDF or CSV",
            description = "Dossiers received from 'from' to 'to' (both included, Vietnam time), oldest first. "
                    + "Officials get their own unit; inspectors every unit, or one with 'unitId'. CSV is UTF-8 "
                    + "with a byte-order mark. On time: the result was returned on or before the appointed date. "
                    + "The PDF is one unit's register signed with its seal (inspectors name the unit); the CSV is "
                    + "unsigned data.")
    @GetMapping(path = "/reports/dossier-register", produces = {MediaType.APPLICATION_PDF_VALUE, "text/csv"})
    public ResponseEntity<byte[]> register(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "pdf") @Pattern(regexp = "pdf|csv") String format,
            @RequestParam(required = false) @Size(max = 64) String unitId,
            @Parameter(hidden = true) Identity who) {
        String unit = unitId == null || unitId.isBlank() ? null : unitId.strip();
        if (!who.has(Role.INSPECTOR)) {
            if (!who.isOfficial() || who.unitId() == null) {
                throw Problem.forbidden("Chỉ cán bộ và thanh tra được xem sổ theo dõi hồ sơ / "
                        + "Only officials and inspectors see the dossier register");
            }
            if (unit != null && !unit.equals(who.unitId())) {
                throw Problem.forbidden("Cán bộ chỉ xem sổ của đơn vị mình / Officials see their own unit's register");
            }
            unit = who.unitId();
        }
        if (to.isBefore(from)) {
            throw Problem.invalid("to", "Ngày kết thúc phải không trước ngày bắt đầu / The period must not end before it starts");
        }
        boolean pdf = "pdf".equals(format);
        if (pdf && unit == null) {
            throw Problem.invalid("unitId", "Bản PDF là sổ của một đơn vị, được ký số bằng con dấu của đơn vị đó: hãy "
                    + "chọn đơn vị, hoặc lấy sổ mọi đơn vị dạng CSV / The PDF is one unit's register, signed with its "
                    + "seal: choose the unit, or take every unit's register as CSV");
        }
        if (pdf && properties.unit(unit).isEmpty()) {
            throw Problem.invalid("unitId", "Không có đơn vị " + unit + " / No such unit: " + unit);
        }
        ZoneId zone = properties.zone();
        List<DossierSummary> dossiers = registry.receivedBetween(unit, from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), REGISTER_LIMIT + 1);
        if (dossiers.size() > REGISTER_LIMIT) {
            throw Problem.invalid("to", "Kỳ này có hơn " + REGISTER_LIMIT + " hồ sơ, hãy chọn kỳ ngắn hơn / "
                    + "More than " + REGISTER_LIMIT + " dossiers in this period: choose a shorter one");
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<RegisterEntry> entries = new ArrayList<>();
        for (DossierSummary dossier : dossiers) {
            Instant returned = last(history.of(dossier.code()), RESULT_RETURNED::equals).map(Step::at).orElse(null);
            entries.add(new RegisterEntry(dossier.code(), procedureName(dossier), dossier.applicantName(),
                    dossier.submittedAt(), dossier.appointedReturnDate(), returned, dossier.status().labelVi(),
                    Timeliness.ofDossier(dossier.appointedReturnDate(), returned, dossier.status().isClosed(), today,
                            zone)));
        }
        DossierRegister register = new DossierRegister(unit == null ? "Tất cả đơn vị" : agency(unit), from, to,
                entries);
        String fileName = "so-theo-doi-ho-so_" + (unit == null ? "" : unit + "_") + from + "_" + to + "." + format;
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
        if (!pdf) {
            return ok.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(forms.registerCsv(register));
        }
        SignedForms.Signed signed = signedForms.register(register, unit);
        return ok.contentType(MediaType.APPLICATION_PDF).eTag(signed.sha256()).body(signed.pdf());
    }

    // ---- Mẫu 01–05 from the history ----------------------------------------------------------------------------

    private ReceiptForm receipt(DossierSummary dossier, List<Step> steps) {
        Step accepted = last(steps, ACCEPTED::equals).orElseThrow(() -> notApplicable("mau-01",
                "hồ sơ chưa được tiếp nhận / the dossier has not been accepted"));
        Optional<Procedure> procedure = catalogue.find(dossier.procedureCode());
        List<ReceivedDocument> documents = procedure.map(p -> p.requiredDocuments().stream()
                .map(d -> new ReceivedDocument(d.name(), d.originals(), d.copies(), 0)).toList())
                .orElse(List.of());
        String agency = agency(dossier.unitId());
        return new ReceiptForm(agency, dossier.code(), procedureName(dossier), applicant(dossier, steps), documents,
                procedure.map(p -> p.timeLimit().days()).orElse(0),
                procedure.map(p -> p.timeLimit().count() == DayCount.WORKING_DAYS).orElse(true),
                accepted.at(), appointmentInForce(steps, steps.size()),
                "Bộ phận tiếp nhận và trả kết quả, " + agency + ", hoặc trực tuyến trên Cổng dịch vụ công",
                procedure.map(Procedure::feeVnd).orElse(0L), name(accepted.actor()));
    }

    private SupplementRequestForm supplementRequest(DossierSummary dossier, List<Step> steps) {
        // at reception (SupplementRequested) or during appraisal (SupplementRequestedInAppraisal): the same form
        Step requested = last(steps, type -> type.startsWith(SUPPLEMENT_REQUESTED)).orElseThrow(() -> notApplicable(
                "mau-02", "chưa có yêu cầu bổ sung hồ sơ / no supplement has been requested"));
        Object items = details(requested).get("items");
        List<String> list = items instanceof List<?> values ? values.stream().map(String::valueOf).toList() : List.of();
        return new SupplementRequestForm(agency(dossier.unitId()), dossier.code(), procedureName(dossier),
                applicant(dossier, steps), list, requested.comment(), requested.at(), name(requested.actor()));
    }

    private RefusalForm refusal(DossierSummary dossier, List<Step> steps) {
        Step refused = last(steps, REFUSED::equals).orElseThrow(() -> notApplicable("mau-03",
                "hồ sơ không bị từ chối tiếp nhận / the dossier was not refused"));
        return new RefusalForm(agency(dossier.unitId()), dossier.code(), procedureName(dossier),
                applicant(dossier, steps), refused.comment(), refused.at(), name(refused.actor()));
    }

    private ApologyForm apology(DossierSummary dossier, List<Step> steps) {
        int index = lastIndex(steps, APOLOGISED::equals);
        if (index < 0) {
            throw notApplicable("mau-04", "chưa có phiếu xin lỗi và hẹn lại ngày trả kết quả / no apology has been made");
        }
        Step apology = steps.get(index);
        Map<String, Object> details = details(apology);
        LocalDate newDate = date(first(details, "appointedReturnDate", "newAppointedReturnDate", "newDate"));
        if (newDate == null) {
            throw notApplicable("mau-04", "bước xin lỗi không ghi ngày hẹn mới / the apology records no new date");
        }
        LocalDate previous = Optional.ofNullable(date(first(details, "previousAppointedDate",
                "originalAppointedReturnDate"))).orElseGet(() -> appointmentInForce(steps, index));
        Object causing = first(details, "causingUnit", "delayingUnit", "causingUnitId");
        String delayingUnit = causing == null ? null : agency(String.valueOf(causing));
        Object reason = first(details, "reason");
        Object number = first(details, "documentNumber", "number");
        Instant received = last(steps, ACCEPTED::equals).map(Step::at).orElse(dossier.submittedAt());
        return new ApologyForm(agency(dossier.unitId()), number == null ? null : String.valueOf(number),
                dossier.code(), procedureName(dossier), applicant(dossier, steps).fullName(), received, previous,
                delayingUnit, reason == null ? apology.comment() : String.valueOf(reason), newDate, apology.at(),
                name(apology.actor()));
    }

    private ProcessControlForm processControl(DossierSummary dossier, List<Step> steps) {
        ZoneId zone = properties.zone();
        FormApplicant applicant = applicant(dossier, steps);
        List<HandOver> rows = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String to = nextPerson(steps, i).orElseGet(() -> switch (step.type()) {
                case RESULT_RETURNED, REFUSED -> applicant.fullName() + " (Người nộp hồ sơ)";
                default -> null;
            });
            String what = step.comment() == null || step.comment().isBlank() ? step.labelVi()
                    : step.labelVi() + ": " + step.comment();
            rows.add(new HandOver(what, party(step.actor()), to, step.at(),
                    Timeliness.ofStep(step.at(), appointmentInForce(steps, i + 1), zone)));
        }
        return new ProcessControlForm(agency(dossier.unitId()), dossier.code(), procedureName(dossier),
                applicant.fullName(), appointmentInForce(steps, steps.size()), rows);
    }

    // ---- reading steps ----------------------------------------------------------------------------------------

    /** The appointed return date in force after the first {@code count} steps (see the class comment). */
    private LocalDate appointmentInForce(List<Step> steps, int count) {
        LocalDate appointed = null;
        for (Step step : steps.subList(0, count)) {
            if (!APOLOGISED.equals(step.type())) {
                LocalDate date = date(details(step).get("appointedReturnDate"));
                appointed = date == null ? appointed : date;
            }
        }
        return appointed;
    }

    /** Who takes the next step after step {@code i}: the next person, not a timer of the system. */
    private static Optional<String> nextPerson(List<Step> steps, int i) {
        return steps.subList(i + 1, steps.size()).stream()
                .filter(step -> step.actor() != null && step.actor().role() != Role.SYSTEM)
                .findFirst().map(step -> party(step.actor()));
    }

    private FormApplicant applicant(DossierSummary dossier, List<Step> steps) {
        Map<String, Object> submitted = last(steps, SUBMITTED::equals).map(this::details).orElse(Map.of());
        if (submitted.get("applicant") instanceof Map<?, ?> person) {
            Object fullName = person.get("fullName");
            return new FormApplicant(fullName == null ? fallbackName(dossier) : String.valueOf(fullName),
                    text(person.get("address")), text(person.get("phone")), text(person.get("email")),
                    text(person.get("idNumber")));
        }
        return new FormApplicant(fallbackName(dossier), null, null, null, null);
    }

    private static String fallbackName(DossierSummary dossier) {
        return dossier.applicantName() == null || dossier.applicantName().isBlank() ? dossier.ownerId()
                : dossier.applicantName();
    }

    private Map<String, Object> details(Step step) {
        if (step.details() == null) {
            return Map.of();
        }
        try {
            Map<String, Object> details = json.convertValue(step.details(), DETAILS);
            return details == null ? Map.of() : details;
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }

    private static Object first(Map<String, Object> details, String... keys) {
        for (String key : keys) {
            Object value = details.get(key);
            if (value != null && !String.valueOf(value).isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static LocalDate date(Object value) {
        try {
            return switch (value) {
                case null -> null;
                case LocalDate date -> date;
                case String text when text.length() >= 10 -> LocalDate.parse(text.substring(0, 10));
                case List<?> parts when parts.size() == 3 -> LocalDate.of(((Number) parts.get(0)).intValue(),
                        ((Number) parts.get(1)).intValue(), ((Number) parts.get(2)).intValue());
                default -> null;
            };
        } catch (DateTimeParseException | ClassCastException e) {
            return null;
        }
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static Optional<Step> last(List<Step> steps, Predicate<String> type) {
        int index = lastIndex(steps, type);
        return index < 0 ? Optional.empty() : Optional.of(steps.get(index));
    }

    private static int lastIndex(List<Step> steps, Predicate<String> type) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (type.test(steps.get(i).type())) {
                return i;
            }
        }
        return -1;
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

    private String procedureName(DossierSummary dossier) {
        return catalogue.find(dossier.procedureCode()).map(Procedure::name).orElse(dossier.procedureCode());
    }

    private static Problem notApplicable(String form, String why) {
        return new Problem(Problem.Kind.CONFLICT, "form-not-applicable", "Biểu mẫu chưa áp dụng cho hồ sơ này",
                "Form not applicable to this dossier", "Không lập được " + form + ": " + why, "form");
    }
}
