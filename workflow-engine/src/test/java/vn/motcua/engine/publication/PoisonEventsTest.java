package vn.motcua.engine.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import vn.motcua.engine.platform.AggregateType;
import vn.motcua.engine.platform.AggregateTypes;
import vn.motcua.engine.platform.EventTraces;

/**
 * The publisher parks what the bus will never take and only that. The producer here is Kafka's
 * {@link MockProducer}, which accepts records of any size: so an event parked for its size is parked by the
 * publisher's own check of the serialized CloudEvent against {@code max.request.size} ({@link BusLimit}), run inside
 * Axon's dead-lettering invoker with {@link PoisonPolicy} as the publisher runs in the application.
 */
class PoisonEventsTest {

    record Filed(String caseId, String unitId, String text, Instant at) {
    }

    private static final AggregateType<Filed> CASES = new AggregateType<>("case", "cases", "Case", Filed.class,
            Filed::caseId, "vụ việc");

    private final MockProducer<String, byte[]> kafka = new MockProducer<>(true, new StringSerializer(),
            new ByteArraySerializer());
    private final ProducerFactory<String, byte[]> producers = () -> kafka;
    private final SequencedDeadLetterQueue<EventMessage<?>> queue = InMemorySequencedDeadLetterQueue.defaultQueue();
    private final PoisonPolicy policy = new PoisonPolicy(() -> queue);

    @Test
    void theSizeCheckOfTheSerializedCloudEventParksAnOversizedEventAndItsAggregateWaitsBehindIt() throws Exception {
        DeadLetteringEventHandlerInvoker invoker = invoker(producers);
        assertThat(new BusLimit(producers).maxRecordBytes()).as("Kafka's default").isEqualTo(1024 * 1024);

        handle(invoker, event("A", 0, "x".repeat(1024 * 1024)));
        handle(invoker, event("B", 0, "Phản ánh ngắn"));
        handle(invoker, event("A", 1, "Bổ sung"));

        assertThat(kafka.history()).as("only the other aggregate's event went out").extracting(r -> r.key())
                .containsExactly("B");
        assertThat(queue.sequenceSize("A")).as("the oversized event and the one behind it").isEqualTo(2);
        DeadLetter<? extends EventMessage<?>> parked = queue.deadLetterSequence("A").iterator().next();
        assertThat(((DomainEventMessage<?>) parked.message()).getSequenceNumber()).isZero();
        assertThat(parked.cause().map(Cause::message).orElseThrow())
                .contains("more than the bus takes (max.request.size 1048576 bytes)");
        assertThat(PoisonPolicy.attempts(parked.diagnostics())).isEqualTo(1);
        assertThat(queue.contains("B")).isFalse();
    }

    @Test
    void aRecordTheBrokerRefusesFailsItsBatchOnceAndIsParkedWhenTheBatchIsRetried() throws Exception {
        MockProducer<String, byte[]> broker = new MockProducer<>(false, new StringSerializer(),
                new ByteArraySerializer());
        DeadLetteringEventHandlerInvoker invoker = invoker(() -> broker);
        DomainEventMessage<Filed> event = event("E", 0, "Phản ánh");

        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(event);
        invoker.handle(event, Segment.ROOT_SEGMENT);
        broker.errorNext(new RecordTooLargeException("The request included a message larger than the max message"
                + " size the server will accept"));
        assertThatThrownBy(batch::commit).as("the batch fails: its token is not moved")
                .hasRootCauseInstanceOf(RecordTooLargeException.class);
        assertThat(queue.contains("E")).isFalse();

        handle(invoker, event);

        assertThat(broker.history()).as("not sent a second time").hasSize(1);
        assertThat(queue.contains("E")).as("parked on the batch's retry").isTrue();
    }

    @Test
    void anOutageParksNothingItFailsTheBatchWhichIsRetriedFromItsToken() {
        DeadLetter<EventMessage<?>> fresh = new GenericDeadLetter<>("C", event("C", 0, "?"));
        TimeoutException outage = new TimeoutException("Topic not present in metadata after 10000 ms.");

        assertThatThrownBy(() -> policy.decide(fresh, new KafkaException("Send failed", outage))).hasCause(outage);
        assertThat(policy.decide(fresh, new KafkaException("Send failed", new RecordTooLargeException("too large")))
                .shouldEnqueue()).as("refused by Kafka for its size").isTrue();
        assertThat(queue.contains("C")).isFalse();
    }

    @Test
    void aParkedAggregateStaysParkedWhenItsRetryMeetsAnOutageAndTheAttemptIsCounted() {
        DomainEventMessage<Filed> event = event("D", 0, "?");
        queue.enqueue("D", new GenericDeadLetter<>("D", event, new UndeliverableEvent("too large"))
                .withDiagnostics(d -> d.and(PoisonPolicy.ATTEMPTS, 1)));
        DeadLetter<? extends EventMessage<?>> parked = queue.deadLetterSequence("D").iterator().next();

        var decision = policy.decide(parked, new TimeoutException("Expiring 1 record(s)"));

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(PoisonPolicy.attempts(decision.withDiagnostics(parked).diagnostics())).isEqualTo(2);
    }

    /** The publisher as the application runs it: inside Axon's dead-lettering invoker, with the poison policy. */
    private DeadLetteringEventHandlerInvoker invoker(ProducerFactory<String, byte[]> producer) {
        AggregateTypes types = new AggregateTypes(List.of(CASES), null);
        AggregateEventPublisher publisher = new AggregateEventPublisher(
                new AcknowledgedKafkaSends(new KafkaTemplate<>(producer), 5),
                new AggregateCloudEvents(new ObjectMapper().findAndRegisterModules()
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS), types, null),
                types, new EventTopics(new StandardEnvironment(), types), new BusLimit(producer),
                new EventTraces(Tracer.NOOP, Propagator.NOOP));
        return DeadLetteringEventHandlerInvoker.builder().eventHandlers(publisher).queue(queue)
                .enqueuePolicy(policy).transactionManager(NoTransactionManager.INSTANCE).build();
    }

    private static DomainEventMessage<Filed> event(String id, long sequence, String text) {
        return new GenericDomainEventMessage<>("Case", id, sequence, new Filed(id, "000.00.16.H26", text,
                Instant.parse("2026-01-05T02:00:00Z")));
    }

    private static void handle(DeadLetteringEventHandlerInvoker invoker, EventMessage<?> event) throws Exception {
        var result = DefaultUnitOfWork.startAndGet(event).executeWithResult(() -> {
            invoker.handle(event, Segment.ROOT_SEGMENT);
            return null;
        });
        if (result.isExceptional()) {
            throw new AssertionError(result.exceptionResult());
        }
    }
}
