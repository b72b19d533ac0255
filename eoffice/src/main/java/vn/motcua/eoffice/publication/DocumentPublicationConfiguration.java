package vn.motcua.eoffice.publication;

import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Kafka topic official-document events flow to, and the retry-on-failure policy of their publisher:
 * an outage stops it at its last token and it retries until Kafka is back — delayed, never lost.
 */
@Configuration(proxyBeanMethods = false)
public class DocumentPublicationConfiguration {

    @Bean
    NewTopic documentEventsTopic(
            @Value("${motcua.kafka.topics.document-events.name:motcua.document-events}") String name,
            @Value("${motcua.kafka.topics.document-events.partitions:4}") int partitions,
            @Value("${motcua.kafka.topics.document-events.replication:1}") short replication) {
        return new NewTopic(name, partitions, replication);
    }

    @Bean
    ConfigurerModule documentPublisherRetriesOnFailure() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                DocumentEventPublisher.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
