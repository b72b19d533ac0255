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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.constraints.Pattern;
import vn.motcua.engine.document.Upload;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.problem.Problem;
import vn.motcua.eoffice.document.DocumentWorkflow;
import vn.motcua.eoffice.document.DocumentWorkflow.View;
import vn.motcua.eoffice.document.Recipient;
import vn.motcua.eoffice.document.Secrecy;
import vn.motcua.eoffice.document.Urgency;
import vn.motcua.eoffice.register.DocumentType;

/**
 * A specialist drafts an outgoing document with its PDF (Decree 30/2020/ND-CP Art. 10–11), or the reply to an
 * incoming document their unit leads on ({@code replyTo}, Art. 24), through {@link DocumentWorkflow#draft} as
 * {@code POST /api/v1/documents/outgoing} does; the draft's page then offers its next step (submit to the head of
 * unit) from the one inbox.
 */
@Controller
@Validated
public class OutgoingDrafting {

    private final DocumentWorkflow workflow;
    private final MessageSource messages;

    public OutgoingDrafting(DocumentWorkflow workflow, MessageSource messages) {
        this.workflow = workflow;
        this.messages = messages;
    }

    @GetMapping("/eoffice/outgoing/new")
    public String form(@RequestParam(required = false) @Pattern(regexp = DocumentPage.ID) String replyTo,
                       Identity who, Model model) {
        requireSpecialist(who);
        OutgoingForm form = new OutgoingForm();
        if (replyTo != null) {
            View incoming = workflow.find(replyTo, who);
            form.setReplyTo(incoming.documentId());
            model.addAttribute("replyingTo", incoming);
        }
        return page(form, Map.of(), model);
    }

    @PostMapping("/eoffice/outgoing/new")
    public String draft(@ModelAttribute("form") OutgoingForm form,
                        @RequestParam(name = "file", required = false) MultipartFile file, Identity who,
                        Locale locale, Model model, RedirectAttributes redirect) {
        requireSpecialist(who);
        String replyTo = form.getReplyTo() == null || form.getReplyTo().isBlank() ? null : form.getReplyTo().strip();
        if (replyTo != null) {
            model.addAttribute("replyingTo", workflow.find(replyTo, who));
        }
        boolean fileGiven = file != null && !file.isEmpty();
        Map<String, String> errors = new LinkedHashMap<>();
        form.problems(fileGiven).forEach((field, key) -> errors.put(field, messages.getMessage(key, null, locale)));
        if (errors.isEmpty()) {
            try {
                View view = workflow.draft(form.metadata(), replyTo, fileGiven ? upload(file) : null, List.of(), who);
                redirect.addFlashAttribute("done", "DRAFTED");
                return "redirect:/eoffice/documents/" + view.documentId();
            } catch (Problem refused) {
                if (refused.kind() == Problem.Kind.FORBIDDEN || refused.kind() == Problem.Kind.NOT_FOUND
                        || refused.kind() == Problem.Kind.UNAVAILABLE) {
                    throw refused;
                }
                String field = refused.field() == null ? "" : refused.field().replace("metadata.", "");
                errors.put(List.of("subject", "type", "urgency", "secrecy", "pageCount", "signerPosition", "signerName",
                        "issuerAbbreviation", "file").contains(field) ? field : "", EofficeChoices.describe(refused,
                        locale));
            }
        }
        if (fileGiven && !errors.containsKey("file")) {
            errors.put("file", messages.getMessage("eoffice.incoming.error.fileAgain", null, locale));
        }
        return page(form, errors, model);
    }

    private String page(OutgoingForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("types", List.of(DocumentType.values()));
        model.addAttribute("urgencies", List.of(Urgency.values()));
        model.addAttribute("secrecies", List.of(Secrecy.values()));
        model.addAttribute("recipientKinds", List.of(Recipient.Kind.values()));
        return "eoffice/outgoing-new";
    }

    private static void requireSpecialist(Identity who) {
        if (!who.has(Role.SPECIALIST)) {
            throw Problem.forbidden("Chỉ chuyên viên soạn thảo văn bản đi / Only specialists draft outgoing documents");
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
