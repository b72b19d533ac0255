package vn.motcua.engine.audit.verify;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.motcua.engine.audit.crypto.Certificates;
import vn.motcua.engine.audit.log.CheckpointBody;
import vn.motcua.engine.audit.log.Hashes;
import vn.motcua.engine.audit.log.MerkleTree;
import vn.motcua.engine.audit.log.StoredEvent;

/**
 * Sweeps a whole event store over JDBC, in one read-only, repeatable-read transaction (a consistent snapshot
 * while the application keeps running): every checkpoint, rebuilding the Merkle tree from the events the
 * checkpoints list and comparing each root; every event against its seal and its dossier's chain, in
 * global order; every event a checkpoint committed against what is stored now; and seals whose event is
 * gone. Memory stays small: the tree is rebuilt from its frontier, and only failed events and the last
 * event of each dossier are remembered.
 */
public final class StoreSweep {

    /** Told how far the sweep is, about once a second. */
    public interface Progress {
        void report(String phase, long done, long total, double perSecond);
    }

    private static final int WARNINGS_LISTED = 20;

    private final Connection connection;
    private final List<X509Certificate> trustAnchors;
    private final String logSigner;
    private final Progress progress;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Integer> warningCounts = new LinkedHashMap<>();
    private final Set<String> deleted = new HashSet<>();

    public StoreSweep(Connection connection, List<X509Certificate> trustAnchors, String logSigner, Progress progress) {
        this.connection = connection;
        this.trustAnchors = trustAnchors;
        this.logSigner = logSigner;
        this.progress = progress == null ? (phase, done, total, rate) -> { } : progress;
    }

    private record TrustedCheckpoint(long number, Instant timestampedAt) {
    }

