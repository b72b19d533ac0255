package vn.motcua.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

import com.zaxxer.hikari.HikariDataSource;

import vn.motcua.portal.MotcuaApplication;

/**
 * What the benchmarks of one run share: the scale, a work directory, and the motcua application on its embedded
 * default started in this JVM on first use (PostgreSQL, Kafka, MongoDB-protocol server, Elasticsearch), so that
 * the peers run against the same PostgreSQL server as motcua. A benchmark that needs the machine to itself (the
 * HTTP load, whose application runs in a process of its own) calls {@link #stopApplication()} first.
 */
final class Run implements AutoCloseable {

    private final Scale scale;
    private final Path work;
    private ConfigurableApplicationContext application;
    private final Map<String, String> servers = new LinkedHashMap<>();

    Run(Scale scale, Path work) {
        this.scale = scale;
        this.work = work;
    }

    Scale scale() {
        return scale;
    }

    /** A directory of this run's own, for data and recordings. */
    Path work(String name) throws java.io.IOException {
        return Files.createDirectories(work.resolve(name));
    }

    /** The application in this JVM, started on first use with its data under the run's work directory. */
    synchronized ConfigurableApplicationContext application() throws java.io.IOException {
        if (application == null) {
            application = new SpringApplicationBuilder(MotcuaApplication.class).run(
                    "--motcua.data-dir=" + work("application"), "--server.port=0", "--logging.level.root=WARN");
            servers.put("PostgreSQL server (embedded)", application.getBean(JdbcTemplate.class)
                    .queryForObject("show server_version", String.class));
            servers.put("Elasticsearch node (embedded)", application.getBean(ElasticsearchClient.class).info()
                    .version().number());
        }
        return application;
    }

    <T> T bean(Class<T> type) throws java.io.IOException {
        return application().getBean(type);
    }

    /** The application's PostgreSQL: the server every engine of the comparison uses (each in a database of its own). */
    Database database() throws java.io.IOException {
        HikariDataSource pool = (HikariDataSource) bean(DataSource.class);
        return new Database(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }

    /** How to reach the shared PostgreSQL server. */
    record Database(String jdbcUrl, String user, String password) {

        /** The same server, another database (created by the caller). */
        String jdbcUrl(String database) {
            int slash = jdbcUrl.lastIndexOf('/');
            int query = jdbcUrl.indexOf('?', slash);
            return jdbcUrl.substring(0, slash + 1) + database + (query < 0 ? "" : jdbcUrl.substring(query));
        }
    }

    /** The versions of the servers the application started, once it has started; empty before. */
    synchronized Map<String, String> servers() {
        return new LinkedHashMap<>(servers);
    }

    synchronized void stopApplication() {
        if (application != null) {
            application.close();
            application = null;
        }
    }

    @Override
    public void close() {
        stopApplication();
    }
}
