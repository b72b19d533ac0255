package vn.motcua.engine.config;

import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.ConnectionString;

import vn.motcua.engine.embedded.EmbeddedKafkaBroker;
import vn.motcua.engine.embedded.EmbeddedMongoServer;
import vn.motcua.engine.publication.DossierEventPublisher;
import vn.motcua.engine.readmodel.MongoReadModels;

/**
 * Everything downstream of the event store: the Kafka topic the events flow to and the MongoDB read
 * models, with the embedded default's broker and server. Their processors propagate errors, so an
 * outage stops them at their last token and they retry until the component is back: delayed, never lost.
 */
@Configuration(proxyBeanMethods = false)
public class DownstreamConfiguration {

    @Bean
    NewTopic dossierEventsTopic(@Value("${motcua.kafka.topics.dossier-events.name}") String name,
                                @Value("${motcua.kafka.topics.dossier-events.partitions:4}") int partitions,
                                @Value("${motcua.kafka.topics.dossier-events.replication:1}") short replication) {
        return new NewTopic(name, partitions, replication);
    }

    @Bean
    ConfigurerModule downstreamProcessorsRetryOnFailure() {
        return configurer -> {
            for (String group : List.of(DossierEventPublisher.PROCESSING_GROUP, MongoReadModels.PROCESSING_GROUP)) {
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
