package vn.motcua.eoffice.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import vn.motcua.engine.dossier.report.OnTimeRule;

/** The forms word every verdict of the one rule, and word nothing else. */
class TimelinessTest {

    @Test
    void everyVerdictOfTheOnTimeRuleHasItsWordingOnTheForms() {
        assertThat(Arrays.stream(OnTimeRule.Verdict.values()).map(Timeliness::of))
                .containsExactly(Timeliness.ON_TIME, Timeliness.LATE, Timeliness.NOT_DUE, Timeliness.NOT_APPLICABLE);
        assertThat(Timeliness.ON_TIME.labelVi()).isEqualTo("Đúng hạn");
        assertThat(Timeliness.LATE.labelVi()).isEqualTo("Quá hạn");
    }
}
