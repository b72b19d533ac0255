package vn.motcua.reliability.support;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Objects made at the start of a run, through the API as their owners would: a dossier of one citizen at one unit
 * (with its attached document and its reception task), an outgoing draft of one unit's specialist (with its draft
 * task). Each waits until the read model and the search index have it, so that what a run reads is settled.
 */
public final class Fixtures {

    public record Dossier(String code, String owner, String unit, String sha256, String taskId, String taskRole) {
    }

    public record Document(String id, String unit, String taskId, String taskRole) {
    }

    private final Http http;

    public Fixtures(Http http) {
        this.http = http;
    }

    public Dossier dossier(String citizen, String unit, String receptionist) {
        Http.Response created = http.send(Samples.submission(citizen, unit, "Nguyễn Văn An"));
        if (created.status() != 201) {
            throw new AssertionError("a fixture dossier could not be submitted: " + created);
        }
        String code = created.json().get("code").asText();
        String sha256 = http.get("/api/v1/dossiers/" + code + "/history", citizen).json()
                .at("/0/documents/0/sha256").asText();
        String task = await("the reception task of " + code, () -> taskOf(receptionist, code));
        await("the view of " + code, () -> http.get("/api/v1/dossiers/" + code + "/view", citizen).status() == 200
                ? "ok" : null);
        await("the index entry of " + code, () -> http.get("/api/v1/search/dossiers?q=" + code, "inspector").json()
                .path("total").asInt() == 1 ? "ok" : null);
        return new Dossier(code, citizen, unit, sha256, task, "RECEPTION");
    }

    public Document document(String specialist, String unit) {
        Http.Response created = http.send(Samples.draft(specialist));
        if (created.status() != 201) {
            throw new AssertionError("a fixture document could not be drafted: " + created);
        }
        String id = created.json().get("documentId").asText();
        String task = await("the draft task of " + id, () -> taskOf(specialist, id));
        await("the document view of " + id, () -> http.get("/api/v1/documents", specialist).contains(id) ? "ok" : null);
        return new Document(id, unit, task, "SPECIALIST");
    }

    private String taskOf(String official, String aggregateId) {
        Http.Response inbox = http.get("/api/v1/tasks", official);
        if (inbox.status() != 200) {
            return null;
        }
        for (JsonNode task : inbox.json()) {
            if (task.path("aggregateId").asText().equals(aggregateId)) {
                return task.get("id").asText();
            }
        }
        return null;
    }

    private static String await(String what, java.util.function.Supplier<String> probe) {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(until)) {
            String value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(what + " did not appear within 90 s");
    }
}
