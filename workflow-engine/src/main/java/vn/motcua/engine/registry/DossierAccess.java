package vn.motcua.engine.registry;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.problem.Problem;

/**
 * Who may read which dossier: an applicant their own, an official their unit's, an inspector all.
 * A dossier someone may not read is reported as not found, so its existence does not leak.
 */
@Component
public class DossierAccess {

    private final DossierRegistry registry;

    public DossierAccess(DossierRegistry registry) {
        this.registry = registry;
    }

    public DossierSummary readable(String code, Identity who) {
        return registry.find(code)
                .filter(dossier -> mayRead(dossier, who))
                .orElseThrow(() -> Problem.notFound("dossier", "Không tìm thấy hồ sơ " + code
                        + " trong phạm vi được xem / No dossier " + code + " within your reach"));
    }

    public boolean mayRead(DossierSummary dossier, Identity who) {
        return who.has(Role.INSPECTOR)
                || (who.has(Role.CITIZEN) && dossier.ownerId().equals(who.id()))
                || (who.isOfficial() && dossier.unitId().equals(who.unitId()));
    }

    public List<DossierSummary> visibleTo(Identity who, int limit, int offset) {
        if (who.has(Role.INSPECTOR)) {
            return registry.all(limit, offset);
        }
        if (who.isOfficial()) {
            return registry.ofUnit(who.unitId(), limit, offset);
        }
        if (who.has(Role.CITIZEN)) {
            return registry.ownedBy(who.id(), limit, offset);
        }
        throw Problem.forbidden("Vai trò của bạn không được xem danh sách hồ sơ / Your role may not list dossiers");
    }
}
