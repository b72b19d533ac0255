package vn.motcua.engine.dossier.portalsync;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

import vn.motcua.engine.dossier.DossierEvent;
import vn.motcua.engine.dossier.report.DossierTimeline;

/**
 * Pushes the same payloads as {@link PortalSyncPublisher} straight to the national portal over HTTP, when
 * {@code motcua.portal-sync.national-portal.base-url} is set. Its own tracking processor, so a portal outage
 * holds only this push (retried from its token) and never the Kafka topic.
 */
@Component
@ProcessingGroup(NationalPortalPush.PROCESSING_GROUP)
@ConditionalOnExpression(NationalPortalPush.CONFIGURED)
public class NationalPortalPush {

    public static final String PROCESSING_GROUP = "national-portal-push";
    /** True when a portal endpoint is configured (an empty value, as the production profile leaves it, is none). */
    static final String CONFIGURED = "'${motcua.portal-sync.national-portal.base-url:}'.trim() != ''";

    private final EventStore eventStore;
    private final PortalSyncPayloads payloads;
    private final NationalPortalClient client;

    public NationalPortalPush(EventStore eventStore, PortalSyncPayloads payloads, NationalPortalClient client) {
        this.eventStore = eventStore;
        this.payloads = payloads;
        this.client = client;
    }

    @EventHandler
    void on(DossierEvent event, @SequenceNumber long sequence) {
        DossierTimeline timeline = DossierTimeline.of(DossierTimeline.read(eventStore, event.code(), sequence));
        if (timeline.portalStatusChanged()) {
            client.push(payloads.build(timeline));
        }
    }
}
