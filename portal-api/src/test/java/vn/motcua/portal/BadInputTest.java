package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;

/**
 * Bad input gets a 4xx RFC 9457 problem — Vietnamese and English titles, the field at fault — and
 * changes nothing.
 */
class BadInputTest extends IntegrationTest {

    private Map<String, Integer> before;

    @BeforeEach
    void rememberFootprint() {
        before = footprint();
    }

    @Test
    void malformedJsonIsA400AndChangesNothing() {
        Api.Response response = submit("citizen-a", "{\"procedureCode\": \"1.002600\", ", "a.pdf", pdf("x"));
        assertProblem(response, 400, "body");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void missingFieldsAreNamed() {
        Api.Response response = submit("citizen-a", """
                {"unitId":"000.00.16.H26","applicant":{"fullName":"","idNumber":"12","phone":"0912345678"}}""",
                "a.pdf", pdf("x"));
        assertProblem(response, 400, null);
        assertThat(fieldsOf(response)).contains("procedureCode", "applicant.fullName", "applicant.idNumber");
        assertThat(response.json().get("titleVi").asText()).isEqualTo("Dữ liệu không hợp lệ");
        assertThat(response.json().get("titleEn").asText()).isEqualTo("Invalid input");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void missingDossierPartIsNamed() {
        Api.Response response = as("citizen-a").multipart("/api/v1/dossiers",
                parts -> parts.part("files", Api.file("a.pdf", pdf("x")), MediaType.APPLICATION_PDF));
        assertProblem(response, 400, "dossier");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void unknownProcedureIsRefused() {
        Api.Response response = submit("citizen-a", dossierJson("9.999999", HANOI, "Nguyễn Văn An"), "a.pdf", pdf("x"));
        assertProblem(response, 400, "procedureCode");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void unknownUnitIsRefused() {
        Api.Response response = submit("citizen-a", dossierJson(COSMETICS, "000.00.99.X99", "Nguyễn Văn An"), "a.pdf",
                pdf("x"));
        assertProblem(response, 400, "unitId");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void dossierWithoutDocumentsIsRefused() {
        Api.Response response = submit("citizen-a", dossierJson(COSMETICS, HANOI, "Nguyễn Văn An"), null, null);
        assertProblem(response, 400, "files");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void nonPdfUploadIsRefused() {
        Api.Response response = submit("citizen-a", dossierJson(COSMETICS, HANOI, "Nguyễn Văn An"), "virus.pdf",
                "MZ\u0090 this is not a PDF".getBytes());
        assertProblem(response, 415, "files[0]");
        Api.Response fakeHeader = submit("citizen-a", dossierJson(COSMETICS, HANOI, "Nguyễn Văn An"), "fake.pdf",
                "%PDF-1.7 but nothing after the header".getBytes());
        assertProblem(fakeHeader, 415, "files[0]");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void oversizedUploadIsRefused() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        byte[] header = "%PDF-1.4\n".getBytes();
        System.arraycopy(header, 0, big, 0, header.length);
        Api.Response response = submit("citizen-a", dossierJson(COSMETICS, HANOI, "Nguyễn Văn An"), "big.pdf", big);
        assertProblem(response, 413, "files[0]");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void pathTraversalFileNamesAreRefused() {
        for (String name : new String[] {"../../etc/passwd.pdf", "..\\..\\windows\\system.pdf", "/etc/hosts.pdf",
                "a\u0000b.pdf"}) {
            Api.Response response = submit("citizen-a", dossierJson(COSMETICS, HANOI, "Nguyễn Văn An"), name,
                    pdf("x"));
            assertThat(response.status()).as(name + " → " + response).isBetween(400, 499);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void outcomeNotAllowedAtTheStepIsRefused() {
        String code = submitted("citizen-a");
        before = footprint();
        String reception = task("reception-hn", code, "reception");
        assertProblem(decide("reception-hn", reception, """
                {"outcome":"APPROVE"}"""), 400, "outcome");
        assertProblem(decide("reception-hn", reception, """
                {"outcome":"MAYBE"}"""), 400, "outcome");
        assertProblem(decide("reception-hn", reception, "{}"), 400, "outcome");
        assertProblem(decide("reception-hn", reception, "not json"), 400, "body");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void supplementRequestWithoutItemsBreaksTheRule() {
        String code = submitted("citizen-a");
        before = footprint();
        Api.Response response = decide("reception-hn", task("reception-hn", code, "reception"), """
                {"outcome":"REQUEST_SUPPLEMENT","comment":"thiếu"}""");
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("type").asText()).endsWith("SUPPLEMENT_LISTS_ITEMS");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void unknownTaskAndDossierAreNotFound() {
        assertProblem(decide("reception-hn", "3f1a2b3c-0000-0000-0000-000000000000", """
                {"outcome":"ACCEPT"}"""), 404, null);
        assertProblem(as("citizen-a").get("/api/v1/dossiers/000.00.16.H26-990101-0001"), 404, null);
        assertProblem(as("citizen-a").get("/api/v1/dossiers/..%2F..%2Fetc"), 400, null);
        assertProblem(as("citizen-a").get("/api/v1/nothing-here"), 404, null);
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void wrongMethodAndMediaTypeAreProblemsToo() {
        assertProblem(as("citizen-a").postRaw("/api/v1/dossiers", MediaType.TEXT_PLAIN, "hello".getBytes()), 415, null);
        assertProblem(as("reception-hn").get("/api/v1/tasks/abc/complete"), 405, null);
        assertProblem(as("citizen-a").get("/api/v1/dossiers?size=100000"), 400, "size");
        assertProblem(as("citizen-a").get("/api/v1/dossiers?page=abc"), 400, "page");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void titleIsVietnameseUnlessEnglishIsPreferred() {
        Api.Response vietnamese = as("citizen-a").get("/api/v1/dossiers?size=0");
        assertThat(vietnamese.json().get("title").asText()).isEqualTo("Dữ liệu không hợp lệ");
        Api.Response english = as("citizen-a").inLanguage("en-GB,en;q=0.9,vi;q=0.5").get("/api/v1/dossiers?size=0");
        assertThat(english.json().get("title").asText()).isEqualTo("Invalid input");
        assertThat(english.json().get("field").asText()).isEqualTo("size");
    }

    private static void assertProblem(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asText()).startsWith("urn:motcua:problem:");
        assertThat(problem.get("titleVi").asText()).isNotBlank();
        assertThat(problem.get("titleEn").asText()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(response.text()).doesNotContain("Exception", "at vn.motcua", "at org.");
        if (field != null) {
            assertThat(problem.get("field").asText()).isEqualTo(field);
        }
    }
}
