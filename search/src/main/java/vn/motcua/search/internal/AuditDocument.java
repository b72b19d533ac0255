package vn.motcua.search.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.search.EventEnvelope;

/**
 * One event of any aggregate type as the inspector sees it in the {@code audit-events} index: who did what to
 * which aggregate, when, why, and the SHA-256 of every attached document — for dossiers the process control form
 * of Circular 01/2018/TT-VPCP (Mẫu 05) made searchable. {@code dossierCode} is the aggregate id of a dossier's
 * events (absent for other types), kept for the clients that search by it. {@code text} gathers everything a
 * person might search for, folded like every Vietnamese text; an event that marks its aggregate secret
 * ({@code metadata.secrecy} other than {@code NONE}, Law 29/2018/QH14 on protecting state secrets) puts only the
 * id, the event type and the actor there.
 */
public record AuditDocument(String eventId, String aggregateType, String aggregateId, String dossierCode, String type,
                            long sequence, Instant time, String actorId, String actorName, String actorRole,
                            String actorUnitId, String comment, List<String> documentHashes, String text) {

    private static final String DOSSIER = "dossier";
    private static final String NOT_SECRET = "NONE";

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
        boolean secret = secret(data);
        if (!secret) {
            addContent(text, data, comment, fileNames);
        }
        return new AuditDocument(event.eventId(), event.aggregateType(), event.aggregateId(),
                DOSSIER.equals(event.aggregateType()) ? event.aggregateId() : null, event.type(), event.sequence(),
                event.time(), JsonText.text(data, "actor.id"), actorName, JsonText.text(data, "actor.role"),
                JsonText.text(data, "actor.unitId"), secret ? null : comment, List.copyOf(hashes),
                String.join("\n", text));
    }

    private static void addContent(Set<String> text, JsonNode data, String comment, List<String> fileNames) {
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
    }

    private static boolean secret(JsonNode data) {
        String secrecy = JsonText.text(data, "metadata.secrecy");
        return secrecy != null && !NOT_SECRET.equals(secrecy);
    }

    private static void add(Set<String> text, String value) {
        if (value != null && !value.isBlank()) {
            text.add(value.strip());
        }
    }
}
