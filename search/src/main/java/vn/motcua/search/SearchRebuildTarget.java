package vn.motcua.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.engine.dossier.Dossier;
import vn.motcua.engine.dossier.DossierEvent;
import vn.motcua.engine.publication.DossierCloudEvents;
import vn.motcua.engine.readmodel.RebuildTarget;

/**
 * The dossier search indices ({@value IndexAdmin#DOSSIERS} and {@value IndexAdmin#AUDIT_EVENTS}) as one
 * {@link RebuildTarget}, named {@value #NAME}: a rebuild fills a new generation of both indices from the
 * dossier events of the event store, through the same CloudEvents documents that Kafka carries, then swaps
 * both aliases at once.
 */
@Component
public class SearchRebuildTarget implements RebuildTarget {

    public static final String NAME = IndexAdmin.DOSSIERS;

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
        return NAME;
    }

    @Override
    public String aggregateType() {
        return Dossier.class.getSimpleName();
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
                    cloudEvents.serialize((DossierEvent) replayed.event(), replayed.eventId(), replayed.sequence())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
