package vn.motcua.engine.access;

/**
 * The part of an aggregate type a list, search or report covers: all of it (inspectors), one unit
 * ({@code unitId}, officials), one owner's ({@code ownerId}, applicants), or nothing.
 */
public record Scope(boolean all, String unitId, String ownerId) {

    private static final Scope NOTHING = new Scope(false, null, null);
    private static final Scope EVERYTHING = new Scope(true, null, null);

    public Scope {
        if (all && (unitId != null || ownerId != null)) {
            throw new IllegalArgumentException("Everything has no unit or owner filter");
        }
        if (unitId != null && ownerId != null) {
            throw new IllegalArgumentException("A scope is one unit's or one owner's, not both");
        }
    }

    public static Scope everything() {
        return EVERYTHING;
    }

    public static Scope unit(String unitId) {
        return unitId == null ? NOTHING : new Scope(false, unitId, null);
    }

    public static Scope owner(String ownerId) {
        return ownerId == null ? NOTHING : new Scope(false, null, ownerId);
    }

    public static Scope nothing() {
        return NOTHING;
    }

    public boolean isNothing() {
        return !all && unitId == null && ownerId == null;
    }
}
