package vn.motcua.engine.process;

import java.time.Instant;
import java.util.Set;

/** A task waiting for an official, as shown in their inbox. */
public record WorkItem(String id, String step, String name, String dossierCode, String procedureCode,
                       String unitId, String assignee, Instant createdAt, Set<Outcome> outcomes) {
}
