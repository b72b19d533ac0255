package vn.motcua.portal.web.audit;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Instants as the inspector reads them on the pages ({@code ${@auditTime.format(...)}}): Vietnam's time, to the
 * second, since the order of steps and their time-stamps is what an inspection checks.
 */
@Component("auditTime")
public class AuditTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
            .withZone(AuditSearchForm.VIETNAM);

    public String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }

    /** An instant written as ISO-8601 text (as the verifier reports it); shown as it is if it is not one. */
    public String formatText(String instant) {
        if (instant == null) {
            return "";
        }
        try {
            return format(Instant.parse(instant));
        } catch (java.time.format.DateTimeParseException e) {
            return instant;
        }
    }
}
