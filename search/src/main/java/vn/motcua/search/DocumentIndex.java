package vn.motcua.search;

import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

/**
 * The {@value #DOCUMENTS} alias over generations of official-document indices ({@code documents-<n>}),
 * created only here with the explicit mapping of {@code documents-index.json} ({@code dynamic: strict}),
 * on first use so that the application starts while Elasticsearch is down. A rebuild creates the next
 * generation beside the live one, fills it, and moves the alias to it while dropping the old index in one
 * {@code _aliases} request, which Elasticsearch applies atomically ({@link IndexGenerations}, as for dossiers).
 */
public class DocumentIndex {

    public static final String DOCUMENTS = "documents";

    private final ElasticsearchClient client;
    private final IndexGenerations generations;

    public DocumentIndex(ElasticsearchClient client) {
        this.client = client;
        this.generations = new IndexGenerations(client, List.of(DOCUMENTS));
    }

    /** Makes sure the alias exists, creating generation 1 (or the next free one) the first time. */
    public void ensureIndex() {
        generations.ensure();
    }

    /** The index the alias points at, if the alias exists. */
    public Optional<String> currentIndex() {
        return generations.current().map(generation -> IndexGenerations.index(DOCUMENTS, generation));
    }

    /** Creates an empty index of the next generation, not yet behind the alias, for a rebuild to fill. */
    public String createGeneration() {
        return IndexGenerations.index(DOCUMENTS, generations.createNext());
    }

    /**
     * Points the alias at {@code next} and deletes the indices it pointed at before, in a single atomic
     * {@code _aliases} request: readers and the live indexer see either the old index or the new one.
     */
    public void swapAlias(String next) {
        if (!next.matches(DOCUMENTS + "-[1-9][0-9]*")) {
            throw new IllegalArgumentException("not a documents index: " + next);
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
