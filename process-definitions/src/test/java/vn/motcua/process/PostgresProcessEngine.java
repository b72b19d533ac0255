package vn.motcua.process;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One Camunda engine on a real PostgreSQL per test JVM: production runs on PostgreSQL, and
 * H2 hides differences in SQL, locking and types. Starting PostgreSQL is slow, so it happens
 * once, lazily, and is stopped by a shutdown hook.
 */
final class PostgresProcessEngine {

    private PostgresProcessEngine() {
    }

    static ProcessEngine get() {
        return Holder.ENGINE;
    }

    private static final class Holder {
        static final ProcessEngine ENGINE = start();

        private static ProcessEngine start() {
            EmbeddedPostgres postgres;
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
            configuration.setProcessEngineName("motcua-process-definitions-test");
            configuration.setDataSource(postgres.getPostgresDatabase());
            configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
            configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
            configuration.setJobExecutorActivate(false);
            configuration.setDbMetricsReporterActivate(false);
            ProcessEngine engine = configuration.buildProcessEngine();
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
    }
}
