package vn.motcua.eoffice.document;

import java.util.EnumSet;
import java.util.Set;

import vn.motcua.engine.identity.Role;
import vn.motcua.engine.platform.task.TaskKind;

/**
 * The user tasks of the {@code outgoing_document} and {@code incoming_document} processes, by their BPMN id:
 * who works on them, the process variable their decision is stored in, and the outcomes they allow. The roles
 * follow Decree 30/2020/ND-CP: the specialist drafts and handles, the head of the drafting unit reviews
 * (Art. 12), the competent leader signs (Art. 13) and gives instructions (Art. 23), the head of the lead unit
 * assigns the handler and the due date (Art. 24), the clerk numbers, seals
 * and issues outgoing documents (Art. 15–18), presents incoming ones to the leader (Art. 23) and archives both.
 */
public enum DocumentStep implements TaskKind {
    DRAFT("doc_draft", Role.SPECIALIST, "draftDecision", EnumSet.of(Outcome.SUBMIT)),
    REVIEW("doc_review", Role.UNIT_HEAD, "reviewDecision", EnumSet.of(Outcome.APPROVE, Outcome.RETURN)),
    SIGN("doc_sign", Role.LEADER, "signDecision", EnumSet.of(Outcome.SIGN, Outcome.RETURN)),
    NUMBER("doc_number", Role.CLERK, "numberDecision", EnumSet.of(Outcome.NUMBER)),
    SEAL("doc_seal", Role.CLERK, "sealDecision", EnumSet.of(Outcome.SEAL)),
    ISSUE("doc_issue", Role.CLERK, "issueDecision", EnumSet.of(Outcome.ISSUE)),
    /** The clerk confirms each recipient's delivery (with its {@code recipientId}) or all remaining at once. */
    TRACK_DELIVERY("doc_trackDelivery", Role.CLERK, "deliveryDecision",
            EnumSet.of(Outcome.DELIVERED, Outcome.ALL_DELIVERED)),
    PRESENT("doc_present", Role.CLERK, "presentDecision", EnumSet.of(Outcome.PRESENT)),
    INSTRUCTIONS("doc_instructions", Role.LEADER, "instructionsDecision", EnumSet.of(Outcome.INSTRUCT)),
    /** The head of the lead unit assigns the handler and the due date (Decree 30/2020 Art. 24). */
    ASSIGN("doc_assign", Role.UNIT_HEAD, "assignDecision", EnumSet.of(Outcome.ASSIGN)),
    PROCESS("doc_process", Role.SPECIALIST, "processDecision", EnumSet.of(Outcome.PROCESS)),
    CLOSE("doc_close", Role.SPECIALIST, "closeDecision", EnumSet.of(Outcome.CLOSE)),
    ARCHIVE("doc_archive", Role.CLERK, "archiveDecision", EnumSet.of(Outcome.ARCHIVE));

    /** What an official decides on a document task. */
    public enum Outcome { SUBMIT, APPROVE, RETURN, SIGN, NUMBER, SEAL, ISSUE, DELIVERED, ALL_DELIVERED, PRESENT, INSTRUCT, ASSIGN, PROCESS, CLOSE, ARCHIVE }

    private final Definition definition;

    DocumentStep(String taskKey, Role role, String variable, Set<Outcome> outcomes) {
        this.definition = new Definition(taskKey, role, variable, outcomes);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
