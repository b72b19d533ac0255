package vn.motcua.search;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import co.elastic.clients.elasticsearch.indices.resolve_index.ResolveIndexItem;

/**
 * The {@value #DOCUMENTS} alias over generations of official-document indices ({@code documents-<n>}),
 * created only here with the explicit mapping of {@code documents-index.json} ({@code dynamic: strict}),
 * on first use so that the application starts while Elasticsearch is down. A rebuild creates the next
 * generation beside the live one, fills it, and moves the alias to it while dropping the old index in one
 * {@code _aliases} request, which Elasticsearch applies atomically (as {@link IndexAdmin} does for dossiers).
 */
public class DocumentIndex {

    public static final String DOCUMENTS = "documents";

    private static final Logger log = LoggerFactory.getLogger(DocumentIndex.class);

    private final ElasticsearchClient client;
    private volatile boolean ready;

    public DocumentIndex(ElasticsearchClient client) {
        this.client = client;
    }

    /** Makes sure the alias exists, creating generation 1 (or the next free one) the first time. */
    public void ensureIndex() {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            List<ResolveIndexItem> indices = ours();
            boolean aliased = indices.stream().anyMatch(index -> index.aliases().contains(DOCUMENTS));
            if (!aliased) {
                String index = DOCUMENTS + "-" + nextGenerationNumber(indices);
                create(index, true);
                log.info("Search index {} created behind alias {}", index, DOCUMENTS);
            }
            ready = true;
        }
    }

    /** The index the alias points at, if the alias exists. */
    public Optional<String> currentIndex() {
        return ours().stream().filter(index -> index.aliases().contains(DOCUMENTS)).map(ResolveIndexItem::name)
                .findFirst();
    }

    /** Creates an empty index of the next generation, not yet behind the alias, for a rebuild to fill. */
    public String createGeneration() {
        String index = DOCUMENTS + "-" + nextGenerationNumber(ours());
        create(index, false);
        log.info("Search index {} created for a rebuild", index);
        return index;
    }

    /**
     * Points the alias at {@code next} and deletes the indices it pointed at before, in a single atomic
     * {@code _aliases} request: readers and the live indexer see either the old index or the new one.
     */
    public void swapAlias(String next) {
        if (!next.matches(DOCUMENTS + "-[1-9][0-9]*")) {
            throw new IllegalArgumentException("not a documents index: " + next);
        }
        List<Action> actions = new ArrayList<>();
        actions.add(Action.of(a -> a.add(add -> add.index(next).alias(DOCUMENTS))));
        List<String> old = ours().stream().filter(index -> index.aliases().contains(DOCUMENTS))
                .map(ResolveIndexItem::name).filter(index -> !index.equals(next)).toList();
        for (String index : old) {
            actions.add(Action.of(a -> a.removeIndex(remove -> remove.index(index))));
        }
        IndexAdmin.call(() -> client.indices().updateAliases(u -> u.actions(actions)));
        ready = true;
        log.info("Search alias {} moved to {}; removed {}", DOCUMENTS, next, old);
    }

    /** Refreshes one index, e.g. a rebuilt one before the alias moves to it. */
    public void refresh(String index) {
        IndexAdmin.call(() -> client.indices().refresh(r -> r.index(index)));
    }

    /** Makes everything indexed so far visible to search (tests; indexing never waits for it). */
    public void refresh() {
        ensureIndex();
        IndexAdmin.call(() -> client.indices().refresh(r -> r.index(DOCUMENTS)));
    }

    private List<ResolveIndexItem> ours() {
        return IndexAdmin.call(() -> client.indices().resolveIndex(r -> r.name(DOCUMENTS + "-*"))).indices();
    }

    private static long nextGenerationNumber(List<ResolveIndexItem> indices) {
        TreeSet<Long> numbers = new TreeSet<>();
        indices.forEach(index -> numbers.add(IndexAdmin.generationOf(index.name())));
        return numbers.isEmpty() ? 1 : numbers.last() + 1;
    }

    private void create(String index, boolean withAlias) {
        try {
            IndexAdmin.call(() -> {
                try (InputStream definition = definition()) {
                    return client.indices().create(c -> {
                        c.withJson(definition).index(index);
                        if (withAlias) {
                            c.aliases(DOCUMENTS, a -> a);
                        }
                        return c;
                    });
                }
            });
        } catch (ElasticsearchException e) {
            // another instance created it first: the same definition, so nothing is lost
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
            if (withAlias) {
                IndexAdmin.call(() -> client.indices().putAlias(p -> p.index(index).name(DOCUMENTS)));
            }
        }
    }

    private static InputStream definition() {
        InputStream in = DocumentIndex.class.getResourceAsStream(DOCUMENTS + "-index.json");
        if (in == null) {
            throw new IllegalStateException("missing index definition " + DOCUMENTS + "-index.json");
        }
        return in;
    }
}
