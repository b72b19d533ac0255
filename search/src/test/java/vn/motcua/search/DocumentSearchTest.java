package vn.motcua.search;

import vn.motcua.search.support.PublishedDocumentStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.motcua.search.support.SearchIntegrationTest;

/**
 * Official documents reach the {@code documents} index from their CloudEvents, are found without
 * diacritics within the official's unit, and indexing is idempotent by sequence.
 */
class DocumentSearchTest extends SearchIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private DocumentIndexer documentIndexer;
    @Autowired
    private DocumentIndex documentIndex;
    @Autowired
    private DocumentSearch documentSearch;

    private final String unit = unique("unit-doc");

    @Test
    void outgoingDocumentIsFoundWithoutDiacriticsInItsUnitOnly() {
        Story story = new Story(unit).drafted("Quyết định về việc kiểm tra cơ sở kinh doanh mỹ phẩm", "SYT");
        index(story.events);

        assertThat(ids(documentSearch.search("kiểm tra mỹ phẩm", null, null, unit, 0, 20))).containsExactly(story.id);
        assertThat(ids(documentSearch.search("KIEM TRA my pham", null, null, unit, 0, 20))).containsExactly(story.id);
        assertThat(ids(documentSearch.search("kiem tra my ph", "DRAFT", "OUTGOING", unit, 0, 20)))
                .containsExactly(story.id);
        assertThat(ids(documentSearch.search("kiem tra my pham", "ISSUED", null, unit, 0, 20))).isEmpty();
        assertThat(ids(documentSearch.search("kiem tra my pham", null, "INCOMING", unit, 0, 20))).isEmpty();
        assertThat(ids(documentSearch.search("kiem tra my pham", null, null, unique("other-unit"), 0, 20))).isEmpty();
        assertThat(ids(documentSearch.search("kiem tra my pham", null, null, null, 0, 100))).contains(story.id);
    }

    @Test
    void statusNumberAndDatesFollowTheEvents() {
        Story story = new Story(unit).drafted("Công văn về việc báo cáo định kỳ", "SYT").then("SubmittedForReview")
                .then("ReviewApproved").then("DocumentSigned").numbered("07/QĐ-SYT", "2026-05-04").then("AgencySealed")
                .then("DocumentIssued");
        index(story.events);

        DocumentHit hit = only(documentSearch.search("07/QĐ-SYT", null, null, unit, 0, 20));
        assertThat(hit.status()).isEqualTo("ISSUED");
        assertThat(hit.numberSymbol()).isEqualTo("07/QĐ-SYT");
        assertThat(hit.issuedOn()).hasToString("2026-05-04");
        assertThat(hit.direction()).isEqualTo("OUTGOING");
        assertThat(hit.version()).isEqualTo(6);
    }

    @Test
    void incomingDocumentIsFoundByItsIssuer() {
        Story story = new Story(unit).received("Bộ Y tế", "123/BYT-QLD", "Về việc tăng cường quản lý mỹ phẩm")
                .registered(42, "2026-05-05");
        index(story.events);

        DocumentHit hit = only(documentSearch.search("bo y te", "REGISTERED", "INCOMING", unit, 0, 20));
        assertThat(hit.documentId()).isEqualTo(story.id);
        assertThat(hit.numberSymbol()).isEqualTo("123/BYT-QLD");
        assertThat(hit.arrivalNumber()).isEqualTo(42);
        assertThat(hit.receivedOn()).hasToString("2026-05-05");
        assertThat(hit.issuer()).isEqualTo("Bộ Y tế");
    }

    @Test
    void redeliveredLateAndShuffledEventsChangeNothing() {
        Story story = new Story(unit).drafted("Kế hoạch thanh tra năm", "SYT").then("SubmittedForReview")
                .then("DraftReturned");
        List<EventEnvelope> shuffled = new ArrayList<>(story.events);
        Collections.reverse(shuffled);

        IndexingResult once = index(shuffled);
        DocumentHit afterOnce = only(documentSearch.search("ke hoach thanh tra", null, null, unit, 0, 20));
        IndexingResult twice = index(story.events);
        IndexingResult late = index(List.of(story.events.get(1)));

        assertThat(once).isEqualTo(new IndexingResult(3, 0, 0));
        assertThat(twice).isEqualTo(new IndexingResult(0, 3, 0));
        assertThat(late).isEqualTo(new IndexingResult(0, 1, 0));
        DocumentHit hit = only(documentSearch.search("ke hoach thanh tra", null, null, unit, 0, 20));
        assertThat(hit).isEqualTo(afterOnce);
        assertThat(hit.status()).isEqualTo("RETURNED");
        assertThat(hit.version()).isEqualTo(2);
    }

    @Test
    void readsTheCloudEventJsonAndRefusesOtherEvents() throws Exception {
        ObjectNode cloudEvent = new Story(unit).cloudEvent("DocumentArchived", JSON.createObjectNode(), 3);
        EventEnvelope envelope = EventEnvelope.fromCloudEvent(JSON.readTree(cloudEvent.toString()), "document");
        assertThat(envelope.type()).isEqualTo("DocumentArchived");
        assertThat(envelope.sequence()).isEqualTo(3);
        cloudEvent.put("type", EventEnvelope.typePrefix("dossier") + "DossierSubmitted");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> EventEnvelope.fromCloudEvent(cloudEvent, "document"));
    }

    private IndexingResult index(List<EventEnvelope> events) {
        IndexingResult result = documentIndexer.index(events);
        documentIndex.refresh();
        return result;
    }

    private static List<String> ids(SearchPage<DocumentHit> page) {
        return page.hits().stream().map(DocumentHit::documentId).toList();
    }

    private static DocumentHit only(SearchPage<DocumentHit> page) {
        assertThat(page.hits()).hasSize(1);
        assertThat(page.total()).isEqualTo(1);
        return page.hits().get(0);
    }

    /** The events of one document, written as the e-office publisher writes them. */
    private static final class Story {

        final String id = UUID.randomUUID().toString();
        final String unitId;
        final List<EventEnvelope> events = new ArrayList<>();
        private Instant at = Instant.parse("2026-05-04T02:00:00Z");

        Story(String unitId) {
            this.unitId = unitId;
        }

        Story drafted(String subject, String issuer) {
            ObjectNode data = data();
            data.put("agencyId", "000.00.16.H26");
            data.put("unitId", unitId);
            ObjectNode metadata = data.putObject("metadata");
            metadata.put("subject", subject);
            metadata.put("type", "DECISION");
            metadata.put("issuerAbbreviation", issuer);
            metadata.put("signerName", "Đặng Quốc Việt");
            return add("DocumentDrafted", data);
        }

        Story numbered(String symbol, String issuedOn) {
            ObjectNode data = data();
            data.put("number", 7);
            data.put("formattedNumber", "07");
            data.put("symbol", symbol);
            data.put("issuedOn", issuedOn);
            return add("NumberAssigned", data);
        }

        Story received(String sender, String numberSymbol, String subject) {
            ObjectNode data = data();
            data.put("agencyId", "000.00.16.H26");
            ObjectNode metadata = data.putObject("metadata");
            metadata.put("senderName", sender);
            metadata.put("numberSymbol", numberSymbol);
            metadata.put("issuedOn", "2026-05-01");
            metadata.put("subject", subject);
            metadata.put("type", "LETTER");
            return add("DocumentReceived", data);
        }

        Story registered(int number, String arrivedOn) {
            ObjectNode data = data();
            data.put("arrivalNumber", number);
            data.put("formattedNumber", Integer.toString(number));
            data.put("arrivedOn", arrivedOn);
            return add("ArrivalRegistered", data);
        }

        Story then(String type) {
            return add(type, data());
        }

        private ObjectNode data() {
            ObjectNode data = JSON.createObjectNode();
            data.put("documentId", id);
            ObjectNode actor = data.putObject("actor");
            actor.put("id", "specialist-" + unitId);
            actor.put("role", "SPECIALIST");
            actor.put("unitId", unitId);
            data.put("at", at.toString());
            return data;
        }

        private Story add(String type, ObjectNode data) {
            events.add(EventEnvelope.fromCloudEvent(cloudEvent(type, data, events.size()), "document"));
            at = at.plus(Duration.ofHours(1));
            return this;
        }

        ObjectNode cloudEvent(String type, ObjectNode data, long sequence) {
            ObjectNode cloudEvent = JSON.createObjectNode();
            cloudEvent.put("specversion", "1.0");
            cloudEvent.put("id", UUID.randomUUID().toString());
            cloudEvent.put("source", "urn:motcua:unit:" + unitId);
            cloudEvent.put("type", EventEnvelope.typePrefix("document") + type);
            cloudEvent.put("subject", id);
            cloudEvent.put("time", at.toString());
            cloudEvent.put("datacontenttype", "application/json");
            cloudEvent.put("sequence", Long.toString(sequence));
            if (PublishedDocumentStatus.after(type) != null) {
                cloudEvent.put("status", PublishedDocumentStatus.after(type));
            }
            cloudEvent.set("data", data);
            return cloudEvent;
        }
    }
}
