package vn.motcua.portal.web.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import vn.motcua.engine.audit.verify.EventStatus;

/**
 * What the trail page shows of one aggregate: the verifier's verdict on each event (exactly the API's trail), with the
 * actor's name and unit read from the same stored events, and the checkpoints that committed them. Holds no rule of
 * its own: VALID, INVALID and PENDING are the verifier's words.
 *
 * @param collection  the aggregate type's collection in addresses ({@code dossiers}, {@code documents}, …)
 * @param typeName    the aggregate type's name ({@code dossier}, {@code document}, …), for words
 * @param valid       the verifier's verdict on the whole trail
 * @param pending     how many events verify but no checkpoint has committed yet
 * @param invalid     how many events failed
 */
public record TrailPage(String collection, String typeName, String id, boolean valid, Instant verifiedAt,
                        List<String> trustAnchors, List<Step> events, List<CheckpointRow> checkpoints,
                        List<String> failures, List<String> warnings, long pending, long invalid) {

    /** All events verified and committed by a checkpoint: the summary may say every one was checked. */
    public boolean allVerified() {
        return valid && invalid == 0 && pending == 0 && !events.isEmpty();
    }

    /**
     * One event: the verifier's status and the checks behind it, and who took the step as the stored event says.
     *
     * @param typeKey the event's type without its package ({@code DossierSubmitted}), the key of its words
     */
    public record Step(EventStatus status, String typeKey, Instant at, String actorName, String actorUnitId,
                       String actorUnitName) {

        static String typeKey(String payloadType) {
            if (payloadType == null) {
                return "";
            }
            int cut = Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$'));
            return payloadType.substring(cut + 1);
        }

        static Instant parse(String time) {
            try {
                return time == null ? null : Instant.parse(time);
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
    }

    public record CheckpointRow(long number, long treeSize, Instant timestampedAt, String authority, boolean valid,
                                List<String> problems) {
    }

    /** Who acted, from an event as stored: {@code actor.name} and {@code actor.unitId} of its payload. */
    record Actor(String name, String unitId) {

        static Map.Entry<String, Actor> of(String eventId, com.fasterxml.jackson.databind.JsonNode payload) {
            com.fasterxml.jackson.databind.JsonNode actor = payload == null ? null : payload.get("actor");
            String name = actor == null || !actor.hasNonNull("name") ? null : actor.get("name").asText();
            String unit = actor == null || !actor.hasNonNull("unitId") ? null : actor.get("unitId").asText();
            return Map.entry(eventId, new Actor(name, unit));
        }
    }
}
