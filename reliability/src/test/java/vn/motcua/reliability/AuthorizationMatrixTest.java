package vn.motcua.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.reliability.support.Examples;
import vn.motcua.reliability.support.Fixtures;
import vn.motcua.reliability.support.Http;
import vn.motcua.reliability.support.InProcessRun;
import vn.motcua.reliability.support.OpenApi;
import vn.motcua.reliability.support.Results;
import vn.motcua.reliability.support.Samples;

/**
 * Every operation of the OpenAPI document × every person (anonymous, two citizens, each official role of two units,
 * the inspector, the administrator) × two units' objects of two owners, against the expectation written once in
 * {@link #expect}. A leak is a 2xx where the table says 403/404, a 403 where existence is not theirs to know (404),
 * a hidden object named in a list or search they may read, or a 404 that differs from the one a nonexistent object
 * gets. Writes go only to people expected to be refused, so shared fixtures stay as they are: the event store must
 * not move.
 */
@Order(2)
class AuthorizationMatrixTest extends InProcessRun {

    enum Expect { PUBLIC, ALLOW, LIST, DENY_403, HIDE_404, SIGN_IN_401 }

    /** A person of the demo: user name, role, unit (null for citizens, inspector, administrator). */
    record Who(String user, String role, String unit) {
        boolean official() {
            return Set.of("RECEPTION", "SPECIALIST", "LEADER", "CLERK", "UNIT_HEAD").contains(role);
        }

        boolean reader() {
            return official() || role.equals("INSPECTOR");
        }

        @Override
        public String toString() {
            return user == null ? "anonymous" : user;
        }
    }

    static final List<Who> PEOPLE = List.of(new Who(null, "ANONYMOUS", null),
            new Who("citizen-a", "CITIZEN", null), new Who("citizen-b", "CITIZEN", null),
            new Who("reception-hn", "RECEPTION", Samples.HANOI), new Who("specialist-hn", "SPECIALIST", Samples.HANOI),
            new Who("leader-hn", "LEADER", Samples.HANOI), new Who("clerk-hn", "CLERK", Samples.HANOI),
            new Who("unit-head-hn", "UNIT_HEAD", Samples.HANOI),
            new Who("reception-hcm", "RECEPTION", Samples.HCMC), new Who("specialist-hcm", "SPECIALIST", Samples.HCMC),
            new Who("leader-hcm", "LEADER", Samples.HCMC), new Who("clerk-hcm", "CLERK", Samples.HCMC),
            new Who("unit-head-hcm", "UNIT_HEAD", Samples.HCMC),
            new Who("inspector", "INSPECTOR", null), new Who("admin", "ADMIN", null));

    /** What a path names: an object of a kind (its id put in the path), or nothing. */
    enum Target { NONE, DOSSIER, DOCUMENT, TASK }

    record Case(OpenApi.Operation operation, Target target, Object object, Who who, Expect expect) {
    }

    private final Map<String, Integer> outcome = new TreeMap<>();

