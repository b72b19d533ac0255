package vn.motcua.benchmarks;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import vn.motcua.engine.audit.Checkpointer;
import vn.motcua.engine.audit.Sealing;
import vn.motcua.engine.audit.crypto.BouncyCastle;
import vn.motcua.engine.audit.crypto.Certificates;
import vn.motcua.engine.audit.crypto.EmbeddedTimestampAuthority;
import vn.motcua.engine.audit.crypto.Signer;
import vn.motcua.engine.audit.log.CanonicalEvent;
import vn.motcua.engine.audit.log.StoredEvent;
import vn.motcua.engine.audit.verify.CertificateValidator;
import vn.motcua.engine.audit.verify.EventVerifier;
import vn.motcua.engine.audit.verify.Report;
import vn.motcua.engine.audit.verify.Seal;
import vn.motcua.engine.audit.verify.StoreSweep;
import vn.motcua.engine.dossier.process.DossierWorkflow;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;

/**
 * What signing every step costs: Bouncy Castle's raw sign and verify rates for the key types of seals (ECDSA P-256,
 * the dev PKI's and the officials' keys today; RSA-2048 with PSS, what most Vietnamese CA certificates carry),
 * sealing one step in memory against one raw signature, the seal inside a step's transaction on PostgreSQL, the
 * seal's share of real dossier steps of the application, and offline verification (in memory and over JDBC) against
 * the raw verify rate. Replaces the former {@code audit} sub-command.
 */
final class SigningBenchmark implements Benchmark {

    private static final Identity CITIZEN = new Identity("citizen-bench", "Nguyễn Văn An", Set.of(Role.CITIZEN), null);

    @Override
    public String name() {
        return "signing";
    }

