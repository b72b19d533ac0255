package vn.motcua.engine.platform;

import java.util.Objects;
import java.util.function.Function;

/**
 * One kind of event-sourced aggregate that the platform serves: dossiers and official documents today, more
 * tomorrow. A tenant registers one bean of this type and gets, with nothing copied, every mechanism the
 * platform keys by aggregate type: sealing in the append's transaction, chaining and Merkle checkpoints,
 * the inspector's trail and package, CloudEvents on Kafka, read models and rebuilds (docs/architecture.md,
 * "Adding an aggregate type").
 *
 * <p>The platform's one convention for events: each carries its {@code actor} (id, name, role, unitId), and
 * the first event of an aggregate names the unit that owns it in a top-level {@code unitId} when steps that no
 * official takes (a citizen's, the system's) can follow — those are sealed with that unit's agency seal.
 *
 * @param name        singular name in CloudEvents types ({@code vn.motcua.<name>.<Event>}) and logs: {@code dossier}
 * @param collection  plural used in API paths and indexes: {@code /api/v1/audit/dossiers/{id}/trail}
 * @param storedType  the aggregate type Axon records with each event ({@code domain_event_entry.type})
 * @param eventType   the common supertype of its events
 * @param aggregateId the id of the aggregate an event belongs to (the CloudEvent's subject, the Kafka key)
 * @param labelVi     what an inspector or citizen calls one of them: "hồ sơ", "văn bản"
 * @param statusAfter the status (enum name) an event leaves its aggregate in, or {@code null} when the event
 *                    does not change it: the tenant's one status fold, published with each CloudEvent as its
 *                    {@code status} extension so that no consumer folds statuses again
 * @param <E>         its event type
 */
public record AggregateType<E>(String name, String collection, String storedType, Class<E> eventType,
                               Function<E, String> aggregateId, String labelVi, Function<E, String> statusAfter) {

    /** A type whose events carry no status (nothing is published as the {@code status} extension). */
    public AggregateType(String name, String collection, String storedType, Class<E> eventType,
                         Function<E, String> aggregateId, String labelVi) {
        this(name, collection, storedType, eventType, aggregateId, labelVi, event -> null);
    }

    public AggregateType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(storedType, "storedType");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(statusAfter, "statusAfter");
        if (!name.matches("[a-z][a-z0-9-]*") || !collection.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("Aggregate type names are lower-case words: " + name + ", " + collection);
        }
    }

    /** Whether this event is one of ours. */
    public boolean owns(Object event) {
        return eventType.isInstance(event);
    }

    /** The id of the aggregate the event belongs to; the event must be one of ours. */
    public String idOf(Object event) {
        return aggregateId.apply(eventType.cast(event));
    }

    /** The status the event leaves its aggregate in, or {@code null} when it does not change it. */
    public String statusOf(Object event) {
        return statusAfter.apply(eventType.cast(event));
    }

    /**
     * The Kafka topic its events are published to unless configured otherwise
     * ({@code motcua.kafka.topics.<name>-events.name}): {@code motcua.dossier-events}, {@code motcua.document-events}.
     */
    public String topic() {
        return "motcua." + name + "-events";
    }
}
