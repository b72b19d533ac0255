package vn.motcua.search;

import java.util.List;

/**
 * What search keeps for one aggregate type, fed from that type's CloudEvents: live from Kafka
 * ({@link EventIndexConsumer}) and by replay ({@link IndexRebuildTarget}). Indexing is idempotent and
 * version-checked by the aggregate's sequence, so redelivered and replayed events change nothing.
 */
public interface EventIndex {

    /** The aggregate type whose events it indexes, by name: {@code dossier}, {@code document}. */
    String aggregateType();

    /** Indexes a batch into the live indices (behind their aliases). */
    IndexingResult index(List<EventEnvelope> events);

    /** Creates an empty generation of its indices and returns its id. */
    String createGeneration();

    /** Indexes a batch into a generation made by {@link #createGeneration()}. */
    IndexingResult index(List<EventEnvelope> events, String generation);

    /** Makes the generation the live one (refresh, move the aliases) and drops the previous one. */
    void activate(String generation);
}
