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
 * ({@code dossiers}, {@code documents}): a rebuild fills a new generation from that type's events in the event
 * store, read as the very CloudEvents the live consumer reads from Kafka (the publisher's encoding), then moves
 * the aliases to it and drops the old generation.
 */
public class IndexRebuildTarget implements RebuildTarget {

    /** Writes one stored event as the CloudEvents 1.0 JSON message the engine's publisher sends to Kafka. */
    @FunctionalInterface
    public interface CloudEventEncoding {
        byte[] serialize(Object event, String eventId, long sequence);
    }

    private final String name;
    private final String storedType;
    private final CloudEventEncoding encoding;
    private final EventIndex index;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param name       what an administrator picks it by: the aggregate type's collection
     * @param storedType the aggregate type as the event store records it ({@code OfficialDocument})
     * @param encoding   the publisher's CloudEvents encoding
     */
    public IndexRebuildTarget(String name, String storedType, CloudEventEncoding encoding, EventIndex index) {
        this.name = Objects.requireNonNull(name, "name");
        this.storedType = Objects.requireNonNull(storedType, "storedType");
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        this.index = Objects.requireNonNull(index, "index");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(storedType);
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
        try {
            return EventEnvelope.fromCloudEvent(mapper.readTree(
                    encoding.serialize(replayed.event(), replayed.eventId(), replayed.sequence())),
                    index.aggregateType());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
