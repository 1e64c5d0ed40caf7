package lawsearch.evaluator.soundness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.protocol.FittedLaw;

/** The search's cheap screen agrees with the full checks on the laws {@link SoundnessTest} judges. */
class ScreenTest {

    static boolean screened(Dataset d, FittedLaw f) {
        return new Screen(Map.of("loss", Domain.of(d, "loss", List.of("params", "tokens")))).passes(f);
    }

    @Test
    void chinchillasFormPasses() {
        Dataset d = SoundnessTest.chinchilla();
        assertThat(screened(d, SoundnessTest.fit(d, "E + A*params^(-alpha) + B*tokens^(-beta)",
                "A >= 0; alpha in [0, 2]; B >= 0; beta in [0, 2]"))).isTrue();
    }

    @Test
    void aLawThatTurnsUpBeyondTheDataFails() {
        Dataset d = SoundnessTest.chinchilla();
        assertThat(screened(d, SoundnessTest.fit(d, "E + a*log(params) + b*log(params)^2 + B*tokens^(-beta)",
                "B >= 0; beta in [0, 2]; b >= 0.002"))).isFalse();
    }

    @Test
    void aLossThatGoesNegativeFails() {
        Dataset d = SoundnessTest.chinchilla();
        assertThat(screened(d, SoundnessTest.fit(d, "E - a*params + B*tokens^(-beta)", "B >= 0; beta in [0, 2]")))
                .isFalse();
    }

    @Test
    void thinningKeepsTheSmallestAndLargestStart() {
        Dataset d = SoundnessTest.chinchilla();
        Domain full = Domain.of(d, "loss", List.of("params", "tokens"));
        Domain thin = full.thinned(3);
        assertThat(thin.starts()).hasSize(3);
        assertThat(thin.starts().get(0)).isEqualTo(full.starts().get(0));
        assertThat(thin.starts().get(2)).isEqualTo(full.starts().get(full.starts().size() - 1));
    }
}
