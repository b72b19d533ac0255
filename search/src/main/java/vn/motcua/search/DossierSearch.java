package vn.motcua.search;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import vn.motcua.engine.dossier.DossierStatus;
import vn.motcua.search.internal.AuditDocument;
import vn.motcua.search.internal.DossierDocument;
import vn.motcua.search.internal.JsonText;

/**
 * The three ways people search dossiers:
 * <ul>
 *   <li>officials search their unit's dossiers (Decree 61/2018/ND-CP: an official handles the
 *   dossiers of the unit he belongs to) — the unit filter is applied here, not left to the caller;</li>
 *   <li>the public looks one dossier up by its code plus the phone or identity number given at
 *   submission (tra cứu hồ sơ, Decree 61/2018/ND-CP) and learns only its status; a wrong
 *   number and an unknown code give the same empty answer, so the lookup cannot be used to probe codes;</li>
 *   <li>inspectors search the audit trail of every step, of dossiers and of every other aggregate type.</li>
 * </ul>
 * Vietnamese text is matched without diacritics ({@code vietnamese_folded}: lowercase + asciifolding),
 * so "Nguyen Van A" finds "Nguyễn Văn A", and the last word may be a prefix of the stored word.
 * "Overdue" and date ranges use the agency's legal time zone, the zone of the one clock.
 */
public class DossierSearch {

    private static final String[] PERSONAL_FIELDS = {"applicantPhone", "applicantIdNumber"};
    private static final List<FieldValue> CLOSED_STATUSES = Arrays.stream(DossierStatus.values())
            .filter(DossierStatus::isClosed).map(status -> FieldValue.of(status.name())).toList();

    private final ElasticsearchClient client;
    private final IndexAdmin indexAdmin;
    private final AuditIndex auditIndex;
    private final Clock clock;

    public DossierSearch(ElasticsearchClient client, IndexAdmin indexAdmin, AuditIndex auditIndex, Clock clock) {
        this.client = client;
        this.indexAdmin = indexAdmin;
        this.auditIndex = auditIndex;
        this.clock = clock;
    }

