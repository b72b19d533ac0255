package vn.motcua.engine.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import vn.motcua.engine.platform.AggregateTypes;

/**
 * Seals every event of every registered aggregate type as it is appended. A subscribing processor
 * (configured so in {@code application.yml} and checked at start by {@link AuditConfiguration}): it runs in
 * the unit of work, hence in the database transaction, that appends the event, and its errors propagate — a
 * step whose seal fails is rolled back with it. An event of an aggregate type nobody registered is refused
 * the same way: nothing is stored that the audit trail does not cover.
 */
@Component
@ProcessingGroup(EventSealer.PROCESSING_GROUP)
public class EventSealer {

    public static final String PROCESSING_GROUP = "audit-seal";

    private final Sealing sealing;
    private final AggregateTypes types;

    public EventSealer(Sealing sealing, AggregateTypes types) {
        this.sealing = sealing;
        this.types = types;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domain) || types.byStoredType(domain.getType()).isEmpty()) {
            throw new IllegalStateException("Event " + message.getPayloadType().getName() + " does not belong to a"
                    + " registered aggregate type (vn.motcua.engine.platform.AggregateType): it cannot be sealed");
        }
        sealing.seal(message.getIdentifier());
    }
}
