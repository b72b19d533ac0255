package vn.motcua.search;

import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import vn.motcua.search.internal.DocumentRecord;

/**
 * Officials search the official documents (văn bản đi, văn bản đến) of their unit; inspectors those of
 * every unit. Text matches the subject, the issuer and the number/symbol without diacritics
 * ({@code vietnamese_folded}), the last word as a prefix; the exact number/symbol matches too. Newest first.
 * Secret documents (Mật and above) are found only by those the caller's {@link SecretDocuments} allows, and by their
 * metadata only: the index holds no trích yếu of them.
 */
public class DocumentSearch {

    private static final String NOT_SECRET = "NONE";

    private final ElasticsearchClient client;
    private final DocumentIndex index;

    public DocumentSearch(ElasticsearchClient client, DocumentIndex index) {
        this.client = client;
        this.index = index;
    }

    /** As {@link #search(String, String, String, String, SecretDocuments, int, int)}, showing no secret document. */
    public SearchPage<DocumentHit> search(String text, String status, String direction, String unitId, int page,
                                          int size) {
        return search(text, status, direction, unitId, SecretDocuments.none(), page, size);
    }

    /**
     * Searches documents. {@code unitId}, when not {@code null}, limits the results to that unit whatever
     * else is asked; {@code null} is for roles that see every unit. {@code secrets} says which secret documents may
     * be among the results. {@code status} and {@code direction} ({@code OUTGOING}/{@code INCOMING}) are optional
     * exact filters.
     */
    public SearchPage<DocumentHit> search(String text, String status, String direction, String unitId,
                                          SecretDocuments secrets, int page, int size) {
        Paging.check(page, size);
        index.ensureIndex();
        List<Query> filters = new ArrayList<>();
        if (unitId != null) {
            filters.add(term("unitId", unitId));
        }
        if (!secrets.unrestricted()) {
            filters.add(Query.of(q -> q.bool(bool -> {
                bool.should(term("secrecy", NOT_SECRET))
                        .should(s -> s.bool(none -> none.mustNot(m -> m.exists(e -> e.field("secrecy")))));
                if (secrets.officialId() != null) {
                    bool.should(term("readers", secrets.officialId()));
                }
                return bool.minimumShouldMatch("1");
            })));
        }
        if (hasText(text)) {
            String q = text.strip();
            filters.add(Query.of(b -> b.bool(bool -> bool
                    .should(s -> s.matchBoolPrefix(m -> m.field("searchText").query(q).operator(Operator.And)))
                    .should(term("numberSymbol", q))
                    .should(term("documentId", q))
                    .minimumShouldMatch("1"))));
        }
        if (hasText(status)) {
            filters.add(term("status", status.strip()));
        }
        if (hasText(direction)) {
            filters.add(term("direction", direction.strip()));
        }
        SearchResponse<DocumentRecord> response = IndexAdmin.call(() -> client.search(s -> s
                .index(DocumentIndex.DOCUMENTS)
                .query(q -> q.bool(b -> b.filter(filters)))
                .sort(SortOptions.of(o -> o.field(f -> f.field("updatedAt").order(SortOrder.Desc))),
                        SortOptions.of(o -> o.field(f -> f.field("documentId").order(SortOrder.Asc))))
                .trackTotalHits(t -> t.enabled(true))
                .from(page * size)
                .size(size), DocumentRecord.class));
        List<DocumentHit> hits = response.hits().hits().stream().map(Hit::source).map(DocumentSearch::toHit).toList();
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new SearchPage<>(total, page, size, hits);
    }

    private static DocumentHit toHit(DocumentRecord d) {
        return new DocumentHit(d.documentId(), d.direction(), d.numberSymbol(), d.arrivalNumber(), d.type(),
                d.subject(), d.issuer(), d.agencyId(), d.unitId(), d.issuedOn(), d.receivedOn(), d.status(),
                d.updatedAt(), d.version() == null ? -1 : d.version(), d.secrecy());
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
