package vn.motcua.portal.web.citizen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.engine.access.AccessCheck;
import vn.motcua.engine.document.Upload;
import vn.motcua.engine.dossier.DossierStatus;
import vn.motcua.engine.dossier.code.DossierCodes;
import vn.motcua.engine.dossier.history.DossierHistory;
import vn.motcua.engine.dossier.history.Step;
import vn.motcua.engine.dossier.process.DossierWorkflow;
import vn.motcua.engine.dossier.registry.DossierPolicy;
import vn.motcua.engine.dossier.registry.DossierRegistry;
import vn.motcua.engine.dossier.registry.DossierSummary;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.payment.PaymentOrder;
import vn.motcua.engine.payment.PaymentOrders;
import vn.motcua.engine.payment.PaymentStatus;
import vn.motcua.engine.payment.Payments;
import vn.motcua.engine.problem.Problem;
import vn.motcua.eoffice.forms.DossierForms;
import vn.motcua.eoffice.forms.SignedForms;
import vn.motcua.portal.api.DossierController;
import vn.motcua.process.ProcedureCatalogue;

/**
 * The applicant's own dossiers: the list, and one dossier with its status, its steps (read from the event store,
 * {@link DossierHistory}, so that a step just taken shows at once), its appointed date and documents, and what it
 * allows now — supplementing what reception asked for, paying the fee online, the receipt and appointment
 * (Mẫu 01, Circular 01/2018/TT-VPCP), the signed result, rating the service, withdrawing. Every act goes through
 * the engine's service with the person's identity, as the API's does; the engine decides whether it is allowed.
 */
@Controller
@RequestMapping("/my/dossiers")
public class MyDossierPages {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final int PAGE = 50;

    private final DossierRegistry registry;
    private final DossierPolicy policy;
    private final DossierHistory history;
    private final DossierWorkflow workflow;
    private final ProcedureCatalogue catalogue;
    private final Payments payments;
    private final PaymentOrders orders;
    private final DossierForms dossierForms;
    private final SignedForms signedForms;
    private final DossierController dossiers;

    public MyDossierPages(DossierRegistry registry, DossierPolicy policy, DossierHistory history,
                          DossierWorkflow workflow, ProcedureCatalogue catalogue, Payments payments,
                          PaymentOrders orders, DossierForms dossierForms, SignedForms signedForms,
                          DossierController dossiers) {
        this.registry = registry;
        this.policy = policy;
        this.history = history;
        this.workflow = workflow;
        this.catalogue = catalogue;
        this.payments = payments;
        this.orders = orders;
        this.dossierForms = dossierForms;
        this.signedForms = signedForms;
        this.dossiers = dossiers;
    }

    /** A line of the list. */
    public record Line(DossierSummary dossier, String procedureName, String submittedOn) {
    }

    @GetMapping
    public String list(@RequestParam(defaultValue = "0") int page, Identity who, Model model) {
        int from = Math.max(0, Math.min(page, 1000));
        List<DossierSummary> mine = registry.within(AccessCheck.scope(policy, who), PAGE + 1, from * PAGE);
        model.addAttribute("lines", mine.stream().limit(PAGE).map(dossier -> new Line(dossier,
                procedureName(dossier.procedureCode()), when(dossier.submittedAt()))).toList());
        model.addAttribute("page", from);
        model.addAttribute("hasNext", mine.size() > PAGE);
        return "citizen/dossiers";
    }

    /** A step of the timeline. */
    public record StepView(String type, String label, String when, String actor, String comment,
                           List<vn.motcua.engine.document.AttachedDocument> documents) {
    }

    /** A document of the dossier with the step it came with. */
    public record DocumentView(String fileName, String sha256, long size, String step, String when) {
    }

