package vn.motcua.engine.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A MongoDB-protocol server for the embedded default: {@code mongo-java-server} with its H2 backend,
 * persisting to {@code <data-dir>/mongo/mongo.mv}, reached through the real MongoDB driver. No mongod can
 * be installed here; this server has no transactions and no change streams, so the read models use only
 * idempotent, version-checked single-document writes. Keeps its port across stop/start.
 *
 * <p>Durability: H2's MVStore keeps writes in memory and writes them to the file only when it commits, by
 * itself about once a second; a write acknowledged to a client is therefore lost if the JVM dies before that
 * (kill -9, an out-of-memory abort). {@link #writeToDisk()} commits and syncs the store at once; the read models
 * call it before their processor's position moves past the events it wrote
 * ({@code readmodel.ReadModelDurability}), so a crash can never leave a view behind a stored position.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final Path file;
    private int port;
    private MongoServer server;
    private H2Backend backend;

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
        backend = new H2Backend(MVStore.open(file.toString()));
        server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", port));
        log.info("Embedded MongoDB-protocol server started on {} with data in {}", connectionString(), file);
    }

    /** Stops the server (an outage, for tests and operators); {@link #start()} brings it back on the same port. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdownNow();
            server = null;
            backend = null;
            log.info("Embedded MongoDB-protocol server stopped");
        }
    }

    /**
     * Writes everything acknowledged so far to {@code mongo.mv} and syncs the file, so that it survives the JVM
     * being killed (commit) and the machine losing power (sync). Does nothing while the server is stopped.
     */
    public void writeToDisk() {
        H2Backend current;
        synchronized (this) {
            current = backend;
        }
        if (current != null) {
            MVStore store = current.getMvStore();
            store.commit();
            store.sync();
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
