package vn.motcua.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

/**
 * Creates and rotates the dossier search index through {@link IndexGenerations}. The alias {@value #DOSSIERS}
 * points at exactly one index of one generation; indices are created only here, with the explicit mapping of
 * {@code dossiers-index.json} ({@code dynamic: strict}), never by a first write. A rebuild creates the next
 * generation, fills it, and moves the alias and drops the old index in one {@code _aliases} request, which
 * Elasticsearch applies atomically. The audit index of every aggregate type has its own generations
 * ({@link AuditIndex}), rebuilt from the events of every type.
 */
public class IndexAdmin {

    public static final String DOSSIERS = "dossiers";

    private final IndexGenerations generations;

    public IndexAdmin(ElasticsearchClient client) {
        this.generations = new IndexGenerations(client, List.of(DOSSIERS));
    }

    /**
     * Makes sure the alias exists, creating generation 1 (or the next free one) on first use. Cheap
     * after the first success, so indexing and queries call it every time; it is not done at start-up so
     * that the application starts even while Elasticsearch is down.
     */
    public void ensureIndices() {
        generations.ensure();
    }

    /** The generation the alias points at, if they exist. */
    public Optional<IndexGeneration> currentGeneration() {
        return generations.current().map(IndexGeneration::new);
    }

    /** Creates empty indices of the next generation, not yet behind the aliases, for a rebuild to fill. */
    public IndexGeneration createGeneration() {
        return new IndexGeneration(generations.createNext());
    }

    /**
     * Points the alias at {@code next} and deletes the indices they pointed at before, in a single
     * atomic {@code _aliases} request.
     */
    public void swapAliases(IndexGeneration next) {
        generations.swap(next.number());
    }

    /** Deletes the indices of a generation a failed rebuild left behind; refuses the live one. */
    public void discard(IndexGeneration generation) {
        generations.discard(generation.number());
    }

    /**
     * Makes everything indexed so far visible to search. Indexing never waits for a refresh (the index's own
     * periodic refresh, every 200 ms, suffices for people); tests and a rebuild's final check call this.
     */
    public void refresh() {
        generations.refresh();
    }

    /** Refreshes the indices of one generation, e.g. before comparing a rebuild with the live state. */
    public void refresh(IndexGeneration generation) {
        generations.refresh(generation.number());
    }

    static long generationOf(String index) {
        return IndexGenerations.generationOf(index);
    }

    interface ElasticsearchCall<T> {
        T call() throws IOException;
    }

    static <T> T call(ElasticsearchCall<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch unreachable: " + e.getMessage(), e);
        }
    }
}
