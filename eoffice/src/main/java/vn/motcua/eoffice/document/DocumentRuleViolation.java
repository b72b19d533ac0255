package vn.motcua.eoffice.document;

import vn.motcua.engine.platform.RuleViolation;

/** Thrown by the {@link OfficialDocument} aggregate when a command breaks one of its {@link DocumentRule}s. */
public class DocumentRuleViolation extends RuleViolation {

    public DocumentRuleViolation(DocumentRule rule) {
        super(rule, "Vi phạm quy định công tác văn thư", "Document rule violated");
    }

    @Override
    public DocumentRule rule() {
        return (DocumentRule) super.rule();
    }
}
