package vn.motcua.engine.publication;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The publisher's dead-letter queue: Axon's {@link JdbcSequencedDeadLetterQueue} for the processing group
 * {@value AggregateEventPublisher#PROCESSING_GROUP}, in the table {@code dead_letter_entry} that Flyway creates
 * ({@code db/migration/V50__publication_dead_letters.sql}; snake_case names as for the event store), sequenced per
 * aggregate (Axon's default {@code SequentialPerAggregatePolicy}), with {@link PoisonPolicy} deciding what is parked.
 * Registering a queue makes Axon wrap the group's handlers in its {@code DeadLetteringEventHandlerInvoker}.
 */
@Configuration(proxyBeanMethods = false)
public class ParkingConfiguration {

    /** At most this many aggregates parked at once; one more fails its batch (retried) rather than being lost. */
    static final int MAX_PARKED_AGGREGATES = 1024;
    /** At most this many events of one aggregate waiting behind its parked event. */
    static final int MAX_EVENTS_PER_AGGREGATE = 10_000;

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_identifier")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    @Bean
    ConfigurerModule publisherParksPoisonEvents(ConnectionProvider connections, TransactionManager transactions,
                                                DeadLetterSchema schema) {
        String group = AggregateEventPublisher.PROCESSING_GROUP;
        return configurer -> configurer.eventProcessing()
                .registerDeadLetterQueue(group, c -> JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(group)
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .schema(schema)
                        .genericSerializer(c.serializer())
                        .eventSerializer(c.eventSerializer())
                        .maxSequences(MAX_PARKED_AGGREGATES)
                        .maxSequenceSize(MAX_EVENTS_PER_AGGREGATE)
                        .build())
                .registerDeadLetterPolicy(group, c -> new PoisonPolicy(() -> c.eventProcessingConfiguration()
                        .deadLetterQueue(group).orElseThrow()));
    }
}
