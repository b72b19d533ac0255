package vn.motcua.engine.publication;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

/**
 * What the bus takes: a record is refused before it is sent when it is larger than the producer's
 * {@code max.request.size} (Kafka's default 1 MiB unless {@code spring.kafka.producer.properties.max.request.size}
 * says otherwise), measured as the producer measures it ({@link AbstractRecords#estimateSizeInBytesUpperBound}:
 * key, value, headers and the record batch's overhead). The limit is read from the producer's configuration on
 * each check, so an operator who raises it (and the topic's {@code max.message.bytes}) can retry a parked event.
 */
@Component
public class BusLimit {

    /** Kafka's default {@code max.request.size}. */
    static final int KAFKA_DEFAULT = 1024 * 1024;

    private final ProducerFactory<String, byte[]> producers;

    public BusLimit(ProducerFactory<String, byte[]> producers) {
        this.producers = producers;
    }

    /** The largest record, in bytes, the producer sends. */
    public int maxRecordBytes() {
        return parse(producers.getConfigurationProperties());
    }

    /** The size the producer will count for {@code record}. */
    public static int sizeOf(ProducerRecord<String, byte[]> record) {
        byte[] key = record.key() == null ? null : new StringSerializer().serialize(record.topic(), record.key());
        return AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE,
                key, record.value(), record.headers().toArray());
    }

    /** Refuses, with {@link UndeliverableEvent}, a record larger than the bus takes. */
    public void check(ProducerRecord<String, byte[]> record, String eventId) {
        int size = sizeOf(record);
        int limit = maxRecordBytes();
        if (size > limit) {
            throw new UndeliverableEvent("Event " + eventId + " is " + size + " bytes as a CloudEvent record, more"
                    + " than the bus takes (max.request.size " + limit + " bytes)");
        }
    }

    static int parse(Map<String, Object> configuration) {
        Object configured = configuration.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        return configured == null ? KAFKA_DEFAULT : Integer.parseInt(configured.toString().trim());
    }
}
