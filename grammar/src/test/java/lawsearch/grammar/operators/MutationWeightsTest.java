package lawsearch.grammar.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

/** The operator draw: the default weights draw exactly what the fixed thresholds drew. */
class MutationWeightsTest {

    /** Mutation.random as it was before the weights became a parameter. */
    private static Mutation fixedThresholds(RandomGenerator rng) {
        double u = rng.nextDouble();
        if (u < 0.22) {
            return Mutation.REGROW;
        } else if (u < 0.36) {
            return Mutation.SWAP;
        } else if (u < 0.50) {
            return Mutation.ADD_TERM;
        } else if (u < 0.62) {
            return Mutation.DROP_TERM;
        } else if (u < 0.72) {
            return Mutation.WRAP;
        } else if (u < 0.78) {
            return Mutation.NUMBER_TO_PARAM;
        } else if (u < 0.86) {
            return Mutation.PARAM_TO_NUMBER;
        } else if (u < 0.93) {
            return Mutation.SHARE_PARAM;
        }
        return Mutation.FIT_SETTINGS;
    }

    /** A generator returning the given uniforms in turn. */
    private static RandomGenerator uniforms(double... u) {
        return new RandomGenerator() {
            int i;

            @Override
            public long nextLong() { throw new UnsupportedOperationException(); }

            @Override
            public double nextDouble() { return u[i++]; }
        };
    }

    @Test
    void defaultWeightsDrawTheSameOperatorSequenceAsTheFixedThresholds() {
        SplittableRandom a = new SplittableRandom(7);
        SplittableRandom b = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            assertThat(Mutation.random(a, MutationWeights.DEFAULT)).isEqualTo(fixedThresholds(b));
        }
    }

    @Test
    void defaultWeightsCutTheUnitIntervalExactlyAtTheOldThresholds() {
        for (double t : new double[] {0.22, 0.36, 0.50, 0.62, 0.72, 0.78, 0.86, 0.93}) {
            for (double u : new double[] {Math.nextDown(t), t, Math.nextUp(t)}) {
                assertThat(MutationWeights.DEFAULT.draw(uniforms(u))).as("u = %s", u).isEqualTo(fixedThresholds(uniforms(u)));
            }
        }
        assertThat(MutationWeights.DEFAULT.draw(uniforms(0.0))).isEqualTo(Mutation.REGROW);
        assertThat(MutationWeights.DEFAULT.draw(uniforms(Math.nextDown(1.0)))).isEqualTo(Mutation.FIT_SETTINGS);
    }

    @Test
    void weightsAreRelativeAndAZeroWeightIsNeverDrawn() {
        Map<Mutation, Double> w = new EnumMap<>(Mutation.class);
        w.put(Mutation.SWAP, 1.0);
        w.put(Mutation.WRAP, 3.0);
        MutationWeights weights = MutationWeights.of(w);
        assertThat(weights.draw(uniforms(0.0))).isEqualTo(Mutation.SWAP);
        assertThat(weights.draw(uniforms(Math.nextDown(0.25)))).isEqualTo(Mutation.SWAP);
        assertThat(weights.draw(uniforms(0.25))).isEqualTo(Mutation.WRAP);
        assertThat(weights.draw(uniforms(Math.nextDown(1.0)))).isEqualTo(Mutation.WRAP);
        assertThat(weights.weight(Mutation.REGROW)).isZero();
    }

    @Test
    void badWeightsAreRefused() {
        assertThatThrownBy(() -> MutationWeights.of(Map.of(Mutation.WRAP, -1.0))).hasMessageContaining("wrap");
        assertThatThrownBy(() -> MutationWeights.of(Map.of(Mutation.WRAP, Double.NaN))).hasMessageContaining("wrap");
        assertThatThrownBy(() -> MutationWeights.of(Map.of())).hasMessageContaining("positive weight");
    }

    @Test
    void operatorsAreNamedInSnakeCase() {
        assertThat(Mutation.ADD_TERM.key()).isEqualTo("add_term");
        assertThat(Mutation.named("fit_settings")).isEqualTo(Mutation.FIT_SETTINGS);
        assertThat(Mutation.named("fit-settings")).isNull();
    }
}
