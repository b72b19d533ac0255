package vn.motcua.engine.readmodel;

import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoCollection;

import vn.motcua.engine.platform.AggregateType;

/**
 * What a tenant supplies to get a MongoDB read model: how one event changes the view of its aggregate. The
 * platform ({@link MongoReadModels}) does the rest once for every type: it runs the projection in the
 * {@value MongoReadModels#PROCESSING_GROUP} tracking processor, keeps one view document per aggregate
 * ({@code _id} = aggregate id, {@code version} = sequence number of the last event applied) in a generation of
 * {@link #views()}, writes it only when the event is newer than the view (version-checked, so applying an
 * event twice changes nothing: mongo-java-server has no transactions), serves reads, and rebuilds every view
 * by replay ({@link Rebuilds}).
 *
 * @param <E> the type's event type
 */
public interface Projection<E> {

    AggregateType<E> type();

    /** The base name of the views' collection, e.g. {@code dossier_views}; a generation suffix is added. */
    String views();

    /**
     * The view after {@code event}: a new document for the aggregate's first event ({@code current} is null),
     * else {@code current} changed. {@code _id} and {@code version} are set by the platform. A pure function of
     * its arguments, so replaying the events gives the same view.
     */
    Document apply(Document current, E event, long sequence);

    /** Done before the view is written, e.g. copying attachments to GridFS; doing it twice must be harmless. */
    default void beforeApply(E event) {
    }

    /** Further collections the projection keeps in each generation, derived from its views (e.g. counters). */
    default List<String> derived() {
        return List.of();
    }

    /**
     * The key of what {@link #derived()} holds that depends on {@code view} (e.g. the unit whose counters count it),
     * or null if none. Every view written, or found already written, is collected by its key, and each key is
     * recomputed once ({@link #recompute}) when the batch of events ends: at the processor batch's prepare-commit,
     * before the position moves, and after each chunk of a rebuild.
     */
    default String derivedKey(Document view) {
        return null;
    }

    /**
     * Recomputes, from the views, what {@link #derived()} holds for {@code key}; never incremented, so recomputing
     * twice or late is harmless.
     */
    default void recompute(Generation generation, String key) {
    }

    /** One generation of the read models: its collections are named {@code <base>_<id>}. */
    interface Generation {

        String id();

        MongoCollection<Document> collection(String baseName);
    }
}
