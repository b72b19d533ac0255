package vn.motcua.engine.dossier;

import vn.motcua.engine.problem.Problem;

/** Thrown by the {@link Dossier} aggregate when a command breaks one of its {@link DossierRule}s. */
public class DossierRuleViolation extends Problem {

    private final DossierRule rule;

    public DossierRuleViolation(DossierRule rule) {
        super(Kind.CONFLICT, "rule/" + rule.name(), "Vi phạm quy định xử lý hồ sơ", "Dossier rule violated",
                rule.messageVi() + " / " + rule.messageEn(), null);
        this.rule = rule;
    }

    public DossierRule rule() {
        return rule;
    }
}
