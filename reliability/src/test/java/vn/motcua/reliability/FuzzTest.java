package vn.motcua.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.reliability.AuthorizationMatrixTest.Target;
import vn.motcua.reliability.AuthorizationMatrixTest.Task;
import vn.motcua.reliability.AuthorizationMatrixTest.Who;
import vn.motcua.reliability.support.Examples;
import vn.motcua.reliability.support.Fixtures;
import vn.motcua.reliability.support.Hostile;
import vn.motcua.reliability.support.Http;
import vn.motcua.reliability.support.InProcessRun;
import vn.motcua.reliability.support.OpenApi;
import vn.motcua.reliability.support.Results;
import vn.motcua.reliability.support.Samples;

/**
 * Hostile requests generated from the OpenAPI document: each starts from a well-formed request of an operation (its
 * path naming real objects, a valid body, the credentials of a person whose role may call it) and breaks it in one
 * way — a path or query value, a wrong type or a hostile value anywhere in the body, a broken, huge or deeply nested
 * document, a bad multipart, a lying content type, odd headers, a method the path does not take — or is sent
 * without credentials or with bad ones. Expected: no 5xx, every 4xx an RFC 9457 problem, and the event store moved
 * only by requests that were accepted (2xx), which are counted apart.
 */
@Order(3)
class FuzzTest extends InProcessRun {

    /** Writes every non-ASCII character escaped: lone surrogates and NULs reach the server as JSON escapes. */
    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final List<String> CATEGORIES = List.of("path", "query", "json-value", "json-document",
            "multipart", "content-type", "headers", "method", "credentials");
    private static final Set<String> EXPENSIVE = Set.of("POST /api/v1/admin/rebuilds");

