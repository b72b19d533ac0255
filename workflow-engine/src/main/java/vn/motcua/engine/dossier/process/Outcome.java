package vn.motcua.engine.dossier.process;

/** The outcomes an official can choose, each allowed at one {@link StepKind}. */
public enum Outcome {
    ACCEPT, REQUEST_SUPPLEMENT, REFUSE,
    FAVOURABLE, UNFAVOURABLE, CONSULT,
    /** An answer to a consultation. */
    ANSWER,
    /** The on-site inspection's conclusion. */
    PASSED, FAILED,
    APPROVE, REJECT,
    RETURN_RESULT,
    /** The unit head has taken note of an overdue dossier and given instructions. */
    ACKNOWLEDGE
}
