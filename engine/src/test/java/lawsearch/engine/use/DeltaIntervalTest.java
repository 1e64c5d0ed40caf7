package lawsearch.engine.use;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

import lawsearch.evaluator.data.Frame;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.parser.LawParser;

/**
 * For a law linear in its constants the delta method is exact: the interval must equal the
 * textbook OLS confidence interval of the mean, computed by Commons Math's regression; adding rows
 * ({@link DeltaInterval#plus}) must give XᵀX of all rows; a redundant constant must not blow it up.
 */
class DeltaIntervalTest {
    @Test
    void aLinearLawGivesTheOlsConfidenceIntervalOfTheMean() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 40;
        double[] x = new double[n];
        double[] y = new double[n];
        double[][] design = new double[n][1];
        for (int i = 0; i < n; i++) {
            x[i] = 1 + 9 * rng.nextDouble();
            y[i] = 2 + 0.5 * x[i] + 0.3 * rng.nextGaussian();
            design[i][0] = x[i];
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, design);
        double[] beta = ols.estimateRegressionParameters();
        RealMatrix inv = org.apache.commons.math3.linear.MatrixUtils.createRealMatrix(ols.estimateRegressionParametersVariance());
        Law law = Law.of(LawParser.parse("a + b*x", Set.of("x")));
        DeltaInterval d = DeltaInterval.of(law, v -> v, beta, frame(x, y), "y");

        double x0 = 25;   // well outside the rows: the interval widens
        double var = ols.estimateErrorVariance() * (inv.getEntry(0, 0) + 2 * x0 * inv.getEntry(0, 1) + x0 * x0 * inv.getEntry(1, 1));
        double half = new TDistribution(n - 2).inverseCumulativeProbability(0.95) * Math.sqrt(var);
        DeltaInterval.Band b = d.band(Map.of("x", x0), 0.9);
        assertThat(b.value()).isCloseTo(beta[0] + beta[1] * x0, within(1e-12));
        assertThat(b.upper() - b.value()).isCloseTo(half, within(half * 1e-6));
        assertThat(b.value() - b.lower()).isCloseTo(half, within(half * 1e-6));

        // Rows added to the information: XᵀX over old and new rows, σ² kept.
        DeltaInterval more = d.plus(frame(new double[] {20, 30}, new double[] {0, 0}));
        double[][] all = new double[n + 2][1];
        for (int i = 0; i < n; i++) {
            all[i][0] = x[i];
        }
        all[n][0] = 20;
        all[n + 1][0] = 30;
        OLSMultipleLinearRegression ols2 = new OLSMultipleLinearRegression();
        ols2.newSampleData(new double[n + 2], all);
        RealMatrix inv2 = org.apache.commons.math3.linear.MatrixUtils.createRealMatrix(ols2.estimateRegressionParametersVariance());
        double var2 = ols.estimateErrorVariance() * (inv2.getEntry(0, 0) + 2 * x0 * inv2.getEntry(0, 1) + x0 * x0 * inv2.getEntry(1, 1));
        double[] g = more.gradient(Map.of("x", x0));
        assertThat(more.halfWidth(g, 0.9)).isCloseTo(new TDistribution(n - 2).inverseCumulativeProbability(0.95) * Math.sqrt(var2), within(half * 1e-6));
        assertThat(more.halfWidth(g, 0.9)).isLessThan(half);
    }

    /**
     * How a constant is scaled changes nothing: Porian's Kaplan-style law carries amplitudes of
     * 1e21 and 1e27 beside exponents near 1, and a pseudo-inverse of the unscaled information took
     * such a constant's tiny singular value for a redundancy (no variance at all), so {@code suggest}
     * said one candidate run would pin it down "by 100%".
     */
    @Test
    void aConstantsScaleDoesNotChangeTheInterval() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] y = {2.6, 2.9, 3.6, 3.9, 4.6, 5.1, 5.4, 6.0};
        DeltaInterval plain = DeltaInterval.of(Law.of(LawParser.parse("a + b*x", Set.of("x"))), v -> v, new double[] {2, 0.5},
                frame(x, y), "y");
        DeltaInterval scaled = DeltaInterval.of(Law.of(LawParser.parse("a + b*x/1e27", Set.of("x"))), v -> v, new double[] {2, 0.5e27},
                frame(x, y), "y");
        DeltaInterval.Band p = plain.band(Map.of("x", 20.0), 0.9);
        DeltaInterval.Band s = scaled.band(Map.of("x", 20.0), 0.9);
        assertThat(s.width()).isCloseTo(p.width(), within(p.width() * 1e-6));
        assertThat(scaled.standardErrors().get("b")).isCloseTo(plain.standardErrors().get("b") * 1e27, within(plain.standardErrors().get("b") * 1e21));
    }

    @Test
    void aRedundantConstantDoesNotMakeTheIntervalInfinite() {
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] y = {3.1, 3.9, 5.2, 6.0, 6.9, 8.1};
        Law law = Law.of(LawParser.parse("a + b*c*x", Set.of("x")));
        DeltaInterval d = DeltaInterval.of(law, v -> v, new double[] {2, 1, 1}, frame(x, y), "y");
        DeltaInterval.Band b = d.band(Map.of("x", 10.0), 0.9);
        assertThat(b.width()).isPositive().isFinite();
        assertThat(d.standardErrors().values()).allSatisfy(s -> assertThat(s).isFinite());
    }

    static Frame frame(double[] x, double[] y) {
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("x", x);
        cols.put("y", y);
        return new Frame(x.length, cols);
    }
}
