package vn.motcua.portal.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/**
 * How far each tracking processor is behind the head of the event store, in events: the head's global index minus the
 * lowest position of the processor's segments (a segment without a token counts the whole store). Read by the health
 * entry {@code eventProcessors} ({@link DownstreamHealth}) as it is now, and by the gauge
 * {@code motcua.processor.behind} from a snapshot of at most {@link #SNAPSHOT_AGE} (one head query per scrape period,
 * whatever scrapes it).
 */
public class ProcessorLag {

    static final Duration SNAPSHOT_AGE = Duration.ofSeconds(5);

    /** One processor: whether it runs, whether a segment is in error, how many events it has left. */
    public record Lag(boolean running, boolean error, long behind) {
    }

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final LoadingCache<Boolean, Map<String, Lag>> snapshot;

    public ProcessorLag(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.snapshot = Caffeine.newBuilder().expireAfterWrite(SNAPSHOT_AGE).build(key -> now());
    }

    /** Every tracking processor's lag, measured now. */
    public Map<String, Lag> now() {
        TrackingToken head = eventStore.createHeadToken();
        long headPosition = head == null ? 0 : head.position().orElse(0);
        Map<String, Lag> lags = new LinkedHashMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof TrackingEventProcessor tracking) {
                long behind = tracking.processingStatus().values().stream()
                        .mapToLong(status -> status.getTrackingToken() == null ? headPosition
                                : headPosition - status.getTrackingToken().position().orElse(0))
                        .max().orElse(headPosition);
                boolean failing = tracking.processingStatus().values().stream().anyMatch(s -> s.isErrorState());
                lags.put(name, new Lag(tracking.isRunning(), failing, Math.max(0, behind)));
            }
        });
        return lags;
    }

    /** As {@link #now()}, from a snapshot at most {@link #SNAPSHOT_AGE} old. */
    public Map<String, Lag> recent() {
        return snapshot.get(Boolean.TRUE);
    }
}
