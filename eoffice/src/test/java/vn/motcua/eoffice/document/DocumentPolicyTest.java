package vn.motcua.eoffice.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.motcua.engine.access.Scope;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.eoffice.document.DocumentWorkflow.View;

/** Who sees and who changes an official document: its unit, the lead unit, supporting units, inspectors. */
class DocumentPolicyTest {

    private static final String HANOI = "000.00.16.H26";
    private static final String PHARMACY = "000.00.16.H26.NVD";
    private static final String OFFICE = "000.00.16.H26.VP";
    private static final String HCMC = "000.00.16.H29";

    private final DocumentPolicy policy = new DocumentPolicy();

    @Test
    void theUnitsOfficialsSeeAndActOthersFindNothing() {
        View draft = document(HANOI, null, List.of(), Secrecy.NONE);
        for (Role role : List.of(Role.SPECIALIST, Role.LEADER, Role.CLERK, Role.UNIT_HEAD, Role.RECEPTION)) {
            assertThat(policy.maySee(person(role, HANOI), draft)).as(role.name()).isTrue();
            assertThat(policy.mayAct(person(role, HANOI), draft)).as(role.name()).isTrue();
            assertThat(policy.maySee(person(role, HCMC), draft)).as(role.name()).isFalse();
        }
        assertThat(policy.maySee(person(Role.CITIZEN, null), draft)).isFalse();
        assertThat(policy.maySee(person(Role.ADMIN, null), draft)).isFalse();
    }

    @Test
    void theLeadUnitActsASupportingUnitOnlyReads() {
        View instructed = document(HANOI, PHARMACY, List.of(OFFICE), Secrecy.NONE);
        assertThat(policy.mayAct(person(Role.SPECIALIST, PHARMACY), instructed)).isTrue();
        assertThat(policy.maySee(person(Role.SPECIALIST, OFFICE), instructed)).isTrue();
        assertThat(policy.mayAct(person(Role.SPECIALIST, OFFICE), instructed)).isFalse();
    }

    @Test
    void inspectorsReadEveryDocumentAndChangeNone() {
        Identity inspector = person(Role.INSPECTOR, "THANH-TRA");
        View draft = document(HCMC, null, List.of(), Secrecy.NONE);
        assertThat(policy.maySee(inspector, draft)).isTrue();
        assertThat(policy.mayAct(inspector, draft)).isFalse();
        assertThat(policy.scope(inspector)).isEqualTo(Scope.everything());
        assertThat(policy.scope(person(Role.CLERK, HANOI))).isEqualTo(Scope.unit(HANOI));
        assertThat(policy.scope(person(Role.CITIZEN, null)).isNothing()).isTrue();
    }

    @Test
    void secrecyNarrowsNothingYet() {
        for (Secrecy level : Secrecy.values()) {
            View secret = document(HANOI, null, List.of(), level);
            assertThat(policy.maySee(person(Role.SPECIALIST, HANOI), secret)).as(level.name()).isTrue();
            assertThat(policy.maySee(person(Role.INSPECTOR, "THANH-TRA"), secret)).as(level.name()).isTrue();
            assertThat(policy.maySee(person(Role.SPECIALIST, HCMC), secret)).as(level.name()).isFalse();
        }
    }

    private static View document(String unitId, String leadUnitId, List<String> supporting, Secrecy secrecy) {
        return new View("d-1", Direction.INCOMING, unitId, DocumentStatus.INSTRUCTED, "", "Công văn", "LETTER", null,
                null, null, null, 1, "1", null, leadUnitId, supporting, null, "Bộ Y tế", "1/BYT", null, null,
                List.of(), List.of(), secrecy);
    }

    private static Identity person(Role role, String unitId) {
        return new Identity(role.name().toLowerCase() + "@" + unitId, "x", Set.of(role), unitId);
    }
}
