package vn.motcua.engine.identity;

/**
 * How a person signs an official document (Decree 30/2020/ND-CP Art. 13, and Appendix I "quyền hạn, chức vụ của
 * người ký"): in their own right as head of the agency ({@link #OWN}), or on the head's behalf, which Appendix I
 * prints as a prefix before the head's title: {@link #KT} (ký thay — a deputy signs in the head's place),
 * {@link #TL} (thừa lệnh — the head assigns the chief of office or a unit head), {@link #TUQ} (thừa ủy quyền — a
 * written authorisation, for a limited time, that the authorised person may not pass on).
 */
public enum Authority {
    OWN(null),
    KT("KT."),
    TL("TL."),
    TUQ("TUQ.");

    private final String prefix;

    Authority(String prefix) {
        this.prefix = prefix;
    }

    /** The prefix printed before the head's title ("KT."), or null when the signer signs in their own right. */
    public String prefix() {
        return prefix;
    }

    /** True when the signature is given on the head's behalf and so needs a delegation. */
    public boolean onBehalf() {
        return this != OWN;
    }
}