    // ---------------------------------------------------------------------------------------------------------
    // The expectation, written once. Endpoint-level first (which roles may call it at all: a refusal there is the
    // same for every object, so a 403 tells nothing), then object-level (a person who may call it but may not see
    // this object gets the 404 of a nonexistent one).
    // ---------------------------------------------------------------------------------------------------------
    static Expect expect(OpenApi.Operation op, Target target, Object object, Who who) {
        String path = op.path();
        boolean read = op.reads();
        if (path.startsWith("/v3/api-docs") || path.startsWith("/actuator/health") || path.startsWith("/api/v1/pki/")
                || path.startsWith("/api/v1/public/")) {
            return Expect.PUBLIC;                                          // public: nobody is refused
        }
        if (who.user() == null) {
            return Expect.SIGN_IN_401;                                     // everything else needs a sign-in
        }
        if (path.startsWith("/api/v1/admin")) {
            return who.role().equals("ADMIN") ? Expect.ALLOW : Expect.DENY_403;
        }
        if (path.startsWith("/api/v1/audit")) {
            return who.role().equals("INSPECTOR") ? (path.equals("/api/v1/audit/events") ? Expect.LIST : Expect.ALLOW)
                    : Expect.DENY_403;
        }
        if (path.startsWith("/api/v1/search") || path.startsWith("/api/v1/reports")) {
            return who.reader() ? Expect.LIST : Expect.DENY_403;           // filtered to their unit, inspectors all
        }
        if (path.startsWith("/api/v1/inbox") || path.equals("/api/v1/tasks")) {
            return who.official() ? Expect.LIST : Expect.DENY_403;
        }
        if (path.equals("/api/v1/payments/reconciliation")) {              // the unit's books; inspectors all units
            return Set.of("RECEPTION", "LEADER", "INSPECTOR").contains(who.role()) ? Expect.LIST : Expect.DENY_403;
        }
        if (path.startsWith("/api/v1/procedures") || path.equals("/api/v1/units") || path.equals("/api/v1/me")) {
            return Expect.ALLOW;                                           // the catalogue, who am I: anyone signed in
        }
        if (target == Target.TASK) {
            Task task = (Task) object;
            if (!who.official()) {
                return Expect.DENY_403;
            }
            if (!who.unit().equals(task.unit())) {
                return Expect.HIDE_404;                                    // another unit's task: not theirs to know
            }
            // their unit's task of another role is not in their inbox either: the same 404 as an unknown task
            return who.role().equals(task.role()) ? Expect.ALLOW : Expect.HIDE_404;
        }
        if (path.startsWith("/api/v1/documents/registers")) {
            // the registers (sổ văn bản): their unit's clerk and inspectors only; entries filtered by the policy
            return who.role().equals("CLERK") || who.role().equals("INSPECTOR") ? Expect.LIST : Expect.DENY_403;
        }
        if (path.startsWith("/api/v1/documents")) {
            if (path.equals("/api/v1/documents/verification")) {
                return who.reader() ? Expect.ALLOW : Expect.DENY_403;
            }
            if (target == Target.NONE) {
                return read ? (who.reader() ? Expect.LIST : Expect.DENY_403)
                        : (who.official() ? Expect.ALLOW : Expect.DENY_403);
            }
            Fixtures.Document document = (Fixtures.Document) object;
            if (read ? !who.reader() : !who.official()) {
                return Expect.DENY_403;                                    // inspectors read, never write
            }
            if (!read && !who.role().equals(path.endsWith("/send-back") ? "CLERK" : path.endsWith("/recall")
                    ? "LEADER" : who.role())) {
                return Expect.DENY_403;                                    // send back: clerks; recall: leaders
            }
            return who.role().equals("INSPECTOR") || document.unit().equals(who.unit()) ? Expect.ALLOW
                    : Expect.HIDE_404;
        }
        if (path.startsWith("/api/v1/dossiers")) {
            if (target == Target.NONE) {
                return read ? Expect.LIST : who.role().equals("CITIZEN") ? Expect.ALLOW : Expect.DENY_403;
            }
            Fixtures.Dossier dossier = (Fixtures.Dossier) object;
            boolean sees = who.role().equals("INSPECTOR") || dossier.owner().equals(who.user())
                    || (who.official() && dossier.unit().equals(who.unit()));
            if (read) {
                return sees ? Expect.ALLOW : Expect.HIDE_404;
            }
            boolean leaderStep = path.endsWith("/apology") || path.endsWith("/stop")
                    || path.endsWith("/result/corrections") || path.endsWith("/result/revocation");
            String role = leaderStep ? "LEADER" : path.endsWith("/payments/counter") ? "RECEPTION" : "CITIZEN";
            if (!who.role().equals(role)) {
                return Expect.DENY_403;
            }
            return sees ? Expect.ALLOW : Expect.HIDE_404;
        }
        return null;                                                       // no rule: the run fails naming it
    }

    record Task(String id, String unit, String role) {
    }

