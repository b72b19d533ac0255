package vn.motcua.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.motcua.engine.audit.cli.VerifierCli;
import vn.motcua.engine.audit.crypto.DevPki;
import vn.motcua.engine.audit.crypto.EmbeddedTimestampAuthority;
import vn.motcua.engine.audit.crypto.SignatureValue;
import vn.motcua.engine.audit.crypto.Signer;
import vn.motcua.engine.audit.log.CanonicalEvent;
import vn.motcua.engine.audit.log.MerkleTree;
import vn.motcua.engine.audit.log.StoredEvent;
import vn.motcua.engine.audit.verify.Finding;
import vn.motcua.engine.audit.verify.Report;
import vn.motcua.engine.audit.verify.StoreSweep;

/**
 * Someone with database access changes the record afterwards; the sweep of the whole store finds it and names
 * the event. A real PostgreSQL with the real schema (Flyway), real sealing and checkpoints; events are inserted as
 * Axon's JDBC store writes them.
 */
class AuditStoreTamperTest {

    private static final String HANOI = "000.00.16.H26";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path directory;

    static EmbeddedPostgres postgres;
    static DataSource dataSource;
    static JdbcTemplate jdbc;
    static TransactionTemplate transaction;
    static DevPki pki;
    static Sealing sealing;
    static Checkpointer checkpoints;
    static AuditRecords records;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setDataDirectory(directory.resolve("postgres"))
                .setCleanDataDirectory(true).start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        pki = DevPki.open(directory.resolve("pki"), "test".toCharArray(), "motcua (test)", "http://localhost/pki/",
                Clock.systemUTC());
        pki.enrolSeal(HANOI, "Sở Y tế Hà Nội");
        pki.enrolOfficial("reception-hn", "Lê Thị Thu", HANOI);
        records = new AuditRecords(jdbc);
        sealing = new Sealing(jdbc, pki.signer(), records, null);
        checkpoints = new Checkpointer(jdbc, transaction, pki.signer(),
                new EmbeddedTimestampAuthority(pki.timestampingKey(), Clock.systemUTC()), records, Clock.systemUTC(), 4);
        storePki();
    }

    private static void storePki() {
        records.certificates(List.of(pki.rootCertificate(), pki.issuingCertificate()));
        records.certificates(pki.timestampingKey().chain());
        records.crl(pki.rootCrl());
        records.crl(pki.crl());
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void emptyStore() {
        jdbc.execute("truncate domain_event_entry, audit_seal, audit_tree_pending, audit_tree_leaf, audit_tree_node,"
                + " audit_checkpoint restart identity");
    }

    // --- events as the store keeps them --------------------------------------------------------------------------

    record Event(String id, String dossier, long sequence) {
    }

    private static Event append(String dossier, long sequence, String type, String actorId, String role,
                                String comment, Instant at) {
        Map<String, Object> actor = new java.util.LinkedHashMap<>();
        actor.put("id", actorId);
        actor.put("name", actorId + " (tên)");
        actor.put("role", role);
        actor.put("unitId", "CITIZEN".equals(role) ? null : HANOI);
        Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("code", dossier);
        if (sequence == 0) {
            payload.put("unitId", HANOI);
            payload.put("applicant", Map.of("fullName", "Nguyễn Văn An", "idNumber", "001099012345"));
        }
        payload.put("comment", comment);
        payload.put("documents", List.of());
        payload.put("actor", actor);
        payload.put("at", at.toString());
        String id = UUID.randomUUID().toString();
        transaction.executeWithoutResult(status -> {
            try {
                jdbc.update("""
                        insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                        meta_data, payload, payload_type, time_stamp)
                        values (?, ?, 'Dossier', ?, '{}'::bytea, ?, ?, ?)""", dossier, sequence, id,
                        JSON.writeValueAsBytes(payload), "vn.motcua.engine.dossier.DossierEvent$" + type, at.toString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            sealing.seal(id);
        });
        return new Event(id, dossier, sequence);
    }

    /** A dossier of five steps: the citizen's (agency seal) and reception's (their own key). */
    private static List<Event> dossier(String code) {
        Instant at = Instant.now().minus(5, ChronoUnit.MINUTES);
        List<Event> events = new ArrayList<>();
        events.add(append(code, 0, "DossierSubmitted", "citizen-a", "CITIZEN", "Nộp hồ sơ", at));
        events.add(append(code, 1, "SupplementRequested", "reception-hn", "RECEPTION", "Bổ sung bản sao", at.plusSeconds(60)));
        events.add(append(code, 2, "SupplementProvided", "citizen-a", "CITIZEN", "Đã bổ sung", at.plusSeconds(120)));
        events.add(append(code, 3, "DossierAccepted", "reception-hn", "RECEPTION", "Hồ sơ đầy đủ", at.plusSeconds(180)));
        events.add(append(code, 4, "DossierWithdrawn", "citizen-a", "CITIZEN", "Rút hồ sơ", at.plusSeconds(240)));
        return events;
    }

    private static Report sweep() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return new StoreSweep(connection, List.of(pki.rootCertificate()), null, null).run();
        }
    }

    private static List<String> failuresOf(Report report, Event event) {
        return report.failures().stream().filter(f -> event.id().equals(f.eventId())).map(Finding::message).toList();
    }

    private static List<String> eventsNamed(Report report) {
        return report.failures().stream().map(Finding::eventId).filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** As an attacker with database access: the append-only triggers are only a guard against mistakes. */
    private static void tamper(String sql, Object... arguments) {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("set local session_replication_role = replica");
            jdbc.update(sql, arguments);
        });
    }

    // --- the tests -----------------------------------------------------------------------------------------------

    @Test
    void anUntouchedStoreVerifiesAlsoFromTheCommandLine(@TempDir Path dir) throws Exception {
        dossier("D-1");
        dossier("D-2");
        assertThat(checkpoints.checkpointNow()).hasSize(3); // at most 4 events per checkpoint
        dossier("D-3"); // sealed, not yet checkpointed
        Report report = sweep();
        assertThat(report.failures()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(15);
        assertThat(report.checkpointsChecked()).isEqualTo(3);
        assertThat(report.warnings()).extracting(Finding::message).contains("5 sealed events are not yet committed by a checkpoint");

        Path root = dir.resolve("root.pem");
        Files.writeString(root, vn.motcua.engine.audit.crypto.Certificates.pem(pki.rootCertificate()));
        Cli cli = cli("store", "--jdbc-url", postgres.getJdbcUrl("postgres", "postgres"), "--trust-anchor",
                root.toString());
        assertThat(cli.exit()).as(cli.out()).isZero();
        assertThat(cli.out()).contains("VALID event store").contains("events: 15 / 15");
    }

    /** An official document's events as a version that did not seal them stored them: no unitId in the first. */
    private static List<String> unsealedDocument(String id, Instant at) throws Exception {
        List<String> ids = new ArrayList<>();
        String[][] steps = {{"DocumentReceived", "clerk-hn", "CLERK"}, {"ArrivalRegistered", "clerk-hn", "CLERK"},
                {"PresentedToLeader", "clerk-hn", "CLERK"}};
        for (int sequence = 0; sequence < steps.length; sequence++) {
            Map<String, Object> payload = new java.util.LinkedHashMap<>();
            payload.put("documentId", id);
            if (sequence == 0) {
                payload.put("agencyId", HANOI);
            }
            payload.put("actor", Map.of("id", steps[sequence][1], "name", "Văn thư", "role", steps[sequence][2],
                    "unitId", HANOI));
            payload.put("at", at.plusSeconds(sequence).toString());
            String eventId = UUID.randomUUID().toString();
            jdbc.update("""
                    insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                    meta_data, payload, payload_type, time_stamp)
                    values (?, ?, 'OfficialDocument', ?, '{}'::bytea, ?, ?, ?)""", id, sequence, eventId,
                    JSON.writeValueAsBytes(payload), "vn.motcua.eoffice.document.DocumentEvent$" + steps[sequence][0],
                    at.plusSeconds(sequence).toString());
            ids.add(eventId);
        }
        return ids;
    }

    @Test
    void eventsStoredWithoutASealAreSealedLateWithTheSystemSealAndOneBadRowBlocksNoOther() throws Exception {
        dossier("D-before"); // sealed in time, so sealing began before the document's steps
        Instant later = Instant.now();
        List<String> document = unsealedDocument("doc-unsealed", later);
        List<String> bad = unsealedDocument("doc-unreadable", later);
        tamper("update domain_event_entry set payload = ? where event_identifier = ?",
                "{not json".getBytes(StandardCharsets.UTF_8), bad.get(1));
        List<String> other = unsealedDocument("doc-after-the-bad-one", later);

        Sealing.Backlog backlog = sealing.sealBacklog(transaction);

        assertThat(backlog.failures()).containsOnlyKeys("doc-unreadable");
        assertThat(backlog.failures().get("doc-unreadable")).contains(bad.get(1)).contains("not valid JSON");
        assertThat(backlog.sealed()).isEqualTo(6);
        assertThat(jdbc.queryForList("select distinct sealed_as from audit_seal where aggregate_identifier in (?, ?)",
                String.class, "doc-unsealed", "doc-after-the-bad-one")).containsExactly("RETROACTIVE");
        assertThat(jdbc.queryForObject("select count(*) from audit_seal where aggregate_identifier = 'doc-unreadable'",
                Integer.class)).as("the bad aggregate is left whole for the operator, not half sealed").isZero();
        checkpoints.checkpointNow();

        Report report = sweep();
        List<String> failing = eventsNamed(report);
        assertThat(failing).as("only the unreadable document fails").containsAll(bad.subList(1, 3))
                .doesNotContainAnyElementsOf(document).doesNotContainAnyElementsOf(other);
        assertThat(report.warnings()).extracting(Finding::message)
                .anyMatch(message -> message.startsWith("sealed late, with the system seal"));
        assertThat(sealing.sealBacklog(transaction).sealed()).as("sealed once").isZero();
    }

    @Test
    void aFlippedByteInAStoredPayloadIsNamed() throws Exception {
        List<Event> events = dossier("D-flip");
        checkpoints.checkpointNow();
        Event target = events.get(3);
        byte[] payload = jdbc.queryForObject("select payload from domain_event_entry where event_identifier = ?",
                byte[].class, target.id());
        int at = new String(payload, StandardCharsets.ISO_8859_1).indexOf("reception-hn");
        payload[at] ^= 0x01; // 'r' becomes 's'
        tamper("update domain_event_entry set payload = ? where event_identifier = ?", payload, target.id());

        Report report = sweep();
        assertThat(report.valid()).isFalse();
        assertThat(eventsNamed(report)).containsExactly(target.id());
        assertThat(failuresOf(report, target)).anyMatch(m -> m.startsWith("content altered"))
                .anyMatch(m -> m.startsWith("altered after checkpoint"));
        assertThat(report.failures().getFirst().describe()).contains("event " + target.id() + " (dossier D-flip, seq 3)");
    }

    @Test
    void aDeletedEventIsNamedInTheMiddleAndAtTheEnd() throws Exception {
        List<Event> middle = dossier("D-middle");
        List<Event> end = dossier("D-end");
        checkpoints.checkpointNow();
        tamper("delete from domain_event_entry where event_identifier = ?", middle.get(2).id());
        tamper("delete from audit_seal where event_identifier = ?", middle.get(2).id());
        // the last step of a dossier leaves no gap behind: the checkpoint still lists it
        tamper("delete from domain_event_entry where event_identifier = ?", end.get(4).id());
        tamper("delete from audit_seal where event_identifier = ?", end.get(4).id());
        tamper("delete from audit_tree_leaf where event_identifier = ?", end.get(4).id());

        Report report = sweep();
        assertThat(failuresOf(report, middle.get(2))).anyMatch(m -> m.startsWith("deleted: committed at leaf"));
        assertThat(failuresOf(report, middle.get(3))).anyMatch(m -> m.contains("events seq 2 to 2 of this dossier are missing"));
        assertThat(failuresOf(report, end.get(4))).anyMatch(m -> m.startsWith("deleted: committed at leaf"));
    }

    @Test
    void swappedEventsAreNamed() throws Exception {
        List<Event> events = dossier("D-swap");
        checkpoints.checkpointNow();
        tamper("update domain_event_entry set sequence_number = -1 where event_identifier = ?", events.get(1).id());
        tamper("update domain_event_entry set sequence_number = 1 where event_identifier = ?", events.get(2).id());
        tamper("update domain_event_entry set sequence_number = 2 where event_identifier = ?", events.get(1).id());

        Report report = sweep();
        assertThat(eventsNamed(report)).contains(events.get(1).id(), events.get(2).id());
        assertThat(failuresOf(report, events.get(1))).anyMatch(m -> m.startsWith("moved: the event is stored as D-swap seq 2"));
        assertThat(failuresOf(report, events.get(2))).anyMatch(m -> m.startsWith("content altered"));
    }

    @Test
    void aReplacedSignatureIsNamed() throws Exception {
        List<Event> events = dossier("D-signature");
        checkpoints.checkpointNow();
        byte[] other = jdbc.queryForObject("select signature from audit_seal where event_identifier = ?", byte[].class,
                events.get(3).id());
        tamper("update audit_seal set signature = ? where event_identifier = ?", other, events.get(1).id());

        Report report = sweep();
        assertThat(eventsNamed(report)).containsExactly(events.get(1).id());
        assertThat(failuresOf(report, events.get(1))).singleElement().asString().startsWith("signature invalid");
    }

    @Test
    void historyRewrittenWithTheStolenAgencyKeyIsNamedThroughTheTimestampedCheckpoint(@TempDir Path dir)
            throws Exception {
        Instant at = Instant.now().minus(5, ChronoUnit.MINUTES);
        Event submitted = append("D-stolen", 0, "DossierSubmitted", "citizen-a", "CITIZEN", "Nộp hồ sơ", at);
        Event withdrawn = append("D-stolen", 1, "DossierWithdrawn", "citizen-a", "CITIZEN", "Rút hồ sơ", at.plusSeconds(60));
        dossier("D-bystander");
        checkpoints.checkpointNow();

        // The thief rewrites the application, then re-chains and re-signs both steps with the agency's own key,
        // and rebuilds the Merkle tree to match. Only the time-stamped checkpoints are beyond their reach.
        Signer stolen = pki.signer();
        byte[] payload = jdbc.queryForObject("select payload from domain_event_entry where event_identifier = ?",
                byte[].class, submitted.id());
        byte[] forged = new String(payload, StandardCharsets.UTF_8).replace("Nguyễn Văn An", "Trần Văn Giả")
                .getBytes(StandardCharsets.UTF_8);
        tamper("update domain_event_entry set payload = ? where event_identifier = ?", forged, submitted.id());
        byte[] previous = null;
        for (Event event : List.of(submitted, withdrawn)) {
            StoredEvent stored = jdbc.queryForObject("""
                    select event_identifier, aggregate_identifier, sequence_number, payload_type, time_stamp, payload
                    from domain_event_entry where event_identifier = ?""", (rs, row) -> new StoredEvent(rs.getString(1),
                    rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getBytes(6)), event.id());
            CanonicalEvent.Canonical canonical = CanonicalEvent.canonical(stored, previous);
            SignatureValue signature = stolen.sign(Signer.sealAlias(HANOI), canonical.bytes());
            tamper("update audit_seal set previous_hash = ?, event_hash = ?, signature = ? where event_identifier = ?",
                    previous, canonical.hash(), signature.value(), event.id());
            tamper("update audit_tree_leaf set event_hash = ? where event_identifier = ?", canonical.hash(), event.id());
            previous = canonical.hash();
        }
        rebuildTreeNodes();

        Report report = sweep();
        assertThat(report.valid()).isFalse();
        // every per-event check passes: the seals are genuine signatures of the agency's real key...
        assertThat(report.failures()).noneMatch(f -> f.message().startsWith("signature invalid")
                || f.message().startsWith("content altered") || f.message().startsWith("chain broken"));
        // ...but the checkpoint time-stamped before the rewrite names exactly the rewritten events
        assertThat(eventsNamed(report)).containsExactlyInAnyOrder(submitted.id(), withdrawn.id());
        long committedBy = jdbc.queryForObject("select number from audit_checkpoint where previous_tree_size <= "
                + "(select leaf_index from audit_tree_leaf where event_identifier = ?) order by number desc limit 1",
                Long.class, submitted.id());
        assertThat(failuresOf(report, submitted)).anyMatch(m -> m.startsWith("altered after checkpoint " + committedBy
                + " (time-stamped "));

        Path root = dir.resolve("root.pem");
        Files.writeString(root, vn.motcua.engine.audit.crypto.Certificates.pem(pki.rootCertificate()));
        Cli cli = cli("store", "--jdbc-url", postgres.getJdbcUrl("postgres", "postgres"), "--trust-anchor",
                root.toString(), "--quiet");
        assertThat(cli.exit()).as(cli.out()).isEqualTo(1);
        assertThat(cli.out()).contains("FAIL event " + submitted.id() + " (dossier D-stolen, seq 0): altered after checkpoint")
                .contains("INVALID event store");
    }

    @Test
    void aCertificateRevokedBeforeTheSignatureInvalidatesItButNotWhatWasSignedBefore() throws Exception {
        Instant now = Instant.now();
        append("D-revoked", 0, "DossierSubmitted", "citizen-a", "CITIZEN", "Nộp", now.minus(40, ChronoUnit.MINUTES));
        pki.enrolOfficial("reception-revoked", "Cán bộ bị thu hồi", HANOI);
        Event before = append("D-revoked", 1, "SupplementRequested", "reception-revoked", "RECEPTION", "Bổ sung",
                now.minus(30, ChronoUnit.MINUTES));
        append("D-revoked", 2, "SupplementProvided", "citizen-a", "CITIZEN", "Đã bổ sung", now.minus(25, ChronoUnit.MINUTES));
        Event after = append("D-revoked", 3, "DossierAccepted", "reception-revoked", "RECEPTION", "Tiếp nhận",
                now.minus(10, ChronoUnit.MINUTES));
        pki.revokeAndRenew(Signer.officialAlias("reception-revoked"), now.minus(20, ChronoUnit.MINUTES));
        records.crl(pki.crl());

        Report report = sweep();
        assertThat(failuresOf(report, before)).isEmpty();
        assertThat(failuresOf(report, after)).singleElement().asString()
                .startsWith("certificate not valid at signing time: revoked on");
        Event renewed = append("D-revoked", 4, "DossierWithdrawn", "citizen-a", "CITIZEN", "Rút", now);
        assertThat(failuresOf(sweep(), renewed)).isEmpty();
    }

    /** What a thorough attacker does after rewriting leaves: recompute every stored node of the tree. */
    @Test
    void anAdministrationChangeCarriesTheSystemSealAndNoAgencyStepPassesForOne() throws Exception {
        Instant at = Instant.now().minus(5, ChronoUnit.MINUTES);
        String set = appendAdministration("calendar-2190", 0, "admin", "ADMIN", at);
        String removed = appendAdministration("calendar-2190", 1, "admin", "ADMIN", at.plusSeconds(60));
        String units = appendAdministration("units", 0, "system", "SYSTEM", at.plusSeconds(90));
        assertThat(jdbc.queryForList("select distinct sealed_as from audit_seal where aggregate_identifier in (?, ?)",
                String.class, "calendar-2190", "units")).containsExactly("SYSTEM");
        assertThatThrownBy(() -> appendAdministration("users", 0, "citizen-a", "CITIZEN", at))
                .as("a step no official, administrator or system took, on what names no unit, is not sealed")
                .hasMessageContaining("names no unitId");

        // someone holding the system seal (the audit log's key) re-signs a citizen's step of an agency's dossier
        List<Event> dossier = dossier("D-system-seal");
        checkpoints.checkpointNow();
        Event citizen = dossier.get(2);
        StoredEvent stored = jdbc.queryForObject("""
                select event_identifier, aggregate_identifier, sequence_number, payload_type, time_stamp, payload
                from domain_event_entry where event_identifier = ?""", (rs, row) -> new StoredEvent(rs.getString(1),
                rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getBytes(6)), citizen.id());
        byte[] previous = jdbc.queryForObject("select previous_hash from audit_seal where event_identifier = ?",
                byte[].class, citizen.id());
        SignatureValue signature = pki.signer().sign(Signer.LOG_ALIAS,
                CanonicalEvent.canonical(stored, previous).bytes());
        String certificate = records.certificate(signature.certificate());
        tamper("update audit_seal set signature = ?, signer_certificate = ?, sealed_as = 'SYSTEM'"
                + " where event_identifier = ?", signature.value(), certificate, citizen.id());

        Report report = sweep();
        assertThat(eventsNamed(report)).as("the administration's events verify; the re-sealed step is named")
                .containsExactly(citizen.id()).doesNotContain(set, removed, units);
        assertThat(failuresOf(report, citizen)).containsExactly("sealed with the system seal, but the step was taken"
                + " by a CITIZEN (only an administrator's or the system's change to what belongs to no agency is)");
    }

    /** An event of an administration record: it names no unit, as administration belongs to no agency. */
    private static String appendAdministration(String record, long sequence, String actorId, String role, Instant at) {
        Map<String, Object> actor = new java.util.LinkedHashMap<>();
        actor.put("id", actorId);
        actor.put("name", actorId + " (tên)");
        actor.put("role", role);
        Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("recordId", record);
        payload.put("comment", "Thông báo nghỉ bù");
        payload.put("actor", actor);
        payload.put("at", at.toString());
        String id = UUID.randomUUID().toString();
        transaction.executeWithoutResult(status -> {
            try {
                jdbc.update("""
                        insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                        meta_data, payload, payload_type, time_stamp)
                        values (?, ?, 'Administration', ?, '{}'::bytea, ?, ?, ?)""", record, sequence, id,
                        JSON.writeValueAsBytes(payload),
                        "vn.motcua.engine.administration.AdministrationEvent$CalendarOverrideSet", at.toString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            sealing.seal(id);
        });
        return id;
    }

    private static void rebuildTreeNodes() {
        List<byte[]> leaves = jdbc.query("select event_hash from audit_tree_leaf order by leaf_index",
                (rs, row) -> rs.getBytes(1));
        MerkleTree.Appender tree = new MerkleTree.Appender(0, List.of());
        List<MerkleTree.Appender.Node> nodes = new ArrayList<>();
        leaves.forEach(hash -> nodes.addAll(tree.append(MerkleTree.leafHash(hash))));
        transaction.executeWithoutResult(status -> {
            jdbc.execute("set local session_replication_role = replica");
            jdbc.update("delete from audit_tree_node");
            jdbc.batchUpdate("insert into audit_tree_node (node_level, node_index, hash) values (?, ?, ?)",
                    nodes.stream().map(n -> new Object[] {n.level(), n.index(), n.hash()}).toList());
        });
    }

    record Cli(int exit, String out) {
    }

    static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = VerifierCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(exit, out + "\n" + err);
    }
}
