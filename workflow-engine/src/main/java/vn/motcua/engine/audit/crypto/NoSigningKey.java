package vn.motcua.engine.audit.crypto;

/** No key is held under the alias: the step that needed it cannot be sealed, so it is not taken. */
public class NoSigningKey extends RuntimeException {

    private final String alias;

    public NoSigningKey(String alias) {
        super("No signing key for " + alias);
        this.alias = alias;
    }

    public String alias() {
        return alias;
    }
}
