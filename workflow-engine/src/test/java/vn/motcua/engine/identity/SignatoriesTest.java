package vn.motcua.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class SignatoriesTest {

    private static final String HANOI = "000.00.16.H26";
    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    private final Signatories signatories = new Signatories(new SignatoriesProperties(List.of(
            new SignatoriesProperties.Unit(HANOI, "Giám đốc", List.of(
                    new SignatoriesProperties.Official("director-hn", "Ngô Đức Thành", "Giám đốc", true),
                    new SignatoriesProperties.Official("leader-hn", "Đặng Quốc Việt", "Phó Giám đốc", false),
                    new SignatoriesProperties.Official("office-hn", "Vũ Thị Lan", "Chánh Văn phòng", false),
                    new SignatoriesProperties.Official("unit-head-hn", "Trần Văn Minh",
                            "Trưởng phòng Nghiệp vụ Dược", false)),
                    List.of(new SignatoriesProperties.Delegation("leader-hn", Authority.KT, List.of("*"),
                                    LocalDate.of(2024, 1, 1), null, "Quyết định số 12/QĐ-SYT"),
                            new SignatoriesProperties.Delegation("office-hn", Authority.TL, List.of("LETTER"),
                                    null, null, null),
                            new SignatoriesProperties.Delegation("unit-head-hn", Authority.TUQ,
                                    List.of("LETTER", "INVITATION"), LocalDate.of(2026, 1, 1),
                                    LocalDate.of(2026, 12, 31), "Giấy ủy quyền số 03/GUQ-SYT"))))));

    @Test
    void theHeadSignsEveryKindWithTheirOwnTitle() {
        Signatory head = signatories.of("director-hn", HANOI, "RESULT:GPHN", DAY);
        assertThat(head.authority()).isEqualTo(Authority.OWN);
        assertThat(head.titleLines()).containsExactly("GIÁM ĐỐC");
        assertThat(head.fullName()).isEqualTo("Ngô Đức Thành");
    }

    @Test
    void aDeputySignsKtWithTheHeadsTitleThenTheirOwn() {
        Signatory deputy = signatories.of("leader-hn", HANOI, "RESULT:CCHND", DAY);
        assertThat(deputy.authority()).isEqualTo(Authority.KT);
        assertThat(deputy.titleLines()).containsExactly("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC");
        assertThat(deputy.delegationReference()).isEqualTo("Quyết định số 12/QĐ-SYT");
    }

    @Test
    void byOrderAndByAuthorisationPrintTlAndTuq() {
        assertThat(signatories.of("office-hn", HANOI, "LETTER", DAY).titleLines())
                .containsExactly("TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG");
        assertThat(signatories.of("unit-head-hn", HANOI, "INVITATION", DAY).titleLines())
                .containsExactly("TUQ. GIÁM ĐỐC", "TRƯỞNG PHÒNG NGHIỆP VỤ DƯỢC");
    }

    @Test
    void aDelegationCoversOnlyItsKindsAndItsTerm() {
        assertThatThrownBy(() -> signatories.of("unit-head-hn", HANOI, "RESULT:GPHN", DAY))
                .isInstanceOfSatisfying(SigningRuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo(SigningRule.SIGNER_HAS_AUTHORITY));
        assertThatThrownBy(() -> signatories.of("unit-head-hn", HANOI, "LETTER", LocalDate.of(2027, 1, 1)))
                .isInstanceOf(SigningRuleViolation.class);
        assertThatThrownBy(() -> signatories.of("leader-hn", HANOI, "LETTER", LocalDate.of(2023, 12, 31)))
                .isInstanceOf(SigningRuleViolation.class);
        assertThat(signatories.maySign("unit-head-hn", HANOI, "LETTER", LocalDate.of(2026, 12, 31))).isTrue();
    }

    @Test
    void nobodyElseSignsAndNobodySignsForAnotherUnit() {
        assertThatThrownBy(() -> signatories.of("specialist-hn", HANOI, "RESULT:GPHN", DAY))
                .isInstanceOf(SigningRuleViolation.class);
        assertThatThrownBy(() -> signatories.of("leader-hn", "000.00.16.H29", "RESULT:GPHN", DAY))
                .isInstanceOf(SigningRuleViolation.class);
    }

    @Test
    void anAuthorisationWithoutItsWrittenActIsRefusedAtStart() {
        assertThatThrownBy(() -> new Signatories(new SignatoriesProperties(List.of(new SignatoriesProperties.Unit(
                HANOI, "Giám đốc", List.of(), List.of(new SignatoriesProperties.Delegation("x", Authority.TUQ,
                        List.of("*"), null, null, " ")))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TUQ");
    }
}
