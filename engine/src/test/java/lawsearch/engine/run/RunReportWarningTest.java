package lawsearch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The run report's warning under a reported law that validates below the held-out rows' mean. */
class RunReportWarningTest {
    @Test
    void aLawValidatingBelowZeroIsFlaggedAndOthersAreNot() {
        assertThat(RunReport.warning(-3.86)).startsWith("validation R² below 0").contains("--shape");
        assertThat(RunReport.warning(0.0)).isNull();
        assertThat(RunReport.warning(0.97)).isNull();
        assertThat(RunReport.warning(Double.NaN)).isNull();   // no law validated: the report says so itself
    }
}
