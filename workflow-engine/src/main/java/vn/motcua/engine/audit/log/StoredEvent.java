package vn.motcua.engine.audit.log;

/**
 * One event exactly as the event store keeps it (a row of {@code domain_event_entry}): what is sealed is
 * derived from these columns only, so the application and the offline verifier compute the same bytes.
 *
 * @param payload the stored JSON payload bytes
 */
public record StoredEvent(String eventId, String aggregateId, long sequence, String type, String time,
                          byte[] payload) {
}
