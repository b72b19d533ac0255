package vn.motcua.portal.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.engine.audit.crypto.DevPki;
import vn.motcua.engine.audit.crypto.Signer;
import vn.motcua.eoffice.signing.PadesSigner;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.DocumentIntegrationTest;

/**
 * Registers per issuing unit and kind (Decree 30/2020 Art. 15): an outgoing document takes its number from the
 * register of its issuing unit for its kind — decisions, letters and the other kinds each in their own by default —
 * and the clerk (and inspectors) list a register for a year with its entries.
 */
class DocumentRegisterBookTest extends DocumentIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String BYT = "000.00.00.G01";

    private static final String DRAFT = """
            {"metadata":{"subject":"%s","type":"%s","urgency":"NORMAL","secrecy":"NONE","pageCount":1,
             "signerPosition":"Phó Giám đốc","signerName":"%s","issuerAbbreviation":"SYT",
             "recipients":[{"id":"000.00.16.H26.VP","name":"Văn phòng Sở","kind":"INTERNAL_UNIT"},
                            {"id":"000.00.00.G01","name":"Bộ Y tế","kind":"EXTERNAL_AGENCY"}]}}""";

    @Autowired
    private PadesSigner pades;
    @Autowired
    private DevPki pki;

    @Test
    void decisionsLettersAndEachIssuingUnitRunIndependentRegistersThatTheClerkLists() {
        String decisions = "OUTGOING:" + HANOI + ":QD";
        String letters = "OUTGOING:" + HANOI + ":CV";
        JsonNode decision = numbered("hn", "DECISION", "Quyết định về việc kiểm tra nhà thuốc " + UUID.randomUUID());
        JsonNode letter = numbered("hn", "LETTER", "Về việc báo cáo số liệu tiêm chủng " + UUID.randomUUID());
        JsonNode secondDecision = numbered("hn", "DECISION", "Quyết định thành lập đoàn kiểm tra " + UUID.randomUUID());
        JsonNode hcmDecision = numbered("hcm", "DECISION", "Quyết định về việc thanh tra " + UUID.randomUUID());

        assertThat(decision.get("numberSymbol").asText()).matches("\\d{2,}/QĐ-SYT");
        assertThat(letter.get("numberSymbol").asText()).matches("\\d{2,}/SYT");
        assertThat(secondDecision.get("number").asInt()).as("the decision register, not the letters'")
                .isEqualTo(decision.get("number").asInt() + 1);

        int year = LocalDate.now(VIETNAM).getYear();
        JsonNode decisionRegister = awaitEntry("clerk-hn", decisions, year, secondDecision);
        List<Integer> numbers = new ArrayList<>();
        decisionRegister.get("entries").forEach(entry -> numbers.add(entry.get("number").asInt()));
        assertThat(numbers).as("consecutive from 01, no gap, no other kind")
                .isEqualTo(IntStream.rangeClosed(1, numbers.size()).boxed().toList());
        assertThat(decisionRegister.get("entries").findValuesAsText("documentId"))
                .contains(decision.get("documentId").asText(), secondDecision.get("documentId").asText())
                .doesNotContain(letter.get("documentId").asText(), hcmDecision.get("documentId").asText());
        assertThat(decisionRegister.get("labelVi").asText()).contains("Quyết định");
        JsonNode entry = entryOf(decisionRegister, decision);
        assertThat(entry.get("numberSymbol").asText()).isEqualTo(decision.get("numberSymbol").asText());
        assertThat(entry.get("formattedNumber").asText()).matches("\\d{2,}");
        assertThat(entry.get("date").asText()).isEqualTo(decision.get("issuedOn").asText());
        assertThat(entry.get("subject").asText()).isEqualTo(decision.get("subject").asText());
        assertThat(entry.get("signer").asText()).as("the signatory's title lines, signing on the head's behalf")
                .isEqualTo("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC Đặng Quốc Việt");
        assertThat(entry.get("recipients").findValuesAsText("")).isEmpty();
        List<String> recipients = new ArrayList<>();
        entry.get("recipients").forEach(name -> recipients.add(name.asText()));
        assertThat(recipients).containsExactly("Văn phòng Sở", "Bộ Y tế");

        JsonNode letterRegister = awaitEntry("clerk-hn", letters, year, letter);
        assertThat(letterRegister.get("entries").findValuesAsText("documentId"))
                .doesNotContain(decision.get("documentId").asText());
        JsonNode hcmRegister = awaitEntry("clerk-hcm", "OUTGOING:" + HCMC + ":QD", year, hcmDecision);
        assertThat(hcmRegister.get("entries").get(0).get("number").asInt()).as("another issuing unit from 01")
                .isEqualTo(1);
        assertThat(hcmRegister.get("entries").findValuesAsText("documentId"))
                .doesNotContain(decision.get("documentId").asText());

        // who may read a register: the unit's clerk and inspectors
        assertThat(as("inspector").get(path(decisions, year)).json().get("entries").findValuesAsText("documentId"))
                .contains(decision.get("documentId").asText());
        assertThat(as("specialist-hn").get(path(decisions, year)).status()).isEqualTo(403);
        assertThat(as("leader-hn").get(path(decisions, year)).status()).isEqualTo(403);
        assertThat(as("citizen-a").get(path(decisions, year)).status()).isEqualTo(403);
        assertThat(as("clerk-hcm").get(path(decisions, year)).status()).as("another unit's register").isEqualTo(404);
        assertThat(as("clerk-hn").get(path(decisions, year - 1)).json().get("entries")).isEmpty();

        Api.Response names = as("clerk-hn").get("/api/v1/documents/registers");
        assertThat(names.status()).as(names.toString()).isEqualTo(200);
        assertThat(names.json().findValuesAsText("register")).containsExactly(decisions, letters,
                "OUTGOING:" + HANOI + ":VB", "INCOMING:" + HANOI);
        assertThat(as("inspector").get("/api/v1/documents/registers").json().findValuesAsText("register"))
                .contains(decisions, "OUTGOING:" + HCMC + ":QD");
    }

    @Test
    void theArrivalRegisterListsIncomingDocumentsAndABadRequestNamesItsField() {
        String numberSymbol = "%d/BYT-KCB".formatted(System.nanoTime() % 100000);
        JsonNode received = received(numberSymbol);
        int year = LocalDate.now(VIETNAM).getYear();
        JsonNode register = awaitEntry("clerk-hn", "INCOMING:" + HANOI, year, received);
        JsonNode entry = entryOf(register, received);
        assertThat(entry.get("number").asInt()).isEqualTo(received.get("arrivalNumber").asInt());
        assertThat(entry.get("date").asText()).isEqualTo(received.get("arrivedOn").asText());
        assertThat(entry.get("sender").asText()).isEqualTo("Bộ Y tế");
        assertThat(entry.get("numberSymbol").asText()).isEqualTo(numberSymbol);
        assertThat(entry.get("subject").asText()).isEqualTo("Về việc báo cáo công tác khám chữa bệnh");

        Api.Response badName = as("clerk-hn").get("/api/v1/documents/registers/SOMETHING?year=" + year);
        assertThat(badName.status()).as(badName.toString()).isEqualTo(400);
        assertThat(badName.text()).contains("register");
        Api.Response badYear = as("clerk-hn").get("/api/v1/documents/registers/INCOMING:" + HANOI + "?year=abc");
        assertThat(badYear.status()).as(badYear.toString()).isEqualTo(400);
        assertThat(badYear.text()).contains("year");
    }

    private JsonNode awaitEntry(String clerk, String register, int year, JsonNode document) {
        String id = document.get("documentId").asText();
        JsonNode[] found = new JsonNode[1];
        await().atMost(PATIENCE).untilAsserted(() -> {
            Api.Response listing = as(clerk).get(path(register, year));
            assertThat(listing.status()).as(listing.toString()).isEqualTo(200);
            assertThat(listing.json().get("entries").findValuesAsText("documentId")).contains(id);
            found[0] = listing.json();
        });
        return found[0];
    }

    private static JsonNode entryOf(JsonNode register, JsonNode document) {
        for (JsonNode entry : register.get("entries")) {
            if (entry.get("documentId").asText().equals(document.get("documentId").asText())) {
                return entry;
            }
        }
        throw new AssertionError("no entry for " + document);
    }

    private static String path(String register, int year) {
        return "/api/v1/documents/registers/" + register + "?year=" + year;
    }

    /** An outgoing document of the unit ({@code hn} or {@code hcm}) drafted, reviewed, signed and numbered. */
    private JsonNode numbered(String unit, String type, String subject) {
        String signer = unit.equals("hn") ? "Đặng Quốc Việt" : "Bùi Thanh Sơn";
        Api.Response created = as("specialist-" + unit).multipart("/api/v1/documents/outgoing", parts -> {
            parts.part("document", DRAFT.formatted(subject, type, signer), MediaType.APPLICATION_JSON);
            parts.part("file", Api.file("du-thao.pdf", pdf("Du thao " + UUID.randomUUID())), MediaType.APPLICATION_PDF);
        });
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("documentId").asText();
        complete("specialist-" + unit, id, "doc_draft", "{\"outcome\":\"SUBMIT\"}");
        complete("unit-head-" + unit, id, "doc_review", "{\"outcome\":\"APPROVE\"}");
        complete("leader-" + unit, id, "doc_sign", "{\"outcome\":\"SIGN\"}");
        JsonNode numbered = complete("clerk-" + unit, id, "doc_number", "{\"outcome\":\"NUMBER\"}");
        assertThat(numbered.get("status").asText()).isEqualTo("NUMBERED");
        return numbered;
    }

    private JsonNode received(String numberSymbol) {
        pki.enrolSeal(BYT, "Bộ Y tế");
        byte[] signed = pades.sign(pdf("Cong van " + numberSymbol), new PadesSigner.Request(Signer.sealAlias(BYT),
                PadesSigner.Level.B_T, new PadesSigner.Appearance.Invisible(), "Ban hành", "Hà Nội"));
        Api.Response received = as("clerk-hn").multipart("/api/v1/documents/incoming", parts -> {
            parts.part("document", """
                    {"metadata":{"senderAgencyId":"000.00.00.G01","senderName":"Bộ Y tế","numberSymbol":"%s",
                     "issuedOn":"%s","subject":"Về việc báo cáo công tác khám chữa bệnh","type":"LETTER",
                     "urgency":"NORMAL","secrecy":"NONE","pageCount":1}}""".formatted(numberSymbol,
                    LocalDate.now(VIETNAM).minusDays(2)), MediaType.APPLICATION_JSON);
            parts.part("file", Api.file("cong-van.pdf", signed), MediaType.APPLICATION_PDF);
        });
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        return received.json();
    }
}
