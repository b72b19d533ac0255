package vn.motcua.portal.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Integration tests of e-office documents: the officials' document tasks, found in the one inbox
 * ({@code GET /api/v1/tasks?aggregateType=document}) and completed through it.
 */
public abstract class DocumentIntegrationTest extends IntegrationTest {

    /** Completes the official's open {@code step} task of the document with the decision (JSON); the new view. */
    protected JsonNode complete(String official, String documentId, String step, String decision) {
        Api.Response response = as(official).postJson(
                "/api/v1/tasks/" + taskId(official, documentId, step) + "/complete", decision);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    protected String taskId(String official, String documentId, String step) {
        for (JsonNode task : tasks(official)) {
            if (task.get("aggregateId").asText().equals(documentId) && task.get("step").asText().equals(step)) {
                return task.get("id").asText();
            }
        }
        throw new AssertionError(official + " has no " + step + " task for " + documentId);
    }

    /** The steps of the document's tasks in the official's inbox. */
    protected List<String> openTasks(String official, String documentId) {
        List<String> steps = new ArrayList<>();
        for (JsonNode task : tasks(official)) {
            if (task.get("aggregateId").asText().equals(documentId)) {
                steps.add(task.get("step").asText());
            }
        }
        return steps;
    }

    /** The document tasks in the official's inbox. */
    protected JsonNode tasks(String official) {
        Api.Response inbox = as(official).get("/api/v1/tasks?aggregateType=document");
        assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
        for (JsonNode task : inbox.json()) {
            assertThat(task.get("aggregateType").asText()).isEqualTo("document");
            assertThat(task.get("documentId").asText()).isEqualTo(task.get("aggregateId").asText());
        }
        return inbox.json();
    }
}
