package vn.motcua.engine.publication;

import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import vn.motcua.engine.platform.AggregateType;
import vn.motcua.engine.platform.AggregateTypes;

/**
 * The Kafka topic of each registered aggregate type: {@link AggregateType#topic()}
 * ({@code motcua.dossier-events}, {@code motcua.document-events}) unless
 * {@code motcua.kafka.topics.<name>-events.name} says otherwise, with its
 * {@code partitions} (default 4) and {@code replication} (default 1) next to it.
 */
@Component
public class EventTopics {

    private final Environment environment;
    private final AggregateTypes types;

    public EventTopics(Environment environment, AggregateTypes types) {
        this.environment = environment;
        this.types = types;
    }

    public String topic(AggregateType<?> type) {
        return environment.getProperty(key(type, "name"), type.topic());
    }

    /** The topics to create at start-up, one a type. */
    public KafkaAdmin.NewTopics newTopics() {
        List<NewTopic> topics = types.all().stream().map(type -> new NewTopic(topic(type),
                environment.getProperty(key(type, "partitions"), Integer.class, 4),
                environment.getProperty(key(type, "replication"), Short.class, (short) 1))).toList();
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    private static String key(AggregateType<?> type, String property) {
        return "motcua.kafka.topics." + type.name() + "-events." + property;
    }
}
