package vn.motcua.portal.api;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.motcua.engine.access.AccessCheck;
import vn.motcua.engine.dossier.DossierStatus;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.problem.Problem;
import vn.motcua.engine.dossier.registry.DossierPolicy;
import vn.motcua.eoffice.document.Direction;
import vn.motcua.eoffice.document.DocumentPolicy;
import vn.motcua.eoffice.document.DocumentStatus;
import vn.motcua.search.AuditHit;
import vn.motcua.search.AuditQuery;
import vn.motcua.search.DocumentHit;
import vn.motcua.search.DocumentSearch;
import vn.motcua.search.DossierHit;
import vn.motcua.search.DossierQuery;
import vn.motcua.search.DossierSearch;
import vn.motcua.search.PublicDossierStatus;
import vn.motcua.search.SearchIndexingException;
import vn.motcua.search.SearchPage;
import vn.motcua.search.SecretDocuments;

/**
 * Search over the Elasticsearch indices: officials search their unit's dossiers and official documents
 * (inspectors every unit's), anyone looks up a
 * dossier's status with its code and the applicant's phone or ID number (tra cứu hồ sơ), inspectors
 * search the audit events of every aggregate type. Results may lag the event store by the indexing delay.
 */
@RestController
@Validated
@RequestMapping("/api/v1")
@Tag(name = "Tra cứu / Search")
public class SearchController {

    private static final int MAX_WINDOW = 10_000;

    private final DossierSearch search;
    private final DocumentSearch documents;
    private final DossierPolicy dossierPolicy;
    private final DocumentPolicy documentPolicy;

    public SearchController(DossierSearch search, DocumentSearch documents, DossierPolicy dossierPolicy,
                            DocumentPolicy documentPolicy) {
        this.search = search;
        this.documents = documents;
        this.dossierPolicy = dossierPolicy;
        this.documentPolicy = documentPolicy;
    }

    @Operation(summary = "Tìm hồ sơ của đơn vị / Search the dossiers of my unit (inspectors: all units)")
    @GetMapping("/search/dossiers")
    public SearchPage<DossierHit> dossiers(
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) @Size(max = 32) String procedure,
            @RequestParam(required = false) Set<DossierStatus> status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedTo,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "RECEIVED_AT") DossierQuery.Sort sort,
            @RequestParam(defaultValue = "desc") @Pattern(regexp = "asc|desc") String order,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @Parameter(hidden = true) Identity who) {
        String unit = AccessCheck.unitScope(dossierPolicy, who, null);
        requireWindow(page, size);
        return available(() -> search.search(DossierQuery.builder().text(q).procedureCode(procedure).statuses(status)
                .received(receivedFrom, receivedTo).due(dueFrom, dueTo).overdue(overdue)
                .sort(sort, order.equals("asc")).page(page, size).build(), unit));
    }

    @Operation(summary = "Tìm văn bản của đơn vị / Search the official documents of my unit (inspectors: all units)",
            description = "q matches the subject, issuer and number/symbol, with or without diacritics. Secret documents"
                    + " (Mật and above) are found by their metadata only, and only by the officials named on them and"
                    + " by inspectors")
    @GetMapping("/search/documents")
    public SearchPage<DocumentHit> documents(
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) DocumentStatus status,
            @RequestParam(required = false) Direction direction,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @Parameter(hidden = true) Identity who) {
        String unit = AccessCheck.unitScope(documentPolicy, who, null);
        requireWindow(page, size);
        SecretDocuments secrets = documentPolicy.readsEverySecretDocument(who) ? SecretDocuments.everyOne()
                : SecretDocuments.namedOn(who.id());
        return available(() -> documents.search(q, status == null ? null : status.name(),
                direction == null ? null : direction.name(), unit, secrets, page, size));
    }

    @Operation(summary = "Tra cứu tình trạng hồ sơ / Public status lookup by dossier code and phone or ID number",
            description = "No sign-in needed; answers only when both match, and otherwise the same 404 whichever is "
                    + "wrong or missing")
    @GetMapping("/public/dossier-status")
    public PublicDossierStatus lookup(@RequestParam(required = false) @Size(max = 64) String code,
                                      @RequestParam(required = false) @Size(max = 20) String phoneOrIdNumber) {
        // a missing part is answered like a wrong one: the answer must not tell which part was wrong
        if (code == null || phoneOrIdNumber == null) {
            throw noSuchDossier();
        }
        return available(() -> search.publicLookup(code.strip(), phoneOrIdNumber.strip()))
                .orElseThrow(SearchController::noSuchDossier);
    }

    private static Problem noSuchDossier() {
        return Problem.notFound("dossier", "Không tìm thấy hồ sơ khớp mã hồ sơ và số điện thoại / số định danh đã nhập"
                + " / No dossier matches this code and phone or ID number");
    }

    @Operation(summary = "Tìm trong nhật ký kiểm tra / Search audit events (inspectors)")
    @GetMapping("/audit/events")
    public SearchPage<AuditHit> auditEvents(
            @RequestParam(required = false) @Size(max = 128) String actor,
            @RequestParam(required = false) @Size(max = 64) String action,
            @RequestParam(required = false) @Size(max = 64) String dossier,
            @Parameter(description = "Loại đối tượng / aggregate type: dossier, document, …")
            @RequestParam(required = false) @Size(max = 64) String aggregateType,
            @Parameter(description = "Mã đối tượng / aggregate id (dossier code, document id, …)")
            @RequestParam(required = false) @Size(max = 128) String aggregateId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        requireWindow(page, size);
        return available(() -> search.audit(AuditQuery.all().withActor(actor).withAction(action)
                .withDossier(dossier).ofType(aggregateType).ofAggregate(aggregateId).between(from, to).withText(q)
                .page(page, size)));
    }

    /**
     * Search is downstream: while Elasticsearch is unreachable it answers 503 (the pages' "busy" page), and nothing else
     * is affected.
     */
    public static <T> T available(Supplier<T> query) {
        try {
            return query.get();
        } catch (UncheckedIOException | SearchIndexingException e) {
            throw new Problem(Problem.Kind.UNAVAILABLE, "search-unavailable", "Dịch vụ tìm kiếm tạm thời gián đoạn",
                    "Search is temporarily unavailable", "Vui lòng thử lại sau ít phút / Please retry in a few minutes",
                    null);
        }
    }

    private static void requireWindow(int page, int size) {
        if ((long) (page + 1) * size > MAX_WINDOW) {
            throw Problem.invalid("page", "Chỉ xem được " + MAX_WINDOW + " kết quả đầu; hãy thu hẹp tìm kiếm"
                    + " / Only the first " + MAX_WINDOW + " results can be paged; narrow the search");
        }
    }
}
