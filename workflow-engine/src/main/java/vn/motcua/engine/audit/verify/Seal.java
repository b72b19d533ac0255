package vn.motcua.engine.audit.verify;

/**
 * What is stored with each event (table {@code audit_seal}): its hash, the previous event's hash, the
 * signature with its algorithm, the signer's certificate reference and whose key it was.
 */
public record Seal(String eventId, String aggregateId, long sequence, byte[] previousHash, byte[] eventHash,
                   byte[] signature, String algorithm, String certificate, SealedAs sealedAs) {

    /** Whose key signed: the acting official's own, the agency's seal, or the agency's seal after the fact. */
    public enum SealedAs {
        OFFICIAL, AGENCY, RETROACTIVE;

        public static SealedAs parse(String value) {
            try {
                return value == null ? null : valueOf(value);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