    public Report run() throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set transaction isolation level repeatable read, read only");
        }
        try {
            return sweep();
        } finally {
            connection.rollback();
        }
    }

    private Report sweep() throws SQLException {
        Map<String, X509Certificate> certificates = loadCertificates();
        List<X509CRL> crls = new ArrayList<>();
        query("select der from audit_crl", rs -> crls.add(Certificates.parseCrl(rs.getBytes(1))));
        List<X509Certificate> anchors = trustAnchors;
        if (anchors == null || anchors.isEmpty()) {
            anchors = certificates.values().stream()
                    .filter(c -> c.getSubjectX500Principal().equals(c.getIssuerX500Principal()) && c.getBasicConstraints() >= 0)
                    .toList();
            findings.add(Finding.warn("no trust anchor given: the root certificates stored in the database were"
                    + " trusted (" + anchors.size() + "); pass the root CA certificate obtained independently"));
            if (anchors.isEmpty()) {
                findings.add(Finding.fail("no trust anchor: no root certificate given or stored"));
                return report(0, 0);
            }
        }
        CertificateValidator validator = new CertificateValidator(anchors, certificates.values(), crls);

        List<TrustedCheckpoint> trusted = new ArrayList<>();
        Instant sealingSince = checkpoints(validator, certificates, trusted);
        if (sealingSince == null) {
            List<Instant> meta = new ArrayList<>();
            query("select sealing_since from audit_log_meta", rs -> meta.add(rs.getTimestamp(1).toInstant()));
            sealingSince = meta.isEmpty() ? null : meta.getFirst();
        }

        Map<String, byte[]> exceptions = new HashMap<>();
        long events = events(validator, certificates, sealingSince, exceptions);
        committed(trusted, exceptions);
        orphanSeals();
        pending();
        warningCounts.forEach((warning, count) -> {
            if (count > WARNINGS_LISTED) {
                findings.add(Finding.warn("… and " + (count - WARNINGS_LISTED) + " more events: " + warning));
            }
        });
        return report(events, trusted.size());
    }

    private Map<String, X509Certificate> loadCertificates() throws SQLException {
        Map<String, X509Certificate> certificates = new HashMap<>();
        query("select reference, der from audit_certificate", rs -> {
            String reference = rs.getString(1).trim();
            try {
                X509Certificate certificate = Certificates.parse(rs.getBytes(2));
                if (Certificates.reference(certificate).equals(reference)) {
                    certificates.put(reference, certificate);
                } else {
                    findings.add(Finding.fail("stored certificate " + reference + " is not the one its reference names"));
                }
            } catch (IllegalArgumentException e) {
                findings.add(Finding.fail("stored certificate " + reference + " is unreadable"));
            }
        });
        return certificates;
    }

    /** Verifies the checkpoints and rebuilds the tree from the events they list; returns when sealing began. */
    private Instant checkpoints(CertificateValidator validator, Map<String, X509Certificate> certificates,
                                List<TrustedCheckpoint> trusted) throws SQLException {
        CheckpointVerifier verifier = new CheckpointVerifier(validator, certificates::get, certificates.values(),
                logSigner);
        MerkleTree.Appender tree = new MerkleTree.Appender(0, List.of());
        long total = count("select count(*) from audit_checkpoint");
        long[] expected = {1};
        boolean[] broken = {false};
        Instant[] sealingSince = {null};
        Rate rate = new Rate("checkpoints", total);
        query("select number, previous_tree_size, tree_size, root_hash, body, signature, signature_algorithm,"
                + " signer_certificate, timestamp_token from audit_checkpoint order by number", rs -> {
            Checkpoint checkpoint = new Checkpoint(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBytes(4),
                    rs.getBytes(5), rs.getBytes(6), rs.getString(7), trim(rs.getString(8)), rs.getBytes(9));
            rate.tick();
            if (checkpoint.number() != expected[0]) {
                findings.add(Finding.fail("checkpoints " + expected[0] + " to " + (checkpoint.number() - 1)
                        + " are missing"));
                broken[0] = true;
            }
            expected[0] = checkpoint.number() + 1;
            CheckpointVerifier.Result result = verifier.verify(checkpoint);
            if (!result.valid()) {
                findings.add(Finding.fail("checkpoint " + checkpoint.number() + ": " + String.join("; ", result.problems())));
                broken[0] = true;
                return;
            }
            CheckpointBody body = result.body();
            if (body.previousTreeSize() != tree.size()) {
                findings.add(Finding.fail("checkpoint " + body.number() + " starts at tree size "
                        + body.previousTreeSize() + " but the checkpoints before it end at " + tree.size()));
                broken[0] = true;
            }
            if (broken[0]) {
                return;
            }
            body.events().forEach(entry -> tree.append(MerkleTree.leafHash(entry.eventHash())));
            if (!Arrays.equals(tree.root(), body.rootHash())) {
                findings.add(Finding.fail("checkpoint " + body.number() + ": the events it and the earlier checkpoints"
                        + " list do not give its root hash"));
                broken[0] = true;
                return;
            }
            if (body.sealingSince() != null && sealingSince[0] == null) {
                sealingSince[0] = Instant.parse(body.sealingSince());
            }
            trusted.add(new TrustedCheckpoint(body.number(), result.timestampedAt()));
        });
        rate.done();
        return sealingSince[0];
    }

    private long events(CertificateValidator validator, Map<String, X509Certificate> certificates,
                        Instant sealingSince, Map<String, byte[]> exceptions) throws SQLException {
        EventVerifier verifier = new EventVerifier(validator, certificates::get, sealingSince, logSigner);
        long total = count("select count(*) from domain_event_entry");
        Rate rate = new Rate("events", total);
        long[] checked = {0};
        query("""
                select e.event_identifier, e.aggregate_identifier, e.sequence_number, e.payload_type, e.time_stamp,
                       e.payload, s.aggregate_identifier, s.sequence_number, s.previous_hash, s.event_hash, s.signature,
                       s.signature_algorithm, s.signer_certificate, s.sealed_as
                from domain_event_entry e left join audit_seal s on s.event_identifier = e.event_identifier
                order by e.global_index""", rs -> {
            StoredEvent event = new StoredEvent(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                    rs.getString(5), rs.getBytes(6));
            Seal seal = rs.getString(7) == null ? null : new Seal(event.eventId(), rs.getString(7), rs.getLong(8),
                    rs.getBytes(9), rs.getBytes(10), rs.getBytes(11), rs.getString(12), trim(rs.getString(13)),
                    Seal.SealedAs.parse(rs.getString(14)));
            EventVerifier.Outcome outcome = verifier.verify(event, seal);
            EventStatus status = outcome.status();
            if (seal == null || outcome.recomputedHash() == null
                    || !Arrays.equals(outcome.recomputedHash(), seal.eventHash())) {
                exceptions.put(event.eventId(), outcome.recomputedHash());
            }
            status.problems().forEach(problem -> findings.add(Finding.fail(event.eventId(), event.aggregateId(),
                    event.sequence(), problem)));
            status.warnings().forEach(warning -> warn(event, warning));
            checked[0]++;
            rate.tick();
        });
        rate.done();
        return checked[0];
    }

    /** Each event a valid checkpoint committed must still be stored, with the hash it committed. */
    private void committed(List<TrustedCheckpoint> trusted, Map<String, byte[]> exceptions) throws SQLException {
        Rate rate = new Rate("committed events", count("select coalesce(max(tree_size), 0) from audit_checkpoint"));
        for (TrustedCheckpoint checkpoint : trusted) {
            CheckpointBody body = body(checkpoint.number());
            List<String> ids = body.events().stream().map(CheckpointBody.Entry::eventId).toList();
            Map<String, Object[]> now = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    select t.id, s.event_hash, coalesce(e.aggregate_identifier, s.aggregate_identifier, l.aggregate_identifier),
                           coalesce(e.sequence_number, s.sequence_number, l.sequence_number), e.event_identifier is not null
                    from unnest(?) as t(id)
                    left join audit_seal s on s.event_identifier = t.id
                    left join domain_event_entry e on e.event_identifier = t.id
                    left join audit_tree_leaf l on l.event_identifier = t.id""")) {
                Array array = connection.createArrayOf("text", ids.toArray());
                statement.setArray(1, array);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        now.put(rs.getString(1), new Object[] {rs.getBytes(2), rs.getString(3),
                                rs.getObject(4) == null ? null : rs.getLong(4), rs.getBoolean(5)});
                    }
                }
            }
            Map<Long, Object[]> leaves = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("select leaf_index, event_identifier,"
                    + " event_hash from audit_tree_leaf where leaf_index >= ? and leaf_index < ?")) {
                statement.setLong(1, body.previousTreeSize());
                statement.setLong(2, body.treeSize());
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        leaves.put(rs.getLong(1), new Object[] {rs.getString(2), rs.getBytes(3)});
                    }
                }
            }
            String where = "checkpoint " + checkpoint.number() + " (time-stamped " + checkpoint.timestampedAt() + ")";
            for (int i = 0; i < body.events().size(); i++) {
                CheckpointBody.Entry entry = body.events().get(i);
                long leaf = body.previousTreeSize() + i;
                Object[] row = now.get(entry.eventId());
                String aggregate = row == null ? null : (String) row[1];
                Long sequence = row == null ? null : (Long) row[2];
                if (row == null || !(Boolean) row[3]) {
                    deleted.add(entry.eventId());
                    findings.add(Finding.fail(entry.eventId(), aggregate, sequence, "deleted: committed at leaf " + leaf
                            + " by " + where + ", but missing from the event store"));
                } else {
                    byte[] hash = exceptions.containsKey(entry.eventId()) ? exceptions.get(entry.eventId()) : (byte[]) row[0];
                    if (!Arrays.equals(hash, entry.eventHash())) {
                        findings.add(Finding.fail(entry.eventId(), aggregate, sequence, "altered after " + where
                                + ": it committed the hash " + Hashes.hex(entry.eventHash())
                                + ", the stored record now hashes to " + Hashes.hex(hash)));
                    }
                }
                Object[] stored = leaves.get(leaf);
                if (stored == null || !entry.eventId().equals(stored[0]) || !Arrays.equals((byte[]) stored[1],
                        entry.eventHash())) {
                    findings.add(Finding.fail("leaf " + leaf + " of the stored tree is not what " + where
                            + " committed (" + entry.eventId() + ")"));
                }
                rate.tick();
            }
        }
        rate.done();
    }

    private void orphanSeals() throws SQLException {
        query("""
                select s.event_identifier, s.aggregate_identifier, s.sequence_number from audit_seal s
                left join domain_event_entry e on e.event_identifier = s.event_identifier
                where e.event_identifier is null order by s.seal_id""", rs -> {
            String id = rs.getString(1);
            if (deleted.add(id)) {
                findings.add(Finding.fail(id, rs.getString(2), rs.getLong(3),
                        "deleted: the event was sealed but is missing from the event store"));
            }
        });
    }

    private void pending() throws SQLException {
        long pending = count("select count(*) from audit_seal s left join audit_tree_leaf l"
                + " on l.event_identifier = s.event_identifier where l.event_identifier is null");
        if (pending > 0) {
            findings.add(Finding.warn(pending + " sealed events are not yet committed by a checkpoint"));
        }
    }

    private CheckpointBody body(long number) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select body from audit_checkpoint where number = ?")) {
            statement.setLong(1, number);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return CheckpointBody.parse(rs.getBytes(1));
            }
        }
    }

    private void warn(StoredEvent event, String warning) {
        int count = warningCounts.merge(warning, 1, Integer::sum);
        if (count <= WARNINGS_LISTED) {
            findings.add(Finding.warn(event.eventId(), event.aggregateId(), event.sequence(), warning));
        }
    }

    private Report report(long events, long checkpoints) {
        boolean valid = findings.stream().noneMatch(f -> f.severity() == Finding.Severity.FAIL);
        return new Report(valid, events, checkpoints, List.of(), List.of(), findings);
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Row row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(1000);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private final class Rate {
        private final String phase;
        private final long total;
        private final long started = System.nanoTime();
        private long done;
        private long lastReport = System.nanoTime();

        Rate(String phase, long total) {
            this.phase = phase;
            this.total = total;
        }

        void tick() {
            done++;
            long now = System.nanoTime();
            if (now - lastReport >= 1_000_000_000L) {
                lastReport = now;
                progress.report(phase, done, total, perSecond(now));
            }
        }

        void done() {
            progress.report(phase, done, total, perSecond(System.nanoTime()));
        }

        private double perSecond(long now) {
            double seconds = (now - started) / 1e9;
            return seconds <= 0 ? 0 : done / seconds;
        }
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }
}
