package vn.motcua.engine.dossier.process;

/** The outcomes an official can choose, each allowed at one {@link StepKind}. */
public enum Outcome {
    ACCEPT, REQUEST_SUPPLEMENT, REFUSE,
    FAVOURABLE, UNFAVOURABLE, CONSULT,
    /** An answer to a consultation. */
    ANSWER,
    /** The on-site inspection's conclusion. */
    PASSED, FAILED,
    /** The unit head's check of the draft result: on to the leader, or back to the handler with reasons. */
    AGREE, RETURN_TO_HANDLER,
    APPROVE, REJECT,
    /** The clerk numbers, dates and seals the signed result. */
    ISSUE_RESULT,
    RETURN_RESULT,
    /** The unit head has taken note of an overdue dossier and given instructions. */
    ACKNOWLEDGE
}
