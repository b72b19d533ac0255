package vn.motcua.portal.web.citizen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Validator;
import vn.motcua.engine.access.AccessCheck;
import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.document.BoundedPdf;
import vn.motcua.engine.document.Upload;
import vn.motcua.engine.dossier.Applicant;
import vn.motcua.engine.dossier.history.DossierHistory;
import vn.motcua.engine.dossier.process.DossierWorkflow;
import vn.motcua.engine.dossier.registry.DossierPolicy;
import vn.motcua.engine.dossier.registry.DossierRegistry;
import vn.motcua.engine.dossier.process.NewDossier;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.problem.Problem;
import vn.motcua.portal.api.ApiModels.ApplicantRequest;
import vn.motcua.process.FieldError;
import vn.motcua.process.FormValidator;
import vn.motcua.process.Procedure;
import vn.motcua.process.ProcedureCatalogue;

/**
 * Applying online (level 4, Decree 45/2020/ND-CP): the procedure's form, the receiving unit, the applicant's
 * particulars (filled in from the identity and the person's latest dossier) and the PDF documents on one page; a check-answers page; then the dossier is submitted through
 * {@link DossierWorkflow#submit} as the API does. The applicant's particulars are checked with the API's own
 * {@link ApplicantRequest} constraints and the form with the engine's {@link FormValidator}, so that every error is
 * shown by its field at once; the engine checks everything again on submitting.
 */
@Controller
@RequestMapping("/my/apply/{procedureCode}")
public class ApplyPages {

    static final List<String> APPLICANT_FIELDS = List.of("fullName", "idNumber", "phone", "email", "address");

    private final ProcedureCatalogue catalogue;
    private final MotcuaProperties properties;
    private final FormSchemaFields schemaFields;
    private final FormValidator forms;
    private final Validator validator;
    private final BoundedPdf pdfs;
    private final DossierWorkflow workflow;
    private final DossierRegistry registry;
    private final DossierPolicy policy;
    private final DossierHistory history;

    public ApplyPages(ProcedureCatalogue catalogue, MotcuaProperties properties, FormSchemaFields schemaFields,
                      FormValidator forms, Validator validator, BoundedPdf pdfs, DossierWorkflow workflow,
                      DossierRegistry registry, DossierPolicy policy, DossierHistory history) {
        this.catalogue = catalogue;
        this.properties = properties;
        this.schemaFields = schemaFields;
        this.forms = forms;
        this.validator = validator;
        this.pdfs = pdfs;
        this.workflow = workflow;
        this.registry = registry;
        this.policy = policy;
        this.history = history;
    }

    @GetMapping
    public String form(@PathVariable String procedureCode, HttpSession session, Identity who, Model model) {
        Procedure procedure = procedure(procedureCode);
        ApplicationDraft draft = draft(session, procedure, who);
        return formPage(procedure, draft, List.of(), model);
    }

    @PostMapping
    public String save(@PathVariable String procedureCode,
                       @RequestParam(name = "files", required = false) List<MultipartFile> files,
                       @RequestParam(name = "removeFile", required = false) String removeFile,
                       @RequestParam(name = "action", defaultValue = "continue") String action,
                       HttpServletRequest request, HttpSession session, Identity who, Locale locale, Model model) {
        Procedure procedure = procedure(procedureCode);
        ApplicationDraft draft = draft(session, procedure, who);
        Map<String, String[]> params = request.getParameterMap();
        draft.setUnitId(blankToNull(request.getParameter("unitId")));
        for (String name : APPLICANT_FIELDS) {
            draft.getApplicant().put(name, blankToNull(request.getParameter("applicant." + name)));
        }
        draft.setForm(schemaFields.read(procedure, params));
        draft.setComment(blankToNull(request.getParameter("comment")));
        draft.setComplete(false);
        List<FieldProblem> problems = new ArrayList<>();
        if (removeFile != null) {
            draft.removeFile(removeFile);
        }
        attach(draft, files, problems, locale);
        keep(session, procedure, draft);
        if (removeFile != null || action.startsWith("addRow:")) {
            String anchor = removeFile != null ? "files" : FormSchemaFields.idOf(action.substring("addRow:".length()));
            return problems.isEmpty() ? "redirect:/my/apply/" + procedure.code() + "#" + anchor
                    : formPage(procedure, draft, problems, model);
        }
        problems = check(procedure, draft, problems, locale);
        if (!problems.isEmpty()) {
            return formPage(procedure, draft, problems, model);
        }
        draft.setComplete(true);
        keep(session, procedure, draft);
        return "redirect:/my/apply/" + procedure.code() + "/check";
    }

