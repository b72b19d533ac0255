package vn.motcua.portal.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.engine.document.DocumentStore;
import vn.motcua.eoffice.document.DocumentEvent;
import vn.motcua.eoffice.signing.PdfSignatureVerifier;
import vn.motcua.eoffice.signing.PdfSignatureVerifier.Kind;
import vn.motcua.eoffice.signing.PdfSignatureVerifier.SignatureReport;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.DocumentIntegrationTest;

/**
 * Attachments of an outgoing document in separate files (phụ lục, văn bản kèm theo): sent with the draft, then at
 * the seal step each is signed by the agency with no image, the document's number/symbol and the signing time
 * at the top right of page 1 (Decree 30/2020/ND-CP Appendix I), and served as their latest version.
 */
class OutgoingAttachmentsTest extends DocumentIntegrationTest {

    private static final String DRAFT = """
            {"metadata":{"subject":"Kế hoạch kiểm tra cơ sở kinh doanh mỹ phẩm năm 2027","type":"PLAN",
             "urgency":"NORMAL","secrecy":"NONE","pageCount":1,"signerPosition":"Phó Giám đốc",
             "signerName":"Đặng Quốc Việt","issuerAbbreviation":"SYT",
             "recipients":[{"id":"000.00.00.G01","name":"Bộ Y tế","kind":"EXTERNAL_AGENCY"}]}}""";

    @Autowired
    private PdfSignatureVerifier verifier;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Serializer serializer;

    @Test
    void twoAttachmentsAreSignedByTheAgencyWithTheDocumentsNumberAtTheSealStep() throws IOException {
        byte[] first = pdf("Phu luc I danh sach co so");
        byte[] second = pdf("Phu luc II lich kiem tra");
        Api.Response created = as("specialist-hn").multipart("/api/v1/documents/outgoing", parts -> {
            parts.part("document", DRAFT, MediaType.APPLICATION_JSON);
            parts.part("file", Api.file("ke-hoach.pdf", pdf("Ke hoach kiem tra 2027")), MediaType.APPLICATION_PDF);
            parts.part("attachments", Api.file("phu-luc-1.pdf", first), MediaType.APPLICATION_PDF);
            parts.part("attachments", Api.file("phu-luc-2.pdf", second), MediaType.APPLICATION_PDF);
        });
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("documentId").asText();
        JsonNode drafted = created.json().get("attachments");
        assertThat(drafted).hasSize(2);
        assertThat(drafted.get(0).get("fileName").asText()).isEqualTo("phu-luc-1.pdf");
        assertThat(drafted.get(0).get("sha256").asText()).isEqualTo(DocumentStore.sha256(first));
        assertThat(drafted.get(1).get("fileName").asText()).isEqualTo("phu-luc-2.pdf");
        assertThat(drafted.get(1).get("sha256").asText()).isEqualTo(DocumentStore.sha256(second));
        assertThat(as("specialist-hn").get("/api/v1/documents/" + id + "/attachments/1").bytes()).isEqualTo(second);

        complete("specialist-hn", id, "doc_draft", "{\"outcome\":\"SUBMIT\"}");
        complete("unit-head-hn", id, "doc_review", "{\"outcome\":\"APPROVE\"}");
        complete("leader-hn", id, "doc_sign", "{\"outcome\":\"SIGN\"}");
        // the leader signs the main document only: attachments are the agency's to sign (Appendix I)
        assertThat(as("specialist-hn").get("/api/v1/documents/" + id + "/attachments/0").bytes()).isEqualTo(first);
        JsonNode numbered = complete("clerk-hn", id, "doc_number", "{\"outcome\":\"NUMBER\"}");
        JsonNode sealedView = complete("clerk-hn", id, "doc_seal", "{\"outcome\":\"SEAL\"}");
        String numberLine = "Số: " + numbered.get("numberSymbol").asText();

        PdfSignatureVerifier.Report main = verifier.verify(as("clerk-hn").get("/api/v1/documents/" + id + "/pdf")
                .bytes());
        String agency = main.signatures().get(1).signer();
        assertThat(agency).isNotBlank();
        byte[][] originals = {first, second};
        for (int index = 0; index < 2; index++) {
            Api.Response download = as("specialist-hn").get("/api/v1/documents/" + id + "/attachments/" + index);
            assertThat(download.status()).as(download.toString()).isEqualTo(200);
            assertThat(download.contentType()).startsWith(MediaType.APPLICATION_PDF_VALUE);
            byte[] sealed = download.bytes();
            assertThat(sealed).startsWith(originals[index]).hasSizeGreaterThan(originals[index].length);
            assertThat(sealedView.get("attachments").get(index).get("sha256").asText())
                    .isEqualTo(DocumentStore.sha256(sealed));

            PdfSignatureVerifier.Report report = verifier.verify(sealed);
            assertThat(report.valid()).as(report.toString()).isTrue();
            assertThat(report.signatures()).extracting(SignatureReport::kind)
                    .containsExactly(Kind.SIGNATURE, Kind.DOCUMENT_TIMESTAMP);
            assertThat(report.signatures().getFirst().signer()).isEqualTo(agency);
            assertThat(stampText(sealed)).contains(numberLine).containsPattern(
                    "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+07:00");
        }
        Api.Response missing = as("specialist-hn").get("/api/v1/documents/" + id + "/attachments/2");
        assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
        assertThat(missing.json().get("type").asText()).as(missing.toString()).endsWith("attachment-not-found");
        assertThat(as("specialist-hn").get("/api/v1/documents/" + id + "/attachments/-1").status()).isEqualTo(404);
        assertThat(as("specialist-hcm").get("/api/v1/documents/" + id + "/attachments/0").status()).isEqualTo(404);
    }

