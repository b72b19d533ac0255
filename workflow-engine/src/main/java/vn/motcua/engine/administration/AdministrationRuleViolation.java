package vn.motcua.engine.administration;

import vn.motcua.engine.platform.RuleViolation;

/** Thrown by an {@link Administration} record when a command breaks one of its {@link AdministrationRule}s. */
public class AdministrationRuleViolation extends RuleViolation {

    public AdministrationRuleViolation(AdministrationRule rule) {
        super(rule, "Vi phạm quy định quản trị", "Administration rule violated");
    }
}
