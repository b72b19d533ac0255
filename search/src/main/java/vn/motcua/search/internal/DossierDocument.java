package vn.motcua.search.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.engine.dossier.DossierStatus;
import vn.motcua.process.Procedure;
import vn.motcua.process.ProcedureCatalogue;
import vn.motcua.search.EventEnvelope;

/**
 * The latest state of one dossier as stored in the {@code dossiers} index, folded from its events in
 * sequence order. Status changes follow the engine's own register ({@code DossierRegistry}), so the
 * search screen, the register and the national-portal codes (Circular 22/2019/TT-BTTTT) agree.
 * {@code version} is the sequence number of the last event applied; it is also the document's
 * external Elasticsearch version, so an older write can never replace a newer one.
 */
public record DossierDocument(String code, String procedureCode, String procedureName, String unitId,
                              String applicantName, String subject, String applicantPhone,
                              String applicantIdNumber, String status, Instant receivedAt, LocalDate dueDate,
                              String handlerId, Instant updatedAt, Long version) {

    private static final Logger log = LoggerFactory.getLogger(DossierDocument.class);

    /** The document of a dossier no event has been applied to yet. */
    public static DossierDocument empty(String code) {
        return new DossierDocument(code, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Applies one event; the caller guarantees it is newer than {@link #version()}. */
    public DossierDocument apply(EventEnvelope event, ProcedureCatalogue catalogue) {
        JsonNode data = event.data();
        Instant at = event.time();
        DossierDocument next = switch (event.type()) {
            case "DossierSubmitted" -> submitted(data, at, catalogue);
            case "DossierAccepted" -> withDueDate(parseDate(JsonText.text(data, "appointedReturnDate")))
                    .withStatus(DossierStatus.ACCEPTED);
            case "HandlerAssigned" -> withHandler(JsonText.text(data, "handler.id")).withStatus(DossierStatus.IN_APPRAISAL);
            case "SupplementRequested" -> withStatus(DossierStatus.SUPPLEMENT_REQUESTED);
            case "SupplementProvided" -> "APPRAISAL".equals(JsonText.text(data, "stage"))
                    ? withDueDate(parseDate(JsonText.text(data, "appointedReturnDate"))).withStatus(DossierStatus.IN_APPRAISAL)
                    : withStatus(DossierStatus.SUBMITTED);
            case "SupplementRequestedInAppraisal" -> withStatus(DossierStatus.SUPPLEMENT_REQUESTED);
            case "PaymentRequested" -> withStatus(DossierStatus.PAYMENT_REQUESTED);
            case "PaymentReceived" -> withDueDate(parseDate(JsonText.text(data, "appointedReturnDate")))
                    .withStatus(DossierStatus.ACCEPTED);
            case "DelayApologised" -> withDueDate(parseDate(JsonText.text(data, "appointedReturnDate")));
            case "ProcessingStopped", "DossierLapsed" -> withStatus(DossierStatus.STOPPED);
            case "ConsultationRequested", "ConsultationAnswered", "SiteInspectionRecorded", "DeadlineWarned",
                 "DossierOverdue", "OverdueAcknowledged", "ServiceRated", "ResultIssued", "ResultCorrected",
                 "ResultRevoked" -> this;
            case "DossierRefused" -> withStatus(DossierStatus.REFUSED);
            case "AppraisalRecorded" -> withStatus(DossierStatus.APPRAISED);
            case "ResultReviewed" -> data.path("agreed").asBoolean(true) ? this : withStatus(DossierStatus.IN_APPRAISAL);
            case "DossierApproved" -> withStatus(DossierStatus.APPROVED);
            case "DossierRejected" -> withStatus(DossierStatus.REJECTED);
            case "ResultReturned" -> withStatus(DossierStatus.RESULT_RETURNED);
            case "DossierWithdrawn" -> withStatus(DossierStatus.WITHDRAWN);
            default -> {
                // a newer engine may publish event types this module does not know yet: keep the state,
                // but move the version on so that later known events are not blocked behind it
                log.warn("Unknown dossier event type {} (event {}, dossier {}): state kept", event.type(),
                        event.eventId(), event.aggregateId());
                yield this;
            }
        };
        return next.stamped(at, event.sequence());
    }

    private DossierDocument submitted(JsonNode data, Instant at, ProcedureCatalogue catalogue) {
        String procedure = JsonText.text(data, "procedureCode");
        String name = catalogue.find(procedure).map(Procedure::name).orElse(null);
        return new DossierDocument(code, procedure, name, JsonText.text(data, "unitId"),
                JsonText.text(data, "applicant.fullName"), subject(data.get("form"), name),
                JsonText.normalizePhone(JsonText.text(data, "applicant.phone")),
                JsonText.normalizeIdNumber(JsonText.text(data, "applicant.idNumber")),
                DossierStatus.SUBMITTED.name(), at, dueDate, handlerId, updatedAt, version);
    }

    /** What the dossier is about: the product name first, then the other form texts, then the procedure. */
    static String subject(JsonNode form, String procedureName) {
        List<String> parts = new ArrayList<>();
        String product = form == null ? null : JsonText.text(form, "productName");
        if (product != null) {
            parts.add(product.strip());
        }
        if (form != null) {
            for (String text : JsonText.leafTexts(form)) {
                if (!parts.contains(text)) {
                    parts.add(text);
                }
            }
        }
        if (procedureName != null) {
            parts.add(procedureName);
        }
        return parts.isEmpty() ? null : String.join(" — ", parts);
    }

    private static LocalDate parseDate(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            log.warn("Ignoring unreadable appointed return date {}", value);
            return null;
        }
    }

    private DossierDocument withStatus(DossierStatus next) {
        return new DossierDocument(code, procedureCode, procedureName, unitId, applicantName, subject,
                applicantPhone, applicantIdNumber, next.name(), receivedAt, dueDate, handlerId, updatedAt, version);
    }

    private DossierDocument withDueDate(LocalDate next) {
        return new DossierDocument(code, procedureCode, procedureName, unitId, applicantName, subject,
                applicantPhone, applicantIdNumber, status, receivedAt, next == null ? dueDate : next, handlerId,
                updatedAt, version);
    }

    private DossierDocument withHandler(String next) {
        return new DossierDocument(code, procedureCode, procedureName, unitId, applicantName, subject,
                applicantPhone, applicantIdNumber, status, receivedAt, dueDate, next == null ? handlerId : next,
                updatedAt, version);
    }

    private DossierDocument stamped(Instant at, long sequence) {
        return new DossierDocument(code, procedureCode, procedureName, unitId, applicantName, subject,
                applicantPhone, applicantIdNumber, status, receivedAt, dueDate, handlerId, at, sequence);
    }
}
