package vn.motcua.search;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import vn.motcua.engine.platform.AggregateType;
import vn.motcua.engine.platform.AggregateTypes;
import vn.motcua.engine.publication.AggregateCloudEvents;
import vn.motcua.engine.publication.EventTopics;

/**
 * Joins search to the engine's pipeline inside the application: for each index, one consumer of its aggregate
 * type's topic and one rebuild target, both reading the publisher's CloudEvents. The consumer groups keep their
 * names ({@code motcua-search}, {@code motcua-search-documents}), so their committed offsets carry on.
 */
@Configuration(proxyBeanMethods = false)
public class SearchPipelineConfiguration {

    private static final String DOSSIER = "dossier";
    private static final String DOCUMENT = "document";

    @Bean
    EventIndexConsumer dossierIndexConsumer(SearchIndexer index, EventTopics topics, AggregateTypes types,
                                            @Value("${motcua.search.consumer-group:motcua-search}") String group) {
        return new EventIndexConsumer(index, "search-indexer", topics.topic(type(types, DOSSIER)), group);
    }

    @Bean
    EventIndexConsumer documentIndexConsumer(DocumentIndexer index, EventTopics topics, AggregateTypes types,
            @Value("${motcua.search.document-consumer-group:motcua-search-documents}") String group) {
        return new EventIndexConsumer(index, "search-document-indexer", topics.topic(type(types, DOCUMENT)), group);
    }

    @Bean
    IndexRebuildTarget dossierIndexRebuild(SearchIndexer index, AggregateTypes types, AggregateCloudEvents events) {
        return rebuild(type(types, DOSSIER), index, events);
    }

    @Bean
    IndexRebuildTarget documentIndexRebuild(DocumentIndexer index, AggregateTypes types,
                                            AggregateCloudEvents events) {
        return rebuild(type(types, DOCUMENT), index, events);
    }

    /** Retries a failed batch for ever (Elasticsearch outage), backing off up to 10 s between tries. */
    @Bean
    static CommonErrorHandler searchIndexingRetries() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return new DefaultErrorHandler(backOff);
    }

    private static IndexRebuildTarget rebuild(AggregateType<?> type, EventIndex index, AggregateCloudEvents events) {
        return new IndexRebuildTarget(type.collection(), type.storedType(), events::serialize, index);
    }

    private static AggregateType<?> type(AggregateTypes types, String name) {
        return types.all().stream().filter(type -> type.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No aggregate type " + name + " is registered"));
    }
}
