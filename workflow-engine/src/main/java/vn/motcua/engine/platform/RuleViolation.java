package vn.motcua.engine.platform;

import vn.motcua.engine.problem.Problem;

/** Thrown by an aggregate when a command breaks one of its {@link Rule}s: a 409 problem naming the rule. */
public class RuleViolation extends Problem {

    private final Rule rule;

    protected RuleViolation(Rule rule, String titleVi, String titleEn) {
        super(Kind.CONFLICT, "rule/" + rule.name(), titleVi, titleEn, rule.messageVi() + " / " + rule.messageEn(),
                null);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
