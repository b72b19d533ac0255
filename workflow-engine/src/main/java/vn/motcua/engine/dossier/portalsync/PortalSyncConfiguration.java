package vn.motcua.engine.dossier.portalsync;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The national-portal synchronisation: the Kafka topic its payloads go to, their schema, and the HTTP client
 * when a portal endpoint is configured. Both processors propagate errors, so an outage of Kafka or of the
 * portal holds them at their last token and they retry: delayed, never dropped.
 */
@Configuration(proxyBeanMethods = false)
public class PortalSyncConfiguration {

    @Bean
    NewTopic portalSyncTopic(@Value("${motcua.kafka.topics.portal-sync.name:motcua.portal-sync}") String name,
                             @Value("${motcua.kafka.topics.portal-sync.partitions:4}") int partitions,
                             @Value("${motcua.kafka.topics.portal-sync.replication:1}") short replication) {
        return new NewTopic(name, partitions, replication);
    }

    @Bean
    PortalSyncSchema portalSyncSchema() {
        return new PortalSyncSchema();
    }

    @Bean
    ConfigurerModule portalSyncRetriesOnFailure() {
        return configurer -> {
            for (String group : List.of(PortalSyncPublisher.PROCESSING_GROUP, NationalPortalPush.PROCESSING_GROUP)) {
                configurer.eventProcessing().registerListenerInvocationErrorHandler(group,
                        c -> PropagatingErrorHandler.instance());
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(NationalPortalClient.class)
    @ConditionalOnExpression(NationalPortalPush.CONFIGURED)
    NationalPortalClient httpNationalPortalClient(
            @Value("${motcua.portal-sync.national-portal.base-url}") String baseUrl,
            @Value("${motcua.portal-sync.national-portal.path:/dossiers}") String path,
            @Value("${motcua.portal-sync.national-portal.token:}") String token,
            @Value("${motcua.portal-sync.national-portal.timeout:15s}") Duration timeout, PortalSyncJson json) {
        return new HttpNationalPortalClient(baseUrl, path, token, timeout, json);
    }
}
