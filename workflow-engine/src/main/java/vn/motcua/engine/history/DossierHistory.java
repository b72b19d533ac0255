package vn.motcua.engine.history;

import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import vn.motcua.engine.dossier.DossierEvent;

/** Reads a dossier's steps straight from the event store, the only source of truth. */
@Component
public class DossierHistory {

    private final EventStore eventStore;

    public DossierHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public List<Step> of(String code) {
        return eventStore.readEvents(code).asStream()
                .map(DossierHistory::toStep)
                .toList();
    }

    private static Step toStep(DomainEventMessage<?> message) {
        DossierEvent event = (DossierEvent) message.getPayload();
        return new Step(message.getSequenceNumber(), message.getIdentifier(), event.getClass().getSimpleName(),
                event.labelVi(), event.at(), event.actor(), event.comment(), event.documents(), details(event));
    }

    /** The fields particular to one kind of step, for people reading the history. */
    private static Object details(DossierEvent event) {
        return switch (event) {
            case DossierEvent.DossierSubmitted e -> new Submitted(e.procedureCode(), e.unitId(), e.applicant());
            case DossierEvent.DossierAccepted e -> new Accepted(e.appointedReturnDate());
            case DossierEvent.SupplementRequested e -> new SupplementItems(e.items());
            case DossierEvent.HandlerAssigned e -> new Handler(e.handler().id(), e.handler().name());
            case DossierEvent.AppraisalRecorded e -> new Appraisal(e.outcome().name());
            default -> null;
        };
    }

    public record Submitted(String procedureCode, String unitId, vn.motcua.engine.dossier.Applicant applicant) {
    }

    public record Accepted(java.time.LocalDate appointedReturnDate) {
    }

    public record SupplementItems(List<String> items) {
    }

    public record Handler(String id, String name) {
    }

    public record Appraisal(String outcome) {
    }
}
