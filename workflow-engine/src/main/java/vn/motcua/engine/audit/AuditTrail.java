package vn.motcua.engine.audit;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.engine.audit.crypto.Certificates;
import vn.motcua.engine.audit.log.Hashes;
import vn.motcua.engine.audit.log.MerkleTree;
import vn.motcua.engine.audit.verify.AuditPackage;
import vn.motcua.engine.audit.verify.CertificateValidator;
import vn.motcua.engine.audit.verify.Checkpoint;
import vn.motcua.engine.audit.verify.CheckpointVerifier;
import vn.motcua.engine.audit.verify.PackageVerifier;
import vn.motcua.engine.audit.verify.Report;
import vn.motcua.engine.platform.AggregateType;
import vn.motcua.engine.problem.Problem;

/**
 * The inspector's view of one aggregate of any registered type: its audit package, built from the store as it is now, and the
 * verdict of the very verifier an inspector runs offline on that package, against the configured trust
 * anchors (never against what the database says is trusted).
 */
public class AuditTrail {

    private final JdbcTemplate jdbc;
    private final Checkpointer checkpoints;
    private final AuditRecords records;
    private final Supplier<List<X509Certificate>> trustAnchors;
    private final String logSigner;
    private final Clock clock;

    public AuditTrail(JdbcTemplate jdbc, Checkpointer checkpoints, AuditRecords records,
                      Supplier<List<X509Certificate>> trustAnchors, String logSigner, Clock clock) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
        this.records = records;
        this.trustAnchors = trustAnchors;
        this.logSigner = logSigner;
        this.clock = clock;
    }

    /** The aggregate's trail with each event's status. */
    public Report verify(AggregateType<?> type, String id) {
        return PackageVerifier.verify(export(type, id, null), trustAnchors.get(), logSigner);
    }

    public List<X509Certificate> trustAnchors() {
        return trustAnchors.get();
    }

    public AuditPackage export(AggregateType<?> type, String code, String exportedBy) {
        List<AuditPackage.Event> events = new ArrayList<>();
        Map<String, Integer> positions = new HashMap<>();
        jdbc.query("""
                select e.event_identifier, e.aggregate_identifier, e.sequence_number, e.payload_type, e.time_stamp,
                       e.payload, s.event_hash, s.previous_hash, s.signature, s.signature_algorithm,
                       s.signer_certificate, s.sealed_as
                from domain_event_entry e left join audit_seal s on s.event_identifier = e.event_identifier
                where e.aggregate_identifier = ? and e.type = ? order by e.sequence_number""", rs -> {
            AuditPackage.PackagedSeal seal = rs.getBytes(7) == null ? null : new AuditPackage.PackagedSeal(
                    Hashes.hex(rs.getBytes(7)), Hashes.hex(rs.getBytes(8)), rs.getBytes(9), rs.getString(10),
                    rs.getString(11).trim(), rs.getString(12));
            positions.put(rs.getString(1), events.size());
            events.add(new AuditPackage.Event(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                    rs.getString(5), AuditPackage.parsePayload(rs.getBytes(6)), seal));
        }, code, type.storedType());
        List<AuditPackage.Leaf> leaves = jdbc.query("""
                select leaf_index, event_identifier, sequence_number, event_hash from audit_tree_leaf
                where aggregate_identifier = ? order by leaf_index""", (rs, row) -> new AuditPackage.Leaf(
                rs.getLong(1), rs.getString(2), rs.getLong(3), Hashes.hex(rs.getBytes(4))), code);
        boolean another = events.isEmpty() && !jdbc.queryForList("select 1 from domain_event_entry"
                + " where aggregate_identifier = ? limit 1", Integer.class, code).isEmpty();
        if (another || events.isEmpty() && leaves.isEmpty()) {
            throw Problem.notFound(type.name(), "Không tìm thấy " + type.labelVi() + " " + code + " / No " + type.name()
                    + " " + code);
        }

        Checkpoint head = checkpoints.latest().orElse(null);
        Map<Long, Checkpoint> included = new TreeMap<>();
        Map<Long, List<String>> inclusion = new LinkedHashMap<>();
        Map<Long, List<String>> consistency = new LinkedHashMap<>();
        if (head != null) {
            included.put(head.number(), head);
            MerkleTree.NodeSource nodes = checkpoints.nodes();
            for (AuditPackage.Leaf leaf : leaves) {
                if (leaf.leafIndex() >= head.treeSize()) {
                    continue;
                }
                checkpoints.covering(leaf.leafIndex()).ifPresent(c -> included.put(c.number(), c));
                inclusion.put(leaf.leafIndex(), hex(MerkleTree.inclusionProof(nodes, leaf.leafIndex(), head.treeSize())));
            }
            for (Checkpoint checkpoint : included.values()) {
                if (checkpoint.number() != head.number()) {
                    consistency.put(checkpoint.number(),
                            hex(MerkleTree.consistencyProof(nodes, checkpoint.treeSize(), head.treeSize())));
                }
            }
        }
        Set<String> references = new LinkedHashSet<>();
        events.forEach(event -> {
            if (event.seal() != null) {
                references.add(event.seal().certificate());
            }
        });
        included.values().forEach(checkpoint -> references.add(checkpoint.certificate()));
        List<AuditPackage.PackagedCheckpoint> packaged = included.values().stream()
                .map(c -> new AuditPackage.PackagedCheckpoint(c.number(), c.previousTreeSize(), c.treeSize(),
                        Hashes.hex(c.rootHash()), c.body(), c.signature(), c.algorithm(), c.certificate(),
                        c.timestampToken()))
                .toList();
        return new AuditPackage(AuditPackage.FORMAT, type.name(), code, clock.instant().toString(), exportedBy, events, leaves,
                records.certificatesFor(references), records.latestCrls(), packaged,
                head == null ? null : head.number(), inclusion, consistency);
    }

    /**
     * These checkpoints, each verified on its own as an inspector's verifier does: the log's signature over its
     * body, the log's certificate against the trust anchors and CRLs, and its RFC 3161 time-stamp.
     */
    public List<CheckpointVerifier.Result> verifyCheckpoints(List<Checkpoint> list) {
        Map<String, X509Certificate> certificates = new HashMap<>();
        records.certificatesFor(list.stream().map(Checkpoint::certificate).toList())
                .forEach((reference, der) -> certificates.put(reference, Certificates.parse(der)));
        List<X509CRL> crls = records.latestCrls().stream().map(Certificates::parseCrl).toList();
        CertificateValidator validator = new CertificateValidator(trustAnchors.get(), certificates.values(), crls);
        CheckpointVerifier verifier = new CheckpointVerifier(validator, certificates::get, certificates.values(),
                logSigner);
        return list.stream().map(verifier::verify).toList();
    }

    /** A consistency proof between two checkpoints (RFC 9162 section 2.1.4). */
    public List<String> consistencyProof(Checkpoint first, Checkpoint second) {
        if (first.treeSize() == second.treeSize()) {
            return List.of();
        }
        return hex(MerkleTree.consistencyProof(checkpoints.nodes(), first.treeSize(), second.treeSize()));
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(Hashes::hex).toList();
    }
}
