package lawsearch.evaluator.soundness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import lawsearch.evaluator.data.Dataset;

class CounterTrendTest {
    static final List<String> SCALE = List.of("params", "tokens");
    static final double[] PARAMS = {1e7, 3e7, 1e8, 3e8};
    static final double[] TOKENS = {1e8, 1e9, 1e10};

    static double chinchilla(double[] r) {
        return 1.7 + 400 / Math.pow(r[0], 0.34) + 410 / Math.pow(r[1], 0.28);
    }

    @Test
    void aSweepThatFallsEverywhereHasNone() {
        Dataset d = SoundnessTest.table(SCALE, SoundnessTest.grid(PARAMS, TOKENS), CounterTrendTest::chinchilla);
        assertThat(CounterTrend.of(d, "loss", Domain.of(d, "loss", SCALE))).isEmpty();
    }

    /** The largest model at the fewest tokens ends higher than the one before it (a warm-up as long as N tokens). */
    @Test
    void aRiseAtOneEndIsFoundWithItsPairs() {
        Dataset d = SoundnessTest.table(SCALE, SoundnessTest.grid(PARAMS, TOKENS),
                r -> chinchilla(r) + (r[0] == 3e8 && r[1] == 1e8 ? 1.0 : 0));
        List<CounterTrend.Finding> found = CounterTrend.of(d, "loss", Domain.of(d, "loss", SCALE));
        assertThat(found).hasSize(1);
        CounterTrend.Finding f = found.get(0);
        assertThat(f.variable()).isEqualTo("params");
        // 3e8 against each smaller model at 1e8 tokens that it ends above (by more than 5% of the range)
        assertThat(f.pairs()).isBetween(1, 3);
        assertThat(f.to()).isEqualTo(3e8);
        assertThat(f.targetTo()).isGreaterThan(f.targetFrom());
        assertThat(f.describe(true)).startsWith("loss rises along params in ").contains("most from");
    }

    /** Runs differing in another scale variable by more than 25%, or in any other column, are not compared. */
    @Test
    void runsUnalikeInOtherColumnsAreNotCompared() {
        // loss rises with params only because the larger model saw 10x fewer tokens
        Dataset d = SoundnessTest.table(SCALE, new double[][] {{1e7, 1e10}, {1e8, 1e9}, {1e9, 1e8}},
                r -> 10 - Math.log10(r[1]));
        assertThat(CounterTrend.of(d, "loss", Domain.of(d, "loss", SCALE))).isEmpty();
        Dataset lr = SoundnessTest.table(List.of("params", "lr"), new double[][] {{1e7, 1e-3}, {1e8, 1e-2}, {1e7, 1e-2}, {1e8, 1e-3}},
                r -> 3 - 0.1 * Math.log10(r[0]) + (r[0] == 1e8 && r[1] == 1e-2 ? 0.15 : 0));
        List<CounterTrend.Finding> f = CounterTrend.of(lr, "loss", Domain.of(lr, "loss", List.of("params")));
        assertThat(f).singleElement().satisfies(x -> assertThat(x.pairs()).isEqualTo(1));   // only the pair at lr 1e-2
    }

    /** Noise below 5% of the target's range is not a counter-trend. */
    @Test
    void smallWrongWayMovesAreNoise() {
        Dataset d = SoundnessTest.table(SCALE, SoundnessTest.grid(PARAMS, TOKENS),
                r -> chinchilla(r) + (r[0] == 3e8 && r[1] == 1e8 ? 0.02 : 0));
        assertThat(CounterTrend.of(d, "loss", Domain.of(d, "loss", SCALE))).isEmpty();
    }

    /** A large group is compared on evenly spaced rows: pairs grow as rows squared. */
    @Test
    void aLargeGroupIsSampledEvenly() {
        assertThat(CounterTrend.sample(5)).containsExactly(0, 1, 2, 3, 4);
        int[] rows = CounterTrend.sample(10_001);
        assertThat(rows).hasSize(CounterTrend.MAX_ROWS).startsWith(0).isSorted().doesNotHaveDuplicates();
        assertThat(rows[rows.length - 1]).isBetween(9_990, 10_000);
    }

    /** A rising target (an accuracy) goes against the checks where it falls. */
    @Test
    void aRisingTargetIsJudgedTheOtherWay() {
        Dataset d = SoundnessTest.table(List.of("params"), new double[][] {{1e7}, {1e8}, {1e9}, {1e10}},
                r -> r[0] == 1e10 ? 0.25 : 0.1 * Math.log10(r[0]) - 0.5);
        Domain dom = Domain.of(d, "loss", List.of("params"));
        assertThat(dom.falls()).isFalse();
        assertThat(CounterTrend.of(d, "loss", dom)).singleElement()
                .satisfies(f -> assertThat(f.describe(false)).startsWith("loss falls along params in 2 pairs"));
    }
}
