package vn.motcua.portal.web.official;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;


import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.motcua.engine.access.AccessCheck;
import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.portal.web.PdfAnswers;
import vn.motcua.engine.dossier.code.DossierCodes;
import vn.motcua.engine.dossier.history.DossierHistory;
import vn.motcua.engine.dossier.history.Step;
import vn.motcua.engine.dossier.registry.DossierPolicy;
import vn.motcua.engine.dossier.registry.DossierRegistry;
import vn.motcua.engine.dossier.registry.DossierSummary;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.platform.task.TaskInbox;
import vn.motcua.engine.platform.task.TaskItem;
import vn.motcua.engine.problem.Problem;
import vn.motcua.engine.readmodel.Attachments;
import vn.motcua.process.Procedure;
import vn.motcua.process.ProcedureCatalogue;
import vn.motcua.portal.web.official.ActionForm.FieldError;
import vn.motcua.portal.web.official.ActionForm.Item;

/**
 * The officials' dossier page ({@code /work/dossiers/{code}}): what the API's {@code GET /api/v1/dossiers/{code}},
 * {@code /history} and {@code /documents/{sha256}} give, behind the same {@link DossierPolicy} check (a dossier of
 * another unit is the same 404 as one that does not exist), and the forms of the open tasks of the dossier that
 * {@link TaskInbox} lets this official decide. A decision goes to {@link TaskInbox#complete} as the JSON the API's
 * {@code POST /api/v1/tasks/{id}/complete} takes; every rule (reasons for a refusal, items of a supplement request,
 * the units consulted) is the engine's, and its refusal is shown in the form's error summary.
 */
@Controller
class OfficialDossierController {

    private static final String CODE = DossierCodes.PATTERN;
    private static final String SHA256 = "[0-9a-f]{64}";
    private static final String TASK_ID = "[0-9a-fA-F-]{1,64}";
    private static final int MAX_ITEM_ROWS = 50;

    private final DossierPolicy policy;
    private final DossierRegistry registry;
    private final DossierHistory history;
    private final Attachments attachments;
    private final TaskInbox inbox;
    private final ProcedureCatalogue catalogue;
    private final MotcuaProperties properties;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final PdfAnswers pdfs;

