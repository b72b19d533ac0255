package vn.motcua.search.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.search.EventEnvelope;

/**
 * The latest state of one official document as stored in the {@code documents} index, folded from its
 * events in sequence order. The status is not folded here: each CloudEvent that changes it carries it in its
 * {@code status} extension, written from the e-office's one fold ({@code DocumentStatus.after}).
 * {@code version} is the sequence number of the last event applied and the external Elasticsearch
 * version, so an older write never replaces a newer one.
 */
public record DocumentRecord(String documentId, String direction, String numberSymbol, Integer arrivalNumber,
                             String type, String subject, String issuer, String agencyId, String unitId,
                             LocalDate issuedOn, LocalDate receivedOn, String status, Instant updatedAt,
                             Long version) {

    private static final ZoneId LEGAL_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    public static DocumentRecord empty(String documentId) {
        return new DocumentRecord(documentId, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    /** Applies one event; the caller guarantees it is newer than {@link #version()}. */
    public DocumentRecord apply(EventEnvelope event) {
        JsonNode data = event.data();
        DocumentRecord r = this;
        switch (event.type()) {
            case "DocumentDrafted" -> r = new DocumentRecord(documentId, "OUTGOING", numberSymbol, arrivalNumber,
                    text(data, "metadata.type"), text(data, "metadata.subject"),
                    text(data, "metadata.issuerAbbreviation"), text(data, "agencyId"), text(data, "unitId"),
                    issuedOn, receivedOn, status, updatedAt, version);
            case "DraftRevised" -> r = new DocumentRecord(documentId, direction, numberSymbol, arrivalNumber,
                    text(data, "metadata.type"), text(data, "metadata.subject"),
                    text(data, "metadata.issuerAbbreviation"), agencyId, unitId, issuedOn, receivedOn, status,
                    updatedAt, version);
            case "NumberAssigned" -> r = new DocumentRecord(documentId, direction, text(data, "symbol"),
                    arrivalNumber, type, subject, issuer, agencyId, unitId, date(text(data, "issuedOn")), receivedOn,
                    status, updatedAt, version);
            case "DocumentReceived" -> r = new DocumentRecord(documentId, "INCOMING",
                    text(data, "metadata.numberSymbol"), arrivalNumber, text(data, "metadata.type"),
                    text(data, "metadata.subject"), text(data, "metadata.senderName"), text(data, "agencyId"),
                    text(data, "actor.unitId"), date(text(data, "metadata.issuedOn")),
                    LocalDate.ofInstant(event.time(), LEGAL_ZONE), status, updatedAt, version);
            case "ArrivalRegistered" -> {
                JsonNode number = data.get("arrivalNumber");
                LocalDate arrivedOn = date(text(data, "arrivedOn"));
                r = new DocumentRecord(documentId, direction, numberSymbol,
                        number == null || number.isNull() ? arrivalNumber : Integer.valueOf(number.asInt()), type,
                        subject, issuer, agencyId, unitId, issuedOn, arrivedOn != null ? arrivedOn : receivedOn,
                        status, updatedAt, version);
            }
            default -> {
                // the status comes with every event that changes it; types added later change nothing else
            }
        }
        return new DocumentRecord(documentId, r.direction, r.numberSymbol, r.arrivalNumber, r.type, r.subject,
                r.issuer, r.agencyId, r.unitId, r.issuedOn, r.receivedOn,
                event.status() != null ? event.status() : r.status, event.time(), event.sequence());
    }

    private static String text(JsonNode data, String path) {
        return JsonText.text(data, path);
    }

    private static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
