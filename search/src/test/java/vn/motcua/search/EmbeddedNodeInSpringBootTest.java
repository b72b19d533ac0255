package vn.motcua.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import vn.motcua.search.embedded.EmbeddedElasticsearch;
import vn.motcua.search.support.DossierStory;
import vn.motcua.search.support.SearchIntegrationTest;

/**
 * The embedded node runs inside a Spring Boot JVM whose logging is Logback with log4j-to-slf4j
 * (spring-boot-starter-logging), serves the real REST API, and survives a stop and restart.
 */
class EmbeddedNodeInSpringBootTest extends SearchIntegrationTest {

    @Autowired
    EmbeddedElasticsearch node;

    @Test
    void clientReachesARealNodeThroughInfoAndPing() throws Exception {
        assertThat(client.ping().value()).isTrue();
        var info = client.info();
        assertThat(info.version().number()).isEqualTo("9.5.3");
        assertThat(info.clusterName()).isEqualTo("motcua");
        assertThat(node.httpUri().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void elasticsearchLogsGoThroughSpringBootsLogback() {
        assertThat(LoggingSystem.get(getClass().getClassLoader())).isInstanceOf(LogbackLoggingSystem.class);
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(LoggerContext.class);
        assertThat(org.apache.logging.log4j.LogManager.getContext(false).getClass().getName())
                .as("Log4j API calls are routed to SLF4J").contains("slf4j");
        Logger elasticsearch = (Logger) LoggerFactory.getLogger("org.elasticsearch.cluster.metadata");
        Level level = elasticsearch.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        elasticsearch.addAppender(captured);
        elasticsearch.setLevel(Level.INFO);
        try {
            IndexGeneration generation = indexAdmin.createGeneration();
            indexAdmin.discard(generation);
        } finally {
            elasticsearch.setLevel(level);
            elasticsearch.detachAppender(captured);
        }
        assertThat(captured.list).anySatisfy(event -> {
            assertThat(event.getLoggerName()).startsWith("org.elasticsearch.cluster.metadata");
            assertThat(event.getFormattedMessage()).contains("creating index");
        });
    }

    @Test
    void nodeRestartsOnTheSamePortKeepingItsData() throws Exception {
        DossierStory story = new DossierStory(unique("RESTART"), unique("unit"), Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .submitted("Lê Văn Khởi Động", "0911000111", "001099000111", "Nước hoa hồng");
        indexAndRefresh(story.events());
        URI before = node.httpUri();

        node.stop();
        assertThatThrownBy(() -> client.info()).isInstanceOf(Exception.class);
        URI after = node.start(DATA_DIR.resolve("elasticsearch"));

        assertThat(after).isEqualTo(before);
        var found = search.search(DossierQuery.builder().text(story.code()).build(), null);
        assertThat(found.hits()).extracting(DossierHit::code).containsExactly(story.code());
    }
}
