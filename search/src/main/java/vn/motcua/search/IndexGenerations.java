package vn.motcua.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.resolve_index.ResolveIndexItem;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;

/**
 * Generations of a set of aliased search indices — the one way every {@link EventIndex} creates and rotates its
 * indices. Each alias points at exactly one index {@code <alias>-<n>} of one generation {@code n}; indices are
 * created only here, with the explicit mappings of {@code <alias>-index.json}, never by a first write. A rebuild
 * creates the next generation, fills it, and moves every alias and drops the old indices in one {@code _aliases}
 * request, which Elasticsearch applies atomically: a reader sees either the old generation or the new one.
 *
 * <p>The dossier and audit definitions refresh every 200 ms rather than Elasticsearch's 1 s: a refresh is what
 * makes an indexed event searchable, and at 1 s it was most of the event-to-searchable lag (docs/benchmarks.md,
 * indexing lag). At the pipeline's rates the extra refreshes cost little; nothing is written with a refresh of its
 * own, and bulk loads may turn refresh off meanwhile.
 */
final class IndexGenerations {

    private static final Logger log = LoggerFactory.getLogger(IndexGenerations.class);

    private final ElasticsearchClient client;
    private final List<String> aliases;
    private volatile boolean ready;

    IndexGenerations(ElasticsearchClient client, List<String> aliases) {
        this.client = client;
        this.aliases = List.copyOf(aliases);
    }

    static String index(String alias, long generation) {
        return alias + "-" + generation;
    }

