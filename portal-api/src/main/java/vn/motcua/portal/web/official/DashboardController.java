package vn.motcua.portal.web.official;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.engine.access.AccessCheck;
import vn.motcua.engine.dossier.registry.DossierPolicy;
import vn.motcua.engine.dossier.report.DossierReports;
import vn.motcua.engine.identity.Identity;

/**
 * The leader's dashboard ({@code /dashboard}): on-time rates and workload per unit and per procedure for a year,
 * quarter or month, from {@link DossierReports#summary} as the API's {@code GET /api/v1/reports/summary} gives it, in
 * the same scope ({@link AccessCheck#unitScope}: an official their own unit, an inspector every unit). The charts
 * are drawn by {@code dashboard.js} from a JSON block; the same numbers are always in tables.
 */
@Controller
class DashboardController {

    private final DossierReports reports;
    private final DossierPolicy policy;
    private final Clock clock;
    private final ObjectMapper json;

    DashboardController(DossierReports reports, DossierPolicy policy, Clock clock, ObjectMapper json) {
        this.reports = reports;
        this.policy = policy;
        this.clock = clock;
        this.json = json;
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer quarter,
                     @RequestParam(required = false) Integer month, Identity who, Model model)
            throws JsonProcessingException {
        String unit = AccessCheck.unitScope(policy, who, null);
        LocalDate today = LocalDate.now(clock);
        Dashboard.Period period = Dashboard.Period.of(year, quarter, month, today);
        Dashboard dashboard = Dashboard.of(period, reports.summary(period.from(), period.to(), unit, null));
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(today.getYear() - 4, today.getYear())
                .boxed().sorted(java.util.Comparator.reverseOrder()).toList());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("perUnit", dashboard.perUnit());
        data.put("perProcedure", dashboard.perProcedure());
        // a JSON data block, never executed: "<" escaped so that no name can close the script element
        model.addAttribute("chartData", json.writeValueAsString(data).replace("<", "\\u003c"));
        model.addAttribute("quarters", List.of(1, 2, 3, 4));
        model.addAttribute("tables", List.of("procedure", "unit"));
        model.addAttribute("months", java.util.stream.IntStream.rangeClosed(1, 12).boxed().toList());
        return "official/dashboard";
    }
}
