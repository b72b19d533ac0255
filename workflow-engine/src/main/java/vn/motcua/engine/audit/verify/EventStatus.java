package vn.motcua.engine.audit.verify;

import java.util.List;

/**
 * The verdict on one event, as the inspector's trail and the verifier print it: the event hash recomputed
 * from the stored record, the signature, the signer's certificate at signing time, the link to the previous
 * event, and the checkpoint that committed it (with the inclusion proof in the newest checkpoint).
 */
public record EventStatus(long sequence, String eventId, String aggregateId, String type, String time,
                          String actorId, String actorRole, String hash, String recomputedHash,
                          String previousHash, boolean hashMatches, SignatureStatus signature,
                          CertificateStatus certificate, ChainLink chainLink, CheckpointStatus checkpoint,
                          List<String> problems, List<String> warnings) {

    public EventStatus {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** VALID, INVALID, or PENDING (verifies, but no checkpoint has committed it yet). */
    @com.fasterxml.jackson.annotation.JsonProperty("status")
    public String status() {
        if (!problems.isEmpty()) {
            return "INVALID";
        }
        return checkpoint == null ? "PENDING" : "VALID";
    }

    public record SignatureStatus(boolean valid, String algorithm, String certificate, String signer,
                                  String sealedAs, boolean signerAuthorised, String detail) {
    }

    public record CertificateStatus(boolean validAtSigningTime, String detail) {
    }

    public record ChainLink(boolean intact, String detail) {
    }

    /**
     * @param number           the checkpoint that first committed the event
     * @param committedHash    the event hash it committed (timestamped), and whether it still matches
     * @param inclusion        the audit path of the leaf in the newest checkpoint, and whether it verified
     */
    public record CheckpointStatus(long number, long leafIndex, String timestampedAt, String committedHash,
                                   boolean committedHashMatches, Inclusion inclusion) {
    }

    public record Inclusion(long checkpoint, long treeSize, String rootHash, List<String> path, boolean valid) {
    }

    EventStatus withCheckpoint(CheckpointStatus status, List<String> moreProblems, List<String> moreWarnings) {
        List<String> allProblems = new java.util.ArrayList<>(problems);
        allProblems.addAll(moreProblems);
        List<String> allWarnings = new java.util.ArrayList<>(warnings);
        allWarnings.addAll(moreWarnings);
        return new EventStatus(sequence, eventId, aggregateId, type, time, actorId, actorRole, hash, recomputedHash,
                previousHash, hashMatches, signature, certificate, chainLink, status, allProblems, allWarnings);
    }
}