    @Test
    void noOneSeesOrChangesWhatIsNotTheirs() {
        Http http = http();
        Results results = new Results("authorization", "Authorisation matrix");
        Fixtures fixtures = new Fixtures(http);
        Fixtures.Dossier dossierHn = fixtures.dossier("citizen-a", Samples.HANOI, "reception-hn");
        Fixtures.Dossier dossierHcm = fixtures.dossier("citizen-b", Samples.HCMC, "reception-hcm");
        Fixtures.Document documentHn = fixtures.document("specialist-hn", Samples.HANOI);
        Fixtures.Document documentHcm = fixtures.document("specialist-hcm", Samples.HCMC);
        List<Object> dossiers = List.of(dossierHn, dossierHcm);
        List<Object> documents = List.of(documentHn, documentHcm);
        List<Object> tasks = List.of(new Task(dossierHn.taskId(), Samples.HANOI, "RECEPTION"),
                new Task(dossierHcm.taskId(), Samples.HCMC, "RECEPTION"),
                new Task(documentHn.taskId(), Samples.HANOI, documentHn.taskRole()),
                new Task(documentHcm.taskId(), Samples.HCMC, documentHcm.taskRole()));

        OpenApi api = OpenApi.of(http);
        Examples examples = new Examples(api);
        long before = lastEvent();
        int sent = 0;
        int notSent = 0;
        int cases = 0;
        List<String> unclassified = new ArrayList<>();
        for (OpenApi.Operation op : api.operations()) {
            Target target = target(op);
            List<Object> objects = switch (target) {
                case DOSSIER -> dossiers;
                case DOCUMENT -> documents;
                case TASK -> tasks;
                case NONE -> java.util.Collections.singletonList(null);
            };
            for (Object object : objects) {
                for (Who who : PEOPLE) {
                    cases++;
                    Expect expect = expect(op, target, object, who);
                    if (expect == null) {
                        unclassified.add(op.key());
                        continue;
                    }
                    if (expect == Expect.ALLOW && !op.reads() && !safe(op)) {
                        notSent++;                                         // would succeed and change a fixture
                        continue;
                    }
                    sent++;
                    Http.Request request = request(op, target, object, who, examples, dossierHn, documentHn);
                    Http.Response response = http.send(request);
                    judge(new Case(op, target, object, who, expect), request, response, results, http,
                            List.of(dossierHn, dossierHcm, documentHn, documentHcm), examples, dossierHn, documentHn);
                }
            }
        }
        long after = lastEvent();
        int principals = PEOPLE.size();
        results.line("matrix: %d operations × %d people (anonymous, 2 citizens, 5 official roles × 2 units, inspector,"
                        + " admin) × objects of 2 units and 2 owners = %d cases; %d requests sent, %d not sent (writes"
                        + " that would succeed against shared fixtures)", api.operations().size(), principals, cases,
                sent, notSent);
        results.line("answers: %s", outcome);
        results.line("leaks: %d", results.findings().stream().filter(f -> f.startsWith("LEAK")).count());
        results.line("other mismatches (stricter or different than the table, not leaks): %d",
                results.findings().stream().filter(f -> f.startsWith("MISMATCH")).count());
        results.line("event store: %d events appended during the matrix (expected 0)", after - before);
        if (after != before) {
            results.finding("LEAK event store moved: " + eventsAfter(before));
        }
        if (!unclassified.isEmpty()) {
            results.finding("UNCLASSIFIED operations without an expectation: " + Set.copyOf(unclassified));
        }
        results.write();
        assertThat(unclassified).as("every operation has an expected answer in the table").isEmpty();
        assertThat(results.findings().stream().filter(f -> f.startsWith("LEAK")).toList()).as("leaks").isEmpty();
        assertThat(after).as("no event appended by refused writes").isEqualTo(before);
    }

