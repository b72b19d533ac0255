package vn.motcua.portal.web.eoffice;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;


import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.validation.constraints.Pattern;
import vn.motcua.portal.web.PdfAnswers;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.platform.task.TaskInbox;
import vn.motcua.engine.platform.task.TaskItem;
import vn.motcua.engine.problem.Problem;
import vn.motcua.eoffice.document.DocumentEvent;
import vn.motcua.eoffice.document.DocumentWorkflow;
import vn.motcua.eoffice.document.DocumentWorkflow.HistoryEntry;
import vn.motcua.eoffice.document.DocumentWorkflow.View;
import vn.motcua.eoffice.document.IncomingHandlingSheet;

/**
 * One document's page ({@code /eoffice/documents/{id}}): its metadata, its PDF previewed and downloaded, its history
 * from the event store, its handling sheet (phiếu giải quyết văn bản đến), and the steps of the one inbox's open task
 * of it for the person signed in (Decree 30/2020/ND-CP: the clerk presents it to the leader, Art. 23; the leader
 * gives instructions — lead unit, supporting units, deadline; the head of the lead unit assigns the handler and the due
 * date, Art. 24; the handler reports and completes; for outgoing documents review, signature, number, seal, issue,
 * Art. 12–18). Every read and step goes through the services of {@code DocumentController} and {@code TaskController}
 * with their checks (DocumentPolicy: a secret document not assigned to me is the unknown-id 404). A step is posted,
 * then the page is shown again with a notice (POST, redirect, GET); a refusal is shown in the error summary.
 */
@Controller
@Validated
public class DocumentPage {

    static final String ID = "[0-9a-fA-F-]{1,64}";

    /** The boxes of a task's form, in the order the page shows them (the decision's own field names). */
    private static final List<String> FIELDS = List.of("leaderId", "leadUnitId", "supportingUnitIds", "deadline",
            "handlerId", "dueOn", "recipientId", "comment", "outcome");

    private final DocumentWorkflow workflow;
    private final IncomingHandlingSheet handlingSheets;
    private final PdfAnswers pdfs;
    private final TaskInbox inbox;
    private final EofficeChoices choices;
    private final MessageSource messages;
    private final ObjectMapper json;

    public DocumentPage(DocumentWorkflow workflow, IncomingHandlingSheet handlingSheets, PdfAnswers pdfs,
                        TaskInbox inbox, EofficeChoices choices, MessageSource messages, ObjectMapper json) {
        this.workflow = workflow;
        this.pdfs = pdfs;
        this.handlingSheets = handlingSheets;
        this.inbox = inbox;
        this.choices = choices;
        this.messages = messages;
        this.json = json;
    }

    /** One step of the history as the page shows it: what, when, who, and its details (label key, value). */
    public record Step(String type, String labelVi, String when, String who, List<Detail> details) {
    }

    public record Detail(String labelKey, String value) {
    }

    @GetMapping("/eoffice/documents/{id}")
    public String document(@PathVariable @Pattern(regexp = ID) String id, Identity who, Model model) {
        return page(id, who, model, null, Map.of(), Map.of());
    }

    @PostMapping("/eoffice/documents/{id}/tasks/{taskId}")
    public String decide(@PathVariable @Pattern(regexp = ID) String id,
                         @PathVariable @Pattern(regexp = ID) String taskId,
                         @RequestParam MultiValueMap<String, String> form, Identity who, Locale locale, Model model,
                         RedirectAttributes redirect) {
        workflow.find(id, who);
        TaskItem task = myTasks(id, who).stream().filter(item -> item.id().equals(taskId)).findFirst()
                .orElseThrow(() -> Problem.notFound("task", "Không có công việc " + taskId + " của văn bản này"
                        + " / No task " + taskId + " of this document"));
        Map<String, String> errors = new LinkedHashMap<>();
        ObjectNode decision = decision(form, errors, locale);
        if (errors.isEmpty()) {
            try {
                inbox.complete(task.id(), decision, who);
                redirect.addFlashAttribute("done", decision.path("outcome").asText());
                return "redirect:/eoffice/documents/" + id;
            } catch (Problem refused) {
                if (refused.kind() == Problem.Kind.FORBIDDEN || refused.kind() == Problem.Kind.NOT_FOUND
                        || refused.kind() == Problem.Kind.UNAVAILABLE) {
                    throw refused;
                }
                String field = refused.field() != null && FIELDS.contains(refused.field()) ? refused.field() : "";
                errors.put(field, EofficeChoices.describe(refused, locale));
            }
        }
        Map<String, String> typed = new LinkedHashMap<>();
        form.forEach((name, values) -> typed.put(name, String.join(",", values)));
        return page(id, who, model, task.id(), errors, typed);
    }

