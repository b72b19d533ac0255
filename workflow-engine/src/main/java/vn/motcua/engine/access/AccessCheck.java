package vn.motcua.engine.access;

import java.util.Optional;

import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.problem.Problem;

/**
 * The one check point of access: every read or change of an aggregate passes here with what was found under its
 * id. "Not there" and "not yours to see" give the same 404 problem, word for word, so that another unit's
 * official or another applicant learns nothing of its existence; "yours to see but not to change" (an inspector
 * sending a change) gives 403.
 */
public final class AccessCheck {

    private AccessCheck() {
    }

    /** The aggregate found under {@code id}, if {@code who} may see it; otherwise its type's 404 problem. */
    public static <V> V toSee(AccessPolicy<V> policy, Identity who, String id, Optional<V> found) {
        return found.filter(aggregate -> policy.maySee(who, aggregate)).orElseThrow(() -> notFound(policy, id));
    }

    /** As {@link #toSee}, and then 403 unless {@code who} may also change it. */
    public static <V> V toAct(AccessPolicy<V> policy, Identity who, String id, Optional<V> found) {
        V aggregate = toSee(policy, who, id, found);
        if (!policy.mayAct(who, aggregate)) {
            throw readOnly(policy, id);
        }
        return aggregate;
    }

    /** The scope of a list or search of {@code who}; 403 for a role that lists none of this type. */
    public static Scope scope(AccessPolicy<?> policy, Identity who) {
        Scope scope = policy.scope(who);
        if (scope.isNothing()) {
            throw Problem.forbidden("Vai trò của bạn không được xem danh sách " + policy.type().labelVi()
                    + " / Your role may not list " + policy.type().collection());
        }
        return scope;
    }

    /**
     * The unit a per-unit report or search of {@code who} covers when they ask for {@code requested} (or for
     * none: {@code null}): whatever an inspector asks for (null for every unit), an official's own unit and no
     * other (403: units are public, so naming another leaks nothing), and nothing for applicants (403).
     */
    public static String unitScope(AccessPolicy<?> policy, Identity who, String requested) {
        Scope scope = scope(policy, who);
        if (scope.all()) {
            return requested;
        }
        if (scope.unitId() == null) {
            throw Problem.forbidden("Chỉ cán bộ và thanh tra được xem " + policy.type().labelVi()
                    + " theo đơn vị / Only officials and inspectors see " + policy.type().collection() + " by unit");
        }
        if (requested != null && !requested.equals(scope.unitId())) {
            throw Problem.forbidden("Cán bộ chỉ xem " + policy.type().labelVi() + " của đơn vị mình"
                    + " / Officials see their own unit's " + policy.type().collection());
        }
        return scope.unitId();
    }

    /** The problem for an aggregate that is not there for this person: the same whether it exists or not. */
    public static Problem notFound(AccessPolicy<?> policy, String id) {
        return Problem.notFound(policy.type().name(), "Không tìm thấy " + policy.type().labelVi() + " " + id
                + " trong phạm vi được xem / No " + policy.type().name() + " " + id + " within your reach");
    }

    private static Problem readOnly(AccessPolicy<?> policy, String id) {
        return new Problem(Problem.Kind.FORBIDDEN, "read-only", "Chỉ được xem, không được thay đổi", "Read only",
                "Bạn được xem " + policy.type().labelVi() + " " + id + " nhưng không được thay đổi / You may read "
                        + policy.type().name() + " " + id + " but not change it", null);
    }
}
