package lawsearch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The run report's warning under a reported law that validates below the held-out rows' mean. */
class RunWarningsTest {
    @Test
    void aLawValidatingBelowZeroIsFlaggedAndOthersAreNot() {
        assertThat(RunWarnings.lowValidation(-3.86)).startsWith("validation R² below 0").contains("--shape");
        assertThat(RunWarnings.lowValidation(0.0)).isNull();
        assertThat(RunWarnings.lowValidation(0.97)).isNull();
        assertThat(RunWarnings.lowValidation(Double.NaN)).isNull();   // no law validated: the report says so itself
    }

    @Test
    void groupsWithFewerTrainRowsThanConstantsAreNamed() {
        assertThat(RunWarnings.underdetermined(java.util.Map.of("big", 200), 5)).isNull();
        assertThat(RunWarnings.underdetermined(new java.util.LinkedHashMap<>(java.util.Map.of("tiny", 3)), 5))
                .isEqualTo("fewer train rows than the law's 5 constants in group 'tiny' (3): their constants are not pinned"
                        + " by their rows; do not predict for them");
    }
}
