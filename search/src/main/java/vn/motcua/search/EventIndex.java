package vn.motcua.search;

import java.util.List;

/**
 * What search keeps for one aggregate type (or, for the audit index, for all), fed from their CloudEvents: live from Kafka
 * ({@link EventIndexConsumer}) and by replay ({@link IndexRebuildTarget}). Indexing is idempotent and
 * version-checked by the aggregate's sequence, so redelivered and replayed events change nothing.
 */
public interface EventIndex {

    /**
     * Whether it indexes the events of the aggregate type of that name ({@code dossier}, {@code document}):
     * one type for an index of one document per aggregate, every type for the audit index.
     */
    boolean indexes(String aggregateType);

    /** Indexes a batch into the live indices (behind their aliases). */
    IndexingResult index(List<EventEnvelope> events);

    /** Creates an empty generation of its indices and returns its id. */
    String createGeneration();

    /** Indexes a batch into a generation made by {@link #createGeneration()}. */
    IndexingResult index(List<EventEnvelope> events, String generation);

    /** Makes the generation the live one (refresh, move the aliases) and drops the previous one. */
    void activate(String generation);
}
