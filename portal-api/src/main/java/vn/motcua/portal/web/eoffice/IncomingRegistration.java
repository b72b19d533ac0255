package vn.motcua.portal.web.eoffice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.validation.constraints.Pattern;
import vn.motcua.engine.document.Upload;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.problem.Problem;
import vn.motcua.eoffice.document.DocumentWorkflow;
import vn.motcua.eoffice.document.DocumentWorkflow.View;
import vn.motcua.eoffice.document.Secrecy;
import vn.motcua.eoffice.document.Urgency;
import vn.motcua.eoffice.register.DocumentType;

/**
 * The clerk registers an incoming document (Decree 30/2020/ND-CP Art. 22): one form with its PDF, an error summary
 * linked to each box at fault, then a confirmation with the arrival number the register gave. The document is
 * received by {@link DocumentWorkflow#receive} as {@code POST /api/v1/documents/incoming} receives it: the signatures
 * are verified there, and only an authentic document is registered (any other stays received, to be sent back).
 */
@Controller
@Validated
public class IncomingRegistration {

    private final DocumentWorkflow workflow;
    private final EofficeChoices choices;
    private final MessageSource messages;

    public IncomingRegistration(DocumentWorkflow workflow, EofficeChoices choices, MessageSource messages) {
        this.workflow = workflow;
        this.choices = choices;
        this.messages = messages;
    }

    @GetMapping("/eoffice/incoming/new")
    public String form(Identity who, Model model) {
        requireClerk(who);
        return page(new IncomingForm(), Map.of(), model);
    }

    @PostMapping("/eoffice/incoming/new")
    public String register(@ModelAttribute("form") IncomingForm form,
                           @RequestParam(name = "file", required = false) MultipartFile file, Identity who,
                           Locale locale, Model model) {
        requireClerk(who);
        boolean fileGiven = file != null && !file.isEmpty();
        Map<String, String> errors = new LinkedHashMap<>();
        form.problems(fileGiven, choices.today())
                .forEach((field, key) -> errors.put(field, messages.getMessage(key, null, locale)));
        if (errors.isEmpty()) {
            try {
                View view = workflow.receive(form.metadata(), fileGiven ? upload(file) : null, who);
                return "redirect:/eoffice/incoming/" + view.documentId() + "/registered";
            } catch (Problem refused) {
                if (refused.kind() == Problem.Kind.FORBIDDEN || refused.kind() == Problem.Kind.NOT_FOUND
                        || refused.kind() == Problem.Kind.UNAVAILABLE) {
                    throw refused;
                }
                errors.put(refused.field() == null || refused.field().isBlank() ? "" : field(refused.field()),
                        EofficeChoices.describe(refused, locale));
            }
        }
        if (fileGiven && !errors.containsKey("file")) {
            errors.put("file", messages.getMessage("eoffice.incoming.error.fileAgain", null, locale));
        }
        return page(form, errors, model);
    }

    @GetMapping("/eoffice/incoming/{id}/registered")
    public String registered(@PathVariable @Pattern(regexp = DocumentPage.ID) String id, Identity who, Model model) {
        View view = workflow.find(id, who);
        model.addAttribute("document", view);
        model.addAttribute("arrivedOn", choices.date(view.arrivedOn()));
        return "eoffice/incoming-registered";
    }

    private String page(IncomingForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("types", List.of(DocumentType.values()));
        model.addAttribute("urgencies", List.of(Urgency.values()));
        model.addAttribute("secrecies", List.of(Secrecy.values()));
        return "eoffice/incoming-new";
    }

    /** The box a refusal names: the metadata's fields are the form's own boxes. */
    private static String field(String named) {
        String field = named.startsWith("metadata.") ? named.substring("metadata.".length()) : named;
        return List.of("senderName", "numberSymbol", "issuedOn", "subject", "type", "urgency", "secrecy", "pageCount",
                "file").contains(field) ? field : "";
    }

    private static void requireClerk(Identity who) {
        if (!who.has(Role.CLERK)) {
            throw Problem.forbidden("Chỉ văn thư vào sổ văn bản đến / Only clerks register incoming documents");
        }
    }

    private static Upload upload(MultipartFile file) {
        try {
            return new Upload("file", file.getOriginalFilename(), file.getContentType(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
