package vn.motcua.portal.api;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.motcua.engine.dossier.view.InboxCounters;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.problem.Problem;

/** Officials' counters: how many of their unit's dossiers are in each status. */
@RestController
@RequestMapping("/api/v1/inbox")
@Tag(name = "Công việc / Tasks")
public class InboxController {

    private final InboxCounters counters;

    public InboxController(InboxCounters counters) {
        this.counters = counters;
    }

    @Operation(summary = "Số hồ sơ theo trạng thái của đơn vị / Dossiers of my unit per status")
    @GetMapping("/counters")
    public Map<String, Integer> counters(@Parameter(hidden = true) Identity who) {
        if (!who.isOfficial()) {
            throw Problem.forbidden("Chỉ cán bộ xử lý mới có số liệu đơn vị / Only officials see unit counters");
        }
        return counters.of(who.unitId());
    }
}
