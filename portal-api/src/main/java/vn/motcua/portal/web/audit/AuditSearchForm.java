package vn.motcua.portal.web.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import vn.motcua.search.AuditQuery;

/**
 * The audit search's filters as they stand in the address (so a search can be bookmarked and sent to a colleague):
 * the same criteria as {@code GET /api/v1/audit/events}, with dates typed as days of Vietnam's calendar (the whole
 * "to" day included). Only the shape of the input is checked here; what matches is the search service's business.
 */
public record AuditSearchForm(String dossier, String type, String id, String actor, String action, String from,
                              String to, String q, int page) {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final int PAGE_SIZE = 20;
    /** The index answers the first 10 000 results only (as the API). */
    static final int LAST_PAGE = 10_000 / PAGE_SIZE - 1;

    public AuditSearchForm {
        dossier = clean(dossier);
        type = clean(type);
        id = clean(id);
        actor = clean(actor);
        action = clean(action);
        from = clean(from);
        to = clean(to);
        q = clean(q);
        page = Math.max(0, Math.min(page, LAST_PAGE));
    }

    /** Each field at fault and the key of the message that says why, in the order of the form. */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        tooLong(errors, "dossier", dossier, 64);
        tooLong(errors, "id", id, 128);
        tooLong(errors, "actor", actor, 128);
        tooLong(errors, "action", action, 64);
        tooLong(errors, "type", type, 64);
        LocalDate first = day(errors, "from", from);
        LocalDate last = day(errors, "to", to);
        if (first != null && last != null && last.isBefore(first)) {
            errors.put("to", "audit.search.error.toBeforeFrom");
        }
        tooLong(errors, "q", q, 200);
        return errors;
    }

    /** The query of the API's audit search for these filters (only called when there is no error). */
    AuditQuery query() {
        Instant start = from == null ? null : LocalDate.parse(from).atStartOfDay(VIETNAM).toInstant();
        Instant end = to == null ? null : LocalDate.parse(to).plusDays(1).atStartOfDay(VIETNAM).toInstant();
        return AuditQuery.all().withActor(actor).withAction(action).withDossier(dossier).ofType(type)
                .ofAggregate(id).between(start, end).withText(q).page(page, PAGE_SIZE);
    }

    private static void tooLong(Map<String, String> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.put(field, "audit.search.error.tooLong");
        }
    }

    private static LocalDate day(Map<String, String> errors, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.getYear() < 2000 || day.getYear() > 2199) {
                errors.put(field, "audit.search.error.date");
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            errors.put(field, "audit.search.error.date");
            return null;
        }
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
