package vn.motcua.search.support;

import java.util.Map;

/**
 * The {@code status} extension the engine's publisher puts on an official-document CloudEvent, standing in for
 * the e-office's {@code DocumentStatus.after}, which search does not depend on; {@code null} for the events that
 * leave the status unchanged.
 */
public final class PublishedDocumentStatus {

    private static final Map<String, String> AFTER = Map.ofEntries(
            Map.entry("DocumentDrafted", "DRAFT"), Map.entry("SubmittedForReview", "IN_REVIEW"),
            Map.entry("ReviewApproved", "AWAITING_SIGNATURE"), Map.entry("DraftReturned", "RETURNED"),
            Map.entry("DocumentSigned", "SIGNED"), Map.entry("NumberAssigned", "NUMBERED"),
            Map.entry("AgencySealed", "SEALED"), Map.entry("DocumentIssued", "ISSUED"),
            Map.entry("DocumentRecalled", "RECALLED"), Map.entry("DocumentReceived", "RECEIVED"),
            Map.entry("DocumentSentBack", "SENT_BACK"), Map.entry("ArrivalRegistered", "REGISTERED"),
            Map.entry("PresentedToLeader", "PRESENTED"), Map.entry("InstructionsGiven", "INSTRUCTED"),
            Map.entry("HandlerAssigned", "ASSIGNED"),
            Map.entry("ProcessingRecorded", "IN_PROCESS"), Map.entry("ReplyLinked", "IN_PROCESS"),
            Map.entry("DocumentClosed", "CLOSED"), Map.entry("DocumentArchived", "ARCHIVED"));

    private PublishedDocumentStatus() {
    }

    public static String after(String eventType) {
        return AFTER.get(eventType);
    }
}
