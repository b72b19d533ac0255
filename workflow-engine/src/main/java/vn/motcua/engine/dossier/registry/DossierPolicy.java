package vn.motcua.engine.dossier.registry;

import org.springframework.stereotype.Component;

import vn.motcua.engine.access.AccessPolicy;
import vn.motcua.engine.access.Scope;
import vn.motcua.engine.dossier.DossierPlatform;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.platform.AggregateType;

/**
 * Who may see and change a dossier (Decree 61/2018/ND-CP: the applicant's own file, handled by one agency, open
 * to inspection): the applicant their own; the officials of the unit that received it theirs; an inspector every
 * dossier, read only. Judged from the registry's summary, which is updated in each step's own transaction, so it
 * is never stale. For everyone else a dossier does not exist.
 */
@Component
public class DossierPolicy implements AccessPolicy<DossierSummary> {

    @Override
    public AggregateType<?> type() {
        return DossierPlatform.DOSSIERS;
    }

    @Override
    public boolean maySee(Identity who, DossierSummary dossier) {
        return who.has(Role.INSPECTOR) || mayAct(who, dossier);
    }

    @Override
    public boolean mayAct(Identity who, DossierSummary dossier) {
        if (who.has(Role.INSPECTOR)) {
            return false;
        }
        return (who.has(Role.CITIZEN) && dossier.ownerId().equals(who.id()))
                || (who.isOfficial() && dossier.unitId().equals(who.unitId()));
    }

    /** A citizen lists their own dossiers. */
    @Override
    public Scope ownScope(Identity who) {
        return who.has(Role.CITIZEN) ? Scope.owner(who.id()) : Scope.nothing();
    }
}
