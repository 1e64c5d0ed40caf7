package lawsearch.evaluator.soundness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.data.Group;
import lawsearch.evaluator.fit.FitOptions;
import lawsearch.evaluator.protocol.FittedLaw;
import lawsearch.evaluator.protocol.Problem;
import lawsearch.evaluator.protocol.Protocol;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.parser.LawFile;

/**
 * The soundness checks on laws fitted to sweeps with known shape: Chinchilla's form passes; a law
 * that turns up beyond the data, one infinite at a proportion of 1, one NaN beyond the data and
 * one that goes negative are each rejected, naming where.
 */
class SoundnessTest {

    /** A params × tokens grid with a Chinchilla loss (0.2% ripple so fits are not exact). */
    static Dataset chinchilla() {
        return table(List.of("params", "tokens"), grid(new double[] {1e7, 3e7, 1e8, 3e8, 1e9}, new double[] {1e9, 3e9, 1e10, 3e10}),
                r -> (1.7 + 400 * Math.pow(r[0], -0.34) + 410 * Math.pow(r[1], -0.28)) * (1 + 0.002 * Math.sin(r[0] + r[1])));
    }

    static FittedLaw fit(Dataset d, String law, String bounds) {
        Law l = LawFile.parse("# EVOLVE-BLOCK-START\nlaw: " + law + "\nbounds: " + bounds + "\nloss: mse\nweight: uniform\nstarts: 8\n# EVOLVE-BLOCK-END\n",
                "test.law", d.variableNames()).law();
        return Protocol.fit(l, Problem.trainTest(d), FitOptions.DEFAULT, null);
    }

    static Soundness.Verdict check(Dataset d, FittedLaw f, List<String> scale) {
        return Soundness.check(f, Map.of("loss", Domain.of(d, "loss", scale)));
    }

    @Test
    void chinchillasFormIsSound() {
        Dataset d = chinchilla();
        FittedLaw f = fit(d, "E + A*params^(-alpha) + B*tokens^(-beta)", "A >= 0; alpha in [0, 2]; B >= 0; beta in [0, 2]");
        Soundness.Verdict v = check(d, f, List.of("params", "tokens"));
        assertThat(v.sound()).as(v.detail()).isTrue();
    }

    /**
     * {@code --shape "decreasing: tokens"} on a params × tokens sweep checks tokens alone: params keeps
     * its train range, not retuned as a hyper-parameter (where a law is judged at its best params).
     */
    @Test
    void aScaleVariableLeftOutOfAStatedDirectionKeepsItsTrainRange() {
        Dataset d = chinchilla();
        Domain dom = Domain.of(d, "loss", List.of("params", "tokens"), ShapeSpec.parse("decreasing: tokens"));
        assertThat(dom.scale()).containsExactly("tokens");
        assertThat(dom.hyper()).isEmpty();
        assertThat(dom.box().get("params")).containsExactly(1e7, 1e9);
        FittedLaw f = fit(d, "E + a*log(params) + b*log(params)^2 + B*tokens^(-beta)", "B >= 0; beta in [0, 2]; b >= 0.002");
        Soundness.Verdict v = Soundness.check(f, Map.of("loss", dom));
        assertThat(v.sound()).as("turns up along params only beyond its train range: " + v.detail()).isTrue();
    }

    @Test
    void aLawThatRisesAtAHundredTimesTheLargestRunIsRejected() {
        Dataset d = chinchilla();
        // A quadratic in log(params) fits the falling train rows and turns up beyond them.
        FittedLaw f = fit(d, "E + a*log(params) + b*log(params)^2 + B*tokens^(-beta)", "B >= 0; beta in [0, 2]; b >= 0.002");
        Soundness.Verdict v = check(d, f, List.of("params", "tokens"));
        assertThat(v.monotone()).isFalse();
        assertThat(v.detail()).contains("rises along params");
    }

    @Test
    void aLossThatFallsWithoutAFloorIsRejected() {
        Dataset d = chinchilla();
        // A log term in params: positive out to 1000× the largest model, below 0 long before the limit.
        FittedLaw f = fit(d, "E - k*log(params) + B*tokens^(-beta)", "k in [0.05, 0.1]; B >= 0; beta in [0, 2]");
        assertThat(f.predict("all", "loss", new Frame(1, Map.of("params", new double[] {1e12}, "tokens", new double[] {3e13})))[0]).isPositive();
        Soundness.Verdict v = check(d, f, List.of("params", "tokens"));
        assertThat(v.inRange()).isFalse();
        assertThat(v.detail()).contains("no floor", "params grows 1e+30×");
    }

