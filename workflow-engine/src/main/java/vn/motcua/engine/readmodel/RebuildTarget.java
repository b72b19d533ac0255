package vn.motcua.engine.readmodel;

import java.util.List;

import vn.motcua.engine.dossier.DossierEvent;

/**
 * Something rebuilt from the event store: it prepares an empty new generation, takes the replayed
 * events, and switches readers to the new generation at the end. Applying an event twice must change
 * nothing, because the live processors keep writing while a rebuild catches up.
 */
public interface RebuildTarget {

    String name();

    /** Creates an empty generation and returns its id. */
    String prepare();

    void apply(String generation, List<Replayed> events);

    /** Points readers and live writers to the generation and drops the previous one. */
    void activate(String generation);

    /** One event from the store, with its id and its dossier's sequence number. */
    record Replayed(String eventId, long sequence, DossierEvent event) {
    }
}
