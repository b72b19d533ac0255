package vn.motcua.portal.web.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import vn.motcua.engine.audit.AuditTrail;
import vn.motcua.engine.audit.Checkpointer;
import vn.motcua.portal.api.SearchController;
import vn.motcua.engine.audit.crypto.Certificates;
import vn.motcua.engine.audit.verify.AuditPackage;
import vn.motcua.engine.audit.verify.Checkpoint;
import vn.motcua.engine.audit.verify.EventStatus;
import vn.motcua.engine.audit.verify.Finding;
import vn.motcua.engine.audit.verify.Report;
import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.platform.AggregateType;
import vn.motcua.engine.platform.AggregateTypes;
import vn.motcua.engine.problem.Problem;
import vn.motcua.search.AuditHit;
import vn.motcua.search.DossierSearch;
import vn.motcua.search.SearchPage;

/**
 * The inspector's pages (role INSPECTOR, granted by the browser chain exactly as {@code /api/v1/audit/**} is): the
 * audit search, one dossier's or document's signed trail with each event's verification, its audit package, and how
 * to verify that package offline. They read what the API reads — {@link DossierSearch#audit} as
 * {@code GET /api/v1/audit/events}, {@link AuditTrail#verify} and {@link AuditTrail#export} as
 * {@code /api/v1/audit/{collection}/{id}/trail} and {@code /package} — and change nothing (an inspector reads
 * everything afterwards and changes nothing, Decree 61/2018/ND-CP). Every read is recorded first
 * ({@link InspectorPageReads}).
 */
@Controller
public class AuditPages {

    private final DossierSearch search;
    private final AuditTrail trail;
    private final Checkpointer checkpoints;
    private final AggregateTypes types;
    private final MotcuaProperties motcua;

    public AuditPages(DossierSearch search, AuditTrail trail, Checkpointer checkpoints, AggregateTypes types,
                      MotcuaProperties motcua) {
        this.search = search;
        this.trail = trail;
        this.checkpoints = checkpoints;
        this.types = types;
        this.motcua = motcua;
    }

    @GetMapping({"/audit", "/audit/"})
    public String search(@RequestParam(required = false) String dossier, @RequestParam(required = false) String type,
                         @RequestParam(required = false) String id, @RequestParam(required = false) String actor,
                         @RequestParam(required = false) String action, @RequestParam(required = false) String from,
                         @RequestParam(required = false) String to, @RequestParam(required = false) String q,
                         @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
        AuditSearchForm form = new AuditSearchForm(dossier, type, id, actor, action, from, to, q, page);
        Map<String, String> errors = form.errors();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("types", types.all().stream().map(AggregateType::name).toList());
        model.addAttribute("eventTypes", eventTypes());
        model.addAttribute("collections", collections());
        if (errors.isEmpty()) {
            SearchPage<AuditHit> results = SearchController.available(() -> search.audit(form.query()));
            model.addAttribute("results", results);
            model.addAttribute("units", unitNames());
            if (form.page() > 0) {
                model.addAttribute("previousPage", pageLink(request, form.page() - 1));
            }
            if ((long) (form.page() + 1) * AuditSearchForm.PAGE_SIZE < results.total()
                    && form.page() < AuditSearchForm.LAST_PAGE) {
                model.addAttribute("nextPage", pageLink(request, form.page() + 1));
            }
        }
        return "audit/search";
    }

    @GetMapping("/audit/{collection}/{id}")
    public String trail(@PathVariable String collection, @PathVariable String id, Model model) {
        AggregateType<?> type = type(collection);
        Report report = trail.verify(type, id);
        // who took each step, as the stored events say (the verifier reports the actor's id and role only)
        Map<String, TrailPage.Actor> actors = new HashMap<>();
        for (AuditPackage.Event event : trail.export(type, id, null).events()) {
            Map.Entry<String, TrailPage.Actor> actor = TrailPage.Actor.of(event.eventId(), event.payload());
            actors.put(actor.getKey(), actor.getValue());
        }
        Map<String, String> units = unitNames();
        List<TrailPage.Step> steps = new ArrayList<>();
        for (EventStatus event : report.events()) {
            TrailPage.Actor actor = actors.getOrDefault(event.eventId(), new TrailPage.Actor(null, null));
            steps.add(new TrailPage.Step(event, TrailPage.Step.typeKey(event.type()), TrailPage.Step.parse(event.time()),
                    actor.name(), actor.unitId(), actor.unitId() == null ? null : units.get(actor.unitId())));
        }
        List<TrailPage.CheckpointRow> rows = report.checkpoints().stream().map(result -> {
            Checkpoint checkpoint = checkpoints.find(result.number()).orElseThrow();
            return new TrailPage.CheckpointRow(checkpoint.number(), checkpoint.treeSize(), result.timestampedAt(),
                    result.authority(), result.valid(), result.problems());
        }).toList();
        long invalid = report.events().stream().filter(event -> "INVALID".equals(event.status())).count();
        long pending = report.events().stream().filter(event -> "PENDING".equals(event.status())).count();
        model.addAttribute("trail", new TrailPage(type.collection(), type.name(), id, report.valid(), Instant.now(),
                trail.trustAnchors().stream().map(Certificates::subject).toList(), steps, rows,
                report.failures().stream().map(Finding::describe).toList(),
                report.warnings().stream().map(Finding::describe).toList(), pending, invalid));
        return "audit/trail";
    }

    @GetMapping("/audit/offline")
    public String offline() {
        return "audit/offline";
    }

    private AggregateType<?> type(String collection) {
        return types.byCollection(collection).orElseThrow(() -> Problem.notFound("type",
                "Không có loại hồ sơ/văn bản '" + collection + "' / No aggregate type '" + collection + "'"));
    }

    /** Each aggregate type's events by the name the search knows them by, for the filter's choices. */
    private Map<String, List<String>> eventTypes() {
        Map<String, List<String>> byType = new LinkedHashMap<>();
        for (AggregateType<?> type : types.all()) {
            Class<?>[] permitted = type.eventType().getPermittedSubclasses();
            byType.put(type.name(), permitted == null ? List.of()
                    : java.util.Arrays.stream(permitted).map(Class::getSimpleName).sorted().toList());
        }
        return byType;
    }

    private Map<String, String> collections() {
        Map<String, String> collections = new HashMap<>();
        types.all().forEach(type -> collections.put(type.name(), type.collection()));
        return collections;
    }

    private Map<String, String> unitNames() {
        Map<String, String> names = new HashMap<>();
        motcua.units().forEach(unit -> names.put(unit.id(), unit.name()));
        return names;
    }

    private static String pageLink(HttpServletRequest request, int page) {
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("page", page).build().toUriString();
    }
}
