package vn.motcua.search;

import java.time.Instant;

/**
 * An inspector's search over the audit trail. Every criterion is optional.
 *
 * @param actorId     who acted
 * @param action      the event type, e.g. {@code DossierRefused} (a CloudEvent type with the
 *                    {@code vn.motcua.dossier.} prefix is accepted too)
 * @param from        inclusive
 * @param to          exclusive
 * @param text        words of the actor's name, the comment, items, file names, … with or without diacritics
 */
public record AuditQuery(String actorId, String action, String dossierCode, Instant from, Instant to, String text,
                         int page, int size) {

    public AuditQuery {
        if (action != null && action.startsWith(EventEnvelope.typePrefix("dossier"))) {
            action = action.substring(EventEnvelope.typePrefix("dossier").length());
        }
        Paging.check(page, size);
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, 0, Paging.DEFAULT_SIZE);
    }

    public AuditQuery withActor(String actorId) {
        return new AuditQuery(actorId, action, dossierCode, from, to, text, page, size);
    }

    public AuditQuery withAction(String action) {
        return new AuditQuery(actorId, action, dossierCode, from, to, text, page, size);
    }

    public AuditQuery withDossier(String dossierCode) {
        return new AuditQuery(actorId, action, dossierCode, from, to, text, page, size);
    }

    public AuditQuery between(Instant from, Instant to) {
        return new AuditQuery(actorId, action, dossierCode, from, to, text, page, size);
    }

    public AuditQuery withText(String text) {
        return new AuditQuery(actorId, action, dossierCode, from, to, text, page, size);
    }

    public AuditQuery page(int page, int size) {
        return new AuditQuery(actorId, action, dossierCode, from, to, text, page, size);
    }
}
