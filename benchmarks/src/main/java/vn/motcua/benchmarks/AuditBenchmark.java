package vn.motcua.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.motcua.engine.audit.AuditRecords;
import vn.motcua.engine.audit.Checkpointer;
import vn.motcua.engine.audit.Sealing;
import vn.motcua.engine.audit.crypto.BouncyCastle;
import vn.motcua.engine.audit.crypto.Certificates;
import vn.motcua.engine.audit.crypto.DevPki;
import vn.motcua.engine.audit.crypto.EmbeddedTimestampAuthority;
import vn.motcua.engine.audit.crypto.SignatureValue;
import vn.motcua.engine.audit.crypto.Signer;
import vn.motcua.engine.audit.log.CanonicalEvent;
import vn.motcua.engine.audit.log.StoredEvent;
import vn.motcua.engine.audit.verify.CertificateValidator;
import vn.motcua.engine.audit.verify.EventVerifier;
import vn.motcua.engine.audit.verify.Report;
import vn.motcua.engine.audit.verify.Seal;
import vn.motcua.engine.audit.verify.StoreSweep;

/**
 * What the signed audit trail costs (docs/benchmarks.md): sealing a step against Bouncy Castle's raw ECDSA P-256
 * signing rate, and offline verification (events/s) against its raw verification rate. One thread; numbers are
 * rates measured over a fixed time after a warm-up. Run:
 * {@code ./mvnw -q -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/motcua-benchmarks.jar audit}.
 */
@picocli.CommandLine.Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Cost of the signed audit trail: sealing per step vs raw BC signing, offline verification vs raw "
                + "BC verification (docs/benchmarks.md).")