    @Test
    void hostileRequestsGetProblemsAndChangeNothing() {
        long seed = Long.getLong("reliability.seed", 20261122L);
        int total = Results.integer("reliability.fuzz.requests", 300);
        Http http = http();
        Results results = new Results("fuzzing", "Fuzzing");
        Fixtures fixtures = new Fixtures(http);
        Fixtures.Dossier dossier = fixtures.dossier("citizen-a", Samples.HANOI, "reception-hn");
        Fixtures.Document document = fixtures.document("specialist-hn", Samples.HANOI);
        Task task = new Task(dossier.taskId(), Samples.HANOI, "RECEPTION");
        OpenApi api = OpenApi.of(http);
        Examples examples = new Examples(api);
        List<OpenApi.Operation> operations = api.operations();
        Random random = new Random(seed);
        Hostile hostile = new Hostile(random);
        results.line("seed %d (repeat with -Dreliability.seed=%d), %d requests over %d operations", seed, seed, total,
                operations.size());

        Map<String, Integer> byCategory = new TreeMap<>();
        Map<String, Integer> byStatus = new TreeMap<>();
        int fivexx = 0;
        int protocol501 = 0;
        int notProblem = 0;
        int accepted = 0;
        int refusedByClosing = 0;
        int changedWithoutAcceptance = 0;
        long acceptedEvents = 0;
        List<String> acceptedExamples = new ArrayList<>();
        long started = System.nanoTime();
        long eventsBefore = events();
        for (int i = 0; i < total; i++) {
            OpenApi.Operation op = operations.get(random.nextInt(operations.size()));
            String category = EXPENSIVE.contains(op.key()) ? "query" : hostile.pick(CATEGORIES);
            Who who = matching(op);
            Target target = AuthorizationMatrixTest.target(op);
            Object object = switch (target) {
                case DOSSIER -> dossier;
                case DOCUMENT -> document;
                case TASK -> task;
                case NONE -> null;
            };
            Http.Request valid = AuthorizationMatrixTest.request(op, target, object, who, examples, dossier, document);
            Http.Request request = mutate(category, op, valid, hostile, examples, who).noted("#" + i + " " + category);
            long before = lastEvent();
            Http.Response response = http.send(request);
            long after = lastEvent();
            int status = response.status();
            byCategory.merge(category, 1, Integer::sum);
            byStatus.merge(status < 0 ? "closed" : Integer.toString(status), 1, Integer::sum);
            boolean ok = status >= 200 && status < 300;
            boolean write = !op.reads() && !request.method().equals("OPTIONS") && !request.method().equals("HEAD");
            if (status == 501 && request.headers().stream().anyMatch(h -> h[0].equals("Transfer-Encoding"))) {
                protocol501++;                                     // RFC 9112 §6.1: an unknown transfer coding
                results.finding("501 to an unknown Transfer-Encoding (RFC 9112 §6.1; Tomcat, before the application)",
                        "501 for " + request.describe());
            } else if (status >= 500) {
                fivexx++;
                results.finding("5xx " + status + " " + op.key() + " (" + category + ")",
                        "5xx " + status + " for " + request.describe() + " → " + response);
            } else if (status < 0) {
                if (request.body() != null && request.body().length > 1_000_000) {
                    refusedByClosing++;
                } else {
                    fivexx++;
                    results.finding("no answer " + op.key() + " (" + category + ")",
                            "no answer for " + request.describe() + ": " + response.failure());
                }
            } else if (status >= 400 && !response.isProblem() && !status406(request, status)
                    && !request.method().equals("HEAD")) {                 // a HEAD answer has no body by definition
                notProblem++;
                results.finding("not a problem: " + status + " " + response.contentType()
                                + (response.contentType().startsWith("text/html") ? " (Tomcat's own error page, before"
                                + " the application)" : " " + op.key()),
                        "not a problem: " + status + " " + response.contentType() + " for " + request.describe()
                                + " → " + response);
            }
            if (ok && write) {
                accepted++;
                acceptedEvents += after - before;
                if (acceptedExamples.size() < 10) {
                    acceptedExamples.add(status + " " + request.describe());
                }
            } else if (after != before) {
                changedWithoutAcceptance++;
                results.finding("event store changed by an unaccepted request: " + op.key(),
                        "event store changed by an unaccepted request (" + status + "): " + request.describe()
                                + " appended " + eventsAfter(before));
            }
        }
        long seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000_000);
        long appended = events() - eventsBefore;
        boolean healthy = http.get("/actuator/health/readiness", null).status() == 200;
        results.line("%d requests in %d s (%d/s); by kind: %s", total, seconds, total / seconds, byCategory);
        results.line("answers by status: %s", byStatus);
        results.line("5xx or no answer: %d (besides %d × 501 to an unknown Transfer-Encoding, which RFC 9112 §6.1"
                + " prescribes)", fivexx, protocol501);
        results.line("4xx that are not an RFC 9457 problem (application/problem+json with status and title): %d",
                notProblem);
        results.line("huge bodies refused by closing the connection before answering: %d", refusedByClosing);
        results.line("event store: %d events appended in all; %d by %d requests accepted legitimately (2xx writes)",
                appended, acceptedEvents, accepted);
        results.line("event store changed by a request that was not accepted: %d", changedWithoutAcceptance);
        for (String example : acceptedExamples) {
            results.line("accepted: %s", example.length() > 300 ? example.substring(0, 300) + "…" : example);
        }
        results.line("service ready after the run: %s", healthy ? "yes" : "NO");
        results.write();
        assertThat(fivexx).as("responses 5xx or none (each listed above with its request)").isZero();
        assertThat(notProblem).as("4xx that are not RFC 9457 problems").isZero();
        assertThat(changedWithoutAcceptance).as("refused requests that changed the event store").isZero();
        assertThat(healthy).as("the service is ready after the run").isTrue();
    }

    /** A client that asked for a type a problem cannot be may get a bare 406. */
    private static boolean status406(Http.Request request, int status) {
        return status == 406 && request.headers().stream().anyMatch(h -> h[0].equals("Accept")
                && !h[1].contains("json") && !h[1].contains("*/*"));
    }

    /** The person whose role may call the operation, so that the body is read rather than refused at the door. */
    static Who matching(OpenApi.Operation op) {
        String path = op.path();
        String method = op.method();
        if (path.startsWith("/api/v1/admin")) {
            return person("admin");
        }
        if (path.startsWith("/api/v1/audit")) {
            return person("inspector");
        }
        if (path.startsWith("/api/v1/documents/outgoing")) {
            return person("specialist-hn");
        }
        if (path.startsWith("/api/v1/documents/incoming") || path.endsWith("/send-back")
                || path.startsWith("/api/v1/documents")) {
            return person(path.endsWith("/recall") ? "leader-hn" : "clerk-hn");
        }
        if (path.startsWith("/api/v1/tasks") || path.startsWith("/api/v1/inbox") || path.startsWith("/api/v1/search")
                || path.startsWith("/api/v1/reports")) {
            return person("reception-hn");
        }
        if (path.endsWith("/apology") || path.endsWith("/stop")) {
            return person("leader-hn");
        }
        if (path.startsWith("/api/v1/public") || path.startsWith("/api/v1/pki") || path.startsWith("/v3")
                || path.startsWith("/actuator")) {
            return AuthorizationMatrixTest.PEOPLE.get(0);
        }
        return person(method.equals("GET") ? "citizen-a" : "citizen-a");
    }

    private static Who person(String user) {
        return AuthorizationMatrixTest.PEOPLE.stream().filter(who -> user.equals(who.user())).findFirst().orElseThrow();
    }

    private static Http.Request mutate(String category, OpenApi.Operation op, Http.Request valid, Hostile hostile,
                                       Examples examples, Who who) {
        return switch (category) {
            case "path" -> withTarget(valid, hostilePath(op, valid, hostile));
            case "query" -> withTarget(valid, hostileQuery(op, valid, hostile));
            case "json-value" -> hostileValue(op, valid, hostile, examples);
            case "json-document" -> hostileDocument(op, valid, hostile, examples);
            case "multipart" -> hostileMultipart(op, valid, hostile, examples);
            case "content-type" -> new Http.Request(valid.method(), valid.target(), withoutContentType(valid),
                    valid.body() == null ? "{\"a\":1}".getBytes(StandardCharsets.UTF_8) : valid.body(), null)
                    .header("Content-Type", hostile.pick(List.of("text/plain", "application/xml",
                            "application/x-www-form-urlencoded", "application/json; charset=EBCDIC",
                            "multipart/form-data", "multipart/form-data; boundary=", "application/json; charset=UTF-7",
                            "*/*", "application/pdf", "image/png", "application/json;;;;", "\u00ff/\u00fe")));
            case "headers" -> hostileHeaders(valid, hostile);
            case "method" -> new Http.Request(hostile.pick(List.of("PATCH", "PUT", "DELETE", "TRACE", "OPTIONS",
                    "HEAD", "POST", "GET", "PROPFIND")), valid.target(), valid.headers(), valid.body(), null);
            default -> credentials(valid, hostile, who);
        };
    }

    private static Http.Request withTarget(Http.Request valid, String target) {
        return new Http.Request(valid.method(), target, valid.headers(), valid.body(), null);
    }

    private static String hostilePath(OpenApi.Operation op, Http.Request valid, Hostile hostile) {
        String template = op.path();
        if (!template.contains("{")) {
            // no parameter: a hostile segment appended, or the path itself twisted
            return hostile.pick(List.of(template + "/" + hostile.pathSegment(), template + "/..%2f..%2fetc",
                    template.toUpperCase(), template + "%00", template + "//", template + ";x=1",
                    "/api/v1/./" + template.substring(Math.min(8, template.length())), template + "/" + "a".repeat(6000)));
        }
        String[] templateParts = template.split("/");
        String[] validParts = valid.target().split("\\?")[0].split("/");
        StringBuilder path = new StringBuilder();
        for (int i = 1; i < templateParts.length; i++) {
            path.append('/');
            boolean parameter = templateParts[i].startsWith("{");
            path.append(parameter && (hostile.chance(0.6) || i == templateParts.length - 1)
                    ? hostile.pathSegment() : i < validParts.length ? validParts[i] : templateParts[i]);
        }
        String query = valid.target().contains("?") ? valid.target().substring(valid.target().indexOf('?')) : "";
        return path + query;
    }

    private static String hostileQuery(OpenApi.Operation op, Http.Request valid, Hostile hostile) {
        String path = valid.target().split("\\?")[0];
        StringBuilder query = new StringBuilder();
        List<OpenApi.Parameter> parameters = op.in("query");
        for (OpenApi.Parameter parameter : parameters) {
            if (parameter.required() || hostile.chance(0.5)) {
                String value = hostile.chance(0.8) ? hostile.text() : hostile.pick(Hostile.NUMBERS);
                query.append(query.isEmpty() ? '?' : '&').append(parameter.name()).append('=')
                        .append(Hostile.encode(value.substring(0, Math.min(value.length(), 1500))));
            }
        }
        switch (hostile.nextInt(5)) {
            case 0 -> query.append(query.isEmpty() ? '?' : '&').append("x[$ne]=1&q[$where]=sleep(1)");
            case 1 -> {
                String name = parameters.isEmpty() ? "page" : hostile.pick(parameters).name();
                for (int i = 0; i < 300; i++) {
                    query.append(query.isEmpty() ? '?' : '&').append(name).append('=').append(i);
                }
            }
            case 2 -> query.append(query.isEmpty() ? '?' : '&').append("page=-1&size=1000000000&from=+999999999-12-31"
                    + "&to=-999999999-01-01&receivedFrom=2026-02-30&sort=%27&order=%00");
            case 3 -> query.append(query.isEmpty() ? '?' : '&').append("%zz=%zz&=&&&a=%ED%A0%80");
            default -> {
            }
        }
        return path + query;
    }

    private static Http.Request hostileValue(OpenApi.Operation op, Http.Request valid, Hostile hostile,
                                             Examples examples) {
        JsonNode schema = op.bodies().get("application/json");
        if (schema != null) {
            JsonNode tree = hostile.mutate(examples.of(schema));
            return valid.body("application/json", bytes(tree));
        }
        if (op.bodies().containsKey("multipart/form-data")) {
            return multipartWithJson(op, valid, hostile, examples, tree -> bytes(hostile.mutate(tree)));
        }
        return withTarget(valid, hostileQuery(op, valid, hostile));
    }

    private static Http.Request hostileDocument(OpenApi.Operation op, Http.Request valid, Hostile hostile,
                                                Examples examples) {
        JsonNode schema = op.bodies().get("application/json");
        if (op.bodies().containsKey("multipart/form-data")) {
            return multipartWithJson(op, valid, hostile, examples,
                    tree -> hostile.brokenJson(tree.toString()));
        }
        String baseline = schema == null ? "{}" : examples.json(schema);
        Http.Request request = new Http.Request(valid.method(), valid.target(), withoutContentType(valid), null, null);
        return request.body("application/json", hostile.brokenJson(baseline));
    }

    /** The operation's multipart body with its JSON part replaced by {@code json} of its valid tree. */
    private static Http.Request multipartWithJson(OpenApi.Operation op, Http.Request valid, Hostile hostile,
                                                  Examples examples,
                                                  java.util.function.Function<JsonNode, byte[]> json) {
        JsonNode schema = op.bodies().get("multipart/form-data");
        Http.Multipart parts = new Http.Multipart();
        for (var properties = schema.path("properties").fields(); properties.hasNext(); ) {
            var property = properties.next();
            String name = property.getKey();
            JsonNode part = property.getValue();
            boolean binary = part.path("format").asText().equals("binary")
                    || part.path("items").path("format").asText().equals("binary");
            if (binary) {
                parts.pdf(name, name + ".pdf", Samples.pdf("Tai lieu"));
            } else {
                JsonNode tree = read(name.equals("dossier") ? Samples.dossier(Samples.HANOI, "Nguyễn Văn An")
                        : name.equals("document") ? Samples.DRAFT : examples.json(part));
                parts.part(name, null, "application/json", json.apply(tree));
            }
        }
        return new Http.Request(valid.method(), valid.target(), withoutContentType(valid), null, null)
                .multipart(parts);
    }

    private static Http.Request hostileMultipart(OpenApi.Operation op, Http.Request valid, Hostile hostile,
                                                 Examples examples) {
        Http.Request bare = new Http.Request(valid.method(), valid.target(), withoutContentType(valid), null, null);
        byte[] pdf = Samples.pdf("Tai lieu");
        String jsonPart = op.path().startsWith("/api/v1/documents") ? "document" : "dossier";
        String json = jsonPart.equals("document") ? Samples.DRAFT : Samples.dossier(Samples.HANOI, "Nguyễn Văn An");
        String filePart = op.path().startsWith("/api/v1/documents") || op.path().contains("/check") ? "file" : "files";
        return switch (hostile.nextInt(12)) {
            case 0 -> bare.body("multipart/form-data", new Http.Multipart().json(jsonPart, json).bytes());
            case 1 -> bare.body("multipart/form-data; boundary=other", new Http.Multipart("mine")
                    .json(jsonPart, json).bytes());
            case 2 -> bare.body(new Http.Multipart().contentType(), new Http.Multipart().json(jsonPart, json)
                    .pdf(filePart, "a.pdf", pdf).truncated());
            case 3 -> bare.multipart(new Http.Multipart().part(null, null, "application/json",
                    json.getBytes(StandardCharsets.UTF_8)).pdf(null, "a.pdf", pdf));
            case 4 -> {
                Http.Multipart many = new Http.Multipart().json(jsonPart, json);
                for (int i = 0; i < 1000; i++) {
                    many.pdf(filePart, "p" + i + ".pdf", new byte[] {'%', 'P', 'D', 'F'});
                }
                yield bare.multipart(many);
            }
            case 5 -> bare.multipart(new Http.Multipart().json(jsonPart, json).pdf(filePart,
                    hostile.pick(List.of("../../../etc/passwd", "a\r\nX-Injected: 1.pdf", "a\u0000.pdf",
                            "\u202Efdp.exe", "x".repeat(5000) + ".pdf", "")), pdf));
            case 6 -> bare.multipart(new Http.Multipart().json(jsonPart, json).pdf(filePart, "a.pdf", hostile.notAPdf()));
            case 7 -> bare.multipart(new Http.Multipart().part(jsonPart, null, "text/plain",
                    json.getBytes(StandardCharsets.UTF_8)).pdf(filePart, "a.pdf", pdf));
            case 8 -> bare.multipart(new Http.Multipart().json(jsonPart, json).json(jsonPart, json)
                    .pdf(filePart, "a.pdf", pdf));
            case 9 -> bare.multipart(new Http.Multipart().part(jsonPart, null,
                    "multipart/mixed; boundary=inner", ("--inner\r\n\r\n" + json + "\r\n--inner--")
                            .getBytes(StandardCharsets.UTF_8)).pdf(filePart, "a.pdf", pdf));
            case 10 -> bare.multipart(new Http.Multipart().raw(("--x\r\nContent-Disposition: form-data; name=\""
                    + "a".repeat(20_000) + "\"\r\n\r\nv\r\n").getBytes(StandardCharsets.US_ASCII)));
            default -> bare.multipart(new Http.Multipart().json(jsonPart, new String(bytes(hostile.mutate(read(json))), StandardCharsets.UTF_8))
                    .pdf(filePart, hostile.pick(List.of("a.pdf", "b.pdf")), pdf));
        };
    }

    private static Http.Request hostileHeaders(Http.Request valid, Hostile hostile) {
        String[][] choices = {
                {"Accept-Language", hostile.pick(List.of("vi;q=abc", "x".repeat(4000), "*;q=-1", "en-US,"
                        .repeat(500), "\u00ff\u00fe", "zz-ZZ-u-ca-islamic", "en;q=1e309"))},
                {"Accept", hostile.pick(List.of("application/xml", "text/html", "*/*;q=abc", "application/json;q=0",
                        "application/problem+json;q=0.0", "image/*", ";;;"))},
                {"Range", "bytes=0-1,2-3,4-5,6-7,8-9,10-11,12-13,14-15,16-17,18-19,20-21,22-23,-1"},
                {"If-None-Match", "\"" + "a".repeat(6000) + "\""},
                {"X-Forwarded-For", "127.0.0.1, ' OR 1=1 --"},
                {"X-Forwarded-Host", "evil.example\r\nX-Injected: 1".replace("\r\n", "%0d%0a")},
                {"Content-Encoding", "gzip"},
                {"Transfer-Encoding", "gzip"},
                {"Expect", "100-continue-please"},
                {"Cookie", "JSESSIONID=" + "%00".repeat(100)},
                {"If-Modified-Since", hostile.pick(Hostile.DATES)}};
        String[] chosen = choices[hostile.nextInt(choices.length)];
        return valid.header(chosen[0], chosen[1]);
    }

    private static Http.Request credentials(Http.Request valid, Hostile hostile, Who who) {
        List<String[]> headers = new ArrayList<>(valid.headers().stream()
                .filter(h -> !h[0].equals("Authorization")).toList());
        String authorization = hostile.pick(List.of("", "Basic !!!", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("citizen-a".getBytes(StandardCharsets.UTF_8)),
                Http.basic("citizen-a").replace("=", "") + "x", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("admin:wrong".getBytes(StandardCharsets.UTF_8)),
                "Basic " + java.util.Base64.getEncoder().encodeToString(("' OR 1=1 --:" + Http.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)),
                "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGVzIjpbIkFETUlOIl19.",
                "Bearer " + "a".repeat(3000), "Digest username=\"admin\"", "NONE"));
        if (!authorization.isEmpty() && !authorization.equals("NONE")) {
            headers.add(new String[] {"Authorization", authorization});
        }
        return new Http.Request(valid.method(), valid.target(), headers, valid.body(), null);
    }

    private static List<String[]> withoutContentType(Http.Request request) {
        return request.headers().stream().filter(h -> !h[0].equals("Content-Type")).toList();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(JsonNode tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
