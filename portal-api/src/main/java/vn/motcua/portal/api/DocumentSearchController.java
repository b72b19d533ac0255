package vn.motcua.portal.api;

import java.io.UncheckedIOException;

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
import jakarta.validation.constraints.Size;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.problem.Problem;
import vn.motcua.eoffice.document.Direction;
import vn.motcua.eoffice.document.DocumentStatus;
import vn.motcua.search.DocumentHit;
import vn.motcua.search.DocumentSearch;
import vn.motcua.search.SearchIndexingException;
import vn.motcua.search.SearchPage;

/**
 * Search over the official documents (văn bản đi, văn bản đến) indexed from their events: officials
 * search their unit's documents, inspectors every unit's. Results may lag by the indexing delay.
 */
@RestController
@Validated
@RequestMapping("/api/v1/search")
@Tag(name = "Tra cứu / Search")
public class DocumentSearchController {

    private static final int MAX_WINDOW = 10_000;

    private final DocumentSearch search;

    public DocumentSearchController(DocumentSearch search) {
        this.search = search;
    }

    @Operation(summary = "Tìm văn bản của đơn vị / Search the official documents of my unit (inspectors: all units)",
            description = "q matches the subject, issuer and number/symbol, with or without diacritics")
    @GetMapping("/documents")
    public SearchPage<DocumentHit> documents(
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) DocumentStatus status,
            @RequestParam(required = false) Direction direction,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @Parameter(hidden = true) Identity who) {
        String unit;
        if (who.has(Role.INSPECTOR)) {
            unit = null;
        } else if (who.isOfficial() && who.unitId() != null) {
            unit = who.unitId();
        } else {
            throw Problem.forbidden("Chỉ cán bộ và thanh tra được tìm kiếm văn bản / Only officials and inspectors search");
        }
        if ((long) (page + 1) * size > MAX_WINDOW) {
            throw Problem.invalid("page", "Chỉ xem được " + MAX_WINDOW + " kết quả đầu; hãy thu hẹp tìm kiếm"
                    + " / Only the first " + MAX_WINDOW + " results can be paged; narrow the search");
        }
        try {
            return search.search(q, status == null ? null : status.name(), direction == null ? null : direction.name(),
                    unit, page, size);
        } catch (UncheckedIOException | SearchIndexingException e) {
            throw new Problem(Problem.Kind.UNAVAILABLE, "search-unavailable", "Dịch vụ tìm kiếm tạm thời gián đoạn",
                    "Search is temporarily unavailable", "Vui lòng thử lại sau ít phút / Please retry in a few minutes",
                    null);
        }
    }
}