    OfficialDossierController(DossierPolicy policy, DossierRegistry registry, DossierHistory history,
                              Attachments attachments, TaskInbox inbox, ProcedureCatalogue catalogue,
                              MotcuaProperties properties, MessageSource messages, ObjectMapper json,
                              PdfAnswers pdfs) {
        this.pdfs = pdfs;
        this.policy = policy;
        this.registry = registry;
        this.history = history;
        this.attachments = attachments;
        this.inbox = inbox;
        this.catalogue = catalogue;
        this.properties = properties;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/work/dossiers/{code}")
    String dossier(@PathVariable String code, @RequestParam(required = false) String preview, Identity who,
                   Model model) {
        DossierSummary dossier = visible(code, who);
        model.addAttribute("previewed", preview);
        return page(dossier, who, null, model);
    }

    /** A document of the dossier, shown in the page's frame (inline) or downloaded, after the same checks as the API. */
    @GetMapping("/work/dossiers/{code}/documents/{sha256}")
    ResponseEntity<byte[]> document(@PathVariable String code, @PathVariable String sha256,
                                    @RequestParam(required = false) String download, Identity who) {
        visible(code, who);
        var attached = attached(code, sha256);
        return pdfs.file(attachments.content(sha256).orElseThrow(this::noDocument), attached.fileName(),
                download != null);
    }

    /**
     * Page {@code page} (from 1) of a document of the dossier as a PNG image, after the same checks: the preview on the
     * dossier page. Images rather than the PDF in a frame, because Chromium's own PDF viewer inside a frame is refused
     * by the site's Content-Security-Policy ({@code default-src 'self'}), and phones often show no PDF in a frame.
     */
    @GetMapping(path = "/work/dossiers/{code}/documents/{sha256}/pages/{page}")
    ResponseEntity<byte[]> page(@PathVariable String code, @PathVariable String sha256, @PathVariable int page,
                                Identity who) {
        visible(code, who);
        attached(code, sha256);
        byte[] content = attachments.content(sha256).orElseThrow(this::noDocument);
        return pdfs.pageImage(content, page);
    }

    @PostMapping("/work/dossiers/{code}/tasks/{taskId}/claim")
    String claim(@PathVariable String code, @PathVariable String taskId, Identity who, Locale locale,
                 RedirectAttributes redirect) {
        visible(code, who);
        TaskItem task = openTask(code, taskId, who);
        inbox.claim(task.id(), who);
        redirect.addFlashAttribute("done", messages.getMessage("official.dossier.claimed",
                new Object[] {code}, locale));
        return "redirect:/work/dossiers/" + code;
    }

    /**
     * Decides the task with what the form holds, or shows the form again with the engine's refusal; "add another item"
     * only shows the form again with one more empty row.
     */
    @PostMapping("/work/dossiers/{code}/tasks/{taskId}")
    String decide(@PathVariable String code, @PathVariable String taskId,
                  @RequestParam(required = false) String outcome,
                  @RequestParam(required = false, defaultValue = "") String comment,
                  @RequestParam(name = "itemName", required = false) List<String> itemNames,
                  @RequestParam(name = "itemReason", required = false) List<String> itemReasons,
                  @RequestParam(name = "consultedUnits", required = false) List<String> consultedUnits,
                  @RequestParam(required = false, defaultValue = "") String consultationDueDate,
                  @RequestParam(required = false) String addItem,
                  Identity who, Locale locale, Model model, RedirectAttributes redirect) {
        DossierSummary dossier = visible(code, who);
        TaskItem task = openTask(code, taskId, who);
        List<Item> items = items(itemNames, itemReasons);
        List<String> units = consultedUnits == null ? List.of() : consultedUnits;
        if (addItem != null) {
            if (items.size() < MAX_ITEM_ROWS) {
                items.add(new Item("", ""));
            }
            return page(dossier, who, new ActionForm(task, outcome, comment, items, units, consultationDueDate,
                    List.of()), model);
        }
        ActionForm typed = new ActionForm(task, outcome, comment, items, units, consultationDueDate, List.of());
        List<FieldError> errors = new ArrayList<>();
        ObjectNode decision = json.createObjectNode();
        decision.put("outcome", outcome == null || outcome.isBlank() ? null : outcome);
        decision.put("comment", comment.isBlank() ? null : comment.strip());
        if ("REQUEST_SUPPLEMENT".equals(outcome)) {
            var array = decision.putArray("items");
            for (Item item : typed.filledItems()) {
                if (item.name() == null || item.name().isBlank()) {
                    errors.add(new FieldError("items", text("official.error.itemName", locale)));
                    break;
                }
                array.add(item.text());
            }
        }
        if ("CONSULT".equals(outcome)) {
            units.forEach(decision.putArray("consultedUnits")::add);
            if (!consultationDueDate.isBlank()) {
                try {
                    decision.put("consultationDueDate", LocalDate.parse(consultationDueDate.strip()).toString());
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError("consultationDueDate", text("official.error.date", locale)));
                }
            }
        }
        if (errors.isEmpty()) {
            try {
                inbox.complete(task.id(), decision, who);
                redirect.addFlashAttribute("done", messages.getMessage("official.dossier.decided",
                        new Object[] {text("official.outcome." + outcome, locale), code}, locale));
                return "redirect:/work/dossiers/" + code;
            } catch (Problem problem) {
                if (problem.kind() == Problem.Kind.NOT_FOUND || problem.kind() == Problem.Kind.FORBIDDEN) {
                    throw problem;
                }
                errors.add(error(problem, locale));
            }
        }
        return page(dossier, who, new ActionForm(task, outcome, comment, items, units, consultationDueDate, errors),
                model);
    }

