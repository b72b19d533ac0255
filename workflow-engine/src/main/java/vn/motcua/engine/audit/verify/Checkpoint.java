package vn.motcua.engine.audit.verify;

/**
 * A stored checkpoint (table {@code audit_checkpoint}): the signed, time-stamped {@code body}
 * ({@link vn.motcua.engine.audit.log.CheckpointBody}) and the fields copied out of it for queries.
 */
public record Checkpoint(long number, long previousTreeSize, long treeSize, byte[] rootHash, byte[] body,
                         byte[] signature, String algorithm, String certificate, byte[] timestampToken) {
}