    static long generationOf(String index) {
        int dash = index.lastIndexOf('-');
        try {
            return Long.parseLong(index.substring(dash + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Makes sure every alias exists, creating its index of the current generation (or of the next free one) on
     * first use. Cheap after the first success; not done at start-up, so that the application starts while
     * Elasticsearch is down.
     */
    void ensure() {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            // one reading of the indices for both the aliases and the next free generation: nodes starting together
            // then choose the same generation (one creates it, the others find it there and add its alias), where two
            // readings let a node see the index another had just created and make a second one behind the same alias
            List<ResolveIndexItem> indices = ours();
            Map<String, List<String>> targets = aliasTargets(indices);
            List<String> missing = aliases.stream().filter(alias -> targets.getOrDefault(alias, List.of()).isEmpty())
                    .toList();
            if (!missing.isEmpty()) {
                long generation = aliases.stream().flatMap(alias -> targets.getOrDefault(alias, List.of()).stream())
                        .findFirst().map(IndexGenerations::generationOf).orElseGet(() -> next(indices));
                missing.forEach(alias -> create(alias, index(alias, generation), true));
                log.info("Search indices of generation {} created behind aliases {}", generation, missing);
            }
            aliases.stream().filter(alias -> !missing.contains(alias)).forEach(this::upgrade);
            ready = true;
        }
    }

    /**
     * Puts the definition's mapping and refresh interval on the live index, so that an index created before a later
     * version is upgraded in place: fields that version added (e.g. the audit index's {@code aggregateType}) are
     * accepted — Elasticsearch adds new fields and keeps the existing ones, which a definition never changes (that
     * needs a rebuild) — and its refresh interval, a dynamic setting, takes effect at once.
     */
    private void upgrade(String alias) {
        JsonNode definition;
        try (InputStream in = definition(alias)) {
            definition = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the definition of " + alias, e);
        }
        String mappings = definition.get("mappings").toString();
        IndexAdmin.call(() -> client.indices().putMapping(p -> p.index(alias).withJson(new StringReader(mappings))));
        JsonNode refreshInterval = definition.path("settings").path("refresh_interval");
        if (refreshInterval.isTextual()) {
            IndexAdmin.call(() -> client.indices().putSettings(p -> p.index(alias)
                    .settings(settings -> settings.refreshInterval(time -> time.time(refreshInterval.asText())))));
        }
    }

    /** The generation the aliases point at, if they exist. */
    Optional<Long> current() {
        List<String> targets = aliasTargets().getOrDefault(aliases.getFirst(), List.of());
        return targets.isEmpty() ? Optional.empty() : Optional.of(generationOf(targets.getFirst()));
    }

    /** Creates empty indices of the next generation, not yet behind the aliases, for a rebuild to fill. */
    long createNext() {
        long generation = next();
        aliases.forEach(alias -> create(alias, index(alias, generation), false));
        log.info("Search indices of generation {} of {} created for a rebuild", generation, aliases);
        return generation;
    }

    /** Points every alias at its index of {@code next} and deletes the indices they pointed at before, atomically. */
    void swap(long next) {
        Map<String, List<String>> current = aliasTargets();
        List<Action> actions = new ArrayList<>();
        List<String> old = new ArrayList<>();
        for (String alias : aliases) {
            String index = index(alias, next);
            actions.add(Action.of(a -> a.add(add -> add.index(index).alias(alias))));
            current.getOrDefault(alias, List.of()).stream().filter(previous -> !previous.equals(index))
                    .forEach(old::add);
        }
        for (String index : old) {
            actions.add(Action.of(a -> a.removeIndex(remove -> remove.index(index))));
        }
        IndexAdmin.call(() -> client.indices().updateAliases(u -> u.actions(actions)));
        ready = true;
        log.info("Search aliases {} moved to generation {}; removed {}", aliases, next, old);
    }

    /** Deletes the indices of a generation a failed rebuild left behind; refuses the live one. */
    void discard(long generation) {
        if (current().filter(live -> live == generation).isPresent()) {
            throw new IllegalStateException("generation " + generation + " is live");
        }
        List<String> indices = aliases.stream().map(alias -> index(alias, generation)).toList();
        IndexAdmin.call(() -> client.indices().delete(d -> d.index(indices).ignoreUnavailable(true)));
    }

    /** Makes everything indexed so far through the aliases visible to search. */
    void refresh() {
        ensure();
        IndexAdmin.call(() -> client.indices().refresh(r -> r.index(aliases)));
    }

    /** Refreshes the indices of one generation, e.g. a rebuilt one before the aliases move to it. */
    void refresh(long generation) {
        List<String> indices = aliases.stream().map(alias -> index(alias, generation)).toList();
        IndexAdmin.call(() -> client.indices().refresh(r -> r.index(indices)));
    }

    /** Alias name → the indices it points at. */
    private Map<String, List<String>> aliasTargets() {
        return aliasTargets(ours());
    }

    private static Map<String, List<String>> aliasTargets(List<ResolveIndexItem> indices) {
        Map<String, List<String>> targets = new TreeMap<>();
        for (ResolveIndexItem index : indices) {
            for (String alias : index.aliases()) {
                targets.computeIfAbsent(alias, a -> new ArrayList<>()).add(index.name());
            }
        }
        return targets;
    }

    private List<ResolveIndexItem> ours() {
        List<String> patterns = aliases.stream().map(alias -> alias + "-*").toList();
        return IndexAdmin.call(() -> client.indices().resolveIndex(r -> r.name(patterns))).indices();
    }

    private long next() {
        return next(ours());
    }

    private static long next(List<ResolveIndexItem> indices) {
        TreeSet<Long> numbers = new TreeSet<>();
        indices.forEach(index -> numbers.add(generationOf(index.name())));
        return numbers.isEmpty() ? 1 : numbers.last() + 1;
    }

    private void create(String alias, String index, boolean withAlias) {
        createIndex(alias, index, withAlias);
        // a new index takes writes and reads only once its shard has started: on a busy node that is after the
        // create call has answered, and a rebuild's first reads would fail with "no shard available"
        IndexAdmin.call(() -> client.cluster().health(health -> health.index(index)
                .waitForStatus(co.elastic.clients.elasticsearch._types.HealthStatus.Yellow)
                .timeout(time -> time.time("60s"))));
    }

    private void createIndex(String alias, String index, boolean withAlias) {
        try {
            IndexAdmin.call(() -> {
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
                IndexAdmin.call(() -> client.indices().putAlias(p -> p.index(index).name(alias)));
            }
        }
    }

    private static InputStream definition(String alias) {
        String resource = alias + "-index.json";
        InputStream in = IndexGenerations.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing index definition " + resource);
        }
        return in;
    }
}
