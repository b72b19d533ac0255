package vn.motcua.eoffice.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.motcua.engine.access.Scope;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.eoffice.document.DocumentWorkflow.View;

/**
 * Who sees and who changes an official document: its unit, the lead unit, supporting units, inspectors; of a secret
 * one, only those it is assigned to (Law 29/2018/QH14 on State Secrets) and inspectors.
 */
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
    void anUnclassifiedDocumentIsOpenToItsUnitWhoeverIsNamedOnIt() {
        View open = document(HANOI, null, List.of(), Secrecy.NONE, DocumentStatus.INSTRUCTED, List.of());
        assertThat(policy.maySee(person("spec-b", Role.SPECIALIST, HANOI), open)).isTrue();
        assertThat(policy.mayAct(person("spec-b", Role.SPECIALIST, HANOI), open)).isTrue();
    }

    @Test
    void aSecretDocumentIsReadOnlyByThoseItIsAssignedTo() {
        for (Secrecy level : List.of(Secrecy.CONFIDENTIAL, Secrecy.SECRET, Secrecy.TOP_SECRET)) {
            View secret = document(HANOI, HANOI, List.of(OFFICE), level, DocumentStatus.ASSIGNED,
                    List.of("clerk-1", "leader-1", "spec-a"));
            Identity handler = person("spec-a", Role.SPECIALIST, HANOI);
            assertThat(policy.maySee(handler, secret)).as(level.name()).isTrue();
            assertThat(policy.mayAct(handler, secret)).as(level.name()).isTrue();
            assertThat(policy.maySee(person("clerk-1", Role.CLERK, HANOI), secret)).as(level.name()).isTrue();
            for (Identity other : List.of(person("spec-b", Role.SPECIALIST, HANOI),
                    person("clerk-2", Role.CLERK, HANOI), person("head-1", Role.UNIT_HEAD, HANOI),
                    person("spec-c", Role.SPECIALIST, OFFICE), person("spec-a", Role.SPECIALIST, HCMC))) {
                assertThat(policy.maySee(other, secret)).as(level + " " + other).isFalse();
                assertThat(policy.mayAct(other, secret)).as(level + " " + other).isFalse();
            }
            Identity inspector = person("insp", Role.INSPECTOR, "THANH-TRA");
            assertThat(policy.maySee(inspector, secret)).as(level.name()).isTrue();
            assertThat(policy.mayAct(inspector, secret)).as(level.name()).isFalse();
        }
        assertThat(policy.readsEverySecretDocument(person("insp", Role.INSPECTOR, "THANH-TRA"))).isTrue();
        assertThat(policy.readsEverySecretDocument(person("leader-1", Role.LEADER, HANOI))).isFalse();
    }

    @Test
    void aSecretDocumentIsReadByTheRoleItsOpenStepIsRoutedToInItsUnit() {
        View inReview = document(HANOI, null, List.of(), Secrecy.CONFIDENTIAL, DocumentStatus.IN_REVIEW,
                List.of("spec-a"));
        assertThat(policy.maySee(person("head-1", Role.UNIT_HEAD, HANOI), inReview)).isTrue();
        assertThat(policy.maySee(person("leader-1", Role.LEADER, HANOI), inReview)).isFalse();
        assertThat(policy.maySee(person("head-2", Role.UNIT_HEAD, HCMC), inReview)).isFalse();
        View toSign = document(HANOI, null, List.of(), Secrecy.CONFIDENTIAL, DocumentStatus.AWAITING_SIGNATURE,
                List.of("spec-a", "head-1"));
        assertThat(policy.maySee(person("leader-1", Role.LEADER, HANOI), toSign)).isTrue();
        assertThat(policy.maySee(person("head-1", Role.UNIT_HEAD, HANOI), toSign)).as("reviewed it").isTrue();
        assertThat(policy.maySee(person("clerk-1", Role.CLERK, HANOI), toSign)).isFalse();
        View toNumber = document(HANOI, null, List.of(), Secrecy.CONFIDENTIAL, DocumentStatus.SIGNED,
                List.of("spec-a", "head-1", "leader-1"));
        assertThat(policy.maySee(person("clerk-1", Role.CLERK, HANOI), toNumber)).isTrue();
        assertThat(policy.maySee(person("leader-2", Role.LEADER, HANOI), toNumber)).isFalse();
        View presented = document(HANOI, null, List.of(), Secrecy.CONFIDENTIAL, DocumentStatus.PRESENTED,
                List.of("clerk-1", "leader-1"));
        assertThat(policy.maySee(person("leader-1", Role.LEADER, HANOI), presented)).isTrue();
        assertThat(policy.maySee(person("leader-2", Role.LEADER, HANOI), presented))
                .as("presented to another leader").isFalse();
        View toAssign = document(HANOI, OFFICE, List.of(), Secrecy.CONFIDENTIAL, DocumentStatus.INSTRUCTED,
                List.of("clerk-1", "leader-1", "spec-c"));
        assertThat(policy.maySee(person("head-3", Role.UNIT_HEAD, OFFICE), toAssign))
                .as("the head of the lead unit assigns its handler").isTrue();
        assertThat(policy.maySee(person("head-1", Role.UNIT_HEAD, HANOI), toAssign))
                .as("the head of the receiving unit, not the lead one").isFalse();
        assertThat(policy.maySee(person("spec-d", Role.SPECIALIST, OFFICE), toAssign)).isFalse();
        View assigned = document(HANOI, OFFICE, List.of(), Secrecy.CONFIDENTIAL, DocumentStatus.ASSIGNED,
                List.of("clerk-1", "leader-1", "spec-c", "head-3"));
        assertThat(policy.maySee(person("head-4", Role.UNIT_HEAD, OFFICE), assigned))
                .as("once assigned, only those named").isFalse();
    }

    private static View document(String unitId, String leadUnitId, List<String> supporting, Secrecy secrecy) {
        return document(unitId, leadUnitId, supporting, secrecy, DocumentStatus.INSTRUCTED, List.of());
    }

    private static View document(String unitId, String leadUnitId, List<String> supporting, Secrecy secrecy,
                                 DocumentStatus status, List<String> assignees) {
        return new View("d-1", Direction.INCOMING, unitId, status, "", "Công văn", "LETTER", null,
                null, null, null, 1, "1", null, leadUnitId, supporting, null, "Bộ Y tế", "1/BYT", null, null,
                List.of(), List.of(), secrecy, assignees);
    }

    private static Identity person(String id, Role role, String unitId) {
        return new Identity(id, "x", Set.of(role), unitId);
    }

    private static Identity person(Role role, String unitId) {
        return new Identity(role.name().toLowerCase() + "@" + unitId, "x", Set.of(role), unitId);
    }
}
