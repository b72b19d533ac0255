package vn.motcua.portal.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.eoffice.result.ResultVerificationCodes;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;

/**
 * Limits at every door (issue 12; docs/security.md): each bound answers a 4xx RFC 9457 problem — Vietnamese and
 * English titles, the field at fault — and changes nothing; a PDF bomb or a 20 MB body leaves the service answering.
 */
class LimitsTest extends IntegrationTest {

    private static final MediaType TIMESTAMP_QUERY = MediaType.parseMediaType("application/timestamp-query");

    @Autowired
    ResultVerificationCodes verificationCodes;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Map<String, Integer> before;

    @BeforeEach
    void rememberFootprint() {
        before = footprint();
    }

    @Test
    void twentyMegabyteBodiesToEveryPublicDoorAreRefusedUnread() throws Exception {
        byte[] twenty = new byte[20 * 1024 * 1024];
        String[][] doors = {
                {"POST", "/api/v1/pki/tsa", "application/timestamp-query"},
                {"POST", "/api/v1/public/results/000.00.16.H26-990101-0001/check", "multipart/form-data; boundary=x"},
                {"GET", "/api/v1/public/dossier-status?code=000.00.16.H26-990101-0001&phone=0912345678",
                        "application/json"},
                {"GET", "/api/v1/pki/root-ca.pem", "application/json"},
                {"GET", "/v3/api-docs", "application/json"},
                {"GET", "/actuator/health", "application/json"},
                {"POST", "/api/v1/dossiers", "multipart/form-data; boundary=x"},
        };
        for (String[] door : doors) {
            long started = System.nanoTime();
            HttpResponse<String> response = send(door[0], door[1], door[2],
                    HttpRequest.BodyPublishers.ofByteArray(door[1].equals("/api/v1/dossiers")
                            ? new byte[61 * 1024 * 1024] : twenty));
            assertThat(response.statusCode()).as(door[0] + " " + door[1] + " → " + response.body()).isEqualTo(413);
            JsonNode problem = problem(response);
            assertThat(problem.get("type").asText()).isEqualTo("urn:motcua:problem:request-too-large");
            assertThat(problem.get("field").asText()).isEqualTo("body");
            assertThat(problem.get("titleVi").asText()).isEqualTo("Yêu cầu quá lớn");
            assertThat(problem.get("titleEn").asText()).isEqualTo("Request too large");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        }
        assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyIsCountedAndStoppedAtItsCap() throws Exception {
        // no Content-Length: the body is read until it passes the TSA's 64 KB
        HttpResponse<String> response = send("POST", "/api/v1/pki/tsa", "application/timestamp-query",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[200 * 1024])));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(problem(response).get("type").asText()).isEqualTo("urn:motcua:problem:request-too-large");
        assertThat(problem(response).get("field").asText()).isEqualTo("body");
    }

    @Test
    void aMalformedTimestampQueryIsA400AndGoodOnesAreAnsweredSideBySide() throws Exception {
        Api.Response malformed = anonymous().postRaw("/api/v1/pki/tsa", TIMESTAMP_QUERY,
                "not DER at all".getBytes(StandardCharsets.US_ASCII));
        assertProblem(malformed, 400, "body");
        Api.Response empty = anonymous().postRaw("/api/v1/pki/tsa", TIMESTAMP_QUERY, new byte[] {0x30, 0x03, 0x02});
        assertProblem(empty, 400, "body");

        List<CompletableFuture<Api.Response>> answers = new ArrayList<>();
        List<TimeStampRequest> queries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
            generator.setCertReq(true);
            TimeStampRequest query = generator.generate(TSPAlgorithms.SHA256, new byte[32], BigInteger.valueOf(i + 1));
            queries.add(query);
            answers.add(CompletableFuture.supplyAsync(() -> anonymous().postRaw("/api/v1/pki/tsa", TIMESTAMP_QUERY,
                    encoded(query))));
        }
        for (int i = 0; i < answers.size(); i++) {
            Api.Response answer = answers.get(i).get();
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            TimeStampResponse reply = new TimeStampResponse(answer.bytes());
            reply.validate(queries.get(i));
            assertThat(reply.getStatus()).isZero();
        }
    }

    @Test
    void aDuplicateKeyIsA400NamingTheKey() {
        Api.Response recall = as("clerk-hn").postJson("/api/v1/documents/3f1a2b3c-0000-0000-0000-000000000000/recall",
                """
                {"reason":"Thu hồi","reason":"Thu hồi lần hai"}""");
        assertProblem(recall, 400, "reason");
        assertThat(recall.json().get("type").asText()).isEqualTo("urn:motcua:problem:duplicate-key");

        Api.Response dossier = submit("citizen-a", """
                {"procedureCode":"1.002600","unitId":"000.00.16.H26",
                 "applicant":{"fullName":"Nguyễn Văn An","idNumber":"001099012345","phone":"0912345678",
                              "fullName":"Kẻ Khác"},
                 "form":{"productName":"Kem","brand":"Sen"}}""", "a.pdf", pdf("dup"));
        assertProblem(dossier, 400, "applicant.fullName");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void jsonNestedTooDeeplyIsA400() {
        String deep = "[".repeat(100) + "]".repeat(100);
        Api.Response response = submit("citizen-a", dossierJson(COSMETICS, HANOI, "Nguyễn Văn An")
                .replace("\"brand\":\"Sen Việt\"", "\"brand\":\"Sen Việt\",\"deep\":" + deep), "a.pdf", pdf("deep"));
        assertProblem(response, 400, null);
        assertThat(response.json().get("type").asText()).isEqualTo("urn:motcua:problem:json-too-complex");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void extremeAndMalformedDatesAreA400NamingTheField() {
        for (String date : new String[] {"+999999999-12-31", "2025-13-45", "1000-01-01"}) {
            Api.Response apology = as("leader-hn").postJson("/api/v1/dossiers/000.00.16.H26-990101-0001/apology", """
                    {"newAppointedDate":"%s","reason":"Chậm"}""".formatted(date));
            assertProblem(apology, 400, "newAppointedDate");
            assertProblem(as("leader-hn").get("/api/v1/reports/summary?from=" + encode(date)), 400, "from");
            assertProblem(as("admin").putJson("/api/v1/admin/calendar/overrides/" + date, """
                    {"working":false,"reason":"Nghỉ"}"""), 400, "day");
        }
        assertProblem(as("inspector").get("/api/v1/audit/events?from=" + encode("+999999999-12-31T00:00:00Z")), 400,
                "from");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void aFormOfMoreThanTheBusTakesIsRefusedWhateverItsShape() {
        // the 1.2 MB cosmetics form of the issue: a part too large for any event
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 6000; i++) {
            many.append(i == 0 ? "" : ",").append('"').append("Hộp 50 ml, chai thủy tinh số ").append(i)
                    .append(" ".repeat(150)).append('"');
        }
        String huge = dossierJson(COSMETICS, HANOI, "Nguyễn Văn An")
                .replace("\"brand\":\"Sen Việt\"", "\"brand\":\"Sen Việt\",\"presentations\":[" + many + "]");
        assertThat(huge.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(1_000_000);
        Api.Response response = submit("citizen-a", huge, "a.pdf", pdf("huge"));
        assertProblem(response, 413, "dossier");

        // small enough for the part, but more presentations than the schema allows
        String fiftyOne = dossierJson(COSMETICS, HANOI, "Nguyễn Văn An").replace("\"brand\":\"Sen Việt\"",
                "\"brand\":\"Sen Việt\",\"presentations\":[" + "\"Hộp 50 ml\",".repeat(50) + "\"Hộp 50 ml\"]");
        Api.Response tooMany = submit("citizen-a", fiftyOne, "a.pdf", pdf("many"));
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(400);
        assertThat(tooMany.text()).contains("presentations");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void attachmentsAreJudgedByContentAndPages() {
        Api.Response png = submit("citizen-a", dossierJson(COSMETICS, HANOI, "Nguyễn Văn An"), "anh.pdf",
                PdfBombs.png());
        assertProblem(png, 415, "files[0]");
        Api.Response pages = submit("citizen-a", dossierJson(COSMETICS, HANOI, "Nguyễn Văn An"), "dai.pdf",
                PdfBombs.pages(201));
        assertProblem(pages, 422, "files[0]");
        assertThat(pages.json().get("type").asText()).isEqualTo("urn:motcua:problem:pdf-too-complex");
        Api.Response bomb = submit("citizen-a", dossierJson(COSMETICS, HANOI, "Nguyễn Văn An"), "bom.pdf",
                PdfBombs.flateBomb());
        assertProblem(bomb, 422, "files[0]");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void aPdfBombToThePublicResultCheckIsRefusedInSecondsAndTheServiceGoesOn() throws Exception {
        String code = decidedAndReturned("citizen-a");
        before = footprint();
        // the verification code printed on the result beside its QR code
        String verification = verificationCodes.of(code).orElseThrow();

        byte[] bomb = PdfBombs.flateBomb();
        long started = System.nanoTime();
        Api.Response refused = anonymous().multipart("/api/v1/public/results/" + code + "/check?v=" + verification,
                parts -> parts.part("file", Api.file("ket-qua.pdf", bomb), MediaType.APPLICATION_PDF));
        assertProblem(refused, 422, "file");
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:motcua:problem:pdf-too-complex");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));

        // 300,000 objects and no cross-reference table: refused before PDFBox builds them
        byte[] objects = PdfBombs.objectBomb(300_000);
        long counted = System.nanoTime();
        Api.Response tooMany = anonymous().multipart("/api/v1/public/results/" + code + "/check?v=" + verification,
                parts -> parts.part("file", Api.file("ket-qua.pdf", objects), MediaType.APPLICATION_PDF));
        assertProblem(tooMany, 422, "file");
        assertThat(tooMany.json().get("type").asText()).isEqualTo("urn:motcua:problem:pdf-too-complex");
        assertThat(tooMany.json().get("detail").asText()).contains("100000");
        assertThat(Duration.ofNanos(System.nanoTime() - counted)).isLessThan(Duration.ofSeconds(10));

        // the service's own signed result (fonts, signatures, time-stamps, DSS) is far below the object budget
        byte[] signed = signedResult(code);
        try (PDDocument pdf = Loader.loadPDF(signed)) {
            assertThat(pdf.getDocument().getXrefTable()).as("objects of the signed result").hasSizeLessThan(1_000);
        }
        Api.Response genuine = anonymous().multipart("/api/v1/public/results/" + code + "/check?v=" + verification,
                parts -> parts.part("file", Api.file("ket-qua.pdf", signed), MediaType.APPLICATION_PDF));
        assertThat(genuine.status()).as(genuine.toString()).isEqualTo(200);

        Api.Response official = as("reception-hn").multipart("/api/v1/documents/verification",
                parts -> parts.part("file", Api.file("cong-van.pdf", bomb), MediaType.APPLICATION_PDF));
        assertProblem(official, 422, "file");

        // the service still answers, the real result included
        JsonNode issued = anonymous().get("/api/v1/public/results/" + code + "?v=" + verification).json();
        assertThat(issued.get("valid").asBoolean()).as(issued.toString()).isTrue();
        assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(footprint()).isEqualTo(before);
    }

    /** The signed result the citizen downloads, as {@code SignedResultTest} finds it. */
    private byte[] signedResult(String code) {
        String sha256 = null;
        for (JsonNode step : as("citizen-a").get("/api/v1/dossiers/" + code + "/history").json()) {
            if (step.get("type").asText().equals("ResultReturned")) {
                sha256 = step.at("/documents/0/sha256").asText();
            }
        }
        assertThat(sha256).isNotNull();
        Api.Response download = as("citizen-a").get("/api/v1/dossiers/" + code + "/documents/" + sha256);
        assertThat(download.status()).isEqualTo(200);
        return download.bytes();
    }

    private HttpResponse<String> send(String method, String path, String contentType,
                                      HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", contentType).method(method, body).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode problem(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    }

    private static byte[] encoded(TimeStampRequest query) {
        try {
            return query.getEncoded();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void assertProblem(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.has("field") || field == null).as(response.toString()).isTrue();
        assertThat(problem.get("type").asText()).startsWith("urn:motcua:problem:");
        assertThat(problem.get("titleVi").asText()).isNotBlank();
        assertThat(problem.get("titleEn").asText()).isNotBlank();
        assertThat(response.text()).doesNotContain("Exception", "at vn.motcua", "at org.");
        if (field != null) {
            assertThat(problem.get("field").asText()).as(response.toString()).isEqualTo(field);
        }
    }
}
