package vn.motcua.engine.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.engine.audit.crypto.SignatureValue;
import vn.motcua.engine.audit.crypto.Signer;
import vn.motcua.engine.audit.crypto.TimestampAuthority;
import vn.motcua.engine.audit.log.CheckpointBody;
import vn.motcua.engine.audit.log.Hashes;
import vn.motcua.engine.audit.log.MerkleTree;
import vn.motcua.engine.audit.verify.Checkpoint;

/**
 * Extends the global Merkle tree with the events sealed since the last run, in the order their seals
 * committed, and signs each extension as a checkpoint (tree size, root hash, the events it added),
 * time-stamped by the RFC 3161 TSA over the SHA-256 of the signed body. One run at a time across all
 * instances (a PostgreSQL advisory lock), one transaction per run: the tree never holds a leaf that no
 * checkpoint lists, once committed.
 */
public class Checkpointer {

    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);
    private static final long LOCK = 0x6d6f74637561L; // "motcua"
    public static final String LOG_NAME = "motcua";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Signer signer;
    private final TimestampAuthority tsa;
    private final AuditRecords records;
    private final Clock clock;
    private final int maxEvents;

    public Checkpointer(JdbcTemplate jdbc, TransactionTemplate transaction, Signer signer, TimestampAuthority tsa,
                        AuditRecords records, Clock clock, int maxEvents) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.signer = signer;
        this.tsa = tsa;
        this.records = records;
        this.clock = clock;
        this.maxEvents = maxEvents;
    }

    private record Pending(long sealId, String eventId, String aggregateId, long sequence, byte[] eventHash) {
    }

    /** Commits every sealed event not yet in the tree; returns the numbers of the checkpoints made. */
    public List<Long> checkpointNow() {
        List<Long> made = new ArrayList<>();
        while (true) {
            Long number = transaction.execute(status -> extendOnce());
            if (number == null) {
                return made;
            }
            made.add(number);
        }
    }

    private Long extendOnce() {
        jdbc.queryForObject("select pg_advisory_xact_lock(?)::text", String.class, LOCK);
        List<Pending> pending = jdbc.query("""
                select p.seal_id, s.event_identifier, s.aggregate_identifier, s.sequence_number, s.event_hash
                from audit_tree_pending p join audit_seal s on s.event_identifier = p.event_identifier
                order by p.seal_id limit ?""", (rs, row) -> new Pending(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getLong(4), rs.getBytes(5)), maxEvents);
        if (pending.isEmpty()) {
            return null;
        }
        long size = jdbc.queryForObject("select coalesce(max(leaf_index) + 1, 0) from audit_tree_leaf", Long.class);
        MerkleTree.Appender tree = new MerkleTree.Appender(size, frontier(size));
        List<Object[]> leaves = new ArrayList<>();
        List<Object[]> nodes = new ArrayList<>();
        List<CheckpointBody.Entry> entries = new ArrayList<>();
        for (Pending event : pending) {
            leaves.add(new Object[] {tree.size(), event.eventId(), event.aggregateId(), event.sequence(), event.eventHash()});
            for (MerkleTree.Appender.Node node : tree.append(MerkleTree.leafHash(event.eventHash()))) {
                nodes.add(new Object[] {node.level(), node.index(), node.hash()});
            }
            entries.add(new CheckpointBody.Entry(event.eventId(), event.eventHash()));
        }
        jdbc.batchUpdate("insert into audit_tree_leaf (leaf_index, event_identifier, aggregate_identifier,"
                + " sequence_number, event_hash) values (?, ?, ?, ?, ?)", leaves);
        jdbc.batchUpdate("insert into audit_tree_node (node_level, node_index, hash) values (?, ?, ?)", nodes);
        jdbc.batchUpdate("delete from audit_tree_pending where seal_id = ?",
                pending.stream().map(p -> new Object[] {p.sealId()}).toList());

        long number = jdbc.queryForObject("select coalesce(max(number), 0) + 1 from audit_checkpoint", Long.class);
        Instant sealingSince = jdbc.queryForObject("select sealing_since from audit_log_meta", Timestamp.class)
                .toInstant();
        CheckpointBody body = new CheckpointBody(LOG_NAME, number, size, tree.size(), tree.root(), entries,
                sealingSince.toString(), clock.instant().toString());
        byte[] bytes = body.canonical();
        SignatureValue signature = signer.sign(Signer.LOG_ALIAS, bytes);
        String certificate = records.certificate(signature.certificate());
        byte[] token = tsa.timestamp(Hashes.sha256(bytes));
        Instant stamped = genTime(token);
        jdbc.update("""
                insert into audit_checkpoint (number, previous_tree_size, tree_size, root_hash, body, signature,
                                              signature_algorithm, signer_certificate, timestamp_token, timestamped_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", number, size, tree.size(), tree.root(), bytes,
                signature.value(), signature.algorithm(), certificate, token, Timestamp.from(stamped));
        log.debug("Checkpoint {}: tree size {}, {} events, time-stamped {}", number, tree.size(), entries.size(), stamped);
        return number;
    }

    private List<byte[]> frontier(long size) {
        List<byte[]> frontier = new ArrayList<>();
        for (long[] position : MerkleTree.Appender.frontierPositions(size)) {
            frontier.add(node((int) position[0], position[1]));
        }
        return frontier;
    }

    private byte[] node(int level, long index) {
        return jdbc.query("select hash from audit_tree_node where node_level = ? and node_index = ?",
                        (rs, row) -> rs.getBytes(1), level, index).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("The stored tree has no node " + level + "/" + index));
    }

    /** The stored perfect subtrees, for proofs (each read once per proof). */
    public MerkleTree.NodeSource nodes() {
        Map<String, byte[]> cache = new HashMap<>();
        return (level, index) -> cache.computeIfAbsent(level + "/" + index, key -> node(level, index));
    }

    static Instant genTime(byte[] token) {
        try {
            return new TimeStampToken(new CMSSignedData(token)).getTimeStampInfo().getGenTime().toInstant();
        } catch (Exception e) {
            throw new IllegalStateException("The TSA returned an unreadable token: " + e.getMessage(), e);
        }
    }

    private static final RowMapper<Checkpoint> CHECKPOINT = (rs, row) -> new Checkpoint(rs.getLong("number"),
            rs.getLong("previous_tree_size"), rs.getLong("tree_size"), rs.getBytes("root_hash"), rs.getBytes("body"),
            rs.getBytes("signature"), rs.getString("signature_algorithm"), rs.getString("signer_certificate").trim(),
            rs.getBytes("timestamp_token"));

    public Optional<Checkpoint> latest() {
        return jdbc.query("select * from audit_checkpoint order by number desc limit 1", CHECKPOINT).stream().findFirst();
    }

    public Optional<Checkpoint> find(long number) {
        return jdbc.query("select * from audit_checkpoint where number = ?", CHECKPOINT, number).stream().findFirst();
    }

    /** The checkpoint that first committed leaf {@code index}. */
    public Optional<Checkpoint> covering(long leafIndex) {
        return jdbc.query("select * from audit_checkpoint where previous_tree_size <= ? and tree_size > ?",
                CHECKPOINT, leafIndex, leafIndex).stream().findFirst();
    }

    public List<Checkpoint> recent(int limit) {
        return jdbc.query("select * from audit_checkpoint order by number desc limit ?", CHECKPOINT, limit);
    }

    public Instant timestampedAt(long number) {
        return jdbc.queryForObject("select timestamped_at from audit_checkpoint where number = ?", Timestamp.class,
                number).toInstant();
    }

    /** Checkpoints not yet published, oldest first. */
    public List<Checkpoint> unpublished(int limit) {
        return jdbc.query("select * from audit_checkpoint where published_at is null order by number limit ?",
                CHECKPOINT, limit);
    }

    public void markPublished(long number) {
        jdbc.update("update audit_checkpoint set published_at = ? where number = ? and published_at is null",
                Timestamp.from(clock.instant()), number);
    }
}
