package vn.motcua.portal.web.official;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.engine.dossier.registry.DossierRegistry;
import vn.motcua.engine.dossier.registry.DossierSummary;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.platform.task.TaskInbox;
import vn.motcua.engine.platform.task.TaskItem;
import vn.motcua.process.Procedure;
import vn.motcua.process.ProcedureCatalogue;

/**
 * The officials' one inbox ({@code /work}): the tasks {@link TaskInbox#inbox} gives the signed-in official — dossier
 * steps and document steps of their roles in their unit, and those they have taken — with counters, deadline tags and
 * filters kept in the address, as the API's {@code GET /api/v1/tasks} gives them. Nothing is decided here.
 */
@Controller
class WorkController {

    private final TaskInbox inbox;
    private final DossierRegistry registry;
    private final ProcedureCatalogue catalogue;

    WorkController(TaskInbox inbox, DossierRegistry registry, ProcedureCatalogue catalogue) {
        this.inbox = inbox;
        this.registry = registry;
        this.catalogue = catalogue;
    }

    @GetMapping("/work")
    String inbox(@RequestParam(required = false) String kind, @RequestParam(required = false) String step,
                 @RequestParam(required = false) String deadline, @RequestParam(required = false) String procedure,
                 @RequestParam(required = false) String q, Identity who, Model model) {
        List<Inbox.Row> rows = inbox.inbox(who).stream().map(this::row).toList();
        model.addAttribute("inbox", Inbox.of(rows, new Inbox.Filter(kind, step, deadline, procedure,
                q == null || q.length() > 200 ? null : q)));
        model.addAttribute("kinds", Inbox.Filter.KINDS);
        model.addAttribute("deadlines", Inbox.Filter.DEADLINES);
        return "official/inbox";
    }

    private Inbox.Row row(TaskItem task) {
        String deadline = task.deadline() == null ? "NONE" : task.deadline().name();
        if ("dossier".equals(task.aggregateType())) {
            String code = task.aggregateId();
            Optional<DossierSummary> dossier = registry.find(code);
            String procedureCode = dossier.map(DossierSummary::procedureCode)
                    .orElse((String) task.details().get("procedureCode"));
            return new Inbox.Row(task, "dossier", code, "/work/dossiers/" + code,
                    dossier.map(DossierSummary::applicantName).orElse(null), procedureCode,
                    procedureCode == null ? null : catalogue.find(procedureCode).map(Procedure::name).orElse(null),
                    task.dueAt(), deadline);
        }
        return new Inbox.Row(task, task.aggregateType(), task.aggregateId(),
                "document".equals(task.aggregateType()) ? "/eoffice/documents/" + task.aggregateId() : null,
                null, null, null, task.dueAt(), deadline);
    }
}
