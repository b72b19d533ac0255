package vn.motcua.engine.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A MongoDB-protocol server for the embedded default: {@code mongo-java-server} with its H2 backend,
 * persisting to {@code <data-dir>/mongo/mongo.mv}, reached through the real MongoDB driver. No mongod can
 * be installed here; this server has no transactions and no change streams, so the read models use only
 * idempotent, version-checked single-document writes. Keeps its port across stop/start.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final Path file;
    private int port;
    private MongoServer server;

    public EmbeddedMongoServer(Path directory) {
        this.file = directory.toAbsolutePath().resolve("mongo.mv");
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            if (port == 0) {
                try (ServerSocket socket = new ServerSocket(0)) {
                    port = socket.getLocalPort();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = new MongoServer(new H2Backend(file.toString()));
        server.bind(new InetSocketAddress("127.0.0.1", port));
        log.info("Embedded MongoDB-protocol server started on {} with data in {}", connectionString(), file);
    }

    /** Stops the server (an outage, for tests and operators); {@link #start()} brings it back on the same port. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdownNow();
            server = null;
            log.info("Embedded MongoDB-protocol server stopped");
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port + "/motcua";
    }

    @Override
    public void close() {
        stop();
    }
}