    @GetMapping("/{code}")
    public String dossier(@PathVariable String code, @RequestParam(required = false) String payment, Identity who,
                          Locale locale, Model model) {
        DossierSummary dossier = visible(code, who);
        List<Step> steps = history.of(dossier.code());
        List<StepView> timeline = new ArrayList<>();
        List<DocumentView> documents = new ArrayList<>();
        for (Step step : steps) {
            timeline.add(new StepView(step.type(), step.labelVi(), when(step.at()),
                    Bilingual.pick(step.actor().name(), locale),
                    step.comment(), step.documents()));
            step.documents().forEach(document -> documents.add(new DocumentView(document.fileName(),
                    document.sha256(), document.size(), step.type(), when(step.at()))));
        }
        // the result's kind and number, as the clerk issued it (its number and symbol is what the holder quotes)
        steps.stream().filter(step -> step.type().equals("ResultIssued")).reduce((first, last) -> last)
                .map(step -> step.details() instanceof java.util.Map<?, ?> details ? details : java.util.Map.of())
                .ifPresent(details -> {
                    model.addAttribute("resultTitle", details.get("title"));
                    model.addAttribute("resultSymbol", details.get("symbol"));
                });
        model.addAttribute("dossier", dossier);
        model.addAttribute("procedureName", procedureName(dossier.procedureCode()));
        model.addAttribute("timeline", timeline.reversed());
        model.addAttribute("documents", documents);
        model.addAttribute("submittedOn", when(dossier.submittedAt()));
        model.addAttribute("accepted", has(steps, "DossierAccepted"));
        model.addAttribute("resultReturned", has(steps, "ResultReturned"));
        model.addAttribute("rated", has(steps, "ServiceRated"));
        model.addAttribute("open", !dossier.status().isClosed());
        last(steps, "PaymentRequested").ifPresent(step -> model.addAttribute("fee", detail(step, "amountVnd")));
        last(steps, "PaymentReceived").ifPresent(step -> {
            model.addAttribute("paidAmount", detail(step, "amountVnd"));
            model.addAttribute("paidOn", when(step.at()));
        });
        if (dossier.status() == DossierStatus.SUPPLEMENT_REQUESTED) {
            steps.reversed().stream().filter(step -> step.type().startsWith("SupplementRequested")).findFirst()
                    .ifPresent(step -> {
                        model.addAttribute("supplementItems", detail(step, "items"));
                        model.addAttribute("supplementReason", step.comment());
                        model.addAttribute("supplementAskedOn", when(step.at()));
                    });
        }
        if (payment != null && payment.matches("PAY[0-9A-F]{20}")) {
            Optional<PaymentOrder> order = orders.ofDossier(dossier.code()).stream()
                    .filter(o -> o.id().equals(payment)).findFirst();
            order.ifPresent(o -> model.addAttribute("returnedPayment", o.status()));
            model.addAttribute("paymentSettled", order.map(o -> o.status() == PaymentStatus.PAID).orElse(false)
                    && dossier.status() != DossierStatus.PAYMENT_REQUESTED);
        }
        return "citizen/dossier";
    }

    @GetMapping("/{code}/submitted")
    public String submitted(@PathVariable String code, Identity who, Model model) {
        DossierSummary dossier = visible(code, who);
        model.addAttribute("dossier", dossier);
        model.addAttribute("procedure", catalogue.find(dossier.procedureCode()).orElse(null));
        model.addAttribute("procedureName", procedureName(dossier.procedureCode()));
        return "citizen/submitted";
    }

