package vn.motcua.engine.platform;

/**
 * A rule an aggregate enforces, named after its legal source, with the words shown to people when a command
 * breaks it. Each tenant lists its rules in one enum ({@code DossierRule}, {@code DocumentRule}); a broken rule
 * is a {@link RuleViolation}, answered as a 409 problem whose type names the rule.
 */
public interface Rule {

    /** The rule's stable name, in the problem type {@code urn:motcua:problem:rule/<name>}. */
    String name();

    Wording wording();

    default String messageVi() {
        return wording().vi();
    }

    default String messageEn() {
        return wording().en();
    }

    /** What the rule says, in Vietnamese and in English. */
    record Wording(String vi, String en) {
    }
}
