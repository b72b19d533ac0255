package vn.motcua.search.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.search.EventEnvelope;

/**
 * The latest state of one official document as stored in the {@code documents} index, folded from its
 * events in sequence order. The status is not folded here: each CloudEvent that changes it carries it in its
 * {@code status} extension, written from the e-office's one fold ({@code DocumentStatus.after}).
 * {@code version} is the sequence number of the last event applied and the external Elasticsearch
 * version, so an older write never replaces a newer one.
 *
 * <p>A secret document ({@code secrecy} other than {@code NONE}: Mật, Tối mật, Tuyệt mật; Law 29/2018/QH14 on State
 * Secrets) is indexed by its metadata only — number/symbol, dates, type, issuer, level, status — and never its
 * trích yếu ({@code subject}), which is dropped even if an earlier event had put it here: its existence and number
 * are register entries, its content is the secret. {@code readers} are the officials named on the document by its
 * events (every actor, the leader it was presented to, the handlers instructed), the only officials a search shows
 * a secret document to besides inspectors.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentRecord(String documentId, String direction, String numberSymbol, Integer arrivalNumber,
                             String type, String subject, String issuer, String agencyId, String unitId,
                             LocalDate issuedOn, LocalDate receivedOn, String status, Instant updatedAt,
                             Long version, String secrecy, List<String> readers) {

    private static final ZoneId LEGAL_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String NOT_SECRET = "NONE";

    public DocumentRecord {
        readers = readers == null ? List.of() : List.copyOf(readers);
    }

    public static DocumentRecord empty(String documentId) {
        return new DocumentRecord(documentId, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, List.of());
    }

    /** Applies one event; the caller guarantees it is newer than {@link #version()}. */
    public DocumentRecord apply(EventEnvelope event) {
        JsonNode data = event.data();
        DocumentRecord r = this;
        String level = secrecy;
        switch (event.type()) {
            case "DocumentDrafted" -> {
                level = text(data, "metadata.secrecy");
                r = new DocumentRecord(documentId, "OUTGOING", numberSymbol, arrivalNumber,
                        text(data, "metadata.type"), text(data, "metadata.subject"),
                        text(data, "metadata.issuerAbbreviation"), text(data, "agencyId"), text(data, "unitId"),
                        issuedOn, receivedOn, status, updatedAt, version, level, readers);
            }
            case "DraftRevised" -> {
                level = text(data, "metadata.secrecy");
                r = new DocumentRecord(documentId, direction, numberSymbol, arrivalNumber,
                        text(data, "metadata.type"), text(data, "metadata.subject"),
                        text(data, "metadata.issuerAbbreviation"), agencyId, unitId, issuedOn, receivedOn, status,
                        updatedAt, version, level, readers);
            }
            case "NumberAssigned" -> r = new DocumentRecord(documentId, direction, text(data, "symbol"),
                    arrivalNumber, type, subject, issuer, agencyId, unitId, date(text(data, "issuedOn")), receivedOn,
                    status, updatedAt, version, level, readers);
            case "DocumentReceived" -> {
                level = text(data, "metadata.secrecy");
                r = new DocumentRecord(documentId, "INCOMING",
                        text(data, "metadata.numberSymbol"), arrivalNumber, text(data, "metadata.type"),
                        text(data, "metadata.subject"), text(data, "metadata.senderName"), text(data, "agencyId"),
                        text(data, "actor.unitId"), date(text(data, "metadata.issuedOn")),
                        LocalDate.ofInstant(event.time(), LEGAL_ZONE), status, updatedAt, version, level, readers);
            }
            case "ArrivalRegistered" -> {
                JsonNode number = data.get("arrivalNumber");
                LocalDate arrivedOn = date(text(data, "arrivedOn"));
                r = new DocumentRecord(documentId, direction, numberSymbol,
                        number == null || number.isNull() ? arrivalNumber : Integer.valueOf(number.asInt()), type,
                        subject, issuer, agencyId, unitId, issuedOn, arrivedOn != null ? arrivedOn : receivedOn,
                        status, updatedAt, version, level, readers);
            }
            default -> {
                // the status comes with every event that changes it; types added later change nothing else
            }
        }
        boolean secret = level != null && !NOT_SECRET.equals(level);
        return new DocumentRecord(documentId, r.direction, r.numberSymbol, r.arrivalNumber, r.type,
                secret ? null : r.subject, r.issuer, r.agencyId, r.unitId, r.issuedOn, r.receivedOn,
                event.status() != null ? event.status() : r.status, event.time(), event.sequence(), level,
                named(readers, event));
    }

    /** The readers with the officials this event names added, each once. */
    private static List<String> named(List<String> readers, EventEnvelope event) {
        List<String> names = new ArrayList<>(readers);
        JsonNode data = event.data();
        List<String> added = new ArrayList<>();
        if (!"SYSTEM".equals(text(data, "actor.role"))) {
            added.add(text(data, "actor.id"));
        }
        added.add(text(data, "leader.id"));
        JsonNode handlers = data.get("handlerIds");
        if (handlers != null && handlers.isArray()) {
            handlers.forEach(handler -> added.add(handler.isTextual() ? handler.asText() : null));
        }
        added.stream().filter(id -> id != null && !id.isBlank() && !names.contains(id)).forEach(names::add);
        return names;
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
