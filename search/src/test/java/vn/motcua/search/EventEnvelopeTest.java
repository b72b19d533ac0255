package vn.motcua.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The CloudEvents 1.0 JSON the engine publishes, read back. */
class EventEnvelopeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsTheEnginesCloudEvent() throws Exception {
        EventEnvelope event = EventEnvelope.fromCloudEvent(JSON.readTree("""
                {"specversion":"1.0","id":"7f0c","source":"urn:motcua:unit:000.00.16.H26",
                 "type":"vn.motcua.dossier.DossierAccepted","subject":"000.00.16.H26-260301-0001",
                 "time":"2026-03-01T08:00:00+07:00","datacontenttype":"application/json","sequence":"12",
                 "status":"ACCEPTED",
                 "data":{"code":"000.00.16.H26-260301-0001","appointedReturnDate":"2026-03-05"}}"""), "dossier");

        assertThat(event.eventId()).isEqualTo("7f0c");
        assertThat(event.aggregateType()).isEqualTo("dossier");
        assertThat(event.status()).isEqualTo("ACCEPTED");
        assertThat(event.aggregateId()).isEqualTo("000.00.16.H26-260301-0001");
        assertThat(event.type()).isEqualTo("DossierAccepted");
        assertThat(event.sequence()).isEqualTo(12);
        assertThat(event.time()).isEqualTo(Instant.parse("2026-03-01T01:00:00Z"));
        assertThat(event.data().get("appointedReturnDate").asText()).isEqualTo("2026-03-05");
    }

    @Test
    void refusesWhatCannotBeOrdered() throws Exception {
        JsonNode noSequence = JSON.readTree("""
                {"specversion":"1.0","id":"1","type":"vn.motcua.dossier.DossierRefused","subject":"X",
                 "time":"2026-03-01T01:00:00Z","data":{"code":"X"}}""");
        JsonNode notCloudEvent = JSON.readTree("""
                {"id":"1","type":"DossierRefused","subject":"X","sequence":"1","data":{"code":"X"}}""");
        assertThatThrownBy(() -> EventEnvelope.fromCloudEvent(noSequence, "dossier"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sequence");
        assertThatThrownBy(() -> EventEnvelope.fromCloudEvent(notCloudEvent, "dossier"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CloudEvents");
    }
}