    /** The receipt and appointment (Mẫu 01), signed by the agency, as FormsController issues it. */
    @GetMapping("/{code}/receipt")
    public ResponseEntity<byte[]> receipt(@PathVariable String code, Identity who) {
        DossierSummary dossier = visible(code, who);
        SignedForms.Signed signed = signedForms.dossierForm(dossierForms.form(dossier.code(),
                DossierForms.Kind.RECEIPT), dossier.unitId());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).eTag(signed.sha256())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(dossier.code() + "-mau-01.pdf").build().toString())
                .body(signed.pdf());
    }

    /** The signed result returned online: the API's own answer (the same checks, the same file). */
    @GetMapping("/{code}/result")
    public ResponseEntity<byte[]> result(@PathVariable String code, Identity who) {
        return dossiers.result(checked(code), who);
    }

    @GetMapping("/{code}/documents/{sha256}")
    public ResponseEntity<byte[]> document(@PathVariable String code, @PathVariable String sha256, Identity who) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw Problem.notFound("document", "Hồ sơ không có tài liệu này / No such document");
        }
        return dossiers.document(checked(code), sha256, who);
    }

    @PostMapping("/{code}/supplement")
    public String supplement(@PathVariable String code,
                             @RequestParam(name = "files", required = false) List<MultipartFile> files,
                             @RequestParam(name = "comment", required = false) String comment, Identity who,
                             Locale locale, RedirectAttributes flash) {
        String checked = checked(code);
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (note != null && note.length() > 2000) {
            return failed(flash, checked, "supplement-comment", locale, "Ý kiến không quá 2000 ký tự",
                    "The comment must be at most 2000 characters", "supplement");
        }
        List<Upload> uploads = uploads(files);
        if (uploads.isEmpty()) {
            return failed(flash, checked, "supplement-files", locale, "Đính kèm tài liệu bổ sung (PDF)",
                    "Attach the supplementary documents (PDF)", "supplement");
        }
        try {
            workflow.provideSupplement(checked, uploads, note, who);
        } catch (Problem problem) {
            return refused(flash, checked, problem, "supplement-files", locale, "supplement");
        }
        flash.addFlashAttribute("done", "citizen.dossier.done.supplement");
        return "redirect:/my/dossiers/" + checked;
    }

    /** The online order through {@link Payments#open}, as the API's; the payer goes to the provider's page. */
    @PostMapping("/{code}/payment")
    public String pay(@PathVariable String code, Identity who, Locale locale, RedirectAttributes flash) {
        String checked = checked(code);
        try {
            return "redirect:" + payments.open(checked, who).payUrl();
        } catch (Problem problem) {
            return refused(flash, checked, problem, "pay", locale, "payment");
        }
    }

    @PostMapping("/{code}/rating")
    public String rate(@PathVariable String code, @RequestParam(required = false) Integer score,
                       @RequestParam(required = false) String comment, Identity who, Locale locale,
                       RedirectAttributes flash) {
        String checked = checked(code);
        if (score == null || score < 1 || score > 5) {
            return failed(flash, checked, "score-5", locale, "Chọn mức độ hài lòng của bạn",
                    "Choose how satisfied you are", "rating");
        }
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (note != null && note.length() > 2000) {
            return failed(flash, checked, "rating-comment", locale, "Ý kiến không quá 2000 ký tự",
                    "The comment must be at most 2000 characters", "rating");
        }
        try {
            workflow.rate(checked, score, note, who);
        } catch (Problem problem) {
            return refused(flash, checked, problem, "score-5", locale, "rating");
        }
        flash.addFlashAttribute("done", "citizen.dossier.done.rating");
        return "redirect:/my/dossiers/" + checked;
    }

    @PostMapping("/{code}/withdrawal")
    public String withdraw(@PathVariable String code, @RequestParam(required = false) String reason, Identity who,
                           Locale locale, RedirectAttributes flash) {
        String checked = checked(code);
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            return failed(flash, checked, "withdraw-reason", locale, "Nêu lý do rút hồ sơ (không quá 2000 ký tự)",
                    "State why you withdraw the dossier (at most 2000 characters)", "withdraw");
        }
        try {
            workflow.withdraw(checked, reason.strip(), who);
        } catch (Problem problem) {
            return refused(flash, checked, problem, "withdraw-reason", locale, "withdraw");
        }
        flash.addFlashAttribute("done", "citizen.dossier.done.withdrawal");
        return "redirect:/my/dossiers/" + checked;
    }

    private static String failed(RedirectAttributes flash, String code, String field, Locale locale, String vi,
                                 String en, String section) {
        flash.addFlashAttribute("problem", new FieldProblem(field, "en".equals(locale.getLanguage()) ? en : vi));
        return "redirect:/my/dossiers/" + code + "#" + section;
    }

    /** The engine refused: its words by the form's field; a dossier the person may not see is still a 404. */
    private static String refused(RedirectAttributes flash, String code, Problem problem, String field, Locale locale,
                                  String section) {
        if (problem.kind() == Problem.Kind.NOT_FOUND || problem.kind() == Problem.Kind.UNAVAILABLE) {
            throw problem;
        }
        flash.addFlashAttribute("problem", new FieldProblem(field, Bilingual.pick(problem.getMessage(), locale)));
        return "redirect:/my/dossiers/" + code + "#" + section;
    }

    private DossierSummary visible(String code, Identity who) {
        return AccessCheck.toSee(policy, who, checked(code), registry.find(checked(code)));
    }

    /** A code that is not a dossier code is answered like an unknown dossier. */
    private static String checked(String code) {
        if (code == null || !code.matches(DossierCodes.PATTERN)) {
            throw Problem.notFound("dossier", "Không tìm thấy hồ sơ / No such dossier");
        }
        return code;
    }

    private String procedureName(String procedureCode) {
        return catalogue.find(procedureCode).map(p -> p.name()).orElse(procedureCode);
    }

    private static boolean has(List<Step> steps, String type) {
        return steps.stream().anyMatch(step -> step.type().equals(type));
    }

    private static Optional<Step> last(List<Step> steps, String type) {
        return steps.reversed().stream().filter(step -> step.type().equals(type)).findFirst();
    }

    private static Object detail(Step step, String name) {
        return step.details() instanceof Map<?, ?> details ? details.get(name) : null;
    }

    public static String when(Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(VIETNAM));
    }

    static String day(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofPattern("dd/MM/yyyy").format(date);
    }

    private static List<Upload> uploads(List<MultipartFile> files) {
        List<Upload> uploads = new ArrayList<>();
        if (files == null) {
            return uploads;
        }
        for (MultipartFile file : files) {
            if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                continue;
            }
            try {
                uploads.add(new Upload("files[" + uploads.size() + "]", file.getOriginalFilename(),
                        file.getContentType(), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uploads;
    }

}
