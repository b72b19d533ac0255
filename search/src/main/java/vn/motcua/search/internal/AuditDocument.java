package vn.motcua.search.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.search.EventEnvelope;

/**
 * One event as the inspector sees it in the {@code audit-events} index: who did what to which dossier,
 * when, why, and the SHA-256 of every attached document — the process control form of Circular
 * 01/2018/TT-VPCP (Mẫu 05) made searchable. {@code text} gathers everything a person might search
 * for, folded like every Vietnamese text.
 */
public record AuditDocument(String eventId, String dossierCode, String type, long sequence, Instant time,
                            String actorId, String actorName, String actorRole, String actorUnitId, String comment,
                            List<String> documentHashes, String text) {

    public static AuditDocument of(EventEnvelope event) {
        JsonNode data = event.data();
        List<String> hashes = new ArrayList<>();
        List<String> fileNames = new ArrayList<>();
        JsonNode documents = data.get("documents");
        if (documents != null && documents.isArray()) {
            for (JsonNode document : documents) {
                String sha256 = JsonText.text(document, "sha256");
                if (sha256 != null) {
                    hashes.add(sha256);
                }
                String fileName = JsonText.text(document, "fileName");
                if (fileName != null) {
                    fileNames.add(fileName);
                }
            }
        }
        String actorName = JsonText.text(data, "actor.name");
        String comment = JsonText.text(data, "comment");
        Set<String> text = new LinkedHashSet<>();
        add(text, event.aggregateId());
        add(text, event.type());
        add(text, actorName);
        add(text, comment);
        add(text, JsonText.text(data, "applicant.fullName"));
        add(text, JsonText.text(data, "handler.name"));
        add(text, JsonText.text(data, "outcome"));
        JsonNode items = data.get("items");
        if (items != null) {
            JsonText.leafTexts(items).forEach(item -> add(text, item));
        }
        JsonNode form = data.get("form");
        if (form != null) {
            JsonText.leafTexts(form).forEach(value -> add(text, value));
        }
        fileNames.forEach(fileName -> add(text, fileName));
        return new AuditDocument(event.eventId(), event.aggregateId(), event.type(), event.sequence(), event.time(),
                JsonText.text(data, "actor.id"), actorName, JsonText.text(data, "actor.role"),
                JsonText.text(data, "actor.unitId"), comment, List.copyOf(hashes), String.join("\n", text));
    }

    private static void add(Set<String> text, String value) {
        if (value != null && !value.isBlank()) {
            text.add(value.strip());
        }
    }
}
