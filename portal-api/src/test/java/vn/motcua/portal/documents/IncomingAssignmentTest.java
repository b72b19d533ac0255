package vn.motcua.portal.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.engine.audit.crypto.DevPki;
import vn.motcua.engine.audit.crypto.Signer;
import vn.motcua.eoffice.signing.PadesSigner;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.DocumentIntegrationTest;
import vn.motcua.portal.support.TestJwt;

/**
 * The head of the lead unit assigns an incoming document to a handler of the unit with a due date (Decree 30/2020
 * Art. 24): the handler's task carries that due date, the rule's refusals name the field at fault, and the handling
 * sheet (Phiếu giải quyết văn bản đến) printed from the events shows each opinion with its author and time.
 */
class IncomingAssignmentTest extends DocumentIntegrationTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String BYT = "000.00.00.G01";

    private static final String INCOMING = """
            {"metadata":{"senderAgencyId":"000.00.00.G01","senderName":"Bộ Y tế","numberSymbol":"%s",
             "issuedOn":"%s","subject":"Về việc rà soát cơ sở kinh doanh thuốc không bảo đảm điều kiện",
             "type":"LETTER","urgency":"URGENT","secrecy":"NONE","pageCount":2}}""";

    @Autowired
    private PadesSigner pades;
    @Autowired
    private DevPki pki;

    @Test
    void theHeadOfTheLeadUnitAssignsAHandlerWhoseTaskIsDueOnTheAssignedDate() {
        String id = instructed("%d/BYT-QLD".formatted(System.nanoTime() % 100000), LocalDate.now(VIETNAM).plusDays(10));
        assertThat(openTasks("specialist-hn", id)).as("nothing to process before the assignment").isEmpty();
        assertThat(openTasks("unit-head-hn", id)).containsExactly("doc_assign");
        String assign = taskId("unit-head-hn", id, "doc_assign");
        assertThat(as("specialist-hn").postJson("/api/v1/tasks/" + assign + "/complete",
                "{\"outcome\":\"ASSIGN\",\"handlerId\":\"specialist-hn\",\"dueOn\":\"" + LocalDate.now(VIETNAM)
                        .plusDays(2) + "\"}").status()).as("a specialist does not assign").isEqualTo(404);

        Map<String, Integer> before = footprint();
        refused(assign(assign, "specialist-hn", LocalDate.now(VIETNAM).plusDays(11)), 409,
                "rule/ASSIGNED_DUE_DATE_WITHIN_LEADERS_DEADLINE", "dueOn");
        refused(assign(assign, "specialist-hn", LocalDate.now(VIETNAM).minusDays(1)), 409,
                "rule/ASSIGNED_DUE_DATE_WITHIN_LEADERS_DEADLINE", "dueOn");
        refused(assign(assign, "specialist-hcm", LocalDate.now(VIETNAM).plusDays(3)), 409,
                "rule/HANDLER_IS_SPECIALIST_OF_LEAD_UNIT", "handlerId");
        refused(assign(assign, "clerk-hn", LocalDate.now(VIETNAM).plusDays(3)), 409,
                "rule/HANDLER_IS_SPECIALIST_OF_LEAD_UNIT", "handlerId");
        refused(assign(assign, "nobody-" + UUID.randomUUID(), LocalDate.now(VIETNAM).plusDays(3)), 400,
                "invalid-input", "handlerId");
        assertThat(footprint()).as("a refused assignment writes nothing").isEqualTo(before);
        assertThat(openTasks("unit-head-hn", id)).containsExactly("doc_assign");

        LocalDate due = LocalDate.now(VIETNAM).plusDays(4);
        JsonNode assigned = complete("unit-head-hn", id, "doc_assign", """
                {"outcome":"ASSIGN","handlerId":"specialist-hn","dueOn":"%s",
                 "comment":"Đồng chí Đức rà soát, tham mưu văn bản trả lời"}""".formatted(due));
        assertThat(assigned.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(assigned.get("handlerId").asText()).isEqualTo("specialist-hn");
        assertThat(assigned.get("dueOn").asText()).isEqualTo(due.toString());

        JsonNode task = task("specialist-hn", id);
        assertThat(task.get("step").asText()).isEqualTo("doc_process");
        assertThat(task.get("assignee").asText()).isEqualTo("specialist-hn");
        assertThat(Instant.parse(task.get("dueAt").asText()))
                .as("the close of office hours on the assigned date, not the leader's deadline")
                .isEqualTo(due.atTime(17, 0).atZone(VIETNAM).toInstant());
        assertThat(task.get("deadline").asText()).isEqualTo("ON_TIME");

        Api colleague = bearer(TestJwt.token("specialist-hn-c", "Lê Văn Cường", List.of("specialist"), HANOI));
        assertThat(colleague.get("/api/v1/tasks?aggregateType=document").json().findValuesAsText("aggregateId"))
                .as("assigned to the handler, not to the unit").doesNotContain(id);
        Api.Response byColleague = colleague.postJson("/api/v1/tasks/" + task.get("id").asText() + "/complete",
                "{\"outcome\":\"PROCESS\"}");
        assertThat(byColleague.status()).as(byColleague.toString()).isEqualTo(409);
    }

    @Test
    void theHandlingSheetShowsTheDocumentAndEachOpinionWithItsAuthor() throws IOException {
        String numberSymbol = "%d/BYT-QLD".formatted(System.nanoTime() % 100000);
        LocalDate due = LocalDate.now(VIETNAM).plusDays(5);
        String id = instructed(numberSymbol, LocalDate.now(VIETNAM).plusDays(10));
        complete("unit-head-hn", id, "doc_assign", """
                {"outcome":"ASSIGN","handlerId":"specialist-hn","dueOn":"%s",
                 "comment":"Giao đồng chí Đức chủ trì rà soát"}""".formatted(due));
        complete("specialist-hn", id, "doc_process", """
                {"outcome":"PROCESS","comment":"Đã rà soát 12 cơ sở, đề xuất kiểm tra 3 cơ sở"}""");
        complete("specialist-hn", id, "doc_close", """
                {"outcome":"CLOSE","comment":"Đã báo cáo kết quả rà soát"}""");
        JsonNode view = as("clerk-hn").get("/api/v1/documents/" + id).json();

        Api.Response sheet = as("clerk-hn").get("/api/v1/documents/" + id + "/handling-sheet");
        assertThat(sheet.status()).as(sheet.toString()).isEqualTo(200);
        assertThat(sheet.contentType()).startsWith("application/pdf");
        String text = text(sheet.bytes());
        assertThat(text).contains("PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN", "Số đến: " + view.get("arrivalFormatted").asText(),
                "Nơi gửi: Bộ Y tế", "Số, ký hiệu văn bản: " + numberSymbol,
                "Về việc rà soát cơ sở kinh doanh thuốc không bảo đảm điều kiện", "Độ khẩn: Khẩn");
        assertThat(text).contains("1. Ý kiến chỉ đạo của lãnh đạo cơ quan",
                "Giao Phòng Nghiệp vụ Dược chủ trì, báo cáo kết quả", "Đơn vị chủ trì: Sở Y tế Hà Nội (demo)",
                "Thời hạn giải quyết: " + shortDate(LocalDate.now(VIETNAM).plusDays(10)), "Đặng Quốc Việt");
        assertThat(text).contains("2. Ý kiến của lãnh đạo đơn vị chủ trì", "Giao đồng chí Đức chủ trì rà soát",
                "Hạn xử lý: " + shortDate(due), "Trần Văn Minh");
        assertThat(text).contains("3. Ý kiến đề xuất và kết quả giải quyết của người giải quyết",
                "Đã rà soát 12 cơ sở, đề xuất kiểm tra 3 cơ sở", "Đã báo cáo kết quả rà soát", "Phạm Minh Đức");
        assertThat(text.indexOf("Đặng Quốc Việt")).as("the leader's part first")
                .isLessThan(text.indexOf("Trần Văn Minh"));
        assertThat(text.indexOf("Trần Văn Minh")).isLessThan(text.indexOf("Đã rà soát 12 cơ sở"));

        assertThat(as("inspector").get("/api/v1/documents/" + id + "/handling-sheet").status()).isEqualTo(200);
        Api.Response otherUnit = as("clerk-hcm").get("/api/v1/documents/" + id + "/handling-sheet");
        assertThat(otherUnit.status()).as("another unit: as for an unknown document").isEqualTo(404);
        assertThat(otherUnit.json().get("type").asText()).isEqualTo(as("clerk-hcm")
                .get("/api/v1/documents/" + UUID.randomUUID() + "/handling-sheet").json().get("type").asText());
        assertThat(as("citizen-a").get("/api/v1/documents/" + id + "/handling-sheet").status()).isEqualTo(403);
    }

    @Test
    void aSheetBeforeAnyOpinionSaysSoAndAnOutgoingDocumentHasNone() throws IOException {
        Api.Response received = incoming("%d/BYT-QLD".formatted(System.nanoTime() % 100000));
        String id = received.json().get("documentId").asText();
        String text = text(as("clerk-hn").get("/api/v1/documents/" + id + "/handling-sheet").bytes());
        assertThat(text).contains("PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN", "(Chưa có ý kiến)");
        assertThat(text).doesNotContain("Đặng Quốc Việt");
    }

    private void refused(Api.Response response, int status, String type, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("urn:motcua:problem:" + type);
        assertThat(response.toString()).contains(field);
    }

    private Api.Response assign(String taskId, String handlerId, LocalDate dueOn) {
        return as("unit-head-hn").postJson("/api/v1/tasks/" + taskId + "/complete", """
                {"outcome":"ASSIGN","handlerId":"%s","dueOn":"%s"}""".formatted(handlerId, dueOn));
    }

    /** The official's one task of the document. */
    private JsonNode task(String official, String documentId) {
        for (JsonNode task : tasks(official)) {
            if (task.get("aggregateId").asText().equals(documentId)) {
                return task;
            }
        }
        throw new AssertionError(official + " has no task for " + documentId);
    }

    /** Received from the Ministry, presented to and instructed by the leader: Hanoi leads, due on {@code deadline}. */
    private String instructed(String numberSymbol, LocalDate deadline) {
        Api.Response received = incoming(numberSymbol);
        String id = received.json().get("documentId").asText();
        complete("clerk-hn", id, "doc_present", """
                {"outcome":"PRESENT","leaderId":"leader-hn","leaderName":"Đặng Quốc Việt"}""");
        complete("leader-hn", id, "doc_instructions", """
                {"outcome":"INSTRUCT","leadUnitId":"%s","supportingUnitIds":[],"deadline":"%s",
                 "comment":"Giao Phòng Nghiệp vụ Dược chủ trì, báo cáo kết quả"}""".formatted(HANOI, deadline));
        return id;
    }

    private Api.Response incoming(String numberSymbol) {
        pki.enrolSeal(BYT, "Bộ Y tế");
        byte[] signed = pades.sign(pdf("Cong van " + numberSymbol), new PadesSigner.Request(Signer.sealAlias(BYT),
                PadesSigner.Level.B_T, new PadesSigner.Appearance.Invisible(), "Ban hành", "Hà Nội"));
        Api.Response received = as("clerk-hn").multipart("/api/v1/documents/incoming", parts -> {
            parts.part("document", INCOMING.formatted(numberSymbol, LocalDate.now(VIETNAM).minusDays(1)),
                    MediaType.APPLICATION_JSON);
            parts.part("file", Api.file("cong-van-den.pdf", signed), MediaType.APPLICATION_PDF);
        });
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        assertThat(received.json().get("status").asText()).isEqualTo("REGISTERED");
        return received;
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFC)
                    .replaceAll("\\s+", " ");
        }
    }

    private static String shortDate(LocalDate date) {
        return "%02d/%02d/%d".formatted(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }
}
