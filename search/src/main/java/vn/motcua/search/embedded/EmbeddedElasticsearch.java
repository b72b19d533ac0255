package vn.motcua.search.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.node.MotcuaEmbeddedNode;
import org.elasticsearch.node.NodeValidationException;
import org.elasticsearch.transport.netty4.Netty4Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, single-node Elasticsearch cluster inside the application's JVM, for the embedded default
 * (no installation, data kept under the given home) and for tests. It runs the server jars published
 * on Maven Central — the same engine, mappings, analysers and REST API as a production cluster — and
 * binds HTTP to {@code 127.0.0.1} on a free port, so the application reaches it through the ordinary
 * Java client exactly as it reaches an external cluster.
 *
 * <p>Logging: the server logs through the Log4j 2 API. In a Spring Boot application
 * {@code log4j-to-slf4j} (spring-boot-starter-logging) is the Log4j provider, so the node's log
 * events go to Logback like everyone else's. The server's own {@code LogConfigurator.configure} — which
 * would take over the Log4j core context, redirect {@code System.out} and install a JUL bridge — is
 * deliberately not called; only {@code configureESLogging()}, which connects Elasticsearch's internal
 * logging facade to the Log4j API, is. {@code log4j-core} stays on the classpath only because server
 * classes link against it.
 *
 * <p>Licence: the server is distributed under the Elastic License 2.0, AGPL-3.0 or SSPL; the embedded
 * default runs it unmodified under the Elastic License 2.0.
 */
public final class EmbeddedElasticsearch {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);

    /** Classpath plugins: real HTTP, {@code asciifolding}, and {@code GET /} / {@code HEAD /}. */
    private static final List<Class<? extends org.elasticsearch.plugins.Plugin>> PLUGINS =
            List.of(Netty4Plugin.class, AsciiFoldingPlugin.class, RootEndpointPlugin.class);

    private MotcuaEmbeddedNode node;
    private URI httpUri;
    /** The port of the previous run, reused on a restart so that clients built before it reconnect. */
    private int lastPort;

    /**
     * Starts the node with its data, configuration and logs under {@code home} (created if missing) and
     * returns its HTTP address, e.g. {@code http://127.0.0.1:41234}. The first start takes a free port;
     * a start after {@link #stop()} takes the same port again if it is still free, so that an
     * {@code ElasticsearchClient} created earlier simply reconnects (outage and recovery).
     */
    public synchronized URI start(Path home) {
        if (node != null) {
            return httpUri;
        }
        Path absoluteHome = home.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absoluteHome.resolve("config"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Elasticsearch home " + absoluteHome, e);
        }
        // Netty's processor count is JVM-wide and can be set only once: if another Netty user in the
        // application read it first, Elasticsearch's attempt to set it would fail the start. It would
        // set the same value (all processors), so it is told to leave it alone.
        if (System.getProperty("es.set.netty.runtime.available.processors") == null) {
            System.setProperty("es.set.netty.runtime.available.processors", "false");
        }
        LogConfigurator.configureESLogging();
        long started = System.nanoTime();
        MotcuaEmbeddedNode created;
        try {
            created = startNode(absoluteHome, lastPort);
        } catch (RuntimeException e) {
            if (lastPort == 0) {
                throw e;
            }
            log.warn("Port {} is taken; embedded Elasticsearch moves to a free port", lastPort);
            created = startNode(absoluteHome, 0);
        }
        if (!created.awaitPrimaryShards(Duration.ofSeconds(60))) {
            log.warn("Embedded Elasticsearch: some indices under {} are not available yet", absoluteHome);
        }
        InetSocketAddress address = created.httpAddress();
        node = created;
        lastPort = address.getPort();
        httpUri = URI.create("http://" + address.getHostString() + ":" + address.getPort());
        log.info("Embedded Elasticsearch started at {} in {} ms, data under {}", httpUri,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), absoluteHome);
        return httpUri;
    }

    private static MotcuaEmbeddedNode startNode(Path home, int port) {
        MotcuaEmbeddedNode created = new MotcuaEmbeddedNode(settings(home, port), PLUGINS);
        try {
            created.start();
            return created;
        } catch (NodeValidationException | RuntimeException e) {
            closeQuietly(created);
            throw new IllegalStateException("embedded Elasticsearch did not start under " + home, e);
        }
    }

    /** The bound HTTP address, or {@code null} when not running. */
    public synchronized URI httpUri() {
        return httpUri;
    }

    public synchronized boolean isRunning() {
        return node != null;
    }

    /** Stops the node and waits for its threads; the data stays under the home directory. */
    public synchronized void stop() {
        if (node == null) {
            return;
        }
        MotcuaEmbeddedNode stopping = node;
        node = null;
        httpUri = null;
        stopping.prepareForClose();
        closeQuietly(stopping);
        log.info("Embedded Elasticsearch stopped");
    }

    private static Settings settings(Path home, int httpPort) {
        return Settings.builder()
                .put("path.home", home.toString())
                .put("cluster.name", "motcua")
                .put("node.name", "motcua-embedded")
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", Integer.toString(httpPort))
                .put("transport.port", "0")
                // indices are only ever created with explicit mappings, by IndexAdmin
                .put("action.auto_create_index", "false")
                // a developer's nearly full disk must not turn the index read-only
                .put("cluster.routing.allocation.disk.threshold_enabled", "false")
                .build();
    }

    private static void closeQuietly(MotcuaEmbeddedNode node) {
        try {
            node.close();
            if (!node.awaitClose(30, TimeUnit.SECONDS)) {
                log.warn("Embedded Elasticsearch did not close within 30 s");
            }
        } catch (IOException e) {
            log.warn("Embedded Elasticsearch did not close cleanly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