    @Test
    void aRateWhoseLimitPassesOneIsRejected() {
        // An accuracy rising slowly to 0.3 + 0.78: at most 0.53 out to 1000x the largest model, above 1 in the limit.
        Dataset d = table(List.of("params"), new double[][] {{1e7}, {3e7}, {1e8}, {3e8}, {1e9}},
                r -> 0.3 + 0.78 / (1 + 10 * Math.pow(r[0], -0.05)));
        FittedLaw f = fit(d, "E + A/(1 + B*params^(-beta))", "E in [0.3, 0.31]; A in [0.75, 0.8]; B in [10, 11]; beta in [0.05, 0.06]");
        Soundness.Verdict v = check(d, f, List.of("params"));
        assertThat(v.inRange()).isFalse();
        assertThat(v.detail()).startsWith("no ceiling").contains("params grows 1e+30×");
    }

    @Test
    void aLossThatGrowsWithoutBoundPastTheGridIsRejected() {
        Dataset d = chinchilla();
        // exp(params/1e13) is within 11% of 1 out to 1000× the largest model, so the grid sees a fall;
        // far past it the law is +∞, which is no limit for a loss.
        FittedLaw f = fit(d, "E + A*params^(-alpha) + B*tokens^(-beta) + 0.001*exp(params/1e13)",
                "A >= 0; alpha in [0, 2]; B >= 0; beta in [0, 2]");
        Soundness.Verdict v = check(d, f, List.of("params", "tokens"));
        assertThat(v.monotone()).as(v.detail()).isTrue();
        assertThat(v.inRange()).isFalse();
        assertThat(v.detail()).contains("no finite limit", "params grows 1e+30×");
    }

    @Test
    void aPowerLawWithoutAnAdditiveFloorTendsToZeroAndPasses() {
        Dataset d = chinchilla();
        FittedLaw f = fit(d, "A*params^(-alpha)*tokens^(-beta)", "A >= 0; alpha in [0, 2]; beta in [0, 2]");
        Soundness.Verdict v = check(d, f, List.of("params", "tokens"));
        assertThat(v.sound()).as(v.detail()).isTrue();
    }

    @Test
    void aLawInfiniteAtAProportionOfOneIsRejected() {
        Dataset d = table(List.of("p"), new double[][] {{0.1}, {0.2}, {0.3}, {0.4}, {0.5}, {0.6}, {0.7}}, r -> 2 + 1 / (1.2 - r[0]));
        FittedLaw f = fit(d, "c + k/log(p)", "");
        Soundness.Verdict v = check(d, f, List.of());
        assertThat(v.finite()).isFalse();
        assertThat(v.detail()).contains("not finite", "p=1");
    }

    @Test
    void aLawThatGoesNaNBeyondTheDataIsRejected() {
        Dataset d = chinchilla();
        // sqrt of a quantity that crosses zero past the largest model: fine on the rows, NaN beyond.
        FittedLaw f = fit(d, "E + A*sqrt(c - log(params)) + B*tokens^(-beta)", "c in [21, 22]; B >= 0; beta in [0, 2]");
        Soundness.Verdict v = check(d, f, List.of("params", "tokens"));
        assertThat(v.finite()).isFalse();
        assertThat(v.detail()).contains("not finite");
    }

    @Test
    void aLossThatGoesNegativeFarOutIsRejected() {
        Dataset d = chinchilla();
        FittedLaw f = fit(d, "E - a*params + B*tokens^(-beta)", "B >= 0; beta in [0, 2]");
        Soundness.Verdict v = check(d, f, List.of("params", "tokens"));
        assertThat(v.inRange()).isFalse();
        assertThat(v.detail()).contains("outside the positive values");
    }

    @Test
    void theDirectionComesFromTheRows() {
        Dataset rising = table(List.of("params"), new double[][] {{1e7}, {1e8}, {1e9}, {1e10}}, r -> 0.9 - 5 * Math.pow(r[0], -0.2));
        assertThat(Domain.of(rising, "loss", List.of("params")).falls()).isFalse();
        assertThat(Domain.of(chinchilla(), "loss", List.of("params", "tokens")).falls()).isTrue();
    }

    @Test
    void hyperParametersAreSetToTheirBestValueAtEachScale() {
        // The best learning rate falls with model size; at a fixed one the loss would rise far out.
        Dataset d = table(List.of("params", "lr"), grid(new double[] {1e7, 1e8, 1e9}, new double[] {1e-4, 3e-4, 1e-3, 3e-3, 1e-2}),
                r -> 2 + 300 * Math.pow(r[0], -0.3) + 0.05 * Math.pow(Math.log(r[1]) - (-2 - 0.3 * Math.log(r[0])), 2));
        FittedLaw f = fit(d, "E + A*params^(-alpha) + C*(log(lr) - o - p*log(params))^2", "A >= 0; alpha in [0, 2]; C >= 0");
        Domain dom = Domain.of(d, "loss", List.of("params"));
        assertThat(dom.hyper()).containsExactly("lr");
        Soundness.Verdict v = Soundness.check(f, Map.of("loss", dom));
        assertThat(v.sound()).as(v.detail()).isTrue();
    }

