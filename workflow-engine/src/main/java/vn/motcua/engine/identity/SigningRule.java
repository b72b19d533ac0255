package vn.motcua.engine.identity;

import vn.motcua.engine.platform.Rule;

/** The rules on who may sign an official document, each with its legal source. */
public enum SigningRule implements Rule {
    SIGNER_HAS_AUTHORITY(
            "Người ký phải có thẩm quyền ký loại văn bản này vào ngày ký: người đứng đầu ký, hoặc cấp phó ký thay (KT.), "
                    + "ký thừa lệnh (TL.), ký thừa ủy quyền (TUQ.) theo văn bản giao, trong thời hạn giao (Nghị định 30/2020, Điều 13)",
            "The signer must have authority to sign this kind of document on that day: the head, or a deputy (KT.), "
                    + "or by order (TL.) or written authorisation (TUQ.) within its term (Decree 30/2020 Art. 13)");

    private final Wording wording;

    SigningRule(String vi, String en) {
        this.wording = new Wording(vi, en);
    }

    @Override
    public Wording wording() {
        return wording;
    }
}
