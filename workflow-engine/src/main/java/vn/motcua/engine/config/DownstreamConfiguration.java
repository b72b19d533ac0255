package vn.motcua.engine.config;

import java.util.List;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import com.mongodb.ConnectionString;

import vn.motcua.engine.embedded.EmbeddedKafkaBroker;
import vn.motcua.engine.embedded.EmbeddedMongoServer;
import vn.motcua.engine.publication.AggregateEventPublisher;
import vn.motcua.engine.publication.EventTopics;
import vn.motcua.engine.readmodel.MongoReadModels;
import vn.motcua.engine.readmodel.ReadModelDurability;

/**
 * Everything downstream of the event store: the Kafka topics the events flow to and the MongoDB read
 * models, with the embedded default's broker and server. Their processors propagate errors, so an
 * outage stops them at their last token and they retry until the component is back: delayed, never lost.
 */
@Configuration(proxyBeanMethods = false)
public class DownstreamConfiguration {

    /** One topic a registered aggregate type ({@link EventTopics}). */
    @Bean
    KafkaAdmin.NewTopics aggregateEventTopics(EventTopics topics) {
        return topics.newTopics();
    }

    /** The embedded server writes its file when told to; a real MongoDB by its write concern. */
    @Bean
    ReadModelDurability readModelDurability(ObjectProvider<EmbeddedMongoServer> embedded) {
        EmbeddedMongoServer server = embedded.getIfAvailable();
        return server == null ? ReadModelDurability.BY_WRITE_CONCERN : server::writeToDisk;
    }

    @Bean
    ConfigurerModule downstreamProcessorsRetryOnFailure() {
        return configurer -> {
            for (String group : List.of(AggregateEventPublisher.PROCESSING_GROUP, MongoReadModels.PROCESSING_GROUP)) {
                configurer.eventProcessing().registerListenerInvocationErrorHandler(group,
                        c -> PropagatingErrorHandler.instance());
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "motcua.kafka.embedded", havingValue = "true", matchIfMissing = true)
    static class EmbeddedKafka {

        @Bean(initMethod = "start", destroyMethod = "close")
        EmbeddedKafkaBroker embeddedKafkaBroker(MotcuaProperties properties) {
            return new EmbeddedKafkaBroker(properties.dataDir().resolve("kafka"));
        }

        @Bean
        KafkaConnectionDetails kafkaConnectionDetails(EmbeddedKafkaBroker broker) {
            return () -> List.of(broker.bootstrapServers());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "motcua.mongodb.embedded", havingValue = "true", matchIfMissing = true)
    static class EmbeddedMongo {

        @Bean(initMethod = "start", destroyMethod = "close")
        EmbeddedMongoServer embeddedMongoServer(MotcuaProperties properties) {
            return new EmbeddedMongoServer(properties.dataDir().resolve("mongo"));
        }

        @Bean
        MongoConnectionDetails mongoConnectionDetails(EmbeddedMongoServer server) {
            return () -> new ConnectionString(server.connectionString()
                    + "?serverSelectionTimeoutMS=3000&connectTimeoutMS=2000");
        }
    }
}