    @Test
    void anOptimumThatLeavesTheSweptRangeIsFollowed() {
        // The best rate falls as params^-0.5: at 1000x the largest model it is 30x below the sweep's
        // smallest rate. Retuned over the widened range the loss keeps falling; held to the sweep it would rise.
        Dataset d = table(List.of("params", "lr"), grid(new double[] {1e7, 1e8, 1e9}, new double[] {1e-4, 3e-4, 1e-3, 3e-3, 1e-2}),
                r -> 2 + 300 * Math.pow(r[0], -0.3) + 0.05 * Math.pow(Math.log(r[1] / (0.3 * Math.pow(r[0], -0.5))), 2));
        FittedLaw f = fit(d, "E + A*params^(-alpha) + C*(log(lr) - o - p*log(params))^2", "A >= 0; alpha in [0, 2]; C >= 0");
        Soundness.Verdict v = check(d, f, List.of("params"));
        assertThat(v.sound()).as(v.detail()).isTrue();
    }

    @Test
    void aLoggedHyperParameterIsRetunedAsWritten() {
        // The same sweep with the learning rate given as log10(lr): its optimum leaves the swept
        // [-4, -2] at 1000x the largest model, and is followed on a linear grid over the widened span.
        Dataset d = table(List.of("params", "log10_lr"), grid(new double[] {1e7, 1e8, 1e9}, new double[] {-4, -3.5, -3, -2.5, -2}),
                r -> 2 + 300 * Math.pow(r[0], -0.3) + 0.2 * Math.pow(r[1] - Math.log10(0.3 * Math.pow(r[0], -0.5)), 2));
        FittedLaw f = fit(d, "E + A*params^(-alpha) + C*(log10_lr - o - p*log(params))^2", "A >= 0; alpha in [0, 2]; C >= 0");
        Domain dom = Domain.of(d, "loss", List.of("params"));
        assertThat(dom.hyper()).containsExactly("log10_lr");
        assertThat(dom.onLogScale("log10_lr")).isFalse();
        Soundness.Verdict v = Soundness.check(f, Map.of("loss", dom));
        assertThat(v.sound()).as(v.detail()).isTrue();
    }

    @Test
    void aScaleVariableLoggedAlreadyIsCheckedOutByAdding() {
        // Sizes the user logged (log10 of a data fraction, -3 to -0.5) and named with --scale: the
        // loss falls along them; checked out to +3 (1000x), not multiplied (which gave NaN grids
        // and read the direction as rising).
        Dataset d = table(List.of("log10_data"), new double[][] {{-3}, {-2.5}, {-2}, {-1.5}, {-1}, {-0.5}},
                r -> 1.8 + 0.4 * Math.pow(10, -0.35 * (r[0] + 3)));
        Domain dom = Domain.of(d, "loss", List.of("log10_data"));
        assertThat(dom.falls()).isTrue();
        assertThat(dom.beyond("log10_data", Domain.REACH)).isEqualTo(2.5);
        FittedLaw sound = fit(d, "E + A*exp(-k*log10_data)", "A >= 0; k >= 0");
        Soundness.Verdict v = Soundness.check(sound, Map.of("loss", dom));
        assertThat(v.sound()).as(v.detail()).isTrue();
        // a parabola through the falling rows turns up at 0.4, past the data
        FittedLaw turns = fit(d, "E + b*(log10_data - 0.4)^2", "b >= 0");
        Soundness.Verdict w = Soundness.check(turns, Map.of("loss", dom));
        assertThat(w.monotone()).as(w.detail()).isFalse();
    }

    static double[][] grid(double[] a, double[] b) {
        double[][] out = new double[a.length * b.length][];
        int k = 0;
        for (double x : a) {
            for (double y : b) {
                out[k++] = new double[] {x, y};
            }
        }
        return out;
    }

    /** One group "all": every row train, the target "loss" computed from the feature values. */
    static Dataset table(List<String> features, double[][] rows, ToDoubleFunction<double[]> loss) {
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (int j = 0; j < features.size(); j++) {
            double[] c = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                c[i] = rows[i][j];
            }
            cols.put(features.get(j), c);
        }
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = loss.applyAsDouble(rows[i]);
        }
        cols.put("loss", y);
        Frame train = new Frame(rows.length, cols);
        List<String> all = new ArrayList<>(features);
        all.add("loss");
        return new Dataset("test", features, List.of("loss"), List.of(new Group("all", train, Frame.empty(all))), Map.of());
    }
}
