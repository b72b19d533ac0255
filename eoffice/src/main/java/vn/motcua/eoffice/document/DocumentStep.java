package vn.motcua.eoffice.document;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import vn.motcua.engine.identity.Role;

/**
 * The user tasks of the {@code outgoing_document} and {@code incoming_document} processes, by their BPMN id:
 * who works on them, the process variable their decision is stored in, and the outcomes they allow.
 */
public enum DocumentStep {
    DRAFT("doc_draft", Role.SPECIALIST, "draftDecision", EnumSet.of(Outcome.SUBMIT)),
    REVIEW("doc_review", Role.LEADER, "reviewDecision", EnumSet.of(Outcome.APPROVE, Outcome.RETURN)),
    SIGN("doc_sign", Role.LEADER, "signDecision", EnumSet.of(Outcome.SIGN, Outcome.RETURN)),
    NUMBER("doc_number", Role.RECEPTION, "numberDecision", EnumSet.of(Outcome.NUMBER)),
    SEAL("doc_seal", Role.RECEPTION, "sealDecision", EnumSet.of(Outcome.SEAL)),
    ISSUE("doc_issue", Role.RECEPTION, "issueDecision", EnumSet.of(Outcome.ISSUE)),
    /** The clerk confirms each recipient's delivery (with its {@code recipientId}) or all remaining at once. */
    TRACK_DELIVERY("doc_trackDelivery", Role.RECEPTION, "deliveryDecision",
            EnumSet.of(Outcome.DELIVERED, Outcome.ALL_DELIVERED)),
    PRESENT("doc_present", Role.RECEPTION, "presentDecision", EnumSet.of(Outcome.PRESENT)),
    INSTRUCTIONS("doc_instructions", Role.LEADER, "instructionsDecision", EnumSet.of(Outcome.INSTRUCT)),
    PROCESS("doc_process", Role.SPECIALIST, "processDecision", EnumSet.of(Outcome.PROCESS)),
    CLOSE("doc_close", Role.SPECIALIST, "closeDecision", EnumSet.of(Outcome.CLOSE)),
    ARCHIVE("doc_archive", Role.RECEPTION, "archiveDecision", EnumSet.of(Outcome.ARCHIVE));

    /** What an official decides on a document task. */
    public enum Outcome { SUBMIT, APPROVE, RETURN, SIGN, NUMBER, SEAL, ISSUE, DELIVERED, ALL_DELIVERED, PRESENT, INSTRUCT, PROCESS, CLOSE, ARCHIVE }

    private final String taskKey;
    private final Role role;
    private final String variable;
    private final Set<Outcome> outcomes;

    DocumentStep(String taskKey, Role role, String variable, Set<Outcome> outcomes) {
        this.taskKey = taskKey;
        this.role = role;
        this.variable = variable;
        this.outcomes = outcomes;
    }

    public static Optional<DocumentStep> ofTask(String taskKey) {
        return Arrays.stream(values()).filter(step -> step.taskKey.equals(taskKey)).findFirst();
    }

    public String taskKey() {
        return taskKey;
    }

    public Role role() {
        return role;
    }

    public String variable() {
        return variable;
    }

    public Set<Outcome> outcomes() {
        return outcomes;
    }
}