    @Override
    public Section run(Run run) throws Exception {
        Scale scale = run.scale();
        double warmUp = scale == Scale.FULL ? 2 : 0.3;
        double measure = scale == Scale.FULL ? 5 : 0.7;
        List<String[]> table = new ArrayList<>();

        // raw Bouncy Castle over 1 KB, one thread, one Signature object reused
        byte[] kilobyte = new byte[1024];
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA", BouncyCastle.PROVIDER);
        rsa.initialize(2048);
        Raw p256 = raw(Signature.getInstance("SHA256withECDSA", BouncyCastle.PROVIDER), ec.generateKeyPair(), kilobyte,
                warmUp, measure);
        Signature pss = Signature.getInstance("RSASSA-PSS", BouncyCastle.PROVIDER);
        pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        Raw rsa2048 = raw(pss, rsa.generateKeyPair(), kilobyte, warmUp, measure);
        table.add(row("raw BC ECDSA P-256 sign (1 KB)", p256.sign()));
        table.add(row("raw BC ECDSA P-256 verify (1 KB)", p256.verify()));
        table.add(row("raw BC RSA-2048 PSS sign (1 KB)", rsa2048.sign()));
        table.add(row("raw BC RSA-2048 PSS verify (1 KB)", rsa2048.verify()));

        try (ScratchStore store = ScratchStore.create(run, "motcua_bench_signing", 2)) {
            // sealing one step in memory: RFC 8785 canonical bytes, SHA-256, signature with the official's PKCS#12 key
            DomainEventMessage<?> message = ScratchStore.step("BENCH-MEM", 1);
            StoredEvent step = new StoredEvent(message.getIdentifier(), message.getAggregateIdentifier(),
                    message.getSequenceNumber(), "java.util.LinkedHashMap", message.getTimestamp().toString(),
                    store.eventSerializer().serialize(message.getPayload(), byte[].class).getData());
            byte[] previous = new byte[32];
            int canonicalSize = CanonicalEvent.bytes(step, previous).length;
            String official = Signer.officialAlias(ScratchStore.OFFICIAL);
            double canonical = Loop.run(1, warmUp, measure, (t, i) -> CanonicalEvent.canonical(step, previous)
                    .hash().length > 0 ? 1 : 0).rate();
            double seal = Loop.run(1, warmUp, measure, (t, i) -> store.signer.sign(official,
                    CanonicalEvent.canonical(step, previous).bytes()).value().length > 0 ? 1 : 0).rate();
            table.add(row("canonical bytes + SHA-256 of a step (" + canonicalSize + " bytes)", canonical));
            table.add(row("seal a step in memory (canonical bytes + SHA-256 + P-256 signature)", seal));

            // a step's transaction on PostgreSQL: the event through Axon's JDBC engine, with and without its seal
            JdbcEventStorageEngine engine = store.engine("domain_event_entry", store.dataSource());
            double plain = Loop.run(1, warmUp, measure, (t, i) -> {
                DomainEventMessage<?> event = ScratchStore.step("PLAIN-" + i, 0);
                store.transaction.executeWithoutResult(status -> engine.appendEvents(List.of(event)));
                return 1;
            }).rate();
            store.jdbc.update("delete from domain_event_entry where aggregate_identifier like 'PLAIN-%'");
            double sealed = Loop.run(1, warmUp, measure, (t, i) -> {
                DomainEventMessage<?> event = ScratchStore.step("SEALED-" + i / 6, i % 6);
                store.transaction.executeWithoutResult(status -> {
                    engine.appendEvents(List.of(event));
                    store.sealing.seal(event.getIdentifier());
                });
                return 1;
            }).rate();
            table.add(row("step transaction on PostgreSQL: append one event, no seal", plain));
            table.add(row("step transaction on PostgreSQL: append one event and seal it", sealed));

            // a store to verify: events appended and sealed 100 per transaction, then the tree and its checkpoints
            int events = scale.pick(500, 10_000);
            for (int from = 0; from < events; from += 100) {
                int first = from;
                store.transaction.executeWithoutResult(status -> {
                    for (int n = first; n < first + 100; n++) {
                        DomainEventMessage<?> event = ScratchStore.step("STORE-" + n / 6, n % 6);
                        engine.appendEvents(List.of(event));
                        store.sealing.seal(event.getIdentifier());
                    }
                });
            }
            long total = store.jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
            Checkpointer checkpointer = new Checkpointer(store.jdbc, store.transaction, store.signer,
                    new EmbeddedTimestampAuthority(store.pki.timestampingKey(), Clock.systemUTC()), store.records,
                    Clock.systemUTC(), 512);
            long started = System.nanoTime();
            int checkpoints = checkpointer.checkpointNow().size();
            double checkpointRate = total / ((System.nanoTime() - started) / 1e9);

            // offline verification in memory: the verifier's per-event work over the stored events and seals
            List<StoredEvent> stored = store.jdbc.query("""
                    select event_identifier, aggregate_identifier, sequence_number, payload_type, time_stamp, payload
                    from domain_event_entry order by global_index""", (rs, n) -> new StoredEvent(rs.getString(1),
                    rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getBytes(6)));
            Map<String, Seal> seals = new java.util.HashMap<>();
            store.jdbc.query("""
                    select event_identifier, aggregate_identifier, sequence_number, previous_hash, event_hash, signature,
                           signature_algorithm, signer_certificate, sealed_as from audit_seal""", rs -> {
                seals.put(rs.getString(1), new Seal(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBytes(4),
                        rs.getBytes(5), rs.getBytes(6), rs.getString(7), rs.getString(8),
                        Seal.SealedAs.valueOf(rs.getString(9))));
            });
            Map<String, X509Certificate> certificates = new java.util.HashMap<>();
            for (String alias : List.of(official, Signer.sealAlias(ScratchStore.UNIT))) {
                X509Certificate certificate = store.signer.chain(alias).getFirst();
                certificates.put(Certificates.reference(certificate), certificate);
            }
            CertificateValidator validator = new CertificateValidator(List.of(store.pki.rootCertificate()),
                    store.pki.intermediates(), List.of(store.pki.crl()));
            EventVerifier verifier = new EventVerifier(validator, certificates::get, null);
            Loop.Result verified = Loop.run(1, warmUp, measure, (t, i) -> {
                StoredEvent event = stored.get((int) (i % stored.size()));
                if (!verifier.verify(event, seals.get(event.eventId())).status().problems().isEmpty()) {
                    throw new IllegalStateException("Event " + event.eventId() + " does not verify");
                }
                return 1;
            });
            table.add(row("verify one event in memory (canonical bytes, hash, chain, signature, certificate)",
                    verified.rate()));

            // offline verification over JDBC: what `motcua-verifier.jar store` does
            started = System.nanoTime();
            Report report;
            try (Connection connection = store.dataSource().getConnection()) {
                report = new StoreSweep(connection, List.of(store.pki.rootCertificate()), null, null).run();
            }
            double sweep = report.eventsChecked() / ((System.nanoTime() - started) / 1e9);
            if (!report.valid() || report.eventsChecked() != total) {
                throw new IllegalStateException("The sweep checked " + report.eventsChecked() + " of " + total
                        + " events: " + (report.valid() ? "VALID" : "INVALID " + report.failures()));
            }
            table.add(row("sweep the store over JDBC (" + total + " events, VALID)", sweep));
            table.add(row("extend the Merkle tree and make " + checkpoints + " checkpoints (signature + RFC 3161), "
                    + "events/s", checkpointRate));

            RealSteps steps = realSteps(run, scale.pick(5, 30), scale.pick(20, 300));
            return section(scale, warmUp, measure, table, p256, rsa2048, canonical, seal, plain, sealed, verified.rate(),
                    sweep, steps);
        }
    }