    private String page(DossierSummary dossier, Identity who, ActionForm posted, Model model) {
        String code = dossier.code();
        List<Step> steps = history.of(code);
        List<ActionForm> actions = who.isOfficial() ? inbox.inbox(who, "dossier").stream()
                .filter(task -> code.equals(task.aggregateId()))
                .map(task -> posted != null && posted.task().id().equals(task.id()) ? posted : ActionForm.blank(task))
                .toList() : List.of();
        model.addAttribute("page", DossierPage.of(dossier,
                catalogue.find(dossier.procedureCode()).map(Procedure::name).orElse(dossier.procedureCode()),
                properties.unit(dossier.unitId()).map(MotcuaProperties.OrgUnit::name).orElse(dossier.unitId()),
                steps, actions));
        DossierPage shown = (DossierPage) model.getAttribute("page");
        Object asked = model.getAttribute("previewed");
        DossierPage.Document previewed = shown.documents().stream()
                .filter(document -> document.sha256().equals(asked)).findFirst()
                .orElse(shown.documents().isEmpty() ? null : shown.documents().getFirst());
        model.addAttribute("preview", previewed);
        model.addAttribute("previewPages", previewed == null ? 0 : previewPages(previewed.sha256()));
        model.addAttribute("otherUnits", properties.units().stream()
                .filter(unit -> !unit.id().equals(who.unitId())).toList());
        model.addAttribute("posted", posted);
        return "official/dossier";
    }

    /** The dossier if this person may see it ({@link DossierPolicy}), else the 404 page of an unknown dossier. */
    private DossierSummary visible(String code, Identity who) {
        if (code == null || !code.matches(CODE)) {
            throw AccessCheck.notFound(policy, String.valueOf(code).length() > 60 ? "" : code);
        }
        return AccessCheck.toSee(policy, who, code, registry.find(code));
    }

    /** The open task of this dossier in this official's inbox, else the engine's 404 for a task not theirs. */
    private TaskItem openTask(String code, String taskId, Identity who) {
        if (!taskId.matches(TASK_ID)) {
            throw Problem.notFound("task", "Không tìm thấy công việc / No such open task");
        }
        return inbox.inbox(who, "dossier").stream()
                .filter(task -> task.id().equals(taskId) && code.equals(task.aggregateId())).findFirst()
                .orElseThrow(() -> Problem.notFound("task", "Không tìm thấy công việc " + taskId + " / No open task "
                        + taskId));
    }

    /** The document of this dossier with this SHA-256, as its history attached it; else 404. */
    private vn.motcua.engine.document.AttachedDocument attached(String code, String sha256) {
        if (!sha256.matches(SHA256)) {
            throw noDocument();
        }
        return history.of(code).stream().flatMap(step -> step.documents().stream())
                .filter(document -> document.sha256().equals(sha256)).findFirst().orElseThrow(this::noDocument);
    }

    /** How many pages of the document the preview shows (none for content that is not a readable PDF). */
    private int previewPages(String sha256) {
        return attachments.content(sha256).map(pdfs::previewPages).orElse(0);
    }

    private Problem noDocument() {
        return Problem.notFound("document", "Hồ sơ không có tài liệu này / No such document");
    }

    private static List<Item> items(List<String> names, List<String> reasons) {
        List<Item> items = new ArrayList<>();
        int rows = Math.min(MAX_ITEM_ROWS, Math.max(names == null ? 0 : names.size(),
                reasons == null ? 0 : reasons.size()));
        for (int i = 0; i < rows; i++) {
            items.add(new Item(at(names, i), at(reasons, i)));
        }
        while (items.size() < ActionForm.ITEM_ROWS) {
            items.add(new Item("", ""));
        }
        return items;
    }

    private static String at(List<String> values, int i) {
        return values != null && i < values.size() && values.get(i) != null ? values.get(i) : "";
    }

    /**
     * The engine's refusal as the form shows it: at the field it names (or the one its rule is about), in the
     * person's language — the words of this page for the rules it knows, else the half of the engine's "vi / en"
     * detail in that language.
     */
    private FieldError error(Problem problem, Locale locale) {
        String slug = problem.slug() == null ? "" : problem.slug();
        String field = problem.field() != null ? problem.field().replaceAll("\\[.*", "") : switch (slug) {
            case "rule/SUPPLEMENT_LISTS_ITEMS" -> "items";
            default -> "comment";
        };
        String known = messages.getMessage("official.error." + slug.replace('/', '.'), null, null, locale);
        if (known == null && "outcome".equals(field)) {
            known = text("official.error.outcome", locale);
        }
        return new FieldError(field, known != null ? known : half(problem.getMessage(), locale));
    }

    private static String half(String detail, Locale locale) {
        if (detail == null) {
            return "";
        }
        int split = detail.indexOf(" / ");
        if (split < 0) {
            return detail;
        }
        return "en".equals(locale.getLanguage()) ? detail.substring(split + 3) : detail.substring(0, split);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
