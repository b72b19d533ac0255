package vn.motcua.process;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One Camunda engine on a real PostgreSQL per test JVM: production runs on PostgreSQL, and
 * H2 hides differences in SQL, locking and types. Starting PostgreSQL and deploying the models
 * is slow, so it happens once, lazily, and is stopped by a shutdown hook.
 *
 * <p>Every shipped BPMN file is deployed together, as the workflow engine does. The beans the
 * models name in delegate expressions are recording stand-ins, and the job executor is off so
 * that a test fires a timer by executing its job.
 */
final class PostgresProcessEngine {

    /** Stand-in for the bean behind {@code ${deadlineWarning}}. */
    static final RecordingDelegate DEADLINE_WARNING = new RecordingDelegate();
    /** Stand-in for the bean behind {@code ${overdueEscalation}}. */
    static final RecordingDelegate OVERDUE_ESCALATION = new RecordingDelegate();
    /** Stand-in for the bean behind {@code ${supplementLapse}}. */
    static final RecordingDelegate SUPPLEMENT_LAPSE = new RecordingDelegate();

    private PostgresProcessEngine() {
    }

    static ProcessEngine get() {
        return Holder.ENGINE;
    }

    /** Names of the BPMN resources shipped by this module, e.g. {@code bpmn/gpp-assessment.bpmn}. */
    static List<String> shippedModels() {
        try {
            Path directory = Path.of(Objects.requireNonNull(
                    PostgresProcessEngine.class.getClassLoader().getResource("bpmn"), "bpmn").toURI());
            try (Stream<Path> files = Files.list(directory)) {
                return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".bpmn")).sorted()
                        .map(n -> "bpmn/" + n).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Holder {
        static final ProcessEngine ENGINE = start();

        private static ProcessEngine start() {
            EmbeddedPostgres postgres;
            try {
                // durability buys nothing in a throw-away test database and costs a flush per commit
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
            configuration.setProcessEngineName("motcua-process-definitions-test");
            configuration.setDataSource(postgres.getPostgresDatabase());
            configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
            // "audit" keeps every activity instance, which is what the path assertions read
            configuration.setHistory(ProcessEngineConfiguration.HISTORY_AUDIT);
            configuration.setJobExecutorActivate(false);
            configuration.setDbMetricsReporterActivate(false);
            configuration.setBeans(Map.of(
                    "deadlineWarning", DEADLINE_WARNING,
                    "overdueEscalation", OVERDUE_ESCALATION,
                    "supplementLapse", SUPPLEMENT_LAPSE));
            ProcessEngine engine = configuration.buildProcessEngine();
            deployShippedModels(engine);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                engine.close();
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; nothing left to clean up
                }
            }, "embedded-postgres-shutdown"));
            return engine;
        }

        private static void deployShippedModels(ProcessEngine engine) {
            DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
                    .name("process-definitions-test");
            for (String model : shippedModels()) {
                deployment.addClasspathResource(model);
            }
            deployment.deploy();
        }
    }

}