    private record Raw(double sign, double verify) {
    }

    private static Raw raw(Signature signature, KeyPair pair, byte[] data, double warmUp, double measure)
            throws Exception {
        double sign = Loop.run(1, warmUp, measure, (t, i) -> {
            signature.initSign(pair.getPrivate());
            signature.update(data);
            return signature.sign().length > 0 ? 1 : 0;
        }).rate();
        signature.initSign(pair.getPrivate());
        signature.update(data);
        byte[] value = signature.sign();
        double verify = Loop.run(1, warmUp, measure, (t, i) -> {
            signature.initVerify(pair.getPublic());
            signature.update(data);
            if (!signature.verify(value)) {
                throw new IllegalStateException("A valid signature did not verify");
            }
            return 1;
        }).rate();
        return new Raw(sign, verify);
    }

    /**
     * Real dossier submissions through the application ({@link DossierWorkflow#submit}: the files stored, the next
     * code, the aggregate's event appended and sealed, the Camunda process started, one transaction), one thread:
     * each step's latency, and the time {@link Sealing} spent inside them by its own timers.
     */
    private record RealSteps(int steps, double stepMillis, double sealMillis, double canonicalMillis,
                             double signatureMillis, long seals) {
    }

    private static RealSteps realSteps(Run run, int warmUp, int measured) throws Exception {
        DossierWorkflow workflow = run.bean(DossierWorkflow.class);
        MeterRegistry meters = run.bean(MeterRegistry.class);
        for (int i = 0; i < warmUp; i++) {
            Submissions.submit(workflow, CITIZEN, ScratchStore.UNIT, i);
        }
        Timer seal = meters.get(Sealing.SEAL_TIMER).timer();
        Timer canonical = meters.get(Sealing.CANONICAL_TIMER).timer();
        Timer signature = meters.get(Sealing.SIGNATURE_TIMER).timer();
        long sealsBefore = seal.count();
        double sealBefore = seal.totalTime(TimeUnit.MILLISECONDS);
        double canonicalBefore = canonical.totalTime(TimeUnit.MILLISECONDS);
        double signatureBefore = signature.totalTime(TimeUnit.MILLISECONDS);
        long stepNanos = 0;
        for (int i = 0; i < measured; i++) {
            long started = System.nanoTime();
            Submissions.submit(workflow, CITIZEN, ScratchStore.UNIT, warmUp + i);
            stepNanos += System.nanoTime() - started;
        }
        long seals = seal.count() - sealsBefore;
        if (seals < measured) {
            throw new IllegalStateException(measured + " steps were taken but only " + seals + " events sealed");
        }
        return new RealSteps(measured, stepNanos / 1e6 / measured,
                (seal.totalTime(TimeUnit.MILLISECONDS) - sealBefore) / measured,
                (canonical.totalTime(TimeUnit.MILLISECONDS) - canonicalBefore) / measured,
                (signature.totalTime(TimeUnit.MILLISECONDS) - signatureBefore) / measured, seals);
    }



    /** What the seal adds to a step's transaction; a negative difference is this run's noise, said as such. */
    private static String sealAdds(double sealedMillis, double plainMillis) {
        return sealedMillis >= plainMillis
                ? String.format("the seal adds **%.2f ms** to %.2f ms (append alone)", sealedMillis - plainMillis,
                        plainMillis)
                : String.format("the seal's cost is below this run's noise (%.2f ms with it, %.2f ms without)",
                        sealedMillis, plainMillis);
    }

