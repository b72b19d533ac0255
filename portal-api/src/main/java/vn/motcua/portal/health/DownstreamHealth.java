package vn.motcua.portal.health;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.axonframework.config.EventProcessingConfiguration;
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
    ProcessorLag processorLag(EventProcessingConfiguration processing, EventStore eventStore) {
        return new ProcessorLag(processing, eventStore);
    }

    @Bean
    HealthIndicator eventProcessorsHealthIndicator(ProcessorLag lag) {
        return () -> {
            Health.Builder health = Health.up();
            lag.now().forEach((name, processor) -> health.withDetail(name, Map.of("running", processor.running(),
                    "error", processor.error(), "behind", processor.behind())));
            return health.build();
        };
    }

    /**
     * {@code motcua.processor.behind{processor=…}}: the events each tracking processor still has to handle (the
     * health entry's {@code behind}), and {@code motcua.processor.errors{processor=…}}: 1 while a segment is in error.
     */
    @Bean
    MeterBinder processorLagMetrics(ProcessorLag lag) {
        return registry -> lag.now().keySet().forEach(name -> {
            Gauge.builder("motcua.processor.behind", lag, l -> l.recent().getOrDefault(name,
                            new ProcessorLag.Lag(false, false, 0)).behind())
                    .tag("processor", name).baseUnit("events")
                    .description("Events between the head of the event store and the processor's token")
                    .register(registry);
            Gauge.builder("motcua.processor.errors", lag, l -> l.recent().containsKey(name)
                            && l.recent().get(name).error() ? 1 : 0)
                    .tag("processor", name)
                    .description("1 while a segment of the tracking processor is in error (it retries with back-off)")
                    .register(registry);
        });
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
