package vn.motcua.portal.api;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.motcua.engine.dossier.code.DossierCodes;
import vn.motcua.engine.access.AccessCheck;
import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.problem.Problem;
import vn.motcua.engine.dossier.registry.DossierPolicy;
import vn.motcua.engine.dossier.registry.DossierRegistry;
import vn.motcua.engine.dossier.registry.DossierSummary;
import vn.motcua.eoffice.forms.DossierForms;
import vn.motcua.eoffice.forms.DossierRegister;
import vn.motcua.eoffice.forms.OneStopForms;
import vn.motcua.eoffice.forms.SignedForms;

/**
 * The forms of Circular 01/2018/TT-VPCP as PDF: Mẫu 01–05 for one dossier, to whoever may read it, and the
 * dossier register (Mẫu 06) for a period, to officials (their unit) and inspectors (any unit). This class checks
 * the input and who asks; {@link DossierForms} fills the forms from the dossier's events, {@link SignedForms}
 * issues them signed by the agency and kept (the same form asked for again is the same file, its SHA-256 the
 * {@code ETag}). A register PDF is one unit's register; inspectors who want every unit at once get the CSV, which
 * is data and not signed.
 */
@RestController
@Validated
@RequestMapping("/api/v1")
@Tag(name = "Biểu mẫu / Forms (Circular 01/2018/TT-VPCP)")
public class FormsController {

    private static final String CODE = DossierCodes.PATTERN;

    private final DossierPolicy policy;
    private final DossierRegistry registry;
    private final DossierForms dossierForms;
    private final OneStopForms forms;
    private final SignedForms signedForms;
    private final MotcuaProperties properties;

    public FormsController(DossierPolicy policy, DossierRegistry registry, DossierForms dossierForms,
                           OneStopForms forms, SignedForms signedForms, MotcuaProperties properties) {
        this.policy = policy;
        this.registry = registry;
        this.dossierForms = dossierForms;
        this.forms = forms;
        this.signedForms = signedForms;
        this.properties = properties;
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
        DossierSummary dossier = AccessCheck.toSee(policy, who, code, registry.find(code));
        DossierForms.Kind kind = DossierForms.Kind.ofSlug(form);
        SignedForms.Signed signed = signedForms.dossierForm(dossierForms.form(dossier.code(), kind), dossier.unitId());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).eTag(signed.sha256())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(code + "-" + form + ".pdf").build().toString())
                .body(signed.pdf());
    }

    @Operation(summary = "Sổ theo dõi hồ sơ (Mẫu 06) / The dossier register of a period, as PDF or CSV",
            description = "Dossiers received from 'from' to 'to' (both included, Vietnam time), oldest first. "
                    + "Officials get their own unit; inspectors every unit, or one with 'unitId'. CSV is UTF-8 "
                    + "with a byte-order mark. On time / late as in the reports: processing finished on or before the "
                    + "due date, the applicant's supplementing not counted, more than one supplement request late; an "
                    + "open dossier is late once its due date has passed. "
                    + "The PDF is one unit's register signed with its seal (inspectors name the unit); the CSV is "
                    + "unsigned data.")
    @GetMapping(path = "/reports/dossier-register", produces = {MediaType.APPLICATION_PDF_VALUE, "text/csv"})
    public ResponseEntity<byte[]> register(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "pdf") @Pattern(regexp = "pdf|csv") String format,
            @RequestParam(required = false) @Size(max = 64) String unitId,
            @Parameter(hidden = true) Identity who) {
        String unit = AccessCheck.unitScope(policy, who, unitId == null || unitId.isBlank() ? null : unitId.strip());
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
        DossierRegister register = dossierForms.register(unit, from, to);
        String fileName = "so-theo-doi-ho-so_" + (unit == null ? "" : unit + "_") + from + "_" + to + "." + format;
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
        if (!pdf) {
            return ok.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(forms.registerCsv(register));
        }
        SignedForms.Signed signed = signedForms.register(register, unit);
        return ok.contentType(MediaType.APPLICATION_PDF).eTag(signed.sha256()).body(signed.pdf());
    }
}
