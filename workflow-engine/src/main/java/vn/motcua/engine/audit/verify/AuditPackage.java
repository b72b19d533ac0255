package vn.motcua.engine.audit.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The audit package of one aggregate — a dossier, an official document, any registered type: one JSON file an inspector takes away and verifies offline, with nothing but
 * the root CA certificate obtained independently. It holds the events as stored, their seals, the
 * certificates and CRLs, the checkpoints that committed them and the newest one, the inclusion proof of
 * each event in the newest checkpoint, and a consistency proof from each older checkpoint to it. Hashes
 * are hex; signatures, certificates, CRLs, bodies and time-stamp tokens are base64 DER/bytes. Packages written
 * before documents were sealed name their dossier in {@code dossier}; they are read as {@code aggregateId}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditPackage(String format, String aggregateType,
                           @JsonAlias("dossier") String aggregateId, String exportedAt, String exportedBy,
                           List<Event> events, List<Leaf> leaves, Map<String, byte[]> certificates,
                           List<byte[]> crls, List<PackagedCheckpoint> checkpoints, Long headCheckpoint,
                           Map<Long, List<String>> inclusionProofs, Map<Long, List<String>> consistencyProofs) {

    public static final String FORMAT = "motcua-audit-package/1";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** An event as stored: the payload is the stored JSON. */
    public record Event(String eventId, String aggregateId, long sequence, String type, String time, JsonNode payload,
                        PackagedSeal seal) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PackagedSeal(String eventHash, String previousHash, byte[] signature, String algorithm,
                               String certificate, String sealedAs) {
    }

    /** Where the log's tree holds an event of this aggregate. */
    public record Leaf(long leafIndex, String eventId, long sequence, String eventHash) {
    }

    public record PackagedCheckpoint(long number, long previousTreeSize, long treeSize, String rootHash, byte[] body,
                                     byte[] signature, String algorithm, String certificate, byte[] timestampToken) {
    }

    public void write(OutputStream out) throws IOException {
        JSON.writeValue(out, this);
    }

    public byte[] toBytes() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static AuditPackage read(InputStream in) throws IOException {
        AuditPackage read = JSON.readValue(in, AuditPackage.class);
        if (!FORMAT.equals(read.format())) {
            throw new IOException("not a " + FORMAT + " file (format: " + read.format() + ")");
        }
        return read;
    }

    public static byte[] payloadBytes(JsonNode payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode parsePayload(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            // keep even an unreadable payload in the package, as a string, so that the verifier reports it
            return JSON.getNodeFactory().textNode(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
