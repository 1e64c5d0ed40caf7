package lawsearch.evaluator.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.data.Group;
import lawsearch.evaluator.fit.FitOptions;
import lawsearch.evaluator.protocol.FittedLaw;
import lawsearch.evaluator.protocol.Problem;
import lawsearch.evaluator.protocol.Protocol;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.parser.LawParser;

/** The bootstrap's spread at each group's largest trained run, against a hand computation and on real refits. */
class FrontierSpreadTest {

    private static final Law LINEAR = Law.of(LawParser.parse("a*N", Set.of("N")));

    /** {@code LINEAR} with slope {@code a} in group g. */
    private static FittedLaw slope(double a) {
        return FittedLaw.restore(LINEAR, Map.of("N", "N"),
                Map.of("g", Map.of("loss", new FittedLaw.Stored(new double[] {a}, 0, 0))));
    }

    private static Dataset rows(double[] n, double[] loss) {
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("N", n);
        cols.put("loss", loss);
        return new Dataset("t", List.of("N"), List.of("loss"),
                List.of(new Group("g", new Frame(n.length, cols), Frame.empty(cols.keySet()))), Map.of());
    }

    @Test
    void theWidthOfTheRefitsCentralNinetyPercentAtTheLargestRunOverThePrediction() {
        Dataset d = rows(new double[] {1, 4, 2}, new double[] {1, 4, 2});
        List<FittedLaw> refits = new ArrayList<>();
        for (int k = 0; k <= 20; k++) {
            refits.add(slope(0.9 + 0.01 * k));   // slopes 0.90 … 1.10
        }
        refits.add(null);                         // a refit that threw is skipped
        // At N = 4 the refits predict 3.6 … 4.4; the 5% and 95% quantiles are 3.64 and 4.36 (type 7).
        assertThat(FrontierSpread.of(slope(1), refits, d, List.of("N"))).isCloseTo(0.72 / 4, within(1e-12));
        assertThat(FrontierSpread.of(slope(1), refits, d, List.of())).isNaN();   // no scale variable, no frontier
    }

    @Test
    void aTargetNotPositiveOnEveryRowIsMeasuredAgainstItsRange() {
        assertThat(FrontierSpread.scale(0.5, new double[] {1, 2, 3})).isEqualTo(0.5);
        assertThat(FrontierSpread.scale(0.01, new double[] {-1, 2, 3})).isEqualTo(4);
    }

    @Test
    void theFrontierIsTheRowLargestAlongAllScaleVariablesTogether() {
        Map<String, double[]> cols = Map.of("N", new double[] {10, 100, 1000, 20}, "D", new double[] {1e6, 1e5, 1e3, 1e6});
        Frame f = new Frame(4, cols);
        assertThat(FrontierSpread.frontierRow(f, List.of("N"))).isEqualTo(2);
        assertThat(FrontierSpread.frontierRow(f, List.of("N", "D"))).isEqualTo(3);
    }

    @Test
    void aLawTheRowsDetermineIsPinnedAndOneTheyDoNotIsNot() {
        Dataset d = BootstrapTest.sweep(8, 2);
        Problem all = Problem.trainTest(d);
        ForkJoinPool pool = ForkJoinPool.commonPool();
        Law determined = BootstrapTest.law();
        double pinned = FrontierSpread.of(Protocol.fit(determined, all, FitOptions.DEFAULT, pool),
                Bootstrap.refits(determined, d, FitOptions.DEFAULT, 7, 40, pool), d, List.of("N"));
        assertThat(pinned).isLessThan(0.05);
        // b and c trade off exactly (only b·c is determined); a refit landing far from the fit's own
        // pair predicts the same, so only the floor's and the amplitude's doubt remain: still pinned.
        Law redundant = Law.of(LawParser.parse("E + b*c*N^(-a)", Set.of("N")));
        double alike = FrontierSpread.of(Protocol.fit(redundant, all, FitOptions.DEFAULT, pool),
                Bootstrap.refits(redundant, d, FitOptions.DEFAULT, 7, 40, pool), d, List.of("N"));
        assertThat(alike).isLessThan(0.05);
    }
}
