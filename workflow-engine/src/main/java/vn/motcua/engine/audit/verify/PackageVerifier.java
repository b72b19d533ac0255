package vn.motcua.engine.audit.verify;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.motcua.engine.audit.crypto.Certificates;
import vn.motcua.engine.audit.log.CheckpointBody;
import vn.motcua.engine.audit.log.Hashes;
import vn.motcua.engine.audit.log.MerkleTree;
import vn.motcua.engine.audit.log.StoredEvent;

/**
 * Verifies a dossier's {@link AuditPackage} offline: every event against its seal and chain
 * ({@link EventVerifier}), every checkpoint ({@link CheckpointVerifier}), each event against the hash its
 * checkpoint committed and time-stamped, the inclusion of each event in the newest checkpoint and the
 * consistency of the older checkpoints with it (RFC 9162). The trust anchors come from the caller, never
 * from the package.
 */
public final class PackageVerifier {

    private record Committed(long checkpoint, long leafIndex, byte[] hash, Instant timestampedAt) {
    }

    private PackageVerifier() {
    }

    public static Report verify(AuditPackage pack, List<X509Certificate> trustAnchors, String logSigner) {
        List<Finding> findings = new ArrayList<>();
        Map<String, X509Certificate> certificates = new HashMap<>();
        if (pack.certificates() != null) {
            pack.certificates().forEach((reference, der) -> {
                try {
                    X509Certificate certificate = Certificates.parse(der);
                    if (!Certificates.reference(certificate).equals(reference)) {
                        findings.add(Finding.fail("certificate " + reference + " in the package is not the one its"
                                + " reference names"));
                    } else {
                        certificates.put(reference, certificate);
                    }
                } catch (IllegalArgumentException e) {
                    findings.add(Finding.fail("certificate " + reference + " is unreadable"));
                }
            });
        }
        List<X509CRL> crls = new ArrayList<>();
        if (pack.crls() != null) {
            for (byte[] der : pack.crls()) {
                try {
                    crls.add(Certificates.parseCrl(der));
                } catch (IllegalArgumentException e) {
                    findings.add(Finding.fail("a CRL in the package is unreadable"));
                }
            }
        }
        CertificateValidator validator = new CertificateValidator(trustAnchors, certificates.values(), crls);

        CheckpointVerifier checkpointVerifier = new CheckpointVerifier(validator, certificates::get,
                certificates.values(), logSigner);
        List<CheckpointVerifier.Result> checkpointResults = new ArrayList<>();
        Map<Long, AuditPackage.PackagedCheckpoint> byNumber = new HashMap<>();
        Map<Long, CheckpointVerifier.Result> resultByNumber = new HashMap<>();
        Map<String, Committed> committed = new HashMap<>();
        Map<Long, String> committedAt = new HashMap<>();
        Instant sealingSince = null;
        List<AuditPackage.PackagedCheckpoint> checkpoints = pack.checkpoints() == null ? List.of() : pack.checkpoints();
        for (AuditPackage.PackagedCheckpoint packaged : checkpoints) {
            CheckpointVerifier.Result result = checkpointVerifier.verify(toCheckpoint(packaged));
            checkpointResults.add(result);
            byNumber.put(packaged.number(), packaged);
            resultByNumber.put(packaged.number(), result);
            if (!result.valid()) {
                findings.add(Finding.fail("checkpoint " + packaged.number() + ": " + String.join("; ", result.problems())));
                continue;
            }
            CheckpointBody body = result.body();
            if (body.sealingSince() != null) {
                sealingSince = Instant.parse(body.sealingSince());
            }
            for (int i = 0; i < body.events().size(); i++) {
                CheckpointBody.Entry entry = body.events().get(i);
                long leaf = body.previousTreeSize() + i;
                committed.put(entry.eventId(), new Committed(body.number(), leaf, entry.eventHash(),
                        result.timestampedAt()));
                committedAt.put(leaf, entry.eventId());
            }
        }

        CheckpointVerifier.Result head = pack.headCheckpoint() == null ? null : resultByNumber.get(pack.headCheckpoint());
        if (pack.headCheckpoint() != null && (head == null || !head.valid())) {
            findings.add(Finding.fail("the newest checkpoint " + pack.headCheckpoint() + " is missing or invalid"));
            head = null;
        }
        if (head != null) {
            for (CheckpointVerifier.Result older : checkpointResults) {
                if (!older.valid() || older.number() == head.number()) {
                    continue;
                }
                List<String> proof = pack.consistencyProofs() == null ? null
                        : pack.consistencyProofs().get(older.number());
                boolean consistent = proof != null && MerkleTree.verifyConsistency(older.body().treeSize(),
                        head.body().treeSize(), older.body().rootHash(), head.body().rootHash(), unhex(proof));
                if (!consistent) {
                    findings.add(Finding.fail("checkpoint " + older.number() + " is not consistent with checkpoint "
                            + head.number() + ": the log was forked or rewritten"));
                }
            }
        }

        EventVerifier verifier = new EventVerifier(validator, certificates::get, sealingSince, logSigner);
        List<EventStatus> statuses = new ArrayList<>();
        List<AuditPackage.Event> events = new ArrayList<>(pack.events() == null ? List.of() : pack.events());
        events.sort(Comparator.comparingLong(AuditPackage.Event::sequence));
        Set<String> present = new HashSet<>();
        for (AuditPackage.Event event : events) {
            present.add(event.eventId());
            StoredEvent stored = new StoredEvent(event.eventId(), event.aggregateId(), event.sequence(), event.type(),
                    event.time(), AuditPackage.payloadBytes(event.payload()));
            EventVerifier.Outcome outcome = verifier.verify(stored, toSeal(event));
            statuses.add(withCheckpoint(outcome, committed.get(event.eventId()), head, pack, byNumber, findings));
        }
        if (pack.leaves() != null) {
            for (AuditPackage.Leaf leaf : pack.leaves()) {
                if (present.contains(leaf.eventId())) {
                    continue;
                }
                Committed commitment = committed.get(leaf.eventId());
                findings.add(Finding.fail(leaf.eventId(), pack.aggregateId(), leaf.sequence(), "deleted: the event is in"
                        + " the log's tree at leaf " + leaf.leafIndex()
                        + (commitment == null ? "" : ", committed by checkpoint " + commitment.checkpoint()
                        + " (time-stamped " + commitment.timestampedAt() + ")") + ", but not in the event store"));
            }
        }
        for (EventStatus status : statuses) {
            status.problems().forEach(problem -> findings.add(Finding.fail(status.eventId(), status.aggregateId(),
                    status.sequence(), problem)));
            status.warnings().forEach(warning -> findings.add(Finding.warn(status.eventId(), status.aggregateId(),
                    status.sequence(), warning)));
        }
        boolean valid = findings.stream().noneMatch(f -> f.severity() == Finding.Severity.FAIL);
        return new Report(valid, statuses.size(), checkpointResults.size(), statuses, checkpointResults, findings);
    }