    @GetMapping("/check")
    public String checkAnswers(@PathVariable String procedureCode, HttpSession session, Identity who, Model model) {
        Procedure procedure = procedure(procedureCode);
        ApplicationDraft draft = draft(session, procedure, who);
        if (!draft.isComplete()) {
            return "redirect:/my/apply/" + procedure.code();
        }
        model.addAttribute("procedure", procedure);
        model.addAttribute("draft", draft);
        model.addAttribute("unit", properties.unit(draft.getUnitId()).orElse(null));
        model.addAttribute("answers", answers(procedure, draft));
        return "citizen/check";
    }

    @PostMapping("/check")
    public String submit(@PathVariable String procedureCode, HttpSession session, Identity who, Locale locale,
                         Model model) {
        Procedure procedure = procedure(procedureCode);
        ApplicationDraft draft = draft(session, procedure, who);
        if (!draft.isComplete()) {
            return "redirect:/my/apply/" + procedure.code();
        }
        Map<String, String> a = draft.getApplicant();
        List<Upload> uploads = new ArrayList<>();
        for (int i = 0; i < draft.getFiles().size(); i++) {
            ApplicationDraft.DraftFile file = draft.getFiles().get(i);
            uploads.add(new Upload("files[" + i + "]", file.fileName(), "application/pdf", file.content()));
        }
        try {
            var submitted = workflow.submit(new NewDossier(procedure.code(), draft.getUnitId(),
                    new Applicant(a.get("fullName").strip(), a.get("idNumber"), a.get("phone"), a.get("email"),
                            a.get("address")), draft.getForm(), draft.getComment()), uploads, who);
            session.removeAttribute(ApplicationDraft.key(procedure.code()));
            return "redirect:/my/dossiers/" + submitted.code() + "/submitted";
        } catch (Problem problem) {
            if (problem.field() == null || problem.kind() == Problem.Kind.UNAVAILABLE) {
                throw problem;
            }
            draft.setComplete(false);
            return formPage(procedure, draft, List.of(new FieldProblem(anchorOf(problem.field()),
                    Bilingual.pick(problem.getMessage(), locale))), model);
        }
    }

    /**
     * Every check the API would make before the engine's, each tied to its field, in the order of the page (the
     * problems of the files just attached last, with the files).
     */
    private List<FieldProblem> check(Procedure procedure, ApplicationDraft draft, List<FieldProblem> fileProblems,
                                     Locale locale) {
        List<FieldProblem> problems = new ArrayList<>();
        if (draft.getUnitId() == null || properties.unit(draft.getUnitId()).isEmpty()) {
            problems.add(new FieldProblem("unitId", message(locale, "Chọn nơi nộp hồ sơ", "Choose where to apply")));
        }
        Map<String, String> a = draft.getApplicant();
        ApplicantRequest applicant = new ApplicantRequest(a.get("fullName"), a.get("idNumber"), a.get("phone"),
                a.get("email"), a.get("address"));
        Map<String, String> byField = new LinkedHashMap<>();
        validator.validate(applicant).forEach(violation -> byField.merge(violation.getPropertyPath().toString(),
                Bilingual.pick(violation.getMessage(), locale), (first, second) -> first));
        for (String name : APPLICANT_FIELDS) {
            if (byField.containsKey(name)) {
                problems.add(new FieldProblem("applicant-" + name, byField.get(name)));
            }
        }
        for (FieldError error : forms.validate(procedure.code(), draft.getForm())) {
            problems.add(new FieldProblem(formAnchor(procedure, error.path()), formMessage(procedure, error, locale)));
        }
        problems.addAll(fileProblems);
        if (draft.getFiles().isEmpty() && fileProblems.isEmpty()) {
            problems.add(new FieldProblem("files", message(locale, "Đính kèm ít nhất một tài liệu PDF",
                    "Attach at least one PDF document")));
        }
        return problems;
    }

