package vn.motcua.engine.audit.verify;

/**
 * What is stored with each event (table {@code audit_seal}): its hash, the previous event's hash, the
 * signature with its algorithm, the signer's certificate reference and whose key it was.
 */
public record Seal(String eventId, String aggregateId, long sequence, byte[] previousHash, byte[] eventHash,
                   byte[] signature, String algorithm, String certificate, SealedAs sealedAs) {

    /**
     * Whose key signed: the acting official's own, the agency's seal, the agency's (or the system's) seal after the
     * fact, or the system seal (the audit log's key) on an administrator's or the system's change to what belongs to
     * no agency.
     */
    public enum SealedAs {
        OFFICIAL, AGENCY, RETROACTIVE, SYSTEM;

        public static SealedAs parse(String value) {
            try {
                return value == null ? null : valueOf(value);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
