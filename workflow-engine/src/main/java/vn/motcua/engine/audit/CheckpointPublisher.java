package vn.motcua.engine.audit;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.engine.audit.crypto.Certificates;
import vn.motcua.engine.audit.log.Hashes;
import vn.motcua.engine.audit.verify.Checkpoint;

/**
 * Publishes each checkpoint to Kafka (topic {@code motcua.checkpoints}, key = the log's name), in order and
 * at least once: the copies other systems keep are witnesses that whoever controls the database cannot
 * recall. A checkpoint is marked published only once Kafka acknowledged it; an outage delays, loses nothing.
 */
public class CheckpointPublisher {

    private static final Logger log = LoggerFactory.getLogger(CheckpointPublisher.class);

    private final Checkpointer checkpoints;
    private final KafkaTemplate<String, byte[]> kafka;
    private final AuditRecords records;
    private final ObjectMapper mapper;
    private final String topic;

    public CheckpointPublisher(Checkpointer checkpoints, KafkaTemplate<String, byte[]> kafka, AuditRecords records,
                               ObjectMapper mapper, String topic) {
        this.checkpoints = checkpoints;
        this.kafka = kafka;
        this.records = records;
        this.mapper = mapper;
        this.topic = topic;
    }

    /** Publishes what is unpublished; returns how many were acknowledged. */
    public int publishPending() {
        int published = 0;
        for (Checkpoint checkpoint : checkpoints.unpublished(100)) {
            try {
                kafka.send(new ProducerRecord<>(topic, Checkpointer.LOG_NAME, message(checkpoint)))
                        .get(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return published;
            } catch (Exception e) {
                log.warn("Checkpoint {} not published yet (Kafka: {}); retrying later", checkpoint.number(), e.toString());
                return published;
            }
            checkpoints.markPublished(checkpoint.number());
            published++;
        }
        return published;
    }

    byte[] message(Checkpoint checkpoint) throws Exception {
        Base64.Encoder base64 = Base64.getEncoder();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("log", Checkpointer.LOG_NAME);
        message.put("number", checkpoint.number());
        message.put("previousTreeSize", checkpoint.previousTreeSize());
        message.put("treeSize", checkpoint.treeSize());
        message.put("rootHash", Hashes.hex(checkpoint.rootHash()));
        message.put("body", base64.encodeToString(checkpoint.body()));
        message.put("signature", base64.encodeToString(checkpoint.signature()));
        message.put("algorithm", checkpoint.algorithm());
        message.put("certificate", checkpoint.certificate());
        byte[] der = records.certificatesFor(java.util.Set.of(checkpoint.certificate())).get(checkpoint.certificate());
        if (der != null) {
            message.put("certificatePem", Certificates.pem(Certificates.parse(der)));
        }
        message.put("timestampToken", base64.encodeToString(checkpoint.timestampToken()));
        return mapper.writeValueAsBytes(message);
    }
}
