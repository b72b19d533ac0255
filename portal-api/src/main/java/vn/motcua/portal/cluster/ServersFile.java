package vn.motcua.portal.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.icegreen.greenmail.util.GreenMail;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.motcua.engine.audit.AuditProperties;
import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.embedded.EmbeddedKafkaBroker;
import vn.motcua.engine.embedded.EmbeddedMongoServer;
import vn.motcua.search.embedded.EmbeddedElasticsearch;

/**
 * The embedded default's servers, written for a second node: {@code <data-dir>/servers.env} holds the environment
 * variables the {@code servers} profile reads (the same ones as production's: database URL and credentials, Kafka
 * bootstrap servers, MongoDB URI, Elasticsearch URIs, SMTP), pointing at the servers this node started, plus the data
 * directory that holds its dev PKI and payment secret. A node started with them and the {@code join} profile
 * (application-join.yml) shares this node's servers, keys and demo users and starts none of its own:
 * <pre>set -a; . data/servers.env; java -jar portal-api/target/motcua-exec.jar --spring.profiles.active=join --server.port=8081</pre>
 * Written once the node is ready (its schema migrated) only when every server is embedded; removed when it stops,
 * since the servers stop with it. Readable by its owner only, like the dev PKI beside it.
 */
@Component
class ServersFile {

    static final String NAME = "servers.env";
    private static final Logger log = LoggerFactory.getLogger(ServersFile.class);

    private final MotcuaProperties motcua;
    private final AuditProperties audit;
    private final ObjectProvider<EmbeddedPostgres> postgres;
    private final ObjectProvider<EmbeddedKafkaBroker> kafka;
    private final ObjectProvider<EmbeddedMongoServer> mongo;
    private final ObjectProvider<EmbeddedElasticsearch> elasticsearch;
    private final ObjectProvider<GreenMail> mail;
    private Path written;

    ServersFile(MotcuaProperties motcua, AuditProperties audit, ObjectProvider<EmbeddedPostgres> postgres,
                ObjectProvider<EmbeddedKafkaBroker> kafka, ObjectProvider<EmbeddedMongoServer> mongo,
                ObjectProvider<EmbeddedElasticsearch> elasticsearch, ObjectProvider<GreenMail> mail) {
        this.motcua = motcua;
        this.audit = audit;
        this.postgres = postgres;
        this.kafka = kafka;
        this.mongo = mongo;
        this.elasticsearch = elasticsearch;
        this.mail = mail;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void write() {
        EmbeddedPostgres database = postgres.getIfAvailable();
        EmbeddedKafkaBroker broker = kafka.getIfAvailable();
        EmbeddedMongoServer views = mongo.getIfAvailable();
        EmbeddedElasticsearch search = elasticsearch.getIfAvailable();
        GreenMail smtp = mail.getIfAvailable();
        if (database == null || broker == null || views == null || search == null || smtp == null) {
            return; // not the embedded default: its servers are someone else's to describe
        }
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("MOTCUA_DATA_DIR", motcua.dataDir().toAbsolutePath().normalize().toString());
        variables.put("MOTCUA_DB_URL", "jdbc:postgresql://localhost:" + database.getPort() + "/postgres");
        variables.put("MOTCUA_DB_USER", "postgres");
        variables.put("MOTCUA_DB_PASSWORD", "postgres");
        variables.put("MOTCUA_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        variables.put("MOTCUA_MONGODB_URI", views.connectionString() + "?serverSelectionTimeoutMS=3000&connectTimeoutMS=2000");
        variables.put("MOTCUA_ELASTICSEARCH_URIS", search.httpUri().toString());
        variables.put("MOTCUA_SMTP_HOST", "127.0.0.1");
        variables.put("MOTCUA_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
        variables.put("MOTCUA_SMTP_AUTH", "false");
        variables.put("MOTCUA_SMTP_STARTTLS", "false");
        variables.put("MOTCUA_PKI_CRL_BASE_URL", audit.pki().crlBaseUrl());
        Path file = motcua.dataDir().resolve(NAME);
        try {
            Path temporary = Files.createTempFile(motcua.dataDir(), NAME, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, render(variables));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        written = file;
        log.info("The servers of this node are described in {}: another node joins them with"
                + " `set -a; . {}; java -jar motcua-exec.jar --spring.profiles.active=join --server.port=8081`", file, file);
    }

    @EventListener(ContextClosedEvent.class)
    synchronized void remove() throws IOException {
        if (written != null) {
            Files.deleteIfExists(written);
            written = null;
        }
    }

    private static String render(Map<String, String> variables) {
        StringBuilder text = new StringBuilder("# The servers of the motcua node " + ProcessHandle.current().pid()
                + ", written " + Instant.now() + " (removed when it stops).\n"
                + "# A node joins them with: set -a; . servers.env; java -jar motcua-exec.jar"
                + " --spring.profiles.active=join --server.port=8081\n");
        variables.forEach((name, value) -> text.append(name).append("='")
                .append(value.replace("'", "'\\''")).append("'\n"));
        return text.toString();
    }
}
