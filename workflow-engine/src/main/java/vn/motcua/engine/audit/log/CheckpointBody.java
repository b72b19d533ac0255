package vn.motcua.engine.audit.log;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.erdtman.jcs.JsonCanonicalizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a checkpoint signs and has timestamped (RFC 8785 canonical JSON): the tree size and root hash after
 * it, the size before it, and the id and hash of every event it added, in leaf order. Listing the events
 * makes each checkpoint a timestamped commitment to those exact events, so a later rewrite of an event is
 * named even when whoever did it also rebuilt the tree and the hash chain; the root makes the log
 * append-only and gives inclusion and consistency proofs (RFC 9162). {@code sealingSince} is when sealing
 * began: a seal made "retroactively" for an event after that time is a forgery.
 */
public record CheckpointBody(String log, long number, long previousTreeSize, long treeSize, byte[] rootHash,
                             List<Entry> events, String sealingSince, String issuedAt) {

    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event added by the checkpoint, at leaf index {@code previousTreeSize + position}. */
    public record Entry(String eventId, byte[] eventHash) {
    }

    public CheckpointBody {
        events = List.copyOf(events);
        if (previousTreeSize + events.size() != treeSize) {
            throw new IllegalArgumentException("a checkpoint from " + previousTreeSize + " to " + treeSize
                    + " lists " + events.size() + " events");
        }
    }

    public byte[] canonical() {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("v", VERSION);
        document.put("log", log);
        document.put("number", number);
        document.put("previousTreeSize", previousTreeSize);
        document.put("treeSize", treeSize);
        document.put("rootHash", Hashes.hex(rootHash));
        ArrayNode list = document.putArray("events");
        for (Entry entry : events) {
            list.addArray().add(entry.eventId()).add(Hashes.hex(entry.eventHash()));
        }
        document.put("sealingSince", sealingSince);
        document.put("issuedAt", issuedAt);
        try {
            return new JsonCanonicalizer(JSON.writeValueAsBytes(document)).getEncodedUTF8();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CheckpointBody parse(byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node.path("v").asInt() != VERSION) {
                throw new IllegalArgumentException("unknown checkpoint format " + node.path("v"));
            }
            List<Entry> entries = new ArrayList<>();
            for (JsonNode entry : node.path("events")) {
                entries.add(new Entry(entry.get(0).asText(), Hashes.unhex(entry.get(1).asText())));
            }
            return new CheckpointBody(node.path("log").asText(), node.path("number").asLong(),
                    node.path("previousTreeSize").asLong(), node.path("treeSize").asLong(),
                    Hashes.unhex(node.path("rootHash").asText()), entries, node.path("sealingSince").asText(null),
                    node.path("issuedAt").asText());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a checkpoint body: " + e.getMessage(), e);
        }
    }
}
