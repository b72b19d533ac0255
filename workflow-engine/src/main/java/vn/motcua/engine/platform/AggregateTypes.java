package vn.motcua.engine.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every registered {@link AggregateType}, found by name, by collection, by the type Axon stores, by event —
 * and, for one aggregate id, by what the event store says it is. The one place that knows which kinds exist.
 */
public class AggregateTypes {

    private final List<AggregateType<?>> types;
    private final Map<String, AggregateType<?>> byCollection = new HashMap<>();
    private final Map<String, AggregateType<?>> byStoredType = new HashMap<>();
    private final JdbcTemplate jdbc;

    public AggregateTypes(List<AggregateType<?>> types, JdbcTemplate jdbc) {
        this.types = List.copyOf(types);
        this.jdbc = jdbc;
        for (AggregateType<?> type : this.types) {
            unique(byCollection, type.collection(), type);
            unique(byStoredType, type.storedType(), type);
        }
    }

    private static void unique(Map<String, AggregateType<?>> index, String key, AggregateType<?> type) {
        AggregateType<?> other = index.putIfAbsent(key, type);
        if (other != null) {
            throw new IllegalStateException("Two aggregate types registered as " + key + ": " + other.name()
                    + " and " + type.name());
        }
    }

    public List<AggregateType<?>> all() {
        return types;
    }

    public Optional<AggregateType<?>> byCollection(String collection) {
        return Optional.ofNullable(byCollection.get(collection));
    }

    public Optional<AggregateType<?>> byStoredType(String storedType) {
        return Optional.ofNullable(byStoredType.get(storedType));
    }

    public Optional<AggregateType<?>> ofEvent(Object event) {
        return types.stream().filter(type -> type.owns(event)).findFirst();
    }

    /** What the event store says this aggregate is (empty when no event of that id is stored). */
    public Optional<AggregateType<?>> ofAggregate(String aggregateId) {
        return jdbc.queryForList("select type from domain_event_entry where aggregate_identifier = ? and"
                        + " sequence_number = 0", String.class, aggregateId).stream().findFirst()
                .flatMap(this::byStoredType);
    }
}
