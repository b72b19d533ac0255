package vn.motcua.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.engine.publication.DossierCloudEvents;
import vn.motcua.engine.readmodel.RebuildTarget;

/**
 * The search indices as a {@link RebuildTarget}: a rebuild fills a new generation of indices from the
 * event store, through the same CloudEvents documents that Kafka carries, then swaps both aliases at once.
 */
@Component
public class SearchRebuildTarget implements RebuildTarget {

    private final IndexAdmin indexAdmin;
    private final SearchIndexer indexer;
    private final DossierCloudEvents cloudEvents;
    private final ObjectMapper mapper = new ObjectMapper();

    public SearchRebuildTarget(IndexAdmin indexAdmin, SearchIndexer indexer, DossierCloudEvents cloudEvents) {
        this.indexAdmin = indexAdmin;
        this.indexer = indexer;
        this.cloudEvents = cloudEvents;
    }

    @Override
    public String name() {
        return "elasticsearch";
    }

    @Override
    public String prepare() {
        return Long.toString(indexAdmin.createGeneration().number());
    }

    @Override
    public void apply(String generation, List<Replayed> events) {
        List<DossierEventEnvelope> envelopes = events.stream().map(this::envelope).toList();
        indexer.index(envelopes, new IndexGeneration(Long.parseLong(generation)));
    }

    @Override
    public void activate(String generation) {
        IndexGeneration next = new IndexGeneration(Long.parseLong(generation));
        indexAdmin.refresh(next);
        indexAdmin.swapAliases(next);
    }

    private DossierEventEnvelope envelope(Replayed replayed) {
        try {
            return DossierEventEnvelope.fromCloudEvent(mapper.readTree(
                    cloudEvents.serialize(replayed.event(), replayed.eventId(), replayed.sequence())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
