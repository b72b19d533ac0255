package vn.motcua.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.engine.readmodel.RebuildTarget;

/**
 * The {@value DocumentIndex#DOCUMENTS} index as a {@link RebuildTarget}, named {@value #NAME}: a rebuild
 * fills a new {@code documents-<n>} index from the official-document events of the event store, read as
 * the very CloudEvents the live consumer reads from Kafka ({@link DocumentEventEnvelope}), then moves the
 * alias to it and drops the old index at once ({@link DocumentIndex#swapAlias}).
 *
 * <p>Search does not depend on the e-office module, which owns both the events and their CloudEvents
 * encoding; the application that holds both hands that encoding in as a {@link CloudEventEncoding}, so the
 * publisher and the rebuild write each event the same way.
 */
public class DocumentRebuildTarget implements RebuildTarget {

    public static final String NAME = DocumentIndex.DOCUMENTS;

    /**
     * Writes one stored official-document event as the CloudEvents 1.0 JSON message the e-office publisher
     * sends to Kafka.
     */
    @FunctionalInterface
    public interface CloudEventEncoding {
        byte[] serialize(Object event, String eventId, long sequence);
    }

    private final String aggregateType;
    private final CloudEventEncoding encoding;
    private final DocumentIndex index;
    private final DocumentIndexer indexer;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param aggregateType the official-document aggregate's type in the event store
     * @param encoding      the publisher's CloudEvents encoding of its events
     */
    public DocumentRebuildTarget(String aggregateType, CloudEventEncoding encoding, DocumentIndex index,
                                 DocumentIndexer indexer) {
        this.aggregateType = Objects.requireNonNull(aggregateType, "aggregateType");
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        this.index = index;
        this.indexer = indexer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String aggregateType() {
        return aggregateType;
    }

    @Override
    public String prepare() {
        return index.createGeneration();
    }

    @Override
    public void apply(String generation, List<Replayed> events) {
        indexer.index(events.stream().map(this::envelope).toList(), generation);
    }

    @Override
    public void activate(String generation) {
        index.refresh(generation);
        index.swapAlias(generation);
    }

    private DocumentEventEnvelope envelope(Replayed replayed) {
        try {
            return DocumentEventEnvelope.fromCloudEvent(mapper.readTree(
                    encoding.serialize(replayed.event(), replayed.eventId(), replayed.sequence())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
