package vn.motcua.engine.dossier.history;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** The fields particular to one kind of step, for people reading the history (forms read the typed events). */
    private static Map<String, Object> details(DossierEvent event) {
        Map<String, Object> details = new LinkedHashMap<>();
        switch (event) {
            case DossierEvent.DossierSubmitted e -> {
                details.put("procedureCode", e.procedureCode());
                details.put("unitId", e.unitId());
                details.put("applicant", e.applicant());
            }
            case DossierEvent.DossierAccepted e -> details.put("appointedReturnDate", e.appointedReturnDate());
            case DossierEvent.SupplementRequested e -> details.put("items", e.items());
            case DossierEvent.SupplementRequestedInAppraisal e -> details.put("items", e.items());
            case DossierEvent.SupplementProvided e -> {
                details.put("stage", e.stage());
                details.put("appointedReturnDate", e.appointedReturnDate());
            }
            case DossierEvent.HandlerAssigned e -> {
                details.put("handlerId", e.handler().id());
                details.put("handlerName", e.handler().name());
            }
            case DossierEvent.AppraisalRecorded e -> details.put("outcome", e.outcome());
            case DossierEvent.SiteInspectionRecorded e -> details.put("outcome", e.outcome());
            case DossierEvent.PaymentRequested e -> {
                details.put("amountVnd", e.amountVnd());
                if (e.reductionVnd() > 0) {
                    details.put("baseFeeVnd", e.baseFeeVnd());
                    details.put("reductionVnd", e.reductionVnd());
                    details.put("reductionReason", e.reductionReason());
                }
            }
            case DossierEvent.PaymentReceived e -> {
                details.put("amountVnd", e.amountVnd());
                details.put("reference", e.reference());
                if (e.channel() != null) {
                    details.put("channel", e.channel());
                }
                if (e.provider() != null) {
                    details.put("provider", e.provider());
                }
                details.put("appointedReturnDate", e.appointedReturnDate());
            }
            case DossierEvent.ConsultationRequested e -> {
                details.put("unitIds", e.unitIds());
                details.put("dueDate", e.dueDate());
            }
            case DossierEvent.ConsultationAnswered e -> {
                details.put("unitId", e.unitId());
                details.put("late", e.late());
            }
            case DossierEvent.DelayApologised e -> {
                details.put("previousAppointedDate", e.previousAppointedDate());
                details.put("appointedReturnDate", e.appointedReturnDate());
                details.put("causingUnit", e.causingUnit());
            }
            case DossierEvent.DeadlineWarned e -> details.put("dueAt", e.dueAt());
            case DossierEvent.DossierOverdue e -> details.put("dueAt", e.dueAt());
            case DossierEvent.ServiceRated e -> details.put("score", e.score());
            case DossierEvent.DossierLapsed e -> {
                details.put("stage", e.stage());
                details.put("supplementRequestedAt", e.requestedAt());
                details.put("lapsedAfterDays", e.lapsedAfterDays());
            }
            case DossierEvent.ResultReviewed e -> details.put("agreed", e.agreed());
            case DossierEvent.ResultIssued e -> {
                details.put("kind", e.kind());
                details.put("title", e.title());
                details.put("number", e.number());
                details.put("symbol", e.symbol());
                details.put("issuedOn", e.issuedOn());
                details.put("holder", e.holder());
            }
            case DossierEvent.ResultCorrected e -> {
                details.put("originalSymbol", e.originalSymbol());
                details.put("number", e.number());
                details.put("symbol", e.symbol());
                details.put("issuedOn", e.issuedOn());
                details.put("corrections", e.corrections());
            }
            case DossierEvent.ResultRevoked e -> {
                details.put("originalSymbol", e.originalSymbol());
                details.put("number", e.number());
                details.put("symbol", e.symbol());
                details.put("issuedOn", e.issuedOn());
                details.put("decisionReference", e.decisionReference());
            }
            default -> {
            }
        }
        details.values().removeIf(java.util.Objects::isNull);
        return details.isEmpty() ? null : details;
    }
}