    @GetMapping(path = "/eoffice/documents/{id}/pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable @Pattern(regexp = ID) String id,
                                      @RequestParam(defaultValue = "false") boolean download, Identity who) {
        return pdfs.file(workflow.pdf(id, who), "van-ban-" + id + ".pdf", download);
    }

    /**
     * Page {@code page} (from 1) of the document's PDF as a PNG image, read with the same check as the PDF: the
     * preview on the document page. Images, not a frame of the PDF, because the browser's own PDF viewer inside a
     * frame is refused by the site's Content-Security-Policy ({@code default-src 'self'}) in Chromium, and phones
     * often show no PDF in a frame at all.
     */
    @GetMapping(path = "/eoffice/documents/{id}/pages/{page}", produces = MediaType.IMAGE_PNG_VALUE)
    public ResponseEntity<byte[]> page(@PathVariable @Pattern(regexp = ID) String id, @PathVariable int page,
                                       Identity who) {
        return pdfs.pageImage(workflow.pdf(id, who), page);
    }

    @GetMapping(path = "/eoffice/documents/{id}/handling-sheet")
    public ResponseEntity<byte[]> handlingSheet(@PathVariable @Pattern(regexp = ID) String id, Identity who) {
        return pdfs.file(handlingSheets.pdf(id, who), "phieu-giai-quyet-" + id + ".pdf", true);
    }

    private String page(String id, Identity who, Model model, String failedTask, Map<String, String> errors,
                        Map<String, String> typed) {
        View document = workflow.find(id, who);
        List<Step> history = workflow.history(id, who).stream().map(this::step).toList();
        model.addAttribute("document", document);
        model.addAttribute("history", history);
        model.addAttribute("tasks", myTasks(id, who));
        model.addAttribute("failedTask", failedTask);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        boolean hasPdf = document.secrecy() == null || !document.secrecy().contentKeptOffline();
        model.addAttribute("hasPdf", hasPdf);
        model.addAttribute("pages", hasPdf ? pdfs.previewPages(workflow.pdf(id, who)) : 0);
        model.addAttribute("leadUnit", choices.unitName(document.leadUnitId()));
        model.addAttribute("supportingUnits", document.supportingUnitIds() == null ? List.of()
                : document.supportingUnitIds().stream().map(choices::unitName).toList());
        model.addAttribute("dates", Map.of(
                "issuedOn", String.valueOf(choices.date(document.issuedOn())),
                "arrivedOn", String.valueOf(choices.date(document.arrivedOn())),
                "deadline", String.valueOf(choices.date(document.deadline())),
                "dueOn", String.valueOf(choices.date(document.dueOn()))));
        model.addAttribute("units", choices.units());
        model.addAttribute("leaders", choices.officials(who.unitId(), Role.LEADER));
        model.addAttribute("specialists", choices.officials(who.unitId(), Role.SPECIALIST));
        return "eoffice/document";
    }

    /** The open tasks of this document in my inbox (the one inbox's task items of aggregate type "document"). */
    private List<TaskItem> myTasks(String id, Identity who) {
        if (!who.isOfficial()) {
            return List.of();
        }
        return inbox.inbox(who, "document").stream().filter(task -> id.equals(task.aggregateId())).toList();
    }