    /** New files are read as PDFs within bounds now, so that a bad file is named at once, by the file field. */
    private void attach(ApplicationDraft draft, List<MultipartFile> files, List<FieldProblem> problems,
                        Locale locale) {
        if (files == null) {
            return;
        }
        for (MultipartFile file : files) {
            if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                continue;
            }
            if (draft.getFiles().size() >= ApplicationDraft.MAX_FILES
                    || draft.bytes() + file.getSize() > ApplicationDraft.MAX_BYTES) {
                problems.add(new FieldProblem("files", message(locale, "Chỉ đính kèm được tối đa "
                        + ApplicationDraft.MAX_FILES + " tệp, tổng cộng " + ApplicationDraft.MAX_BYTES / (1024 * 1024)
                        + " MB", "At most " + ApplicationDraft.MAX_FILES + " files, "
                        + ApplicationDraft.MAX_BYTES / (1024 * 1024) + " MB in all")));
                return;
            }
            try {
                byte[] content = file.getBytes();
                if (content.length == 0) {
                    throw Problem.invalid("files", "Tệp rỗng / The file is empty");
                }
                pdfs.requireReadable(content, "files");
                draft.addFile(file.getOriginalFilename(), content);
            } catch (Problem refused) {
                String name = file.getOriginalFilename();
                problems.add(new FieldProblem("files", message(locale, "Tệp “" + name + "” không dùng được: ",
                        "The file “" + name + "” cannot be used: ") + Bilingual.pick(refused.getMessage(), locale)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private String formPage(Procedure procedure, ApplicationDraft draft, List<FieldProblem> problems, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach(problem -> errors.putIfAbsent(problem.id(), problem.message()));
        model.addAttribute("procedure", procedure);
        model.addAttribute("formTitle", schemaFields.title(procedure));
        model.addAttribute("units", properties.units());
        model.addAttribute("draft", draft);
        model.addAttribute("fields", FieldView.of(schemaFields.fields(procedure), draft.getForm(), errors));
        model.addAttribute("problems", problems);
        model.addAttribute("errors", errors);
        model.addAttribute("maxFiles", ApplicationDraft.MAX_FILES);
        model.addAttribute("maxMegabytes", pdfs.maxBytes() / (1024 * 1024));
        return "citizen/apply";
    }

    /** The answers as the check-answers page lists them: label, value, the field's anchor on the form. */
    public record Answer(String label, String value, String anchor) {
    }

    private List<Answer> answers(Procedure procedure, ApplicationDraft draft) {
        List<Answer> answers = new ArrayList<>();
        for (FormSchemaFields.Field field : schemaFields.fields(procedure)) {
            String value;
            if (field.kind() == FormSchemaFields.Kind.ROWS) {
                value = String.join("\n", FormSchemaFields.rows(draft.getForm(), field.path()).stream()
                        .map(row -> String.join(" – ", field.columns().stream()
                                .map(column -> FormSchemaFields.text(row, column.path()))
                                .filter(text -> !text.isEmpty()).toList())).toList());
            } else if (field.kind() == FormSchemaFields.Kind.SELECT) {
                String code = FormSchemaFields.text(draft.getForm(), field.path());
                value = field.options().stream().filter(o -> o.value().equals(code)).map(FormSchemaFields.Option::label)
                        .findFirst().orElse(code);
            } else {
                value = FormSchemaFields.text(draft.getForm(), field.path());
            }
            answers.add(new Answer(field.label(), value, field.id()));
        }
        return answers;
    }

    /** One draft a session: another procedure's draft goes, with its files. */
    private static void keep(HttpSession session, Procedure procedure, ApplicationDraft draft) {
        String key = ApplicationDraft.key(procedure.code());
        java.util.Collections.list(session.getAttributeNames()).stream()
                .filter(name -> name.startsWith(ApplicationDraft.key("")) && !name.equals(key))
                .forEach(session::removeAttribute);
        session.setAttribute(key, draft);
    }

    private ApplicationDraft draft(HttpSession session, Procedure procedure, Identity who) {
        Object kept = session.getAttribute(ApplicationDraft.key(procedure.code()));
        if (kept instanceof ApplicationDraft draft) {
            return draft;
        }
        ApplicationDraft draft = new ApplicationDraft();
        draft.getApplicant().put("fullName", who.name());
        lastApplicant(who).ifPresent(last -> {
            draft.getApplicant().put("idNumber", last.idNumber());
            draft.getApplicant().put("phone", last.phone());
            draft.getApplicant().put("email", last.email());
            draft.getApplicant().put("address", last.address());
        });
        if (properties.units().size() == 1) {
            draft.setUnitId(properties.units().getFirst().id());
        }
        return draft;
    }

    /**
     * The particulars the person gave on their latest dossier, to fill the form again (the signed-in identity
     * carries only the name); read through the same scope as their list of dossiers.
     */
    private java.util.Optional<Applicant> lastApplicant(Identity who) {
        return registry.within(AccessCheck.scope(policy, who), 1, 0).stream().findFirst()
                .flatMap(latest -> history.of(latest.code()).stream()
                        .filter(step -> step.type().equals("DossierSubmitted")).findFirst())
                .map(step -> step.details() instanceof Map<?, ?> details ? details.get("applicant") : null)
                .filter(Applicant.class::isInstance).map(Applicant.class::cast);
    }

    private Procedure procedure(String code) {
        return catalogue.find(code).orElseThrow(() -> Problem.notFound("procedure",
                "Không có thủ tục " + code + " / No procedure " + code));
    }

    /**
     * The engine's words for a form field in the person's language. Its English names the field by its path (for
     * support staff); a person reads the field's label instead, as the form shows it.
     */
    private String formMessage(Procedure procedure, FieldError error, Locale locale) {
        String message = Bilingual.pick(error.message(), locale);
        if (!"en".equals(locale.getLanguage()) || error.path().isEmpty() || !message.startsWith(error.path() + " ")) {
            return message;
        }
        return schemaFields.fields(procedure).stream()
                .filter(field -> field.path().equals(error.path()) || field.path().startsWith(error.path() + "."))
                .findFirst().map(field -> {
                    String label = field.path().equals(error.path()) || !field.label().contains(" – ") ? field.label()
                            : field.label().substring(0, field.label().lastIndexOf(" – "));
                    return "“" + label + "” " + message.substring(error.path().length() + 1);
                }).orElse(message);
    }

    /** A form field's control; for a group asked for as a whole (a nested object), its first field's. */
    private String formAnchor(Procedure procedure, String path) {
        return schemaFields.fields(procedure).stream()
                .filter(field -> field.path().equals(path) || field.path().startsWith(path + "."))
                .map(FormSchemaFields.Field::id).findFirst().orElse(FormSchemaFields.idOf(path));
    }

    /** The control an engine's field names: {@code form.ingredients[0].name}, {@code files[1]}, {@code unitId}. */
    static String anchorOf(String field) {
        if (field.startsWith("form.")) {
            return FormSchemaFields.idOf(field.substring("form.".length()));
        }
        if (field.startsWith("files")) {
            return "files";
        }
        if (field.startsWith("applicant.")) {
            return "applicant-" + field.substring("applicant.".length());
        }
        return field;
    }

    private static String message(Locale locale, String vi, String en) {
        return "en".equals(locale.getLanguage()) ? en : vi;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
