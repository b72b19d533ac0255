package vn.motcua.portal.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.eoffice.signing.OutgoingDocumentPdf;
import vn.motcua.eoffice.signing.PdfSignatureVerifier;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;

/**
 * The sealed PDF of an outgoing document, fetched through the API, carries the number from the register and
 * the unit's configured place with the date of issue (Decree 30/2020/ND-CP Art. 15), and every signature holds.
 */
class NumberOnSealedDocumentTest extends IntegrationTest {

    private static final String DRAFT = """
            {"metadata":{"subject":"Thông báo lịch kiểm tra cơ sở kinh doanh mỹ phẩm","type":"ANNOUNCEMENT",
             "urgency":"NORMAL","secrecy":"NONE","pageCount":1,"signerPosition":"Phó Giám đốc",
             "signerName":"Đặng Quốc Việt","issuerAbbreviation":"SYT",
             "recipients":[{"id":"000.00.00.G01","name":"Bộ Y tế","kind":"EXTERNAL_AGENCY"}]}}""";

    @Autowired
    private PdfSignatureVerifier verifier;

    @Test
    void sealedPdfShowsTheRegisteredNumberAndTheUnitsPlaceAndDate() throws IOException {
        Api.Response created = as("specialist-hn").multipart("/api/v1/documents/outgoing", parts -> {
            parts.part("document", DRAFT, MediaType.APPLICATION_JSON);
            parts.part("file", Api.file("thong-bao.pdf", pdf("Thong bao lich kiem tra")), MediaType.APPLICATION_PDF);
        });
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("documentId").asText();
        complete("specialist-hn", id, "doc_draft", "SUBMIT");
        complete("unit-head-hn", id, "doc_review", "APPROVE");
        complete("leader-hn", id, "doc_sign", "SIGN");
        JsonNode numbered = complete("clerk-hn", id, "doc_number", "NUMBER");
        complete("clerk-hn", id, "doc_seal", "SEAL");

        Api.Response pdf = as("clerk-hn").get("/api/v1/documents/" + id + "/pdf");
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        LocalDate issuedOn = LocalDate.parse(numbered.get("issuedOn").asText());
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
            assertThat(form.getField(OutgoingDocumentPdf.NUMBER_FIELD).getValueAsString())
                    .isEqualTo("Số: " + numbered.get("numberSymbol").asText()).matches("Số: \\d{2,}/TB-SYT");
            assertThat(form.getField(OutgoingDocumentPdf.DATE_FIELD).getValueAsString())
                    .startsWith("Hà Nội, ngày ")
                    .matches("Hà Nội, ngày \\d{2} tháng (0[12]|[3-9]|1[0-2]) năm \\d{4}")
                    .contains("ngày %02d ".formatted(issuedOn.getDayOfMonth()))
                    .endsWith(" năm " + issuedOn.getYear());
        }
        PdfSignatureVerifier.Report report = verifier.verify(pdf.bytes());
        assertThat(report.valid()).as(report.toString()).isTrue();
        assertThat(report.signatures()).hasSize(3);
    }

    private JsonNode complete(String official, String documentId, String step, String outcome) {
        Api.Response inbox = as(official).get("/api/v1/documents/tasks");
        assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
        String taskId = null;
        for (JsonNode task : inbox.json()) {
            if (task.get("documentId").asText().equals(documentId) && task.get("step").asText().equals(step)) {
                taskId = task.get("id").asText();
            }
        }
        assertThat(taskId).as(official + " has a " + step + " task").isNotNull();
        Api.Response response = as(official).postJson("/api/v1/documents/tasks/" + taskId + "/complete",
                "{\"outcome\":\"" + outcome + "\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
