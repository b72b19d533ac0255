package vn.motcua.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.eoffice.result.ResultVerificationCodes;
import vn.motcua.reliability.AuthorizationMatrixTest.Who;
import vn.motcua.reliability.support.Http;
import vn.motcua.reliability.support.InProcessRun;
import vn.motcua.reliability.support.OpenApi;
import vn.motcua.reliability.support.Results;
import vn.motcua.reliability.support.Samples;

/**
 * Poison and bombs: a 20 MB body to every public endpoint and every write (refused, never a 5xx), PDF bombs to the
 * public result check and the officials' verification (4xx, heap bounded), and a form beyond the door limit (413 or
 * 422: an event too large for the bus must never be accepted, or, if it is, must not stop others' work). Runs last of
 * the in-process runs: on a main without door limits the oversized form blocks the Kafka publisher for good.
 */
@Order(4)
class PoisonAndBombTest extends InProcessRun {

    /** The verification code printed on a result beside its QR code, which the public result doors ask for. */
    @Autowired
    ResultVerificationCodes verificationCodes;


    private static final int TWENTY_MB = 20 * 1024 * 1024;

    @Test
    void bodiesAndBombsAreRefusedWithMemoryBounded() throws Exception {
        Http http = http();
        Results results = new Results("bombs", "Poison and bombs");
        List<String> failures = new ArrayList<>();
        String result = dossierWithResult(http);
        OpenApi api = OpenApi.of(http);
        long eventsBefore = lastEvent();

        // 1. 20 MB bodies: every public endpoint anonymously, every other write as a person who may call it
        Map<String, Integer> statuses = new LinkedHashMap<>();
        int publicCount = 0;
        int writeCount = 0;
        for (OpenApi.Operation op : api.operations()) {
            Who anonymous = AuthorizationMatrixTest.PEOPLE.get(0);
            boolean isPublic = AuthorizationMatrixTest.expect(op, AuthorizationMatrixTest.Target.NONE, null, anonymous)
                    == AuthorizationMatrixTest.Expect.PUBLIC;
            if (!isPublic && (op.reads() || (!Results.full() && !op.key().equals("POST /api/v1/dossiers")))) {
                continue;                                          // the smoke: public endpoints and the submission
            }
            Who who = isPublic ? anonymous : FuzzTest.matching(op);
            String target = op.path().replaceAll("\\{code}", result).replaceAll("\\{name[^}]*}", "root-ca")
                    .replaceAll("\\{[^}]+}", "1");
            Http.Request request = Http.Request.of(op.method(), target).as(who.user()).body(contentType(op),
                    twentyMegabytes(op));
            Http.Response response = http.send(request);
            statuses.merge(response.status() < 0 ? "closed" : Integer.toString(response.status()), 1, Integer::sum);
            if (isPublic) {
                publicCount++;
            } else {
                writeCount++;
            }
            if (response.status() >= 500) {
                failures.add("20 MB → " + response.status());
                results.finding("20 MB body → " + response.status() + ": " + request.describe());
            } else if (response.status() >= 200 && response.status() < 300 && !op.reads()) {
                results.finding("20 MB body accepted (" + response.status() + "): " + request.describe());
            }
        }
        results.line("20 MB bodies: %d public endpoints (anonymous) and %d writes (as a person who may call them):"
                + " answers %s (closed = connection closed before an answer, a refusal)", publicCount, writeCount,
                statuses);

        // 2. PDF bombs to the public result check and to the officials' verification
        Map<String, byte[]> bombs = new LinkedHashMap<>();
        long heapBefore = heapAfterGc();
        bombs.put("flate bomb (2 × 512 MB of zeros in 1 MB)", flateBomb());
        bombs.put("nesting bomb (100,000 nested arrays)", nestingBomb());
        bombs.put("page-tree loop (/Count 2^31-1, kids naming their parent)", pageTreeLoop());
        bombs.put("signature with a 4 GB /ByteRange", byteRangeBomb());
        bombs.put("300,000 objects without a cross-reference table", manyObjects());
        for (Map.Entry<String, byte[]> bomb : bombs.entrySet()) {
            for (String[] door : List.of(new String[] {"/api/v1/public/results/" + result + "/check?v="
                            + verificationCodes.of(result).orElseThrow(), null},
                    new String[] {"/api/v1/documents/verification", "clerk-hn"})) {
                resetPeaks();
                Http.Request request = Http.Request.of("POST", door[0]).as(door[1]).multipart(new Http.Multipart()
                        .pdf("file", "ket-qua.pdf", bomb.getValue()));
                Http.Response response = http.send(request);
                long peak = peakHeap();
                long after = heapAfterGc();
                // refused (4xx), or read without expanding it (2xx, e.g. "not the issued copy"), the heap bounded
                boolean refused = response.status() >= 200 && response.status() < 500
                        && peak - heapBefore < 256L * 1024 * 1024;
                results.line("%s (%d KB) → %s %s in %d ms; heap peak %d MB, after GC %d MB (before the bombs %d MB)",
                        bomb.getKey(), bomb.getValue().length / 1024, door[0].replace(result, "{code}"),
                        response.status() < 0 ? "no answer" : Integer.toString(response.status()),
                        response.millis(), peak >> 20, after >> 20, heapBefore >> 20);
                if (!refused) {
                    failures.add(bomb.getKey() + " → " + response.status());
                    results.finding(bomb.getKey() + " → " + response + " for POST " + door[0]
                            + (door[1] == null ? " (anonymous)" : " as " + door[1]));
                }
            }
        }

        // 3. a form beyond the door limit: an event too large for the bus must not be accepted
        String presentation = "Hộp 1 lọ 50 ml, hộp giấy in 4 màu, kèm tờ hướng dẫn sử dụng — ".repeat(3)
                .substring(0, 180);
        StringBuilder presentations = new StringBuilder();
        for (int i = 0; i < 7_000; i++) {
            presentations.append(i == 0 ? "" : ",").append('"').append(presentation).append('"');
        }
        String form = Samples.dossier(Samples.HANOI, "Nguyễn Văn An").replace("\"brand\":\"Sen Việt\"",
                "\"brand\":\"Sen Việt\",\"presentations\":[" + presentations + "]");
        Http.Request oversized = Http.Request.of("POST", "/api/v1/dossiers").as("citizen-a").multipart(
                new Http.Multipart().json("dossier", form).pdf("files", "phieu.pdf", Samples.pdf("Phieu")));
        long beforeForm = lastEvent();
        Http.Response formAnswer = http.send(oversized);
        results.line("a %.1f MB form (7,000 presentations of 180 characters) → %d %s; events appended: %d",
                form.length() / 1_048_576.0, formAnswer.status(), formAnswer.problemType(), lastEvent() - beforeForm);
        if (formAnswer.status() != 413 && formAnswer.status() != 422 && formAnswer.status() != 400) {
            failures.add("oversized form → " + formAnswer.status());
            results.finding("form beyond the door limit → " + formAnswer.status() + " (expected 413/422): POST"
                    + " /api/v1/dossiers as citizen-a, multipart 'dossier' with 7,000 × 180-character presentations ("
                    + form.length() / 1024 + " KB)");
        }

        // 4. others' work flows on: a normal dossier afterwards reaches its view and the index
        Http.Response after = http.send(Samples.submission("citizen-b", Samples.HCMC, "Trần Thị Bình"));
        assertThat(after.status()).as(after.toString()).isEqualTo(201);
        String code = after.json().get("code").asText();
        Instant submitted = Instant.now();
        boolean viewed = within(Duration.ofSeconds(60),
                () -> http.get("/api/v1/dossiers/" + code + "/view", "citizen-b").status() == 200);
        double viewSeconds = Duration.between(submitted, Instant.now()).toMillis() / 1000.0;
        boolean indexed = within(Duration.ofSeconds(60), () ->
                http.get("/api/v1/search/dossiers?q=" + code, "inspector").json().path("total").asInt() == 1);
        double indexSeconds = Duration.between(submitted, Instant.now()).toMillis() / 1000.0;
        results.line("a normal dossier submitted afterwards: its view (MongoDB) %s; in the index (through Kafka) %s",
                viewed ? "after " + viewSeconds + " s" : "NOT within 60 s",
                indexed ? "after " + indexSeconds + " s" : "NOT within 60 s");
        if (!viewed || !indexed) {
            failures.add("others' work stopped");
            results.finding("after the oversized form, " + code + " did not reach " + (viewed ? "" : "its view ")
                    + (indexed ? "" : "the index ") + "within 60 s: others' work stopped");
        }
        boolean healthy = http.get("/actuator/health/readiness", null).status() == 200;
        results.line("service ready at the end: %s; heap after GC %d MB; events appended by the whole run besides"
                + " the fixtures: %d", healthy ? "yes" : "NO", heapAfterGc() >> 20, lastEvent() - eventsBefore);
        results.write();
        assertThat(healthy).as("service ready").isTrue();
        assertThat(failures).as("bodies, bombs and forms not refused (see the findings above)").isEmpty();
    }

