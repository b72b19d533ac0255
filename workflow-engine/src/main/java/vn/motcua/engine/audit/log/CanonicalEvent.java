package vn.motcua.engine.audit.log;

import java.io.IOException;

import org.erdtman.jcs.JsonCanonicalizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one canonical encoding of a sealed event: an RFC 8785 (JSON Canonicalization Scheme) document
 * covering the event id, aggregate id, sequence number, type, time, actor, payload and the previous
 * event's hash. Canonicalisation is done by a library ({@code java-json-canonicalization}); the signed
 * meaning therefore survives a re-encoding of the stored JSON (key order, whitespace, number form),
 * while any change of a value changes the bytes. The event hash is SHA-256 of these bytes.
 */
public final class CanonicalEvent {

    /** Version of this encoding, inside the signed bytes so that a future one cannot be confused with it. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private CanonicalEvent() {
    }

    /** Thrown when a stored payload is not JSON at all (e.g. a byte flipped inside a UTF-8 sequence). */
    public static final class UnreadablePayload extends Exception {
        UnreadablePayload(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The canonical bytes, their SHA-256, and the payload facts the signer rules need, from one parse. */
    public record Canonical(byte[] bytes, byte[] hash, Facts facts) {
    }

    public static Canonical canonical(StoredEvent event, byte[] previousHash) throws UnreadablePayload {
        JsonNode payload;
        try {
            payload = JSON.readTree(event.payload());
        } catch (IOException e) {
            throw new UnreadablePayload("the stored payload is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (payload == null || payload.isMissingNode()) {
            throw new UnreadablePayload("the stored payload is empty", null);
        }
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("v", VERSION);
        document.put("eventId", event.eventId());
        document.put("aggregateId", event.aggregateId());
        document.put("sequence", event.sequence());
        document.put("type", event.type());
        document.put("time", event.time());
        JsonNode actor = payload.get("actor");
        document.set("actor", actor == null ? NullNode.instance : actor);
        document.set("payload", payload);
        document.put("previousHash", Hashes.hex(previousHash));
        byte[] bytes;
        try {
            bytes = new JsonCanonicalizer(JSON.writeValueAsBytes(document)).getEncodedUTF8();
        } catch (IOException | RuntimeException e) {
            throw new UnreadablePayload("the payload cannot be canonicalised (RFC 8785): " + e.getMessage(), e);
        }
        JsonNode actorNode = actor == null ? NullNode.instance : actor;
        Facts facts = new Facts(text(actorNode.get("id")), text(actorNode.get("name")), text(actorNode.get("role")), text(actorNode.get("unitId")),
                text(payload.get("unitId")));
        return new Canonical(bytes, Hashes.sha256(bytes), facts);
    }

    public static byte[] bytes(StoredEvent event, byte[] previousHash) throws UnreadablePayload {
        return canonical(event, previousHash).bytes();
    }

    public static byte[] hash(StoredEvent event, byte[] previousHash) throws UnreadablePayload {
        return canonical(event, previousHash).hash();
    }

    /** The few payload fields the signer rules need: who acted, in which role, and the dossier's unit. */
    public record Facts(String actorId, String actorName, String actorRole, String actorUnit, String unitId) {
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
