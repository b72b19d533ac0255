package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import vn.motcua.portal.support.ApplicationProcess;
import vn.motcua.portal.support.TestCa;

/**
 * A start that fails ends the process with a non-zero exit code and one clear line, so that a supervisor sees it
 * and restarts or alerts — it never leaves a JVM alive that serves nothing. The production profile refuses to start,
 * before connecting to anything, when a setting it needs is missing or unsafe, naming every one at once.
 */
class StartupFailureTest {

    /** Lines that only a connection attempt or a started component writes. */
    private static final List<String> CONNECTING = List.of("HikariPool", "HikariDataSource", "org.apache.kafka",
            "AdminClientConfig", "ProducerConfig", "org.mongodb.driver", "MongoClient", "Embedded PostgreSQL",
            "Tomcat initialized", "Tomcat started", "Flyway");

    private record Run(int exit, Duration took, List<String> log) {
        /** The "motcua could not start" line and the lines of its message after it. */
        String message() {
            List<String> lines = log.stream().dropWhile(line -> !line.contains("motcua could not start")).toList();
            return String.join("\n", lines);
        }
    }

    private static Run run(Map<String, String> environment, String... arguments) throws Exception {
        Path data = Path.of("target", "startup-failure", Long.toString(System.nanoTime())).toAbsolutePath();
        Instant started = Instant.now();
        ApplicationProcess node = ApplicationProcess.start(data, environment, arguments);
        boolean ended = node.process().waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            node.process().destroyForcibly();
        }
        assertThat(ended).as("the JVM ended by itself").isTrue();
        return new Run(node.process().exitValue(), Duration.between(started, Instant.now()),
                Files.readAllLines(node.log()));
    }

    @Test
    void aFailedStartExitsNonZeroWithOneClearLine() throws Exception {
        Run run = run(Map.of(), "--motcua.audit.signer.type=no-such-signer");
        assertThat(run.exit()).isNotZero();
        assertThat(run.log()).filteredOn(line -> line.contains("motcua could not start"))
                .singleElement().asString().contains("motcua.audit.signer.type must be dev-pki, pkcs12 or pkcs11");
    }

    @Test
    void productionWithNothingSetListsEveryMissingSettingInOneMessageAndConnectsToNothing() throws Exception {
        Run run = run(Map.of(), "--spring.profiles.active=production");
        assertThat(run.exit()).isNotZero();
        assertThat(run.log()).filteredOn(line -> line.contains("motcua could not start")).hasSize(1);
        assertThat(run.message()).contains("14 problems", "MOTCUA_DB_URL", "MOTCUA_DB_USER", "MOTCUA_DB_PASSWORD",
                "MOTCUA_KAFKA_BOOTSTRAP_SERVERS", "MOTCUA_MONGODB_URI", "MOTCUA_ELASTICSEARCH_URIS", "MOTCUA_SMTP_HOST",
                "MOTCUA_OIDC_ISSUER_URI", "MOTCUA_OIDC_CLIENT_ID", "MOTCUA_OIDC_CLIENT_SECRET", "MOTCUA_SIGNER_TYPE",
                "MOTCUA_TSA_URL", "motcua.audit.trust-anchors", "motcua.signing.trust-anchors");
        assertThat(run.log()).as("nothing was connected or started").noneMatch(
                line -> CONNECTING.stream().anyMatch(line::contains));
        assertThat(run.took()).as("refused at once, not after connection time-outs").isLessThan(Duration.ofSeconds(45));
    }

    @Test
    void productionWithTheDevPkiAndDemoUsersIsRefusedNamingBoth() throws Exception {
        Path config = Path.of("target", "startup-failure", "config-" + System.nanoTime()).toAbsolutePath();
        TestCa ca = new TestCa();
        Path root = ca.writeRoot(config.resolve("root.pem"));
        Map<String, String> environment = Map.ofEntries(
                Map.entry("SPRING_PROFILES_ACTIVE", "production"),
                // nothing listens there: a connection attempt would fail slowly and show in the log
                Map.entry("MOTCUA_DB_URL", "jdbc:postgresql://127.0.0.1:9/motcua"),
                Map.entry("MOTCUA_DB_USER", "motcua_app"),
                Map.entry("MOTCUA_DB_PASSWORD", "t8#Vq2-db-from-the-vault"),
                Map.entry("MOTCUA_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9"),
                Map.entry("MOTCUA_MONGODB_URI", "mongodb://127.0.0.1:9/motcua"),
                Map.entry("MOTCUA_ELASTICSEARCH_URIS", "http://127.0.0.1:9"),
                Map.entry("MOTCUA_SMTP_HOST", "127.0.0.1"),
                Map.entry("MOTCUA_OIDC_ISSUER_URI", "https://sso.example.gov.vn/realms/syt"),
                Map.entry("MOTCUA_OIDC_CLIENT_ID", "motcua-portal"),
                Map.entry("MOTCUA_OIDC_CLIENT_SECRET", "f2b8c1e0-5d7a-4c1e-9a3b-7e6d5c4b3a21"),
                Map.entry("MOTCUA_SIGNER_TYPE", "dev-pki"),
                Map.entry("MOTCUA_TSA_URL", "https://tsa.example.gov.vn/tsa"),
                Map.entry("MOTCUA_TRUST_ANCHORS", root.toString()));
        Run run = run(environment, "--motcua.security.demo-users.enabled=true");
        assertThat(run.exit()).isNotZero();
        assertThat(run.message()).contains("2 problems", "1. MOTCUA_SIGNER_TYPE (motcua.audit.signer.type)", "dev PKI",
                "2. motcua.security.demo-users.enabled", "demo users");
        assertThat(run.log()).noneMatch(line -> CONNECTING.stream().anyMatch(line::contains));
    }
}
