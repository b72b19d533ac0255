package vn.motcua.portal.web.admin;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.engine.problem.Problem;
import vn.motcua.engine.readmodel.ReadModelReconciliation;
import vn.motcua.engine.readmodel.Rebuilds;

/**
 * Refilling the read models and search indices from the event store after MongoDB or Elasticsearch was restored or
 * replaced (docs/operations.md), through the same {@link Rebuilds} as {@code POST /api/v1/admin/rebuilds}: the
 * administrator picks the targets (none: all), and follows the run on its own page; and the check of the MongoDB
 * views against the event store ({@link ReadModelReconciliation}, as {@code POST
 * /api/v1/admin/read-models/reconciliation}). The progress page works without JavaScript (a link reloads it);
 * {@code admin.js} polls {@code /admin/rebuild/{id}/progress} every second.
 */
@Controller
public class RebuildPagesController {

    private final Rebuilds rebuilds;
    private final ReadModelReconciliation reconciliation;
    private final MessageSource messages;

    public RebuildPagesController(Rebuilds rebuilds, ReadModelReconciliation reconciliation,
                                  MessageSource messages) {
        this.rebuilds = rebuilds;
        this.reconciliation = reconciliation;
        this.messages = messages;
    }

    /** A run as drawn: its progress, and how far along it is in whole percent. */
    public record RunView(Rebuilds.Progress progress, int percent) {

        static RunView of(Rebuilds.Progress progress) {
            int percent;
            if (progress.state() == Rebuilds.State.DONE) {
                percent = 100;
            } else if (progress.total() <= 0) {
                percent = 0;
            } else {
                percent = (int) Math.min(100, progress.replayed() * 100 / progress.total());
            }
            return new RunView(progress, percent);
        }
    }

    @GetMapping("/admin/rebuild")
    public String form(Model model) {
        model.addAttribute("targets", rebuilds.targetNames());
        model.addAttribute("reconciliation", reconciliation.last());
        return "admin/rebuild";
    }

    @PostMapping("/admin/rebuild")
    public String start(@RequestParam(name = "target", required = false) List<String> targets, Locale locale,
                        Model model) {
        try {
            Rebuilds.Progress started = rebuilds.start(targets == null ? List.of() : targets);
            return "redirect:/admin/rebuild/" + started.id();
        } catch (Problem problem) {
            if (problem.kind() != Problem.Kind.CONFLICT && problem.kind() != Problem.Kind.INVALID_INPUT) {
                throw problem;
            }
            model.addAttribute("problem", Bilingual.pick(problem.getMessage(), locale));
            model.addAttribute("problemTitle", "en".equals(locale.getLanguage()) ? problem.titleEn()
                    : problem.titleVi());
            model.addAttribute("chosen", targets == null ? List.of() : targets);
            return form(model);
        }
    }

    @GetMapping("/admin/rebuild/{id}")
    public String run(@PathVariable String id, Model model) {
        model.addAttribute("run", RunView.of(rebuilds.progress(id)));
        return "admin/rebuild-run";
    }

    /** What {@code admin.js} redraws: the state, the bar's percent, and the two texts in the person's language. */
    public record ProgressJson(String state, int percent, long replayed, long total, String stateText,
                               String countText) {
    }

    /** The run's progress for {@code admin.js}, polled every second while it runs. */
    @GetMapping(value = "/admin/rebuild/{id}/progress", produces = "application/json")
    @ResponseBody
    public ProgressJson progress(@PathVariable String id, Locale locale) {
        RunView run = RunView.of(rebuilds.progress(id));
        Rebuilds.Progress progress = run.progress();
        return new ProgressJson(progress.state().name(), run.percent(), progress.replayed(), progress.total(),
                messages.getMessage("admin.rebuild.state." + progress.state().name(), null, locale),
                messages.getMessage("admin.rebuild.count", new Object[] {run.percent(), progress.replayed(),
                        progress.total()}, locale));
    }

    @PostMapping("/admin/rebuild/reconciliation")
    public String reconcile(RedirectAttributes redirect) {
        redirect.addFlashAttribute("reconciled", reconciliation.reconcile());
        return "redirect:/admin/rebuild";
    }
}
