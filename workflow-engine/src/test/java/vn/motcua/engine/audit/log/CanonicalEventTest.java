package vn.motcua.engine.audit.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** RFC 8785 canonical bytes: what is covered, and what a re-encoding of the stored JSON does not change. */
class CanonicalEventTest {

    private static StoredEvent event(String payload) {
        return new StoredEvent("e-1", "000.00.16.H26-261122-0001", 2, "DossierAccepted", "2026-11-22T01:02:03.456Z",
                payload.getBytes(StandardCharsets.UTF_8));
    }

    private static final String PAYLOAD = """
            {"code":"000.00.16.H26-261122-0001","comment":"Hồ sơ đầy đủ","amount":1.0,
             "actor":{"id":"reception-hn","name":"Lê Thị Thu","role":"RECEPTION","unitId":"000.00.16.H26"}}""";

    @Test
    void coversEveryFieldInSortedKeysWithTheActorAndThePreviousHash() throws Exception {
        byte[] previous = Hashes.sha256(new byte[] {1});
        String canonical = new String(CanonicalEvent.bytes(event(PAYLOAD), previous), StandardCharsets.UTF_8);
        assertThat(canonical).isEqualTo("{\"actor\":{\"id\":\"reception-hn\",\"name\":\"Lê Thị Thu\",\"role\":\"RECEPTION\","
                + "\"unitId\":\"000.00.16.H26\"},\"aggregateId\":\"000.00.16.H26-261122-0001\",\"eventId\":\"e-1\","
                + "\"payload\":{\"actor\":{\"id\":\"reception-hn\",\"name\":\"Lê Thị Thu\",\"role\":\"RECEPTION\","
                + "\"unitId\":\"000.00.16.H26\"},\"amount\":1,\"code\":\"000.00.16.H26-261122-0001\","
                + "\"comment\":\"Hồ sơ đầy đủ\"},\"previousHash\":\"" + Hashes.hex(previous) + "\",\"sequence\":2,"
                + "\"time\":\"2026-11-22T01:02:03.456Z\",\"type\":\"DossierAccepted\",\"v\":1}");
    }

    @Test
    void reEncodingTheSameJsonKeepsTheHashAndAnyChangedValueChangesIt() throws Exception {
        String reordered = """
                { "actor" : {"unitId":"000.00.16.H26","role":"RECEPTION","name":"L\\u00ea Th\\u1ecb Thu","id":"reception-hn"},
                  "amount": 1, "comment":"Hồ sơ đầy đủ", "code":"000.00.16.H26-261122-0001" }""";
        assertThat(CanonicalEvent.hash(event(reordered), null)).isEqualTo(CanonicalEvent.hash(event(PAYLOAD), null));
        assertThat(CanonicalEvent.hash(event(PAYLOAD.replace("đầy", "đầY")), null))
                .isNotEqualTo(CanonicalEvent.hash(event(PAYLOAD), null));
        assertThat(CanonicalEvent.hash(event(PAYLOAD), new byte[32])).isNotEqualTo(CanonicalEvent.hash(event(PAYLOAD), null));
        StoredEvent other = new StoredEvent("e-1", "000.00.16.H26-261122-0001", 3, "DossierAccepted",
                "2026-11-22T01:02:03.456Z", PAYLOAD.getBytes(StandardCharsets.UTF_8));
        assertThat(CanonicalEvent.hash(other, null)).isNotEqualTo(CanonicalEvent.hash(event(PAYLOAD), null));
    }

    @Test
    void aPayloadThatIsNoLongerJsonIsReportedNotSwallowed() {
        byte[] broken = PAYLOAD.getBytes(StandardCharsets.UTF_8);
        broken[PAYLOAD.substring(0, PAYLOAD.indexOf("ồ")).getBytes(StandardCharsets.UTF_8).length] ^= 0x40;
        assertThatThrownBy(() -> CanonicalEvent.bytes(new StoredEvent("e", "a", 0, "t", "x", broken), null))
                .isInstanceOf(CanonicalEvent.UnreadablePayload.class);
    }
}