    private static String contentType(OpenApi.Operation op) {
        if (op.bodies().isEmpty()) {
            return "application/json";
        }
        return op.bodies().keySet().iterator().next().equals("multipart/form-data")
                ? "multipart/form-data; boundary=bomb" : op.bodies().keySet().iterator().next();
    }

    private static byte[] twentyMegabytes(OpenApi.Operation op) {
        byte[] body = new byte[TWENTY_MB];
        Arrays.fill(body, (byte) 'A');
        String type = contentType(op);
        byte[] head = type.startsWith("multipart") ? ("--bomb\r\nContent-Disposition: form-data; name=\"file\";"
                + " filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n").getBytes(StandardCharsets.US_ASCII)
                : type.contains("json") ? "{\"reason\":\"".getBytes(StandardCharsets.US_ASCII) : new byte[0];
        System.arraycopy(head, 0, body, 0, head.length);
        return body;
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A dossier walked to its returned, signed result: the public check then parses whatever copy it is given. */
    private String dossierWithResult(Http http) {
        Http.Response created = http.send(Samples.submission("citizen-a", Samples.HANOI, "Nguyễn Văn An"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String code = created.json().get("code").asText();
        complete(http, "reception-hn", code, "{\"outcome\":\"ACCEPT\",\"comment\":\"Hồ sơ hợp lệ\"}");
        // the fee, paid online through the sandbox provider's page (it notifies the application, signed)
        Http.Response order = http.send(Http.Request.of("POST", "/api/v1/dossiers/" + code + "/payments")
                .as("citizen-a"));
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        Http.Response paid = http.send(Http.Request.of("POST", java.net.URI.create(order.json().path("payUrl")
                .asText()).getPath()).body("application/x-www-form-urlencoded",
                "action=pay".getBytes(StandardCharsets.US_ASCII)));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(303);
        String appraisal = task(http, "specialist-hn", code);
        assertThat(http.send(Http.Request.of("POST", "/api/v1/tasks/" + appraisal + "/claim").as("specialist-hn"))
                .status()).isBetween(200, 299);
        complete(http, "specialist-hn", code, "{\"outcome\":\"FAVOURABLE\",\"comment\":\"Đạt yêu cầu\"}");
        complete(http, "unit-head-hn", code, "{\"outcome\":\"AGREE\",\"comment\":\"Đồng ý trình ký\"}");
        complete(http, "leader-hn", code, "{\"outcome\":\"APPROVE\",\"comment\":\"Đồng ý\"}");
        complete(http, "clerk-hn", code, "{\"outcome\":\"ISSUE_RESULT\"}");
        complete(http, "reception-hn", code, "{\"outcome\":\"RETURN_RESULT\"}");
        boolean issued = within(Duration.ofSeconds(60),
                () -> verificationCodes.of(code).map(verification -> http.get("/api/v1/public/results/" + code
                        + "?v=" + verification, null).status() == 200).orElse(false));
        assertThat(issued).as("the result of " + code + " is published").isTrue();
        return code;
    }

    private static void complete(Http http, String official, String code, String decision) {
        Http.Response response = http.postJson("/api/v1/tasks/" + task(http, official, code) + "/complete", official,
                decision);
        assertThat(response.status()).as(official + " " + decision + ": " + response).isEqualTo(200);
    }

    private static String task(Http http, String official, String code) {
        for (JsonNode task : http.get("/api/v1/tasks", official).json()) {
            if (task.path("aggregateId").asText().equals(code)) {
                return task.get("id").asText();
            }
        }
        throw new AssertionError(official + " has no task for " + code);
    }

    // --- heap -------------------------------------------------------------------------------------------------------

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    // --- PDF bombs, written byte by byte ----------------------------------------------------------------------------

    /** A PDF of the given objects (1-based, object 1 the catalog) with a correct cross-reference table. */
    private static byte[] pdf(List<byte[]> objects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            out.writeBytes(((i + 1) + " 0 obj\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(objects.get(i));
            out.writeBytes("\nendobj\n".getBytes(StandardCharsets.US_ASCII));
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        table.append("trailer\n<</Size ").append(objects.size() + 1).append("/Root 1 0 R>>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        out.writeBytes(table.toString().getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] stream(String dictionary, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("<<" + dictionary + "/Length " + data.length + ">>\nstream\n"));
        out.writeBytes(data);
        out.writeBytes(ascii("\nendstream"));
        return out.toByteArray();
    }

    private static byte[] zeros(long megabytes) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] block = new byte[1 << 20];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        for (long i = 0; i < megabytes; i++) {
            deflater.setInput(block);
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] flateBomb() {
        byte[] bomb = zeros(512);
        return pdf(List.of(
                ascii("<</Type/Catalog/Pages 2 0 R/Metadata 5 0 R/AcroForm<</Fields[]/SigFlags 3>>>>"),
                ascii("<</Type/Pages/Kids[3 0 R]/Count 1>>"),
                ascii("<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>"),
                stream("/Filter/FlateDecode", bomb),
                stream("/Type/Metadata/Subtype/XML/Filter/FlateDecode", bomb)));
    }

    private static byte[] nestingBomb() {
        return pdf(List.of(
                ascii("<</Type/Catalog/Pages 2 0 R/AcroForm<</Fields 4 0 R>>>>"),
                ascii("<</Type/Pages/Kids[3 0 R]/Count 1>>"),
                ascii("<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>"),
                ascii("[".repeat(100_000) + "]".repeat(100_000))));
    }

    private static byte[] pageTreeLoop() {
        return pdf(List.of(
                ascii("<</Type/Catalog/Pages 2 0 R/AcroForm<</Fields[3 0 R]>>>>"),
                ascii("<</Type/Pages/Kids[2 0 R 2 0 R 2 0 R]/Count 2147483647/Parent 2 0 R>>"),
                ascii("<</FT/Sig/T(a)/Parent 3 0 R/Kids[3 0 R]>>")));
    }

    private static byte[] byteRangeBomb() {
        return pdf(List.of(
                ascii("<</Type/Catalog/Pages 2 0 R/AcroForm<</Fields[4 0 R]/SigFlags 3>>>>"),
                ascii("<</Type/Pages/Kids[3 0 R]/Count 1>>"),
                ascii("<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Annots[4 0 R]>>"),
                ascii("<</FT/Sig/T(Signature1)/Type/Annot/Subtype/Widget/Rect[0 0 0 0]/P 3 0 R/V 5 0 R>>"),
                ascii("<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached"
                        + "/ByteRange[0 2147483647 2147483647 2147483647]/Contents<" + "30".repeat(4096) + ">>>")));
    }

    private static byte[] manyObjects() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"));
        for (int i = 3; i < 300_003; i++) {
            out.writeBytes(ascii(i + " 0 obj[" + i + " 0 R]endobj\n"));
        }
        out.writeBytes(ascii("trailer<</Root 1 0 R/Size 300003>>\n%%EOF\n"));
        return out.toByteArray();
    }
}