    /**
     * Searches dossiers. {@code unitId} is the official's unit and, when not {@code null}, limits the
     * results to it whatever the query says; {@code null} is for roles that see every unit.
     */
    public SearchPage<DossierHit> search(DossierQuery query, String unitId) {
        indexAdmin.ensureIndices();
        ZoneId zone = clock.getZone();
        List<Query> filters = new ArrayList<>();
        if (unitId != null) {
            filters.add(term("unitId", unitId));
        }
        if (hasText(query.text())) {
            String text = query.text().strip();
            filters.add(Query.of(q -> q.bool(b -> b
                    .should(s -> s.matchBoolPrefix(m -> m.field("searchText").query(text).operator(Operator.And)))
                    .should(term("code", text))
                    .minimumShouldMatch("1"))));
        }
        if (hasText(query.procedureCode())) {
            filters.add(term("procedureCode", query.procedureCode().strip()));
        }
        if (!query.statuses().isEmpty()) {
            List<FieldValue> statuses = query.statuses().stream().map(s -> FieldValue.of(s.name())).toList();
            filters.add(Query.of(q -> q.terms(t -> t.field("status").terms(v -> v.value(statuses)))));
        }
        if (query.receivedFrom() != null || query.receivedTo() != null) {
            filters.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field("receivedAt").timeZone(zone.getId()).format("strict_date");
                if (query.receivedFrom() != null) {
                    d.gte(query.receivedFrom().toString());
                }
                if (query.receivedTo() != null) {
                    d.lt(query.receivedTo().plusDays(1).toString());
                }
                return d;
            }))));
        }
        if (query.dueFrom() != null || query.dueTo() != null) {
            filters.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field("dueDate");
                if (query.dueFrom() != null) {
                    d.gte(query.dueFrom().toString());
                }
                if (query.dueTo() != null) {
                    d.lte(query.dueTo().toString());
                }
                return d;
            }))));
        }
        if (query.overdue()) {
            String today = LocalDate.now(clock).toString();
            filters.add(Query.of(q -> q.range(r -> r.date(d -> d.field("dueDate").lt(today)))));
            filters.add(Query.of(q -> q.bool(b -> b.mustNot(n -> n.terms(t -> t.field("status")
                    .terms(v -> v.value(CLOSED_STATUSES)))))));
        }
        SortOrder order = query.ascending() ? SortOrder.Asc : SortOrder.Desc;
        SearchResponse<DossierDocument> response = IndexAdmin.call(() -> client.search(s -> s
                .index(IndexAdmin.DOSSIERS)
                .query(q -> q.bool(b -> b.filter(filters)))
                .sort(SortOptions.of(o -> o.field(f -> f.field(query.sort().field()).order(order))),
                        SortOptions.of(o -> o.field(f -> f.field("code").order(SortOrder.Asc))))
                .source(src -> src.filter(f -> f.excludes(List.of(PERSONAL_FIELDS))))
                .trackTotalHits(t -> t.enabled(true))
                .from(query.page() * query.size())
                .size(query.size()), DossierDocument.class));
        List<DossierHit> hits = response.hits().hits().stream().map(Hit::source).map(DossierSearch::toHit).toList();
        return new SearchPage<>(total(response), query.page(), query.size(), hits);
    }

    /**
     * The public lookup: the dossier's status when {@code code} exists and {@code phoneOrIdNumber}
     * equals the phone or the identity number its applicant gave; otherwise empty, whichever part was wrong.
     */
    public Optional<PublicDossierStatus> publicLookup(String code, String phoneOrIdNumber) {
        if (!hasText(code) || !hasText(phoneOrIdNumber)) {
            return Optional.empty();
        }
        indexAdmin.ensureIndices();
        String phone = JsonText.normalizePhone(phoneOrIdNumber);
        String idNumber = JsonText.normalizeIdNumber(phoneOrIdNumber);
        List<Query> proofs = new ArrayList<>();
        if (phone != null) {
            proofs.add(term("applicantPhone", phone));
        }
        if (idNumber != null) {
            proofs.add(term("applicantIdNumber", idNumber));
        }
        if (proofs.isEmpty()) {
            return Optional.empty();
        }
        SearchResponse<DossierDocument> response = IndexAdmin.call(() -> client.search(s -> s
                .index(IndexAdmin.DOSSIERS)
                .query(q -> q.bool(b -> b
                        .filter(term("code", code.strip()))
                        .filter(f -> f.bool(either -> either.should(proofs).minimumShouldMatch("1")))))
                .source(src -> src.filter(f -> f.includes("code", "procedureName", "status", "receivedAt", "dueDate")))
                .size(1), DossierDocument.class));
        return response.hits().hits().stream().map(Hit::source).findFirst()
                .map(d -> new PublicDossierStatus(d.code(), d.procedureName(), status(d.status()), d.receivedAt(),
                        d.dueDate()));
    }

    /** The inspectors' search over every recorded step of every aggregate type, newest first. */
    public SearchPage<AuditHit> audit(AuditQuery query) {
        auditIndex.ensureIndex();
        List<Query> filters = new ArrayList<>();
        if (hasText(query.actorId())) {
            filters.add(term("actorId", query.actorId().strip()));
        }
        if (hasText(query.action())) {
            filters.add(term("type", query.action().strip()));
        }
        if (hasText(query.dossierCode())) {
            filters.add(term("dossierCode", query.dossierCode().strip()));
        }
        if (hasText(query.aggregateType())) {
            filters.add(term("aggregateType", query.aggregateType().strip()));
        }
        if (hasText(query.aggregateId())) {
            filters.add(term("aggregateId", query.aggregateId().strip()));
        }
        if (query.from() != null || query.to() != null) {
            filters.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field("time");
                if (query.from() != null) {
                    d.gte(query.from().toString());
                }
                if (query.to() != null) {
                    d.lt(query.to().toString());
                }
                return d;
            }))));
        }
        if (hasText(query.text())) {
            String text = query.text().strip();
            filters.add(Query.of(q -> q.matchBoolPrefix(m -> m.field("text").query(text).operator(Operator.And))));
        }
        SearchResponse<AuditDocument> response = IndexAdmin.call(() -> client.search(s -> s
                .index(AuditIndex.AUDIT_EVENTS)
                .query(q -> q.bool(b -> b.filter(filters)))
                .sort(SortOptions.of(o -> o.field(f -> f.field("time").order(SortOrder.Desc))),
                        SortOptions.of(o -> o.field(f -> f.field("aggregateId").order(SortOrder.Asc)
                                .unmappedType(FieldType.Keyword))),
                        SortOptions.of(o -> o.field(f -> f.field("sequence").order(SortOrder.Desc))))
                .source(src -> src.filter(f -> f.excludes("text")))
                .trackTotalHits(t -> t.enabled(true))
                .from(query.page() * query.size())
                .size(query.size()), AuditDocument.class));
        List<AuditHit> hits = response.hits().hits().stream().map(Hit::source)
                .map(a -> new AuditHit(a.eventId(), a.aggregateType(), a.aggregateId(), a.dossierCode(), a.type(),
                        a.sequence(), a.time(), a.actorId(), a.actorName(), a.actorRole(), a.actorUnitId(),
                        a.comment(), a.documentHashes() == null ? List.of() : a.documentHashes()))
                .toList();
        return new SearchPage<>(total(response), query.page(), query.size(), hits);
    }

    private static DossierHit toHit(DossierDocument d) {
        return new DossierHit(d.code(), d.procedureCode(), d.procedureName(), d.unitId(), d.applicantName(),
                d.subject(), status(d.status()), d.receivedAt(), d.dueDate(), d.handlerId(), d.updatedAt(),
                d.version() == null ? -1 : d.version());
    }

    private static DossierStatus status(String status) {
        return status == null ? null : DossierStatus.valueOf(status);
    }

    private static long total(SearchResponse<?> response) {
        return response.hits().total() == null ? response.hits().hits().size() : response.hits().total().value();
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
