package vn.motcua.reliability.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.motcua.engine.embedded.EmbeddedKafkaBroker;
import vn.motcua.engine.embedded.EmbeddedMongoServer;
import vn.motcua.search.embedded.EmbeddedElasticsearch;

/**
 * The servers of several nodes, in the test's JVM, so that killing any node leaves them running (an embedded node's
 * servers die with it): the project's own embedded PostgreSQL (as {@code EmbeddedPostgresConfiguration} starts it),
 * Kafka broker, MongoDB-protocol server, Elasticsearch node, and GreenMail for SMTP. {@link #environment()} describes
 * them with the variables that the {@code servers} profile reads, as an embedded node's {@code servers.env} does.
 */
public final class Servers implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final EmbeddedKafkaBroker kafka;
    private final EmbeddedMongoServer mongo;
    private final EmbeddedElasticsearch elasticsearch;
    private final GreenMail mail;

    private Servers(EmbeddedPostgres postgres, EmbeddedKafkaBroker kafka, EmbeddedMongoServer mongo,
                    EmbeddedElasticsearch elasticsearch, GreenMail mail) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.mongo = mongo;
        this.elasticsearch = elasticsearch;
        this.mail = mail;
    }

    /** Starts every server with its data under {@code directory}. */
    public static Servers start(Path directory) throws IOException {
        Path database = directory.resolve("postgres");
        Files.createDirectories(database);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(database).setCleanDataDirectory(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
        EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(directory.resolve("kafka"));
        kafka.start();
        EmbeddedMongoServer mongo = new EmbeddedMongoServer(directory.resolve("mongo"));
        mongo.start();
        EmbeddedElasticsearch elasticsearch = new EmbeddedElasticsearch();
        elasticsearch.start(directory.resolve("elasticsearch"));
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        return new Servers(postgres, kafka, mongo, elasticsearch, mail);
    }

    /**
     * The variables of {@code servers.env} for these servers; the data directory (the dev PKI, the payment secret)
     * is {@code data}, shared by the nodes.
     */
    public Map<String, String> environment(Path data) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("MOTCUA_DATA_DIR", data.toString());
        variables.put("MOTCUA_DB_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
        variables.put("MOTCUA_DB_USER", "postgres");
        variables.put("MOTCUA_DB_PASSWORD", "postgres");
        variables.put("MOTCUA_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        variables.put("MOTCUA_MONGODB_URI", mongo.connectionString() + "?serverSelectionTimeoutMS=3000&connectTimeoutMS=2000");
        variables.put("MOTCUA_ELASTICSEARCH_URIS", elasticsearch.httpUri().toString());
        variables.put("MOTCUA_SMTP_HOST", "127.0.0.1");
        variables.put("MOTCUA_SMTP_PORT", Integer.toString(mail.getSmtp().getPort()));
        variables.put("MOTCUA_SMTP_AUTH", "false");
        variables.put("MOTCUA_SMTP_STARTTLS", "false");
        // no node is the first here: each names itself as the distribution point of the certificates it issues
        variables.put("MOTCUA_PKI_CRL_BASE_URL", "http://localhost:${server.port}/api/v1/pki/");
        return variables;
    }

    public Connection database() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    public GreenMail mail() {
        return mail;
    }

    /**
     * The variables of a {@code servers.env} file: one {@code KEY='value'} a line, single-quoted as a POSIX shell
     * reads it (a quote inside written {@code '\''}); comments and blank lines skipped.
     */
    public static Map<String, String> read(Path file) throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            String quoted = line.substring(equals + 1);
            if (!quoted.startsWith("'") || !quoted.endsWith("'")) {
                throw new IllegalArgumentException("not a single-quoted value in " + file + ": " + line);
            }
            variables.put(line.substring(0, equals),
                    quoted.substring(1, quoted.length() - 1).replace("'\\''", "'"));
        }
        return variables;
    }

    @Override
    public void close() throws IOException {
        mail.stop();
        elasticsearch.stop();
        mongo.close();
        kafka.close();
        postgres.close();
    }
}
