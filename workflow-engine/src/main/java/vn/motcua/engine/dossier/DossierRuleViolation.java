package vn.motcua.engine.dossier;

import vn.motcua.engine.platform.RuleViolation;

/** Thrown by the {@link Dossier} aggregate when a command breaks one of its {@link DossierRule}s. */
public class DossierRuleViolation extends RuleViolation {

    public DossierRuleViolation(DossierRule rule) {
        super(rule, "Vi phạm quy định xử lý hồ sơ", "Dossier rule violated");
    }

    @Override
    public DossierRule rule() {
        return (DossierRule) super.rule();
    }
}