    /** The form as the decision's JSON ({@code TaskController.complete}'s body); dates typed ngày/tháng/năm. */
    private ObjectNode decision(MultiValueMap<String, String> form, Map<String, String> errors, Locale locale) {
        ObjectNode decision = json.createObjectNode();
        for (String field : List.of("outcome", "comment", "leaderId", "leadUnitId", "handlerId", "recipientId")) {
            String value = form.getFirst(field);
            if (value != null && !value.isBlank()) {
                decision.put(field, value.strip());
            }
        }
        if (decision.hasNonNull("leaderId")) {
            decision.put("leaderName", choices.officialName(decision.get("leaderId").asText()));
        }
        if (form.containsKey("supportingUnitIds")) {
            ArrayNode units = decision.putArray("supportingUnitIds");
            form.get("supportingUnitIds").stream().filter(unit -> !unit.isBlank()).forEach(units::add);
        }
        for (String field : List.of("deadline", "dueOn")) {
            try {
                LocalDate date = EofficeChoices.parseDate(form.getFirst(field));
                if (date != null) {
                    decision.put(field, date.toString());
                }
            } catch (DateTimeParseException e) {
                errors.put(field, messages.getMessage("eoffice.error.date", null, locale));
            }
        }
        return decision;
    }

    private Step step(HistoryEntry entry) {
        List<Detail> details = new ArrayList<>();
        switch (entry.event()) {
            case DocumentEvent.ArrivalRegistered e -> add(details, "eoffice.history.arrivalNumber",
                    e.formattedNumber());
            case DocumentEvent.PresentedToLeader e -> add(details, "eoffice.history.leader", e.leader().name());
            case DocumentEvent.InstructionsGiven e -> {
                add(details, "eoffice.history.leadUnit", choices.unitName(e.leadUnitId()));
                if (e.supportingUnitIds() != null && !e.supportingUnitIds().isEmpty()) {
                    add(details, "eoffice.history.supportingUnits", String.join(", ",
                            e.supportingUnitIds().stream().map(choices::unitName).toList()));
                }
                add(details, "eoffice.history.deadline", choices.date(e.deadline()));
                add(details, "eoffice.history.comment", e.comment());
            }
            case DocumentEvent.HandlerAssigned e -> {
                add(details, "eoffice.history.handler", e.handler().name());
                add(details, "eoffice.history.dueOn", choices.date(e.dueOn()));
                add(details, "eoffice.history.comment", e.comment());
            }
            case DocumentEvent.SubmittedForReview e -> add(details, "eoffice.history.comment", e.comment());
            case DocumentEvent.ReviewApproved e -> add(details, "eoffice.history.comment", e.comment());
            case DocumentEvent.DraftReturned e -> add(details, "eoffice.history.comment", e.comment());
            case DocumentEvent.DocumentSigned e -> add(details, "eoffice.history.comment", e.comment());
            case DocumentEvent.NumberAssigned e -> add(details, "eoffice.history.numberSymbol", e.symbol());
            case DocumentEvent.ProcessingRecorded e -> add(details, "eoffice.history.comment", e.comment());
            case DocumentEvent.DocumentClosed e -> add(details, "eoffice.history.comment", e.comment());
            case DocumentEvent.DocumentSentBack e -> add(details, "eoffice.history.reason", e.reason());
            case DocumentEvent.DocumentRecalled e -> add(details, "eoffice.history.reason", e.reason());
            case DocumentEvent.DocumentReceived e -> add(details, "eoffice.history.signatures",
                    e.check() == null ? null : choices.words(e.check().summary()));
            default -> {
                // the label says it all
            }
        }
        return new Step(entry.type(), entry.labelVi(), choices.time(entry.at()),
                entry.actor() == null ? null : entry.actor().name(), details);
    }

    private static void add(List<Detail> details, String key, String value) {
        if (value != null && !value.isBlank()) {
            details.add(new Detail(key, value));
        }
    }
}
