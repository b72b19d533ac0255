package vn.motcua.portal.web.admin;

import java.io.Serializable;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.engine.publication.ParkedEvents;

/**
 * Events the Kafka publisher parked because the bus would never take them (docs/reliability.md, "Poison events"),
 * one per aggregate, and their retry once the cause is mended, through the same {@link ParkedEvents} as
 * {@code /api/v1/admin/dead-letters}. "Retry all" retries each aggregate listed, one after the other, exactly as
 * the API's retry of each would.
 */
@Controller
public class ParkedEventPagesController {

    private final ParkedEvents parked;

    public ParkedEventPagesController(ParkedEvents parked) {
        this.parked = parked;
    }

    /** What a retry of all left: how many aggregates were delivered, how many are still parked. */
    public record RetryAll(int delivered, int stillParked) implements Serializable {
    }

    @GetMapping("/admin/parked-events")
    public String list(Model model) {
        model.addAttribute("parked", parked.list());
        return "admin/parked-events";
    }

    @PostMapping("/admin/parked-events/retry")
    public String retry(@RequestParam String aggregateId, RedirectAttributes redirect) {
        redirect.addFlashAttribute("retried", parked.retry(aggregateId));
        return "redirect:/admin/parked-events";
    }

    @PostMapping("/admin/parked-events/retry-all")
    public String retryAll(RedirectAttributes redirect) {
        List<ParkedEvents.Retry> results = parked.list().stream()
                .map(event -> parked.retry(event.aggregateId())).toList();
        int delivered = (int) results.stream().filter(ParkedEvents.Retry::delivered).count();
        redirect.addFlashAttribute("retriedAll", new RetryAll(delivered, results.size() - delivered));
        return "redirect:/admin/parked-events";
    }
}
