package vn.motcua.search;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import vn.motcua.engine.platform.AggregateType;
import vn.motcua.engine.platform.AggregateTypes;
import vn.motcua.engine.platform.EventTraces;
import vn.motcua.engine.publication.AggregateCloudEvents;
import vn.motcua.engine.publication.EventTopics;

/**
 * Joins search to the engine's pipeline inside the application: for each index, one consumer of its aggregate
 * types' topics and one rebuild target, both reading the publisher's CloudEvents. The audit index reads the topic
 * of every registered {@link AggregateType} and is rebuilt from the events of every type, so a type plugged into
 * the platform is audited with no change here. The consumer groups of the dossier and document indices keep their
 * names ({@code motcua-search}, {@code motcua-search-documents}), so their committed offsets carry on; the audit
 * index's group ({@code motcua-search-audit}) starts from the earliest retained event, and the index is
 * idempotent, so re-reading what the dossier indexer had recorded changes nothing.
 */
@Configuration(proxyBeanMethods = false)
public class SearchPipelineConfiguration {

    private static final String DOSSIER = "dossier";
    private static final String DOCUMENT = "document";

    @Bean
    EventIndexConsumer dossierIndexConsumer(SearchIndexer index, EventTopics topics, AggregateTypes types,
                                            EventTraces traces, @Value("${motcua.search.consumer-group:motcua-search}") String group) {
        return new EventIndexConsumer(index, "search-indexer", List.of(topics.topic(type(types, DOSSIER))), group,
                traces);
    }

    @Bean
    EventIndexConsumer documentIndexConsumer(DocumentIndexer index, EventTopics topics, AggregateTypes types, EventTraces traces,
            @Value("${motcua.search.document-consumer-group:motcua-search-documents}") String group) {
        return new EventIndexConsumer(index, "search-document-indexer", List.of(topics.topic(type(types, DOCUMENT))),
                group, traces);
    }

    @Bean
    EventIndexConsumer auditIndexConsumer(AuditIndexer index, EventTopics topics, AggregateTypes types, EventTraces traces,
            @Value("${motcua.search.audit-consumer-group:motcua-search-audit}") String group) {
        return new EventIndexConsumer(index, "search-audit-indexer",
                types.all().stream().map(topics::topic).distinct().toList(), group, traces);
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

    @Bean
    IndexRebuildTarget auditIndexRebuild(AuditIndexer index, AggregateTypes types, AggregateCloudEvents events) {
        Set<String> storedTypes = types.all().stream().map(AggregateType::storedType).collect(Collectors.toSet());
        return new IndexRebuildTarget(AuditIndex.AUDIT_EVENTS, storedTypes, events::serialize, index);
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
        return new IndexRebuildTarget(type.collection(), Set.of(type.storedType()), events::serialize, index);
    }

    private static AggregateType<?> type(AggregateTypes types, String name) {
        return types.all().stream().filter(type -> type.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No aggregate type " + name + " is registered"));
    }
}