    private static String[] row(String what, double rate) {
        return new String[] {what, String.format("%,.0f", rate), String.format("%,.1f µs", 1e6 / rate)};
    }

    private static Section section(Scale scale, double warmUp, double measure, List<String[]> table, Raw p256,
                                   Raw rsa2048, double canonical, double seal, double plain, double sealed,
                                   double verify, double sweep, RealSteps steps) {
        StringBuilder md = new StringBuilder(String.format("""
                What is measured (one thread, %.1f s warm-up then %.1f s per figure; one `Signature` object reused for \
                the raw rates): Bouncy Castle %s raw signatures over 1 KB; sealing one typical dossier step in memory \
                (`CanonicalEvent.canonical` — RFC 8785 canonical bytes of the event and its SHA-256 — then the signature \
                with an official's PKCS#12 key from the dev PKI, ECDSA P-256, as `Sealing` does); a step's transaction \
                in a database of the benchmark's own on the application's PostgreSQL (the event appended by Axon's JDBC \
                engine, with and without `Sealing.seal`: one query reads the row back with the dossier's previous \
                seal, canonical bytes and hash, signature, one statement inserts the seal and its Merkle queue row); a store of appended and sealed events verified offline per event in memory \
                (`EventVerifier`) and swept over JDBC (`StoreSweep`, what `motcua-verifier.jar store` does); and \
                %d real dossier submissions through the application (`DossierWorkflow.submit`, one thread, after a \
                warm-up), each timed, with the time `Sealing` spent inside them read from its own timers \
                (`%s`, `%s`, `%s`).

                | operation | per second | per operation |
                |---|---|---|
                """, warmUp, measure, BouncyCastle.PROVIDER.getVersionStr(), steps.steps(), Sealing.SEAL_TIMER, Sealing.CANONICAL_TIMER,
                Sealing.SIGNATURE_TIMER));
        for (String[] row : table) {
            md.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        double sealShare = steps.sealMillis() / steps.stepMillis();
        double signatureShare = steps.signatureMillis() / steps.stepMillis();
        md.append(String.format("""

                Real dossier steps (submissions) through the application: %.2f ms per step on average; inside them \
                `Sealing.seal` took %.3f ms (%.1f %% of the step), of which canonical bytes + hash %.3f ms and the \
                signature %.3f ms (%.1f %%); %d events sealed.

                Ratios in this run:
                - sealing a step in memory costs **%.2f raw P-256 signatures** (%.0f µs against %.0f µs); the canonical \
                bytes alone cost %.2f of one signature;
                - in a step's transaction on PostgreSQL %s;
                - an RSA-2048 key would cost %.0f µs per signature, %.1f× a P-256 one: %.1f %% of the real step \
                latency measured here;
                - offline verification runs at **%.0f %%** of the raw P-256 verify rate in memory and **%.0f %%** over \
                JDBC.
                """, steps.stepMillis(), steps.sealMillis(), 100 * sealShare, steps.canonicalMillis(),
                steps.signatureMillis(), 100 * signatureShare, steps.seals(), p256.sign() / seal, 1e6 / seal,
                1e6 / p256.sign(), p256.sign() / canonical, sealAdds(1e3 / sealed, 1e3 / plain),
                1e6 / rsa2048.sign(), p256.sign() / rsa2048.sign(), 100 * (1e3 / rsa2048.sign()) / steps.stepMillis(),
                100 * verify / p256.verify(), 100 * sweep / p256.verify()));
        Section.Target target = new Section.Target("signing ≤ 15 % of a step's latency",
                String.format("seal %.1f %% (%.3f of %.2f ms per real submission; the signature alone %.1f %%)",
                        100 * sealShare, steps.sealMillis(), steps.stepMillis(), 100 * signatureShare),
                sealShare <= 0.15,
                "The seal is one P-256 signature (Bouncy Castle), the canonical bytes and hash, and two round trips "
                        + "(one read, one insert statement) in the step's transaction — on a loaded machine the round "
                        + "trips cost more than the signature; the step itself is dominated by the Camunda start, "
                        + "the document store and the commit. An RSA-2048 key (most Vietnamese CA certificates) would "
                        + "multiply the signature's cost by the ratio above; a PKCS#11 token or remote signing service "
                        + "adds its own round trip.");
        return new Section("Signing: the seal of every step, and offline verification", md.toString(),
                List.of(target));
    }
}