    private void judge(Case c, Http.Request request, Http.Response response, Results results, Http http,
                       List<Object> all, Examples examples, Fixtures.Dossier dossierHn, Fixtures.Document documentHn) {
        int status = response.status();
        outcome.merge(c.expect() + "→" + (status < 0 ? "none" : status / 100 + "xx"), 1, Integer::sum);
        String where = c.who() + " " + request.method() + " " + request.target() + " (expected " + c.expect() + ")";
        if (status >= 500 || status < 0) {
            results.finding("ERROR " + status + ": " + c.operation().key(), "ERROR " + status + " for " + where
                    + ": " + response);
            return;
        }
        boolean ok = status >= 200 && status < 300;
        String op = c.operation().key();
        switch (c.expect()) {
            case DENY_403 -> {
                if (ok) {
                    results.finding("LEAK " + status + " where 403 expected: " + op, "LEAK " + status + " for " + where);
                } else if (status != 403 && status != 404) {
                    results.finding("MISMATCH " + status + " where 403 expected: " + op, "MISMATCH " + status
                            + " for " + where);
                }
            }
            case HIDE_404 -> {
                // existence not theirs to know: the answer must be the one a nonexistent object gets (status, type)
                Http.Request ghost = request(c.operation(), c.target(), ghost(c.target(), c.object()), c.who(),
                        examples, dossierHn, documentHn);
                Http.Response nobody = http.send(ghost);
                if (ok) {
                    results.finding("LEAK " + status + " where 404 expected: " + op, "LEAK " + status + " for "
                            + where + ": " + response);
                } else if (nobody.status() != status || !nobody.problemType().equals(response.problemType())) {
                    results.finding("LEAK existence told (" + status + " " + response.problemType() + ", nonexistent: "
                                    + nobody.status() + " " + nobody.problemType() + "): " + op,
                            "LEAK existence told to " + where + ": " + status + " " + response.problemType() + " but "
                                    + nobody.status() + " " + nobody.problemType() + " for a nonexistent one");
                } else if (status != 404) {
                    results.finding("MISMATCH " + status + " (the same for a nonexistent object) where 404 expected: "
                            + op, "MISMATCH " + status + " for " + where);
                }
            }
            case SIGN_IN_401 -> {
                if (ok) {
                    results.finding("LEAK " + status + " without sign-in: " + op, "LEAK " + status
                            + " without sign-in for " + where);
                } else if (status != 401) {
                    results.finding("MISMATCH " + status + " where 401 expected: " + op, "MISMATCH " + status
                            + " for " + where);
                }
            }
            case ALLOW -> {
                if (status == 401 || status == 403) {
                    results.finding("MISMATCH refused " + status + " where allowed: " + op, "MISMATCH refused "
                            + status + " for " + where + ": " + response);
                }
            }
            case LIST, PUBLIC -> {
            }
        }
        if (ok) {
            // nothing hidden from this person may be named in what they are given (lists, searches, reports)
            for (Object object : all) {
                if (!sees(c.who(), object)) {
                    String id = object instanceof Fixtures.Dossier d ? d.code() : ((Fixtures.Document) object).id();
                    if (response.contains(id) && !request.target().contains(id)) {
                        results.finding("LEAK hidden object named in the answer: " + c.operation().key(),
                                "LEAK " + id + " named in " + where);
                    }
                }
            }
        }
    }

    private static boolean sees(Who who, Object object) {
        if (who.role().equals("INSPECTOR")) {
            return true;
        }
        if (object instanceof Fixtures.Dossier dossier) {
            return dossier.owner().equals(who.user()) || (who.official() && dossier.unit().equals(who.unit()));
        }
        return who.official() && ((Fixtures.Document) object).unit().equals(who.unit());
    }

    static Target target(OpenApi.Operation op) {
        String path = op.path();
        if (path.startsWith("/api/v1/dossiers/{") || path.startsWith("/api/v1/audit/{collection}/{id}")) {
            return Target.DOSSIER;
        }
        if (path.startsWith("/api/v1/documents/{")) {
            return Target.DOCUMENT;
        }
        if (path.startsWith("/api/v1/tasks/{")) {
            return Target.TASK;
        }
        return Target.NONE;
    }

