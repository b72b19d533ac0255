package vn.motcua.search;

import java.time.Instant;

/**
 * An inspector's search over the audit trail of every aggregate type. Every criterion is optional.
 *
 * @param actorId       who acted
 * @param action        the event type, e.g. {@code DossierRefused} (a CloudEvent type such as
 *                      {@code vn.motcua.dossier.DossierRefused} is accepted too)
 * @param dossierCode   one dossier's events
 * @param aggregateType one aggregate type's events, by name: {@code dossier}, {@code document}, …
 * @param aggregateId   one aggregate's events, whatever its type
 * @param from        inclusive
 * @param to          exclusive
 * @param text        words of the actor's name, the comment, items, file names, … with or without diacritics
 */
public record AuditQuery(String actorId, String action, String dossierCode, String aggregateType,
                         String aggregateId, Instant from, Instant to, String text, int page, int size) {

    private static final String TYPE_ROOT = "vn.motcua.";

    public AuditQuery {
        if (action != null && action.startsWith(TYPE_ROOT) && action.lastIndexOf('.') > TYPE_ROOT.length()) {
            action = action.substring(action.lastIndexOf('.') + 1);
        }
        Paging.check(page, size);
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, null, null, 0, Paging.DEFAULT_SIZE);
    }

    public AuditQuery withActor(String actorId) {
        return new AuditQuery(actorId, action, dossierCode, aggregateType, aggregateId, from, to, text, page,
                size);
    }

    public AuditQuery withAction(String action) {
        return new AuditQuery(actorId, action, dossierCode, aggregateType, aggregateId, from, to, text, page,
                size);
    }

    public AuditQuery withDossier(String dossierCode) {
        return new AuditQuery(actorId, action, dossierCode, aggregateType, aggregateId, from, to, text, page,
                size);
    }

    public AuditQuery ofType(String aggregateType) {
        return new AuditQuery(actorId, action, dossierCode, aggregateType, aggregateId, from, to, text, page,
                size);
    }

    public AuditQuery ofAggregate(String aggregateId) {
        return new AuditQuery(actorId, action, dossierCode, aggregateType, aggregateId, from, to, text, page,
                size);
    }

    public AuditQuery between(Instant from, Instant to) {
        return new AuditQuery(actorId, action, dossierCode, aggregateType, aggregateId, from, to, text, page,
                size);
    }

    public AuditQuery withText(String text) {
        return new AuditQuery(actorId, action, dossierCode, aggregateType, aggregateId, from, to, text, page,
                size);
    }

    public AuditQuery page(int page, int size) {
        return new AuditQuery(actorId, action, dossierCode, aggregateType, aggregateId, from, to, text, page,
                size);
    }
}
