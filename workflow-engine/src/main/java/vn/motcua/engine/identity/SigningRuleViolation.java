package vn.motcua.engine.identity;

import vn.motcua.engine.problem.Problem;

/** A person who may not sign was asked to: a 409 problem naming the {@link SigningRule}. */
public class SigningRuleViolation extends Problem {

    private final SigningRule rule;

    public SigningRuleViolation(SigningRule rule) {
        super(Kind.CONFLICT, "rule/" + rule.name(), "Không có thẩm quyền ký", "No authority to sign",
                rule.messageVi() + " / " + rule.messageEn(), null);
        this.rule = rule;
    }

    public SigningRule rule() {
        return rule;
    }
}
