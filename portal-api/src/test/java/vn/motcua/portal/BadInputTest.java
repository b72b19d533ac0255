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

    @Test
    void aWildcardContentTypeIsA415AndChangesNothing() throws Exception {
        String body = "{\"working\":true,\"reason\":\"Nghỉ bù\"}";
        for (String type : new String[] {"*/*", "application/*"}) {
            Api.Response override = raw("PUT /api/v1/admin/calendar/overrides/2031-05-09 HTTP/1.1", "admin",
                    "Content-Type: " + type, body);
            assertProblem(override, 415, null);
            Api.Response complete = raw("POST /api/v1/tasks/3f1a2b3c-0000-0000-0000-000000000000/complete HTTP/1.1",
                    "reception-hn", "Content-Type: " + type, "{\"outcome\":\"ACCEPT\"}");
            assertProblem(complete, 415, null);
        }
        assertThat(overrides("2031-05-09")).isZero();
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void aControlCharacterInJsonTextIsA400NamingTheFieldAndNothingIsStored() {
        Api.Response override = as("admin").putJson("/api/v1/admin/calendar/overrides/2031-05-10",
                "{\"working\":true,\"reason\":\"a\\u0000b\"}");
        assertProblem(override, 400, "reason");
        assertThat(override.json().get("type").asText()).isEqualTo("urn:motcua:problem:control-character");
        assertThat(overrides("2031-05-10")).isZero();
        // TAB, CR and LF are ordinary text
        assertThat(as("admin").putJson("/api/v1/admin/calendar/overrides/2031-05-11",
                "{\"working\":true,\"reason\":\"dòng 1\\r\\ndòng\\t2\"}").status()).isEqualTo(200);
        assertThat(as("admin").delete("/api/v1/admin/calendar/overrides/2031-05-11").status()).isBetween(200, 204);
        String code = submitted("citizen-a");
        before = footprint();
        String reception = task("reception-hn", code, "reception");
        assertProblem(decide("reception-hn", reception, "{\"outcome\":\"ACCEPT\",\"comment\":\"ok\\u0007\"}"), 400,
                "comment");
        Api.Response nested = submit("citizen-a", dossierJson(COSMETICS, HANOI, "Nguyễn\\u0000Văn An"), "a.pdf",
                pdf("x"));
        assertProblem(nested, 400, "applicant.fullName");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void aControlCharacterInAQueryOrPathIsA400NamingTheParameter() throws Exception {
        Api.Response lookup = raw("GET /api/v1/public/dossier-status?code=%00&phoneOrIdNumber=%00 HTTP/1.1", null,
                null, null);
        assertProblem(lookup, 400, "code");
        assertProblem(raw("GET /api/v1/search/dossiers?q=a%00b HTTP/1.1", "reception-hn", null, null), 400, "q");
        assertProblem(raw("GET /api/v1/search/documents?q=a%1Fb HTTP/1.1", "reception-hn", null, null), 400, "q");
        Api.Response path = raw("GET /api/v1/dossiers/000.00.16.H26-990101-0001%01 HTTP/1.1", "citizen-a", null, null);
        assertThat(path.status()).as(path.toString()).isBetween(400, 404);
        assertThat(path.contentType()).startsWith("application/problem+json");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void whatTomcatRefusesItselfIsAProblemToo() throws Exception {
        // brackets in a query reach the application, which ignores the unknown parameter
        Api.Response brackets = raw("GET /api/v1/procedures?x[$ne]=1&q[$where]=sleep(1)|{} HTTP/1.1", "citizen-a",
                null, null);
        assertThat(brackets.status()).as(brackets.toString()).isEqualTo(200);
        assertProblem(raw("GET /api/v1/procedures HTTP/1.1", "citizen-a", "Expect: 100-continue-please", null), 417,
                null);
        assertProblem(raw("POST /api/v1/dossiers/000.00.16.H26-990101-0001/withdrawal HTTP/1.1", "citizen-a",
                "Content-Type: application/json\r\nTransfer-Encoding: gzip", "{}"), 501, null);
        assertProblem(raw("GET /api/v1/dossiers/a%00b HTTP/1.1", "citizen-a", null, null), 400, null);
        for (String method : new String[] {"TRACE", "PROPFIND"}) {
            assertProblem(raw(method + " /api/v1/dossiers HTTP/1.1", "citizen-a", null, null), 405, null);
        }
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void aWriteWhoseAnswerTheCallerRefusesIsRefusedBeforeItIsMade() throws Exception {
        String boundary = "motcua-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"dossier\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + dossierJson(COSMETICS, HANOI, "Nguyễn Văn An") + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(pdf("Phieu cong bo"));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String accept : new String[] {"text/html", "image/*", "application/json;q=0"}) {
            Api.Response submission = vn.motcua.portal.support.RawHttp.send(port, "POST /api/v1/dossiers HTTP/1.1\r\n"
                    + "Authorization: " + Api.basic("citizen-a", PASSWORD) + "\r\nAccept: " + accept
                    + "\r\nContent-Type: multipart/form-data; boundary=" + boundary, body.toByteArray());
            assertProblem(submission, 406, null);
        }
        assertProblem(raw("PUT /api/v1/admin/calendar/overrides/2031-05-12 HTTP/1.1", "admin",
                "Content-Type: application/json\r\nAccept: text/html", "{\"working\":true,\"reason\":\"Nghỉ bù\"}"),
                406, null);
        assertThat(overrides("2031-05-12")).isZero();
        assertThat(footprint()).isEqualTo(before);
    }

    private int overrides(String day) {
        return jdbc.queryForObject("select count(*) from calendar_override where day = cast(? as date)", Integer.class,
                day);
    }

    private Api.Response raw(String requestLine, String user, String headers, String body) throws Exception {
        return vn.motcua.portal.support.RawHttp.send(port, requestLine
                + (user == null ? "" : "\r\nAuthorization: " + Api.basic(user, PASSWORD))
                + (headers == null ? "" : "\r\n" + headers),
                body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
