package vn.motcua.engine.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded default: a real PostgreSQL server, started from the binaries published on Maven
 * Central, keeping its cluster under {@code <data-dir>/postgres} so a restart loses nothing. Active
 * unless {@code motcua.database.embedded=false} (the {@code production} profile sets it and takes
 * {@code spring.datasource.*} from the environment instead).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "motcua.database.embedded", havingValue = "true", matchIfMissing = true)
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(MotcuaProperties properties,
                                      @Value("${motcua.database.port:0}") int port) throws IOException {
        Path directory = properties.dataDir().resolve("postgres").toAbsolutePath();
        Files.createDirectories(directory);
        stopOrphan(directory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                // Spring stops the server after everything that uses it; a JVM hook of its own would race them.
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "100")
                // the library starts PostgreSQL for throw-away tests (-F, synchronous_commit=off); the embedded
                // default keeps real data, so a committed step must survive a crash of the machine too
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), directory);
        return postgres;
    }

    /**
     * A JVM killed with kill -9 leaves its PostgreSQL running, holding the data directory: the next start would
     * wait for it and fail. The server named in {@code postmaster.pid}, if it still runs, is stopped first (a
     * smart shutdown, since its clients died with the JVM; killed if it does not stop within 30 s — PostgreSQL
     * then recovers from its write-ahead log, losing nothing committed).
     */
    static void stopOrphan(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
        } catch (RuntimeException e) {
            return; // unreadable: PostgreSQL itself judges a stale file
        }
        ProcessHandle orphan = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().command().map(command -> command.endsWith("postgres")).orElse(false))
                .orElse(null);
        if (orphan == null) {
            return;
        }
        log.warn("PostgreSQL {} left running by a previous run holds {}: stopping it before starting", pid, directory);
        orphan.destroy();
        try {
            orphan.onExit().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("PostgreSQL {} did not stop within 30 s: killing it", pid);
            orphan.destroyForcibly();
            try {
                orphan.onExit().get(10, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException | InterruptedException again) {
                throw new IOException("Cannot stop the PostgreSQL " + pid + " that holds " + directory, again);
            }
        } catch (ExecutionException | InterruptedException e) {
            throw new IOException("Interrupted while stopping the PostgreSQL " + pid + " that holds " + directory, e);
        }
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(10);
        config.setPoolName("motcua-embedded");
        return new HikariDataSource(config);
    }
}
