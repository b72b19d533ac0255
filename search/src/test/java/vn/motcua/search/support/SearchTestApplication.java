package vn.motcua.search.support;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Import;

import vn.motcua.search.SearchConfiguration;

/**
 * The smallest Spring Boot application that runs search as the portal does: Spring Boot's logging
 * (Logback, with log4j-to-slf4j), its Jackson mapper, and its own Elasticsearch auto-configuration
 * present next to ours, which must back off.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({JacksonAutoConfiguration.class, ElasticsearchRestClientAutoConfiguration.class,
        ElasticsearchClientAutoConfiguration.class})
@Import(SearchConfiguration.class)
public class SearchTestApplication {
}
