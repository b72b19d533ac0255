package vn.motcua.engine.dossier.portalsync;

/**
 * Pushes a dossier's synchronisation payload to the national public-service portal (or the provincial
 * integration platform in front of it). Implementations throw when the portal did not take the payload; the
 * caller retries. Pushing the same or an older {@code version} again must be harmless to the receiver.
 */
public interface NationalPortalClient {

    void push(PortalSyncPayload payload);
}
