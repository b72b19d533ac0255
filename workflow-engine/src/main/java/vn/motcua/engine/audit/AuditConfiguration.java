package vn.motcua.engine.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import vn.motcua.engine.audit.crypto.Certificates;
import vn.motcua.engine.audit.crypto.DevPki;
import vn.motcua.engine.audit.crypto.EmbeddedTimestampAuthority;
import vn.motcua.engine.audit.crypto.HttpTimestampAuthority;
import vn.motcua.engine.audit.crypto.Pkcs11Signer;
import vn.motcua.engine.audit.crypto.Pkcs12Signer;
import vn.motcua.engine.audit.crypto.Signer;
import vn.motcua.engine.audit.crypto.TimestampAuthority;
import vn.motcua.engine.config.MotcuaProperties;

/**
 * Wires the signed audit trail: keys ({@link Signer}), the time-stamping authority, sealing in the step's
 * transaction, the periodic checkpoints and their publication, the inspector's trail and the access log.
 * The embedded default makes its own dev PKI and TSA; production names its keys, TSA and trust anchors.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);
    static final String CHECKPOINT_LOCK = "audit-checkpoints";

    /**
     * The dev PKI exists only outside the production profile: its password is public and it enrols anyone, so a
     * production instance cannot turn it on (the production checklist refuses the start before this is reached).
     */
    @Bean
    @Profile("!production")
    @ConditionalOnProperty(name = "motcua.audit.signer.type", havingValue = "dev-pki", matchIfMissing = true)
    DevPki devPki(AuditProperties audit, MotcuaProperties motcua, Clock clock) {
        AuditProperties.Pki pki = audit.pki();
        Path directory = pki.directory() != null ? pki.directory() : motcua.dataDir().resolve("pki");
        DevPki dev = DevPki.open(directory.toAbsolutePath(), pki.password().toCharArray(), pki.organisation(),
                pki.crlBaseUrl(), clock);
        motcua.units().forEach(unit -> dev.enrolSeal(unit.id(), unit.name()));
        pki.officials().forEach(official -> dev.enrolOfficial(official.id(), official.name(), official.unitId()));
        log.info("Dev PKI in {} (root CA {})", directory, Certificates.subject(dev.rootCertificate()));
        return dev;
    }

    @Bean
    Signer auditSigner(AuditProperties audit, ObjectProvider<DevPki> dev) {
        AuditProperties.Signing signing = audit.signer();
        return switch (signing.type()) {
            case "dev-pki" -> dev.getObject().signer();
            case "pkcs12" -> new Pkcs12Signer(required(signing.pkcs12Directory(), "motcua.audit.signer.pkcs12-directory"),
                    required(signing.pkcs12Password(), "motcua.audit.signer.pkcs12-password").toCharArray());
            case "pkcs11" -> new Pkcs11Signer(required(signing.pkcs11Config(), "motcua.audit.signer.pkcs11-config"),
                    required(signing.pkcs11Pin(), "motcua.audit.signer.pkcs11-pin").toCharArray());
            default -> throw new IllegalStateException("motcua.audit.signer.type must be dev-pki, pkcs12 or pkcs11, not "
                    + signing.type());
        };
    }

    @Bean
    TimestampAuthority timestampAuthority(AuditProperties audit, ObjectProvider<DevPki> dev, Clock clock) {
        if (audit.tsa().url() != null) {
            return new HttpTimestampAuthority(audit.tsa().url(), audit.tsa().headers(), audit.tsa().timeout());
        }
        DevPki pki = dev.getIfAvailable();
        if (pki == null) {
            throw new IllegalStateException("Set motcua.audit.tsa.url: without the dev PKI there is no embedded TSA");
        }
        return new EmbeddedTimestampAuthority(pki.timestampingKey(), clock);
    }

    @Bean
    AuditRecords auditRecords(JdbcTemplate jdbc) {
        return new AuditRecords(jdbc);
    }

    @Bean
    Sealing sealing(JdbcTemplate jdbc, Signer signer, AuditRecords records, AuditProperties audit,
                    ObjectProvider<DevPki> dev, MotcuaProperties motcua, ObjectProvider<MeterRegistry> meters) {
        DevPki pki = dev.getIfAvailable();
        Enrolment enrolment = pki == null || !audit.pki().enrolOnDemand() ? null : new Enrolment() {
            @Override
            public void official(String id, String name, String unitId) {
                pki.enrolOfficial(id, name, unitId);
            }

            @Override
            public void agency(String unitId) {
                pki.enrolSeal(unitId, motcua.unit(unitId).map(MotcuaProperties.OrgUnit::name).orElse(unitId));
            }
        };
        return new Sealing(jdbc, signer, records, enrolment, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    Checkpointer checkpointer(JdbcTemplate jdbc, TransactionTemplate transaction, Signer signer,
                              TimestampAuthority tsa, AuditRecords records, Clock clock, AuditProperties audit) {
        return new Checkpointer(jdbc, transaction, signer, tsa, records, clock, audit.checkpoint().maxEvents());
    }

    @Bean
    CheckpointPublisher checkpointPublisher(Checkpointer checkpoints, KafkaTemplate<String, byte[]> kafka,
                                            AuditRecords records, ObjectMapper mapper, AuditProperties audit) {
        return new CheckpointPublisher(checkpoints, kafka, records, mapper, audit.checkpoint().topic());
    }

    @Bean
    NewTopic checkpointsTopic(AuditProperties audit) {
        return new NewTopic(audit.checkpoint().topic(), 1, (short) 1);
    }

    @Bean
    AuditTrail auditTrail(JdbcTemplate jdbc, Checkpointer checkpoints, AuditRecords records, AuditProperties audit,
                          ObjectProvider<DevPki> dev, Clock clock) {
        List<X509Certificate> anchors = new ArrayList<>();
        for (Path path : audit.trustAnchors()) {
            try {
                anchors.addAll(Certificates.parsePem(Files.readString(path)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read trust anchor " + path, e);
            }
        }
        DevPki pki = dev.getIfAvailable();
        if (anchors.isEmpty() && pki != null) {
            anchors.add(pki.rootCertificate());
        }
        if (anchors.isEmpty()) {
            throw new IllegalStateException("Set motcua.audit.trust-anchors: the root CA certificates the trail is"
                    + " verified against");
        }
        List<X509Certificate> trusted = List.copyOf(anchors);
        return new AuditTrail(jdbc, checkpoints, records, () -> trusted, audit.logSigner(), clock);
    }

    @Bean
    InspectorAccessLog inspectorAccessLog(JdbcTemplate jdbc) {
        return new InspectorAccessLog(jdbc);
    }

    /** Sealing must fail the step, never be logged and skipped (the default for event handlers). */
    @Bean
    ConfigurerModule sealingFailsTheStep() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                EventSealer.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }

    @Bean
    AuditStartup auditStartup(EventProcessingConfiguration processing, ObjectProvider<DevPki> dev,
                              AuditRecords records, Sealing sealing, TransactionTemplate transaction, Signer signer) {
        return new AuditStartup(processing, dev, records, sealing, transaction, signer);
    }

    /**
     * Extends the tree, makes checkpoints and publishes them, every {@code motcua.audit.checkpoint.interval}, on one
     * node at a time (ShedLock {@value #CHECKPOINT_LOCK}, held at least half an interval, so that the nodes take turns
     * rather than each making a checkpoint of a few events). The lock of a node that died expires an interval and a
     * minute after it was taken, so checkpoints pause that long at most; a run that outlasts it and overlaps another
     * is still safe, since the tree itself is extended under an advisory lock.
     */
    @Bean
    SmartLifecycle checkpointSchedule(Checkpointer checkpoints, CheckpointPublisher publisher, AuditProperties audit,
                                      LockingTaskExecutor singleton, Clock clock) {
        return new SmartLifecycle() {
            private ScheduledExecutorService executor;

            @Override
            public void start() {
                executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "audit-checkpoints");
                    thread.setDaemon(true);
                    return thread;
                });
                long millis = audit.checkpoint().interval().toMillis();
                Duration interval = Duration.ofMillis(millis);
                executor.scheduleWithFixedDelay(() -> {
                    try {
                        singleton.executeWithLock((Runnable) () -> {
                            checkpoints.checkpointNow();
                            if (audit.checkpoint().publish()) {
                                publisher.publishPending();
                            }
                        }, new LockConfiguration(clock.instant(), CHECKPOINT_LOCK,
                                interval.plusMinutes(1), interval.dividedBy(2)));
                    } catch (RuntimeException e) {
                        log.warn("Checkpoint run failed; retrying in {} ms: {}", millis, e.toString());
                    }
                }, millis, millis, TimeUnit.MILLISECONDS);
            }

            @Override
            public void stop() {
                if (executor != null) {
                    executor.shutdownNow();
                    try {
                        executor.awaitTermination(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    executor = null;
                }
            }

            @Override
            public boolean isRunning() {
                return executor != null;
            }

            @Override
            public int getPhase() {
                // stop before the data source and Kafka
                return Integer.MAX_VALUE - 100;
            }
        };
    }

    private static <T> T required(T value, String property) {
        if (value == null) {
            throw new IllegalStateException("Set " + property);
        }
        return value;
    }

    static Path required(Path value, String property) {
        if (value == null) {
            throw new IllegalStateException("Set " + property);
        }
        return value;
    }
}
