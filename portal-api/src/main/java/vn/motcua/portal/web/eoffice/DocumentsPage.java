package vn.motcua.portal.web.eoffice;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.platform.task.TaskInbox;
import vn.motcua.engine.platform.task.TaskItem;
import vn.motcua.eoffice.document.Direction;
import vn.motcua.eoffice.document.DocumentWorkflow;
import vn.motcua.eoffice.document.DocumentWorkflow.View;

/**
 * The documents of my unit ({@code /eoffice}), as {@code GET /api/v1/documents} lists them (DocumentWorkflow.list,
 * scoped by DocumentPolicy), incoming and outgoing as tabs that stay in the URL, narrowed by a search on the numbers,
 * symbols and trích yếu; a document with a task waiting for me in the one inbox says so, with the task's deadline
 * colour.
 */
@Controller
public class DocumentsPage {

    private final DocumentWorkflow workflow;
    private final TaskInbox inbox;
    private final EofficeChoices choices;

    public DocumentsPage(DocumentWorkflow workflow, TaskInbox inbox, EofficeChoices choices) {
        this.workflow = workflow;
        this.inbox = inbox;
        this.choices = choices;
    }

    /** One row: the document, its deadline shown, and my task on it (or null). */
    public record Row(View document, String deadline, TaskItem task) {
    }

    @GetMapping("/eoffice")
    public String documents(@RequestParam(required = false) Direction direction,
                            @RequestParam(required = false) String q, Identity who, Model model) {
        String query = q == null ? "" : q.strip();
        Map<String, TaskItem> tasks = inbox.inbox(who, "document").stream()
                .collect(Collectors.toMap(TaskItem::aggregateId, Function.identity(), (first, second) -> first));
        List<Row> rows = workflow.list(null, direction, who).stream()
                .filter(document -> matches(document, query))
                .map(document -> new Row(document, choices.date(document.dueOn() != null ? document.dueOn()
                        : document.deadline()), tasks.get(document.documentId())))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("direction", direction == null ? null : direction.name());
        model.addAttribute("q", query);
        model.addAttribute("waiting", rows.stream().filter(row -> row.task() != null).count());
        return "eoffice/documents";
    }

    /** Whether the search words are found in the document's numbers, symbols or trích yếu (any case, accents kept). */
    private static boolean matches(View document, String query) {
        if (query.isEmpty()) {
            return true;
        }
        String haystack = Stream.of(document.numberSymbol(), document.senderNumberSymbol(), document.arrivalFormatted(),
                        document.subject(), document.senderName(), document.identifier(),
                        document.arrivalNumber() == null ? null : document.arrivalNumber().toString())
                .filter(Objects::nonNull).map(Folding::folded).collect(Collectors.joining(" "));
        return Stream.of(Folding.folded(query).split("\\s+")).allMatch(haystack::contains);
    }

    /** Text compared as typed: NFC, lower case. */
    static final class Folding {
        static String folded(String text) {
            return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        }

        private Folding() {
        }
    }
}
