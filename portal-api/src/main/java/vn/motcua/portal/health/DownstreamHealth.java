package vn.motcua.portal.health;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import com.mongodb.client.MongoClient;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import vn.motcua.engine.audit.AuditStartup;
import vn.motcua.engine.audit.Sealing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

/**
 * Health of each component downstream of the event store, for operators. A component being down
 * does not stop the service (submissions and decisions wait in the event store), so these take part in
 * {@code /actuator/health} but not in the readiness group. The {@code eventProcessors} entry shows how
 * many events each processor still has to deliver.
 */
@Configuration(proxyBeanMethods = false)
public class DownstreamHealth {

    @Bean
    HealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return () -> {
            Map<String, Object> settings = new java.util.HashMap<>(admin.getConfigurationProperties());
            settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
            settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
            try (AdminClient client = AdminClient.create(settings)) {
                String cluster = client.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                        .clusterId().get(3, TimeUnit.SECONDS);
                return Health.up().withDetail("clusterId", cluster).build();
            } catch (Exception e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }

    @Bean
    HealthIndicator mongoHealthIndicator(MongoClient client) {
        return () -> {
            try {
                client.getDatabase("admin").runCommand(new Document("ping", 1));
                return Health.up().build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }

    @Bean
    HealthIndicator elasticsearchHealthIndicator(ElasticsearchClient client) {
        return () -> {
            try {
                return client.ping().value() ? Health.up().build() : Health.down().build();
            } catch (Exception e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }

    @Bean
    HealthIndicator eventProcessorsHealthIndicator(EventProcessingConfiguration processing, EventStore eventStore) {
        return () -> {
            TrackingToken head = eventStore.createHeadToken();
            long headPosition = head == null ? 0 : head.position().orElse(0);
            Health.Builder health = Health.up();
            processing.eventProcessors().forEach((name, processor) -> {
                if (processor instanceof TrackingEventProcessor tracking) {
                    long behind = tracking.processingStatus().values().stream()
                            .mapToLong(status -> status.getTrackingToken() == null ? headPosition
                                    : headPosition - status.getTrackingToken().position().orElse(0))
                            .max().orElse(headPosition);
                    boolean failing = tracking.processingStatus().values().stream().anyMatch(s -> s.isErrorState());
                    health.withDetail(name, Map.of("running", tracking.isRunning(), "error", failing,
                            "behind", Math.max(0, behind)));
                }
            });
            return health.build();
        };
    }

    /**
     * DOWN while some aggregate's stored events could not be sealed at start (each named, with the reason): the
     * service goes on for every other aggregate, and the operator sees what to mend.
     */
    @Bean
    HealthIndicator sealingHealthIndicator(AuditStartup audit) {
        return () -> {
            Sealing.Backlog backlog = audit.backlog();
            Health.Builder health = backlog.failures().isEmpty() ? Health.up() : Health.down()
                    .withDetail("unsealed", backlog.failures());
            return health.withDetail("sealedLateAtStart", backlog.sealed()).build();
        };
    }

    @Bean
    MeterBinder unsealedAggregatesMetric(AuditStartup audit) {
        return registry -> Gauge.builder("motcua.audit.unsealed.aggregates", audit,
                        startup -> startup.backlog().failures().size())
                .description("Aggregates whose stored events could not be sealed at start").register(registry);
    }
}
