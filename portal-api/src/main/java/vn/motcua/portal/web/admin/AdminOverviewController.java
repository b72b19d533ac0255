package vn.motcua.portal.web.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.motcua.engine.administration.ConfiguredUsers;
import vn.motcua.engine.administration.ProcedureVersions;
import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.publication.ParkedEvents;
import vn.motcua.engine.readmodel.ReadModelReconciliation;

/**
 * The administrator's start page and the read-only pages of what the configuration puts in service: procedures
 * (their BPMN model and catalogue entry), org units and users. These have no door to change them in the running
 * system — procedures deploy from {@code catalogue.json} and the BPMN files at start, units from
 * {@code motcua.units}, users from the configuration or the agency's OIDC provider — and each change the system
 * finds at start is recorded, sealed, in the audit trail ({@code ConfigurationRecorder}; the logging of
 * administrators' actions asked by Decree 85/2016/ND-CP and TCVN 11930:2017), so the pages say so instead of
 * offering a form.
 */
@Controller
public class AdminOverviewController {

    /** The health components an administrator acts on (docs/operations.md). */
    private static final List<String> WATCHED = List.of("convergence", "publication", "db", "mongo", "kafka",
            "elasticsearch");

    private final ParkedEvents parked;
    private final ObjectProvider<HealthEndpoint> health;
    private final ReadModelReconciliation reconciliation;
    private final ProcedureVersions procedures;
    private final MotcuaProperties properties;
    private final ObjectProvider<ConfiguredUsers> users;

    public AdminOverviewController(ParkedEvents parked, ObjectProvider<HealthEndpoint> health,
                                   ReadModelReconciliation reconciliation, ProcedureVersions procedures,
                                   MotcuaProperties properties, ObjectProvider<ConfiguredUsers> users) {
        this.parked = parked;
        this.health = health;
        this.reconciliation = reconciliation;
        this.procedures = procedures;
        this.properties = properties;
        this.users = users;
    }

    @GetMapping("/admin")
    public String overview(Model model) {
        model.addAttribute("parkedCount", parked.parkedAggregates());
        model.addAttribute("reconciliation", reconciliation.last());
        HealthEndpoint endpoint = health.getIfAvailable();
        HealthComponent whole = endpoint == null ? null : endpoint.health();
        model.addAttribute("healthStatus", whole == null ? null : whole.getStatus().getCode());
        Map<String, String> components = new LinkedHashMap<>();
        if (whole instanceof CompositeHealth composite && composite.getComponents() != null) {
            WATCHED.forEach(name -> {
                HealthComponent component = composite.getComponents().get(name);
                if (component != null) {
                    components.put(name, component.getStatus().getCode());
                }
            });
        }
        model.addAttribute("components", components);
        return "admin/overview";
    }

    @GetMapping("/admin/procedures")
    public String procedures(Model model) {
        model.addAttribute("procedures", procedures.current());
        return "admin/procedures";
    }

    @GetMapping("/admin/units")
    public String units(Model model) {
        model.addAttribute("units", properties.units());
        return "admin/units";
    }

    @GetMapping("/admin/users")
    public String users(Model model) {
        List<Identity> people = users.orderedStream().flatMap(source -> source.users().stream()).toList();
        model.addAttribute("users", people);
        Map<String, String> unitNames = new LinkedHashMap<>();
        properties.units().forEach(unit -> unitNames.put(unit.id(), unit.name()));
        model.addAttribute("unitNames", unitNames);
        return "admin/users";
    }
}
