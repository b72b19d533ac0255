package vn.motcua.search;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import vn.motcua.process.ProcedureCatalogue;
import vn.motcua.search.embedded.EmbeddedElasticsearch;
import vn.motcua.search.internal.PemTrust;

/**
 * Wires search: the Elasticsearch client — to the embedded node by default, or to an external
 * cluster when {@code motcua.elasticsearch.embedded=false} — and the indexer and query services.
 * Nothing here talks to Elasticsearch at start-up beyond starting the embedded node, so the
 * application starts (and accepts dossiers) while an external cluster is down; indices are created
 * on first use. Import it from the application ({@code @Import(SearchConfiguration.class)}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
public class SearchConfiguration {

    /** The agency's legal time when no engine clock is present (Vietnam has one zone). */
    private static final ZoneId LEGAL_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Bean(destroyMethod = "stop")
    @ConditionalOnProperty(prefix = "motcua.elasticsearch", name = "embedded", havingValue = "true",
            matchIfMissing = true)
    EmbeddedElasticsearch embeddedElasticsearch(@Value("${motcua.data-dir:./data}") Path dataDir) {
        EmbeddedElasticsearch node = new EmbeddedElasticsearch();
        node.start(dataDir.resolve("elasticsearch"));
        return node;
    }

    @Bean(destroyMethod = "close")
    ElasticsearchClient elasticsearchClient(SearchProperties properties,
                                            ObjectProvider<EmbeddedElasticsearch> embedded,
                                            ObjectProvider<ObjectMapper> objectMapper) {
        EmbeddedElasticsearch node = embedded.getIfAvailable();
        List<URI> hosts = node != null ? List.of(node.httpUri()) : properties.uris();
        if (hosts.isEmpty()) {
            throw new IllegalStateException(
                    "motcua.elasticsearch.uris must name the cluster when motcua.elasticsearch.embedded=false");
        }
        JacksonJsonpMapper mapper = new JacksonJsonpMapper(documentMapper(objectMapper.getIfAvailable(ObjectMapper::new)));
        return ElasticsearchClient.of(config -> {
            config.hosts(hosts).jsonMapper(mapper);
            if (node == null && properties.username() != null && !properties.username().isBlank()) {
                config.usernameAndPassword(properties.username(), properties.password());
            }
            if (node == null && properties.caCertificate() != null) {
                config.sslContext(PemTrust.sslContext(properties.caCertificate()));
            }
            return config;
        });
    }

    @Bean
    IndexAdmin indexAdmin(ElasticsearchClient client) {
        return new IndexAdmin(client);
    }

    @Bean
    SearchIndexer searchIndexer(ElasticsearchClient client, IndexAdmin indexAdmin,
                                ObjectProvider<ProcedureCatalogue> catalogue) {
        return new SearchIndexer(client, indexAdmin, catalogue.getIfAvailable(ProcedureCatalogue::new));
    }

    @Bean
    DossierSearch dossierSearch(ElasticsearchClient client, IndexAdmin indexAdmin, AuditIndex auditIndex,
                                ObjectProvider<Clock> clock) {
        return new DossierSearch(client, indexAdmin, auditIndex,
                clock.getIfAvailable(() -> Clock.system(LEGAL_ZONE)));
    }

    @Bean
    AuditIndex auditIndex(ElasticsearchClient client) {
        return new AuditIndex(client);
    }

    @Bean
    AuditIndexer auditIndexer(ElasticsearchClient client, AuditIndex auditIndex) {
        return new AuditIndexer(client, auditIndex);
    }

    @Bean
    DocumentIndex documentIndex(ElasticsearchClient client) {
        return new DocumentIndex(client);
    }

    @Bean
    DocumentIndexer documentIndexer(ElasticsearchClient client, DocumentIndex documentIndex) {
        return new DocumentIndexer(client, documentIndex);
    }

    @Bean
    DocumentSearch documentSearch(ElasticsearchClient client, DocumentIndex documentIndex) {
        return new DocumentSearch(client, documentIndex);
    }

    /**
     * The application's one JSON mapper, copied and fixed to what the stored documents rely on: ISO-8601
     * dates, camelCase field names as in the mappings, absent rather than null fields, and tolerance of fields added by a later version.
     */
    static ObjectMapper documentMapper(ObjectMapper applicationMapper) {
        return applicationMapper.copy()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setPropertyNamingStrategy(PropertyNamingStrategies.LOWER_CAMEL_CASE)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }
}
