package vn.motcua.engine.identity;

import vn.motcua.engine.platform.RuleViolation;

/** A person who may not sign was asked to: a 409 problem naming the {@link SigningRule}. */
public class SigningRuleViolation extends RuleViolation {

    public SigningRuleViolation(SigningRule rule) {
        super(rule, "Không có thẩm quyền ký", "No authority to sign");
    }

    @Override
    public SigningRule rule() {
        return (SigningRule) super.rule();
    }
}
