package vn.motcua.engine.identity;

/**
 * The rules on who may sign an official document, each with its legal source. Like the aggregates' rules (the
 * platform's {@code Rule}), a broken one is a 409 problem whose type names it ({@code rule/SIGNER_HAS_AUTHORITY});
 * it is kept apart from the platform's interface because the platform itself depends on identities.
 */
public enum SigningRule {
    SIGNER_HAS_AUTHORITY(
            "Người ký phải có thẩm quyền ký loại văn bản này vào ngày ký: người đứng đầu ký, hoặc cấp phó ký thay (KT.), "
                    + "ký thừa lệnh (TL.), ký thừa ủy quyền (TUQ.) theo văn bản giao, trong thời hạn giao (Nghị định 30/2020, Điều 13)",
            "The signer must have authority to sign this kind of document on that day: the head, or a deputy (KT.), "
                    + "or by order (TL.) or written authorisation (TUQ.) within its term (Decree 30/2020 Art. 13)");

    private final String messageVi;
    private final String messageEn;

    SigningRule(String messageVi, String messageEn) {
        this.messageVi = messageVi;
        this.messageEn = messageEn;
    }

    public String messageVi() {
        return messageVi;
    }

    public String messageEn() {
        return messageEn;
    }
}
