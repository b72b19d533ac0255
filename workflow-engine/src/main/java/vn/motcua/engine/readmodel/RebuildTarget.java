package vn.motcua.engine.readmodel;

import java.util.List;
import java.util.Set;

/**
 * Something rebuilt from the event store: it prepares an empty new generation, takes the replayed
 * events of its aggregate types, and switches readers to the new generation at the end. Applying an event
 * twice must change nothing, because the live processors keep writing while a rebuild catches up.
 */
public interface RebuildTarget {

    /** The name an administrator picks this target by, e.g. {@code mongodb} or {@code documents}. */
    String name();

    /**
     * The aggregate types whose events rebuild this target, as the event store records them with each event
     * ({@code domain_event_entry.type}, {@link vn.motcua.engine.platform.AggregateType#storedType()}, e.g.
     * {@code Dossier}).
     */
    Set<String> aggregateTypes();

    /** Creates an empty generation and returns its id. */
    String prepare();

    /** Applies events of {@link #aggregateTypes()}, in the order of the event store. */
    void apply(String generation, List<Replayed> events);

    /** Points readers and live writers to the generation and drops the previous one. */
    void activate(String generation);

    /**
     * One event from the store, with its id and its aggregate's sequence number. The event is the payload
     * of an event of one of the target's {@link #aggregateTypes()} (for {@code Dossier}, a {@code DossierEvent}).
     */
    record Replayed(String eventId, long sequence, Object event) {
    }
}
