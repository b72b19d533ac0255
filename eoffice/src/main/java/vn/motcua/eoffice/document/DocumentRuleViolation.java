package vn.motcua.eoffice.document;

import vn.motcua.engine.problem.Problem;

/** Thrown by the {@link OfficialDocument} aggregate when a command breaks one of its {@link DocumentRule}s. */
public class DocumentRuleViolation extends Problem {

    private final DocumentRule rule;

    public DocumentRuleViolation(DocumentRule rule) {
        super(Kind.CONFLICT, "rule/" + rule.name(), "Vi phạm quy định công tác văn thư", "Document rule violated",
                rule.messageVi() + " / " + rule.messageEn(), null);
        this.rule = rule;
    }

    public DocumentRule rule() {
        return rule;
    }
}
