package vn.motcua.engine.dossier;

/** The specialist's conclusion, which the leader then approves or not. */
public enum AppraisalOutcome {
    /** Đủ điều kiện: the dossier meets the requirements. */
    FAVOURABLE,
    /** Không đủ điều kiện: the dossier does not meet them. */
    UNFAVOURABLE
}