    @Test
    void aNonPdfAttachmentIsRefusedAndNothingIsStored() {
        byte[] main = pdf("Ke hoach co phu luc hong");
        Api.Response refused = as("specialist-hn").multipart("/api/v1/documents/outgoing", parts -> {
            parts.part("document", DRAFT, MediaType.APPLICATION_JSON);
            parts.part("file", Api.file("ke-hoach.pdf", main), MediaType.APPLICATION_PDF);
            parts.part("attachments", Api.file("phu-luc.pdf", pdf("Phu luc hop le")), MediaType.APPLICATION_PDF);
            parts.part("attachments", Api.file("phu-luc.docx", "PK not a PDF".getBytes(StandardCharsets.UTF_8)),
                    MediaType.APPLICATION_PDF);
        });
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("field").asText()).isEqualTo("attachments");
        assertThat(refused.json().get("detail").asText()).contains("phu-luc.docx");
        assertThat(jdbc.queryForObject("select count(*) from document_content where sha256 = ?", Integer.class,
                DocumentStore.sha256(main))).isZero();
    }

    /** Events stored before attachments existed (no such properties) still read, as having none. */
    @Test
    void eventsStoredBeforeAttachmentsReadAsHavingNone() {
        String drafted = """
                {"documentId":"d1","agencyId":"u1","unitId":"u1","metadata":null,"replyTo":null,
                 "contentSha256":"ab","actor":{"id":"a","name":"A","role":"SPECIALIST","unitId":"u1"},
                 "at":"2026-11-22T01:00:00Z"}""";
        DocumentEvent.DocumentDrafted old = serializer.deserialize(new SimpleSerializedObject<>(drafted, String.class,
                DocumentEvent.DocumentDrafted.class.getName(), null));
        assertThat(old.contentSha256()).isEqualTo("ab");
        assertThat(old.attachments()).isEmpty();
        String sealed = """
                {"documentId":"d1","contentSha256":"cd",
                 "actor":{"id":"c","name":"C","role":"CLERK","unitId":"u1"},"at":"2026-11-22T02:00:00Z"}""";
        DocumentEvent.AgencySealed oldSeal = serializer.deserialize(new SimpleSerializedObject<>(sealed, String.class,
                DocumentEvent.AgencySealed.class.getName(), null));
        assertThat(oldSeal.contentSha256()).isEqualTo("cd");
        assertThat(oldSeal.attachmentSha256()).isEmpty();
    }

    /** The text of the agency's signature appearance on page 1, as a reader copies it once flattened. */
    private static String stampText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDSignatureField> fields = document.getSignatureFields().stream()
                    .filter(field -> field.getWidgets().getFirst().getRectangle() != null
                            && field.getWidgets().getFirst().getRectangle().getWidth() > 0)
                    .toList();
            assertThat(fields).hasSize(1);
            assertThat(fields.getFirst().getWidgets().getFirst().getPage()).isEqualTo(document.getPage(0));
            document.getDocumentCatalog().getAcroForm(null).flatten(List.copyOf(fields), false);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            return stripper.getText(document);
        }
    }
}
