package vn.motcua.search;

import java.io.InputStream;
import java.util.List;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.resolve_index.ResolveIndexItem;

/**
 * The {@value #DOCUMENTS} alias over generations of official-document indices ({@code documents-<n>}),
 * created only here with the explicit mapping of {@code documents-index.json} ({@code dynamic: strict}),
 * on first use so that the application starts while Elasticsearch is down.
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
                TreeSet<Long> numbers = new TreeSet<>();
                indices.forEach(index -> numbers.add(IndexAdmin.generationOf(index.name())));
                String index = DOCUMENTS + "-" + (numbers.isEmpty() ? 1 : numbers.last() + 1);
                create(index);
                log.info("Search index {} created behind alias {}", index, DOCUMENTS);
            }
            ready = true;
        }
    }

    /** Makes everything indexed so far visible to search (tests; indexing never waits for it). */
    public void refresh() {
        ensureIndex();
        IndexAdmin.call(() -> client.indices().refresh(r -> r.index(DOCUMENTS)));
    }

    private List<ResolveIndexItem> ours() {
        return IndexAdmin.call(() -> client.indices().resolveIndex(r -> r.name(DOCUMENTS + "-*"))).indices();
    }

    private void create(String index) {
        try {
            IndexAdmin.call(() -> {
                try (InputStream definition = definition()) {
                    return client.indices().create(c -> c.withJson(definition).index(index)
                            .aliases(DOCUMENTS, a -> a));
                }
            });
        } catch (ElasticsearchException e) {
            // another instance created it first: the same definition, so nothing is lost
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
            IndexAdmin.call(() -> client.indices().putAlias(p -> p.index(index).name(DOCUMENTS)));
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
