package vn.motcua.engine.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.motcua.engine.dossier.DossierStatus;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.problem.Problem;
import vn.motcua.engine.dossier.registry.DossierPolicy;
import vn.motcua.engine.dossier.registry.DossierSummary;

/** The dossier policy and the one check point: who sees, who acts, what a list covers, and what each refusal says. */
class DossierPolicyTest {

    private static final String HANOI = "000.00.16.H26";
    private static final String HCMC = "000.00.16.H29";
    private static final String CODE = HANOI + "-260105-0001";
    private static final DossierSummary DOSSIER = new DossierSummary(CODE, "1.002600", HANOI, "citizen-a",
            "Nguyễn Văn An", DossierStatus.SUBMITTED, Instant.parse("2026-01-05T02:00:00Z"), null, null,
            Instant.parse("2026-01-05T02:00:00Z"));

    private static final Identity OWNER = person("citizen-a", Role.CITIZEN, null);
    private static final Identity OTHER_CITIZEN = person("citizen-b", Role.CITIZEN, null);
    private static final Identity RECEPTION = person("reception-hn", Role.RECEPTION, HANOI);
    private static final Identity CLERK = person("clerk-hn", Role.CLERK, HANOI);
    private static final Identity OTHER_UNIT = person("leader-hcm", Role.LEADER, HCMC);
    private static final Identity INSPECTOR = person("inspector", Role.INSPECTOR, "THANH-TRA");
    private static final Identity ADMIN = person("admin", Role.ADMIN, null);

    private final DossierPolicy policy = new DossierPolicy();

    @Test
    void theApplicantAndTheUnitsOfficialsSeeAndActTheInspectorOnlySees() {
        assertThat(policy.maySee(OWNER, DOSSIER)).isTrue();
        assertThat(policy.mayAct(OWNER, DOSSIER)).isTrue();
        assertThat(policy.maySee(RECEPTION, DOSSIER)).isTrue();
        assertThat(policy.maySee(CLERK, DOSSIER)).isTrue();
        assertThat(policy.mayAct(RECEPTION, DOSSIER)).isTrue();
        assertThat(policy.maySee(INSPECTOR, DOSSIER)).isTrue();
        assertThat(policy.mayAct(INSPECTOR, DOSSIER)).isFalse();
        for (Identity stranger : new Identity[] {OTHER_CITIZEN, OTHER_UNIT, ADMIN}) {
            assertThat(policy.maySee(stranger, DOSSIER)).as(stranger.id()).isFalse();
            assertThat(policy.mayAct(stranger, DOSSIER)).as(stranger.id()).isFalse();
        }
    }

    @Test
    void anInspectorWhoAlsoHoldsAnOfficialsRoleStillChangesNothing() {
        Identity both = new Identity("x", "x", Set.of(Role.INSPECTOR, Role.LEADER), HANOI);
        assertThat(policy.maySee(both, DOSSIER)).isTrue();
        assertThat(policy.mayAct(both, DOSSIER)).isFalse();
    }

    @Test
    void whatOneMayNotSeeGetsTheSameProblemAsWhatDoesNotExist() {
        Problem hidden = refusal(() -> AccessCheck.toSee(policy, OTHER_UNIT, CODE, Optional.of(DOSSIER)));
        Problem missing = refusal(() -> AccessCheck.toSee(policy, OTHER_UNIT, CODE, Optional.empty()));
        assertThat(hidden.kind()).isEqualTo(Problem.Kind.NOT_FOUND);
        assertThat(hidden.slug()).isEqualTo("dossier-not-found").isEqualTo(missing.slug());
        assertThat(hidden.getMessage()).isEqualTo(missing.getMessage()).contains(CODE, "hồ sơ");
        assertThat(hidden.titleVi()).isEqualTo(missing.titleVi()).isNotBlank();
        assertThat(hidden.titleEn()).isEqualTo(missing.titleEn()).isNotBlank();
        assertThat(refusal(() -> AccessCheck.toAct(policy, OTHER_CITIZEN, CODE, Optional.of(DOSSIER))).kind())
                .isEqualTo(Problem.Kind.NOT_FOUND);
    }

    @Test
    void whatOneMaySeeButNotChangeIsForbidden() {
        assertThat(AccessCheck.toSee(policy, INSPECTOR, CODE, Optional.of(DOSSIER))).isEqualTo(DOSSIER);
        Problem readOnly = refusal(() -> AccessCheck.toAct(policy, INSPECTOR, CODE, Optional.of(DOSSIER)));
        assertThat(readOnly.kind()).isEqualTo(Problem.Kind.FORBIDDEN);
        assertThat(readOnly.slug()).isEqualTo("read-only");
        assertThat(AccessCheck.toAct(policy, OWNER, CODE, Optional.of(DOSSIER))).isEqualTo(DOSSIER);
    }

    @Test
    void listsCoverTheOwnersTheUnitsOrEverything() {
        assertThat(AccessCheck.scope(policy, OWNER)).isEqualTo(Scope.owner("citizen-a"));
        assertThat(AccessCheck.scope(policy, CLERK)).isEqualTo(Scope.unit(HANOI));
        assertThat(AccessCheck.scope(policy, INSPECTOR)).isEqualTo(Scope.everything());
        assertThat(refusal(() -> AccessCheck.scope(policy, ADMIN)).kind()).isEqualTo(Problem.Kind.FORBIDDEN);
    }

    @Test
    void reportsByUnitAreTheOfficialsOwnUnitAndAnyForInspectors() {
        assertThat(AccessCheck.unitScope(policy, RECEPTION, null)).isEqualTo(HANOI);
        assertThat(AccessCheck.unitScope(policy, RECEPTION, HANOI)).isEqualTo(HANOI);
        assertThat(refusal(() -> AccessCheck.unitScope(policy, RECEPTION, HCMC)).kind())
                .isEqualTo(Problem.Kind.FORBIDDEN);
        assertThat(AccessCheck.unitScope(policy, INSPECTOR, HCMC)).isEqualTo(HCMC);
        assertThat(AccessCheck.unitScope(policy, INSPECTOR, null)).isNull();
        assertThat(refusal(() -> AccessCheck.unitScope(policy, OWNER, null)).kind())
                .isEqualTo(Problem.Kind.FORBIDDEN);
    }

    private static Problem refusal(Runnable call) {
        try {
            call.run();
        } catch (Problem problem) {
            return problem;
        }
        throw new AssertionError("not refused");
    }

    private static Identity person(String id, Role role, String unitId) {
        return new Identity(id, id, Set.of(role), unitId);
    }
}