    private static EventStatus withCheckpoint(EventVerifier.Outcome outcome, Committed commitment,
                                              CheckpointVerifier.Result head, AuditPackage pack,
                                              Map<Long, AuditPackage.PackagedCheckpoint> byNumber,
                                              List<Finding> findings) {
        EventStatus status = outcome.status();
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (commitment == null) {
            warnings.add("not yet committed by a checkpoint");
            return status.withCheckpoint(null, problems, warnings);
        }
        byte[] now = outcome.recomputedHash();
        boolean matches = now != null && Arrays.equals(now, commitment.hash());
        if (!matches) {
            problems.add("altered after checkpoint " + commitment.checkpoint() + " (time-stamped "
                    + commitment.timestampedAt() + "): it committed the hash " + Hashes.hex(commitment.hash())
                    + ", the stored record now hashes to " + Hashes.hex(now));
        }
        EventStatus.Inclusion inclusion = null;
        if (head != null && commitment.leafIndex() < head.body().treeSize()) {
            List<String> path = pack.inclusionProofs() == null ? null : pack.inclusionProofs().get(commitment.leafIndex());
            boolean included = path != null && MerkleTree.verifyInclusion(MerkleTree.leafHash(commitment.hash()),
                    commitment.leafIndex(), head.body().treeSize(), unhex(path), head.body().rootHash());
            if (!included) {
                findings.add(Finding.fail(status.eventId(), status.aggregateId(), status.sequence(), "its inclusion"
                        + " proof does not lead to the root of checkpoint " + head.number()
                        + " (the stored Merkle tree was altered)"));
            }
            inclusion = new EventStatus.Inclusion(head.number(), head.body().treeSize(),
                    Hashes.hex(head.body().rootHash()), path, included);
        }
        AuditPackage.PackagedCheckpoint packaged = byNumber.get(commitment.checkpoint());
        return status.withCheckpoint(new EventStatus.CheckpointStatus(commitment.checkpoint(), commitment.leafIndex(),
                String.valueOf(commitment.timestampedAt()), Hashes.hex(commitment.hash()), matches, inclusion),
                problems, warnings);
    }

    static List<byte[]> unhex(List<String> hashes) {
        return hashes.stream().map(Hashes::unhex).toList();
    }

    private static Checkpoint toCheckpoint(AuditPackage.PackagedCheckpoint c) {
        return new Checkpoint(c.number(), c.previousTreeSize(), c.treeSize(), Hashes.unhex(c.rootHash()), c.body(),
                c.signature(), c.algorithm(), c.certificate(), c.timestampToken());
    }

    private static Seal toSeal(AuditPackage.Event event) {
        AuditPackage.PackagedSeal seal = event.seal();
        if (seal == null) {
            return null;
        }
        return new Seal(event.eventId(), event.aggregateId(), event.sequence(), Hashes.unhex(seal.previousHash()),
                Hashes.unhex(seal.eventHash()), seal.signature(), seal.algorithm(), seal.certificate(),
                Seal.SealedAs.parse(seal.sealedAs()));
    }
}
