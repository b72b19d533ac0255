package vn.motcua.engine.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

import vn.motcua.engine.dossier.DossierEvent;

/**
 * Seals every dossier event as it is appended. A subscribing processor (configured so in
 * {@code application.yml} and checked at start by {@link AuditConfiguration}): it runs in the unit of work,
 * hence in the database transaction, that appends the event, and its errors propagate — a step whose seal
 * fails is rolled back with it.
 */
@Component
@ProcessingGroup(EventSealer.PROCESSING_GROUP)
public class EventSealer {

    public static final String PROCESSING_GROUP = "audit-seal";

    private final Sealing sealing;

    public EventSealer(Sealing sealing) {
        this.sealing = sealing;
    }

    @EventHandler
    void on(DossierEvent event, @MessageIdentifier String eventId) {
        sealing.seal(eventId);
    }
}
