package vn.motcua.search;

import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

/**
 * The {@value #AUDIT_EVENTS} alias over generations of the audit index ({@code audit-events-<n>}), one document
 * per event of every registered aggregate type, created only here with the explicit mapping of
 * {@code audit-events-index.json} ({@code dynamic: strict}), on first use so that the application starts while
 * Elasticsearch is down. A rebuild creates the next generation beside the live one, fills it from the events of
 * every type, and moves the alias to it while dropping the old index in one atomic {@code _aliases} request
 * ({@link IndexGenerations}, as for dossiers and documents).
 */
public class AuditIndex {

    public static final String AUDIT_EVENTS = "audit-events";

    private final ElasticsearchClient client;
    private final IndexGenerations generations;

    public AuditIndex(ElasticsearchClient client) {
        this.client = client;
        this.generations = new IndexGenerations(client, List.of(AUDIT_EVENTS));
    }

    /** Makes sure the alias exists, creating generation 1 (or the next free one) the first time. */
    public void ensureIndex() {
        generations.ensure();
    }

    /** The index the alias points at, if the alias exists. */
    public Optional<String> currentIndex() {
        return generations.current().map(generation -> IndexGenerations.index(AUDIT_EVENTS, generation));
    }

    /** Creates an empty index of the next generation, not yet behind the alias, for a rebuild to fill. */
    public String createGeneration() {
        return IndexGenerations.index(AUDIT_EVENTS, generations.createNext());
    }

    /** Points the alias at {@code next} and deletes the indices it pointed at before, atomically. */
    public void swapAlias(String next) {
        if (!next.matches(AUDIT_EVENTS + "-[1-9][0-9]*")) {
            throw new IllegalArgumentException("not an audit index: " + next);
        }
        generations.swap(IndexGenerations.generationOf(next));
    }

    /** Refreshes one index, e.g. a rebuilt one before the alias moves to it. */
    public void refresh(String index) {
        IndexAdmin.call(() -> client.indices().refresh(r -> r.index(index)));
    }

    /** Makes everything indexed so far visible to search (tests; indexing never waits for it). */
    public void refresh() {
        generations.refresh();
    }
}
