package vn.motcua.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.engine.readmodel.RebuildTarget;

/**
 * An {@link EventIndex} as a {@link RebuildTarget}, named after its aggregate type's collection
 * ({@code dossiers}, {@code documents}) or after its alias ({@code audit-events}, over every type): a rebuild
 * fills a new generation from those types' events in the event store, read as the very CloudEvents the live consumer reads from Kafka (the publisher's encoding), then moves
 * the aliases to it and drops the old generation.
 */
public class IndexRebuildTarget implements RebuildTarget {

    /** Writes one stored event as the CloudEvents 1.0 JSON message the engine's publisher sends to Kafka. */
    @FunctionalInterface
    public interface CloudEventEncoding {
        byte[] serialize(Object event, String eventId, long sequence);
    }

    private final String name;
    private final Set<String> storedTypes;
    private final CloudEventEncoding encoding;
    private final EventIndex index;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param name        what an administrator picks it by: the aggregate type's collection, or the alias
     * @param storedTypes the aggregate types as the event store records them ({@code OfficialDocument})
     * @param encoding    the publisher's CloudEvents encoding
     */
    public IndexRebuildTarget(String name, Set<String> storedTypes, CloudEventEncoding encoding, EventIndex index) {
        this.name = Objects.requireNonNull(name, "name");
        this.storedTypes = Set.copyOf(storedTypes);
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        this.index = Objects.requireNonNull(index, "index");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> aggregateTypes() {
        return storedTypes;
    }

    @Override
    public String prepare() {
        return index.createGeneration();
    }

    @Override
    public void apply(String generation, List<Replayed> events) {
        index.index(events.stream().map(this::envelope).toList(), generation);
    }

    @Override
    public void activate(String generation) {
        index.activate(generation);
    }

    private EventEnvelope envelope(Replayed replayed) {
        EventEnvelope event;
        try {
            event = EventEnvelope.fromCloudEvent(mapper.readTree(
                    encoding.serialize(replayed.event(), replayed.eventId(), replayed.sequence())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!index.indexes(event.aggregateType())) {
            throw new IllegalArgumentException("CloudEvent " + event.eventId() + " is not for index " + name + ": "
                    + event.aggregateType() + "." + event.type());
        }
        return event;
    }
}
