package vn.motcua.engine.process;

/** The outcomes an official can choose, each allowed at one {@link StepKind}. */
public enum Outcome {
    ACCEPT, REQUEST_SUPPLEMENT, REFUSE,
    FAVOURABLE, UNFAVOURABLE,
    APPROVE, REJECT,
    RETURN_RESULT
}