public final class AuditBenchmark implements java.util.concurrent.Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        main(new String[0]);
        return 0;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNIT = "000.00.16.H26";
    private static final double WARMUP = 3;
    private static final double MEASURE = 6;

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("motcua-bench");
        DevPki pki = DevPki.open(work.resolve("pki"), "bench".toCharArray(), "bench", "http://localhost/", Clock.systemUTC());
        pki.enrolSeal(UNIT, "Sở Y tế Hà Nội");
        pki.enrolOfficial("reception-hn", "Lê Thị Thu", UNIT);
        Signer signer = pki.signer();
        System.out.printf("JDK %s, %d cores%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());

        // raw Bouncy Castle ECDSA P-256 over 1 KB
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        byte[] kilobyte = new byte[1024];
        Signature bcSign = Signature.getInstance("SHA256withECDSA", BouncyCastle.PROVIDER);
        double rawSign = rate("raw BC ECDSA P-256 sign (1 KB)", () -> {
            bcSign.initSign(pair.getPrivate());
            bcSign.update(kilobyte);
            return bcSign.sign().length;
        });
        bcSign.initSign(pair.getPrivate());
        bcSign.update(kilobyte);
        byte[] signature = bcSign.sign();
        Signature bcVerify = Signature.getInstance("SHA256withECDSA", BouncyCastle.PROVIDER);
        double rawVerify = rate("raw BC ECDSA P-256 verify (1 KB)", () -> {
            bcVerify.initVerify(pair.getPublic());
            bcVerify.update(kilobyte);
            return bcVerify.verify(signature) ? 1 : 0;
        });

        // sealing one step without the database: RFC 8785 canonical bytes, SHA-256, signature with the official's key
        StoredEvent step = event("BENCH-1", 3, "reception-hn", "RECEPTION", Instant.now());
        byte[] previous = new byte[32];
        System.out.printf("  (canonical bytes of a typical step: %d bytes)%n",
                CanonicalEvent.bytes(step, previous).length);
        double seal = rate("seal one step in memory (canonicalise + hash + sign)", () -> {
            CanonicalEvent.Canonical canonical = CanonicalEvent.canonical(step, previous);
            return signer.sign(Signer.officialAlias("reception-hn"), canonical.bytes()).value().length;
        });

        // offline verification in memory: the verifier's per-event work (hash, chain, signature, certificate)
        List<StoredEvent> events = new ArrayList<>();
        List<Seal> seals = new ArrayList<>();
        byte[] last = null;
        for (int i = 0; i < 20_000; i++) {
            String dossier = "BENCH-" + (i / 6);
            long sequence = i % 6;
            if (sequence == 0) {
                last = null;
            }
            boolean official = sequence % 2 == 1;
            StoredEvent event = event(dossier, sequence, official ? "reception-hn" : "citizen-a",
                    official ? "RECEPTION" : "CITIZEN", Instant.now());
            CanonicalEvent.Canonical canonical = CanonicalEvent.canonical(event, last);
            SignatureValue value = signer.sign(official ? Signer.officialAlias("reception-hn") : Signer.sealAlias(UNIT),
                    canonical.bytes());
            events.add(event);
            seals.add(new Seal(event.eventId(), dossier, sequence, last, canonical.hash(), value.value(), value.algorithm(),
                    Certificates.reference(value.certificate()), official ? Seal.SealedAs.OFFICIAL : Seal.SealedAs.AGENCY));
            last = canonical.hash();
        }
        Map<String, java.security.cert.X509Certificate> certificates = Map.of(
                Certificates.reference(signer.chain(Signer.officialAlias("reception-hn")).getFirst()),
                signer.chain(Signer.officialAlias("reception-hn")).getFirst(),
                Certificates.reference(signer.chain(Signer.sealAlias(UNIT)).getFirst()),
                signer.chain(Signer.sealAlias(UNIT)).getFirst());
        CertificateValidator validator = new CertificateValidator(List.of(pki.rootCertificate()), pki.intermediates(),
                List.of(pki.crl()));
        int[] index = {0};
        EventVerifier[] verifier = {new EventVerifier(validator, certificates::get, null)};
        double verify = rate("verify one event in memory (what the offline verifier does per event)", () -> {
            int i = index[0]++ % events.size();
            if (i == 0) {
                verifier[0] = new EventVerifier(validator, certificates::get, null);
            }
            return verifier[0].verify(events.get(i), seals.get(i)).status().problems().size();
        });

        // with PostgreSQL: a step's transaction with and without its seal; a sweep of the whole store over JDBC
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(work.resolve("postgres"))
                .setCleanDataDirectory(true).start()) {
            var dataSource = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            AuditRecords records = new AuditRecords(jdbc);
            records.certificates(List.of(pki.rootCertificate(), pki.issuingCertificate()));
            records.certificates(pki.timestampingKey().chain());
            records.crl(pki.crl());
            Sealing sealing = new Sealing(jdbc, signer, records, null);
            long[] counter = {0};
            double plain = rate("append a step, no seal (1 transaction, PostgreSQL)", () -> {
                long n = counter[0]++;
                transaction.executeWithoutResult(s -> insert(jdbc, event("PLAIN-" + n, 0, "citizen-a", "CITIZEN",
                        Instant.now())));
                return 1;
            });
            double sealed = rate("append a step and seal it (1 transaction, PostgreSQL)", () -> {
                long n = counter[0]++;
                transaction.executeWithoutResult(s -> {
                    StoredEvent event = event("SEALED-" + n, 0, "citizen-a", "CITIZEN", Instant.now());
                    insert(jdbc, event);
                    sealing.seal(event.eventId());
                });
                return 1;
            });
            jdbc.update("delete from domain_event_entry where aggregate_identifier like 'PLAIN-%'");
            // the 20,000 events sealed above, stored in bulk, so that the sweep has something to sweep
            for (int from = 0; from < events.size(); from += 1000) {
                List<StoredEvent> batch = events.subList(from, Math.min(events.size(), from + 1000));
                List<Seal> sealBatch = seals.subList(from, Math.min(events.size(), from + 1000));
                transaction.executeWithoutResult(s -> {
                    jdbc.batchUpdate("""
                            insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                            meta_data, payload, payload_type, time_stamp)
                            values (?, ?, 'Dossier', ?, '{}'::bytea, ?, ?, ?)""", batch.stream().map(e -> new Object[] {
                            e.aggregateId(), e.sequence(), e.eventId(), e.payload(), e.type(), e.time()}).toList());
                    List<Long> ids = new ArrayList<>();
                    for (Seal row : sealBatch) {
                        ids.add(jdbc.queryForObject("""
                                insert into audit_seal (event_identifier, aggregate_identifier, sequence_number, unit_id,
                                       previous_hash, event_hash, signature, signature_algorithm, signer_certificate, sealed_as)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning seal_id""", Long.class, row.eventId(),
                                row.aggregateId(), row.sequence(), UNIT, row.previousHash(), row.eventHash(),
                                row.signature(), row.algorithm(), row.certificate(), row.sealedAs().name()));
                    }
                    for (int i = 0; i < ids.size(); i++) {
                        jdbc.update("insert into audit_tree_pending (seal_id, event_identifier) values (?, ?)", ids.get(i),
                                sealBatch.get(i).eventId());
                    }
                });
            }
            records.certificates(List.of(signer.chain(Signer.officialAlias("reception-hn")).getFirst(),
                    signer.chain(Signer.sealAlias(UNIT)).getFirst()));
            Checkpointer checkpointer = new Checkpointer(jdbc, transaction, signer,
                    new EmbeddedTimestampAuthority(pki.timestampingKey(), Clock.systemUTC()), records, Clock.systemUTC(), 512);
            long started = System.nanoTime();
            int made = checkpointer.checkpointNow().size();
            double checkpointSeconds = (System.nanoTime() - started) / 1e9;
            long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
            System.out.printf("%-70s %10d events in %d checkpoints, %.2f s (%,.0f events/s)%n",
                    "extend the tree and make checkpoints (sign + RFC 3161)", count, made, checkpointSeconds,
                    count / checkpointSeconds);
            started = System.nanoTime();
            Report report;
            try (Connection connection = dataSource.getConnection()) {
                report = new StoreSweep(connection, List.of(pki.rootCertificate()), null, null).run();
            }
            double sweepSeconds = (System.nanoTime() - started) / 1e9;
            double sweep = report.eventsChecked() / sweepSeconds;
            System.out.printf("%-70s %,10.0f events/s (%d events, %.2f s, %s)%n", "sweep the store over JDBC (CLI 'store')",
                    sweep, report.eventsChecked(), sweepSeconds, report.valid() ? "VALID" : "INVALID");
            System.out.println();
            System.out.printf("sealing cost per step in memory: %.1f µs = %.2f × one raw BC signature (%.1f µs)%n",
                    1e6 / seal, rawSign / seal, 1e6 / rawSign);
            System.out.printf("sealing cost per step with PostgreSQL: %.1f µs added to a %.1f µs transaction%n",
                    1e6 / sealed - 1e6 / plain, 1e6 / plain);
            System.out.printf("offline verification in memory: %,.0f events/s = %.0f%% of the raw BC verify rate%n",
                    verify, 100 * verify / rawVerify);
            System.out.printf("offline verification over JDBC: %,.0f events/s = %.0f%% of the raw BC verify rate%n",
                    sweep, 100 * sweep / rawVerify);
        }
    }

    private static StoredEvent event(String dossier, long sequence, String actor, String role, Instant at) {
        try {
            Map<String, Object> payload = new java.util.LinkedHashMap<>();
            payload.put("code", dossier);
            if (sequence == 0) {
                payload.put("procedureCode", "1.002600");
                payload.put("unitId", UNIT);
                payload.put("applicant", Map.of("fullName", "Nguyễn Văn An", "idNumber", "001099012345",
                        "phone", "0912345678", "email", "an@example.vn", "address", "Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội"));
                payload.put("form", Map.of("productName", "Kem dưỡng da Sen Việt", "brand", "Sen Việt",
                        "manufacturer", "Công ty TNHH Mỹ phẩm Sen Việt"));
            }
            payload.put("comment", "Hồ sơ đầy đủ, hợp lệ theo quy định tại Thông tư 06/2011/TT-BYT");
            payload.put("documents", List.of(Map.of("name", "phieu-cong-bo.pdf", "mediaType", "application/pdf",
                    "size", 48213, "sha256", "9f2b5c0e8a7d4b3c2a1908f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3")));
            payload.put("actor", Map.of("id", actor, "name", "Lê Thị Thu (Một cửa Sở Y tế Hà Nội)", "role", role,
                    "unitId", UNIT));
            payload.put("at", at.toString());
            return new StoredEvent(UUID.randomUUID().toString(), dossier, sequence,
                    "vn.motcua.engine.dossier.DossierEvent$DossierAccepted", at.toString(), JSON.writeValueAsBytes(payload));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void insert(JdbcTemplate jdbc, StoredEvent event) {
        jdbc.update("""
                insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                                                payload, payload_type, time_stamp)
                values (?, ?, 'Dossier', ?, '{}'::bytea, ?, ?, ?)""", event.aggregateId(), event.sequence(),
                event.eventId(), event.payload(), event.type(), event.time());
    }

    private interface Operation {
        long run() throws Exception;
    }

    private static double rate(String name, Operation operation) throws Exception {
        long sink = 0;
        long end = System.nanoTime() + (long) (WARMUP * 1e9);
        while (System.nanoTime() < end) {
            sink += operation.run();
        }
        long count = 0;
        long start = System.nanoTime();
        end = start + (long) (MEASURE * 1e9);
        while (System.nanoTime() < end) {
            sink += operation.run();
            count++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = count / seconds;
        System.out.printf("%-70s %,10.0f ops/s (%.1f µs/op)%s%n", name, rate, 1e6 / rate, sink == 42 ? " " : "");
        return rate;
    }
}
