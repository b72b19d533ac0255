package vn.motcua.portal.health;

import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import vn.motcua.engine.publication.ParkedEvents;

/**
 * Parked events made visible (docs/reliability.md, "Poison events"): the health component {@code publication} is
 * {@value #WARN} while some aggregate has a parked event, naming each, and the gauge
 * {@code motcua.publication.parked} counts those aggregates. {@value #WARN} stands after {@code UP} in
 * {@code management.endpoint.health.status.order}, so the overall health stays {@code UP} (every other aggregate's
 * events flow) while the component shows what an operator has to mend.
 */
@Configuration(proxyBeanMethods = false)
public class ParkedEventsHealth {

    public static final String WARN = "WARN";
    private static final int NAMED = 20;

    @Bean
    HealthIndicator publicationHealthIndicator(ParkedEvents parked) {
        return () -> {
            List<ParkedEvents.ParkedEvent> events = parked.list();
            if (events.isEmpty()) {
                return Health.up().withDetail("parkedAggregates", 0).build();
            }
            return Health.status(new Status(WARN, "Có sự kiện bị giữ lại, không phát hành được / Events parked"))
                    .withDetail("parkedAggregates", events.size())
                    .withDetail("parked", events.stream().limit(NAMED).map(event -> Map.of(
                            "aggregateType", String.valueOf(event.aggregateType()),
                            "aggregateId", event.aggregateId(),
                            "sequence", event.sequence(),
                            "eventType", event.eventType(),
                            "since", event.since().toString(),
                            "reason", String.valueOf(event.reason()))).toList())
                    .build();
        };
    }

    @Bean
    MeterBinder parkedEventsMetric(ParkedEvents parked) {
        return registry -> Gauge.builder("motcua.publication.parked", parked, ParkedEvents::parkedAggregates)
                .description("Aggregates whose events the Kafka publisher parked (poison events)")
                .register(registry);
    }
}
