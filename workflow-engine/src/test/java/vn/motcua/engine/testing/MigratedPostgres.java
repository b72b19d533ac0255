package vn.motcua.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for tests outside the Spring context, with every production migration on the classpath
 * applied (the engine's and, in later modules, their own). Each {@link #pool} stands for one application
 * instance; closing the fixture closes the pools, then the server.
 */
public final class MigratedPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final List<HikariDataSource> pools = new ArrayList<>();

    private MigratedPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static MigratedPostgres start() {
        try {
            MigratedPostgres database = new MigratedPostgres(EmbeddedPostgres.builder().start());
            Flyway.configure().dataSource(database.postgres.getPostgresDatabase())
                    .locations("classpath:db/migration").load().migrate();
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }

    /** A connection pool of its own, as one application instance would have. */
    public HikariDataSource pool(String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(size);
        config.setPoolName(name);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    @Override
    public void close() throws IOException {
        pools.forEach(HikariDataSource::close);
        postgres.close();
    }
}