    private static Object ghost(Target target, Object object) {
        return switch (target) {
            case DOSSIER -> {
                Fixtures.Dossier d = (Fixtures.Dossier) object;
                yield new Fixtures.Dossier(d.unit() + "-990101-9999", d.owner(), d.unit(), d.sha256(), null, null);
            }
            case DOCUMENT -> {
                Fixtures.Document d = (Fixtures.Document) object;
                yield new Fixtures.Document("00000000-0000-4000-8000-000000000000", d.unit(), null, null);
            }
            case TASK -> {
                Task t = (Task) object;
                String id = t.id().matches("[0-9a-f-]{36}") ? "00000000-0000-4000-8000-000000000000"
                        : "9".repeat(Math.max(1, t.id().length()));
                yield new Task(id, t.unit(), t.role());
            }
            case NONE -> object;
        };
    }

    /** A well-formed request: path filled with the object's id and plausible values, a valid body if it takes one. */
    static Http.Request request(OpenApi.Operation op, Target target, Object object, Who who, Examples examples,
                                Fixtures.Dossier dossierHn, Fixtures.Document documentHn) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("code", object instanceof Fixtures.Dossier d ? d.code()
                : op.path().startsWith("/api/v1/procedures") ? Samples.COSMETICS : dossierHn.code());
        values.put("id", switch (target) {
            case DOSSIER -> ((Fixtures.Dossier) object).code();
            case DOCUMENT -> ((Fixtures.Document) object).id();
            case TASK -> ((Task) object).id();
            case NONE -> "1";
        });
        values.put("sha256", object instanceof Fixtures.Dossier d ? d.sha256() : dossierHn.sha256());
        values.put("collection", "dossiers");
        values.put("form", "mau-01");
        values.put("index", "0");
        values.put("number", "1");
        values.put("year", "2026");
        values.put("day", "2026-05-09");
        values.put("name", "root-ca");
        Matcher matcher = java.util.regex.Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(op.path());
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(path, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "1")));
        }
        matcher.appendTail(path);
        StringBuilder query = new StringBuilder();
        for (OpenApi.Parameter parameter : op.in("query")) {
            if (parameter.required()) {
                String value = switch (parameter.name()) {
                    case "phoneOrIdNumber" -> "0900000000";
                    case "code" -> dossierHn.code();
                    default -> examples.of(parameter.schema()).asText();
                };
                query.append(query.isEmpty() ? '?' : '&').append(parameter.name()).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        Http.Request request = Http.Request.of(op.method(), path + query.toString()).as(who.user());
        if (op.bodies().containsKey("multipart/form-data")) {
            return request.multipart(parts(op.bodies().get("multipart/form-data"), examples));
        }
        if (op.bodies().containsKey("application/json")) {
            return request.json(examples.json(op.bodies().get("application/json")));
        }
        if (!op.bodies().isEmpty()) {
            String type = op.bodies().keySet().iterator().next();
            return request.body(type, new byte[] {0x30, 0x03, 0x02, 0x01, 0x01});
        }
        return request;
    }

    /** Valid parts: JSON parts from their schema (or the known samples), PDF for binary parts. */
    static Http.Multipart parts(JsonNode schema, Examples examples) {
        Http.Multipart parts = new Http.Multipart();
        for (var properties = schema.path("properties").fields(); properties.hasNext(); ) {
            var property = properties.next();
            String name = property.getKey();
            JsonNode part = property.getValue();
            boolean binary = part.path("format").asText().equals("binary")
                    || part.path("items").path("format").asText().equals("binary");
            if (binary) {
                parts.pdf(name, name + ".pdf", Samples.pdf("Tai lieu " + name));
            } else if (name.equals("dossier")) {
                parts.json(name, Samples.dossier(Samples.HANOI, "Nguyễn Văn An"));
            } else if (name.equals("document")) {
                parts.json(name, Samples.DRAFT);
            } else {
                parts.json(name, examples.json(part));
            }
        }
        return parts;
    }

    private static boolean safe(OpenApi.Operation op) {
        return op.path().equals("/api/v1/documents/verification") || op.path().startsWith("/api/v1/public/")
                || op.path().startsWith("/api/v1/pki/");
    }
}
