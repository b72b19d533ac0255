package vn.motcua.engine.access;

import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.platform.AggregateType;

/**
 * Who may see and who may change the aggregates of one type, judged from what the platform already holds about
 * one of them (its summary or view: owning unit, owner, secrecy…). One implementation per aggregate type, a
 * Spring bean; callers never decide access themselves but go through {@link AccessCheck}, so a person of another
 * unit gets the same "not found" for an aggregate they may not see as for one that does not exist.
 *
 * <p>What a policy does not decide: which role takes which step (the BPMN's candidate groups and
 * {@code Steps.actorAs}) and whether the step is allowed now (the aggregate's rules). It only draws the circle
 * of people for whom the aggregate exists at all, and the smaller circle who may change it.
 *
 * @param <V> what the policy judges by: the aggregate's summary or view
 */
public interface AccessPolicy<V> {

    /** The aggregate type guarded; its name and label make the problems of {@link AccessCheck}. */
    AggregateType<?> type();

    /** Whether the aggregate exists for {@code who}: if not, every read and change of it answers 404. */
    boolean maySee(Identity who, V aggregate);

    /** Whether {@code who}, who may see the aggregate, may also change it (inspectors never may). */
    boolean mayAct(Identity who, V aggregate);

    /**
     * The part of all aggregates of this type that a list, search or report of {@code who} covers: an inspector's,
     * every unit's; an official's, their unit's; anyone else's, what {@link #ownScope} gives.
     */
    default Scope scope(Identity who) {
        if (who.has(Role.INSPECTOR)) {
            return Scope.everything();
        }
        if (who.isOfficial()) {
            return Scope.unit(who.unitId());
        }
        return ownScope(who);
    }

    /** What a person who is neither an official nor an inspector lists: nothing, unless the type has owners. */
    default Scope ownScope(Identity who) {
        return Scope.nothing();
    }
}
