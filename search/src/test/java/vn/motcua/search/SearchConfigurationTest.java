package vn.motcua.search;

import static org.assertj.core.api.Assertions.assertThat;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import vn.motcua.search.embedded.EmbeddedElasticsearch;
import vn.motcua.search.internal.PemTrust;
import vn.motcua.search.support.SearchIntegrationTest;

/**
 * The production wiring: {@code motcua.elasticsearch.embedded=false} starts no node and connects to
 * {@code motcua.elasticsearch.uris} (here the test JVM's node, standing in for an external cluster).
 */
class SearchConfigurationTest extends SearchIntegrationTest {

    @Autowired
    EmbeddedElasticsearch node;

    private final ApplicationContextRunner external = new ApplicationContextRunner()
            .withUserConfiguration(SearchConfiguration.class)
            .withPropertyValues("motcua.elasticsearch.embedded=false");

    @Test
    void externalModeConnectsToTheConfiguredUrisWithoutStartingANode() {
        external.withPropertyValues("motcua.elasticsearch.uris=http://127.0.0.1:1," + node.httpUri(),
                        "motcua.elasticsearch.username=motcua", "motcua.elasticsearch.password=secret")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(EmbeddedElasticsearch.class);
                    assertThat(context.getBean(ElasticsearchClient.class).info().clusterName()).isEqualTo("motcua");
                    assertThat(context.getBean(DossierSearch.class).publicLookup("nothing", "0900000000")).isEmpty();
                });
    }

    @Test
    void externalModeWithoutUrisFailsAtStartWithTheReason() {
        external.run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause().hasMessageContaining("motcua.elasticsearch.uris"));
    }

    @Test
    void caCertificateBecomesTheTrustStoreOfTheClient() throws Exception {
        SSLContext context = PemTrust.sslContext(java.nio.file.Path.of(getClass().getResource("/test-ca.pem").toURI()));
        assertThat(context.getProtocol()).isEqualTo("TLS");
        external.withPropertyValues("motcua.elasticsearch.uris=https://search.example.vn:9200",
                        "motcua.elasticsearch.ca-certificate=" + getClass().getResource("/test-ca.pem").getPath())
                .run(started -> assertThat(started).hasSingleBean(ElasticsearchClient.class));
    }
}
