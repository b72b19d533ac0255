package vn.motcua.engine.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.config.AggregateConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/** Collects the registered aggregate types, and observes their steps. */
@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

    @Bean
    AggregateTypes aggregateTypes(List<AggregateType<?>> types, JdbcTemplate jdbc) {
        return new AggregateTypes(types, jdbc);
    }

    @Bean
    EventTraces eventTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new EventTraces(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    /** A command handler interceptor bean: Axon's Spring Boot configuration puts it on the command bus. */
    @Bean
    StepObservations stepObservations(ObjectProvider<ObservationRegistry> registry, AggregateTypes types,
                                      List<StepTags> tenants, EventTraces traces,
                                      ObjectProvider<org.axonframework.config.Configuration> axon) {
        return new StepObservations(registry.getIfAvailable(() -> ObservationRegistry.NOOP), types, tenants, traces,
                () -> commandTypes(axon.getObject(), types));
    }

    @Bean
    SmartInitializingSingleton tracedEvents(EventStore eventStore, StepObservations steps) {
        return () -> eventStore.registerDispatchInterceptor(steps.eventInterceptor());
    }

    /** Which registered aggregate type handles each command, from Axon's model of every configured aggregate. */
    private static Map<Class<?>, String> commandTypes(org.axonframework.config.Configuration axon,
                                                      AggregateTypes types) {
        Map<Class<?>, String> byCommand = new HashMap<>();
        for (AggregateConfiguration<?> aggregate : axon.findModules(AggregateConfiguration.class)) {
            addCommands(aggregate.aggregateType(), axon, types, byCommand);
        }
        return byCommand;
    }

    private static <A> void addCommands(Class<A> aggregate, org.axonframework.config.Configuration axon,
                                        AggregateTypes types, Map<Class<?>, String> byCommand) {
        types.byStoredType(aggregate.getSimpleName()).ifPresent(type -> AnnotatedAggregateMetaModelFactory
                .inspectAggregate(aggregate, axon.parameterResolverFactory(), axon.handlerDefinition(aggregate))
                .commandHandlers(aggregate).map(MessageHandlingMember::payloadType)
                .forEach(command -> byCommand.put(command, type.name())));
    }
}
