package vn.motcua.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import co.elastic.clients.elasticsearch.indices.resolve_index.ResolveIndexItem;

/**
 * Creates and rotates the search indices. Each alias — {@value #DOSSIERS} and {@value #AUDIT_EVENTS} —
 * points at exactly one index of one generation; indices are created only here, with the explicit
 * mappings of {@code dossiers-index.json} and {@code audit-events-index.json} ({@code dynamic: strict}),
 * never by a first write. A rebuild creates the next generation, fills it, and swaps both aliases and
 * drops the old indices in one {@code _aliases} request, which Elasticsearch applies atomically: a
 * reader sees either the old pair or the new pair, never a mix.
 */
public class IndexAdmin {

    public static final String DOSSIERS = "dossiers";
    public static final String AUDIT_EVENTS = "audit-events";

    private static final Logger log = LoggerFactory.getLogger(IndexAdmin.class);

    private final ElasticsearchClient client;
    private volatile boolean ready;

    public IndexAdmin(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * Makes sure both aliases exist, creating generation 1 (or the next free one) on first use. Cheap
     * after the first success, so indexing and queries call it every time; it is not done at start-up so
     * that the application starts even while Elasticsearch is down.
     */
    public void ensureIndices() {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            Map<String, List<String>> aliases = aliasTargets();
            List<String> dossiers = aliases.getOrDefault(DOSSIERS, List.of());
            List<String> audit = aliases.getOrDefault(AUDIT_EVENTS, List.of());
            if (dossiers.isEmpty() || audit.isEmpty()) {
                Optional<Long> existing = (dossiers.isEmpty() ? audit : dossiers).stream().findFirst()
                        .map(IndexAdmin::generationOf);
                IndexGeneration generation = new IndexGeneration(existing.orElseGet(this::nextGenerationNumber));
                if (dossiers.isEmpty()) {
                    create(DOSSIERS, generation.dossiersIndex(), true);
                }
                if (audit.isEmpty()) {
                    create(AUDIT_EVENTS, generation.auditEventsIndex(), true);
                }
                log.info("Search indices of generation {} created behind aliases {} and {}", generation.number(),
                        DOSSIERS, AUDIT_EVENTS);
            }
            ready = true;
        }
    }

    /** The generation both aliases point at, if they exist. */
    public Optional<IndexGeneration> currentGeneration() {
        List<String> targets = aliasTargets().getOrDefault(DOSSIERS, List.of());
        return targets.isEmpty() ? Optional.empty() : Optional.of(new IndexGeneration(generationOf(targets.get(0))));
    }

    /** Creates empty indices of the next generation, not yet behind the aliases, for a rebuild to fill. */
    public IndexGeneration createGeneration() {
        IndexGeneration generation = new IndexGeneration(nextGenerationNumber());
        create(DOSSIERS, generation.dossiersIndex(), false);
        create(AUDIT_EVENTS, generation.auditEventsIndex(), false);
        log.info("Search indices of generation {} created for a rebuild", generation.number());
        return generation;
    }

    /**
     * Points both aliases at {@code next} and deletes the indices they pointed at before, in a single
     * atomic {@code _aliases} request.
     */
    public void swapAliases(IndexGeneration next) {
        Map<String, List<String>> current = aliasTargets();
        List<Action> actions = new ArrayList<>();
        actions.add(Action.of(a -> a.add(add -> add.index(next.dossiersIndex()).alias(DOSSIERS))));
        actions.add(Action.of(a -> a.add(add -> add.index(next.auditEventsIndex()).alias(AUDIT_EVENTS))));
        List<String> old = new ArrayList<>();
        old.addAll(current.getOrDefault(DOSSIERS, List.of()));
        old.addAll(current.getOrDefault(AUDIT_EVENTS, List.of()));
        old.remove(next.dossiersIndex());
        old.remove(next.auditEventsIndex());
        for (String index : old) {
            actions.add(Action.of(a -> a.removeIndex(remove -> remove.index(index))));
        }
        call(() -> client.indices().updateAliases(u -> u.actions(actions)));
        ready = true;
        log.info("Search aliases moved to generation {}; removed {}", next.number(), old);
    }

    /** Deletes the indices of a generation a failed rebuild left behind; refuses the live one. */
    public void discard(IndexGeneration generation) {
        if (currentGeneration().filter(generation::equals).isPresent()) {
            throw new IllegalStateException("generation " + generation.number() + " is live");
        }
        call(() -> client.indices().delete(d -> d.index(generation.dossiersIndex(), generation.auditEventsIndex())
                .ignoreUnavailable(true)));
    }

    /**
     * Makes everything indexed so far visible to search. Indexing never waits for a refresh (the
     * one-second periodic refresh suffices for people); tests and a rebuild's final check call this.
     */
    public void refresh() {
        ensureIndices();
        call(() -> client.indices().refresh(r -> r.index(DOSSIERS, AUDIT_EVENTS)));
    }

    /** Refreshes the indices of one generation, e.g. before comparing a rebuild with the live state. */
    public void refresh(IndexGeneration generation) {
        call(() -> client.indices().refresh(r -> r.index(generation.dossiersIndex(), generation.auditEventsIndex())));
    }

    /** Alias name → the indices it points at, for both aliases. */
    private Map<String, List<String>> aliasTargets() {
        Map<String, List<String>> targets = new TreeMap<>();
        for (ResolveIndexItem index : ourIndices()) {
            for (String alias : index.aliases()) {
                targets.computeIfAbsent(alias, a -> new ArrayList<>()).add(index.name());
            }
        }
        return targets;
    }

    private List<ResolveIndexItem> ourIndices() {
        return call(() -> client.indices().resolveIndex(r -> r.name(DOSSIERS + "-*", AUDIT_EVENTS + "-*"))).indices();
    }

    private long nextGenerationNumber() {
        TreeSet<Long> numbers = new TreeSet<>();
        for (ResolveIndexItem index : ourIndices()) {
            numbers.add(generationOf(index.name()));
        }
        return numbers.isEmpty() ? 1 : numbers.last() + 1;
    }

    static long generationOf(String index) {
        int dash = index.lastIndexOf('-');
        try {
            return Long.parseLong(index.substring(dash + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void create(String alias, String index, boolean withAlias) {
        try {
            call(() -> {
                try (InputStream definition = definition(alias)) {
                    return client.indices().create(c -> {
                        c.withJson(definition).index(index);
                        if (withAlias) {
                            c.aliases(alias, a -> a);
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
                call(() -> client.indices().putAlias(p -> p.index(index).name(alias)));
            }
        }
    }

    private static InputStream definition(String alias) {
        String resource = alias + "-index.json";
        InputStream in = IndexAdmin.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing index definition " + resource);
        }
        return in;
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
