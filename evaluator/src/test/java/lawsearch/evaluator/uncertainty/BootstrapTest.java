package lawsearch.evaluator.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

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
import lawsearch.grammar.core.Law;
import lawsearch.grammar.parser.LawParser;

/** The bootstrap draws whole configurations and refits the same whatever the pool; intervals hold their prediction. */
class BootstrapTest {

    /** One group, {@code configs} model sizes each run {@code repeats} times (seeds), loss E + A·N^-a with a little scatter. */
    static Dataset sweep(int configs, int repeats) {
        List<Double> n = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int c = 0; c < configs; c++) {
            double size = 1e7 * Math.pow(2, c);
            for (int r = 0; r < repeats; r++) {
                n.add(size);
                y.add((2 + 300 * Math.pow(size, -0.3)) * (1 + 0.01 * Math.sin(7 * c + 3 * r)));
            }
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("N", n.stream().mapToDouble(Double::doubleValue).toArray());
        cols.put("loss", y.stream().mapToDouble(Double::doubleValue).toArray());
        Frame f = new Frame(n.size(), cols);
        return new Dataset("sweep", List.of("N"), List.of("loss"), List.of(new Group("g", f, Frame.empty(cols.keySet()))), Map.of());
    }

    static Law law() { return Law.of(LawParser.parse("E + A*N^(-a)", Set.of("N"))); }

    @Test
    void repeatsOfAConfigurationAreOneClusterAndAreDrawnTogether() {
        Dataset d = sweep(6, 3);
        assertThat(Clusters.counts(d)).containsEntry("g", 6);
        for (int k = 0; k < 20; k++) {
            double[] n = Bootstrap.resample(d, 42, k).groups().get(0).train().column("N");
            assertThat(n).hasSize(18);
            Map<Double, Integer> counts = new LinkedHashMap<>();
            for (double v : n) {
                counts.merge(v, 1, Integer::sum);
            }
            assertThat(counts.values()).allMatch(c -> c % 3 == 0);
        }
    }

    @Test
    void withoutRepeatsEveryRowIsItsOwnCluster() {
        assertThat(Clusters.counts(sweep(9, 1))).containsEntry("g", 9);
    }

    @Test
    void refitsAreTheSameForASeedWhateverThePoolSize() {
        Dataset d = sweep(8, 2);
        List<FittedLaw> one = Bootstrap.refits(law(), d, FitOptions.DEFAULT, 7, 12, new ForkJoinPool(1));
        List<FittedLaw> two = Bootstrap.refits(law(), d, FitOptions.DEFAULT, 7, 12, new ForkJoinPool(2));
        List<FittedLaw> none = Bootstrap.refits(law(), d, FitOptions.DEFAULT, 7, 12, null);
        List<FittedLaw> other = Bootstrap.refits(law(), d, FitOptions.DEFAULT, 8, 12, null);
        for (int k = 0; k < 12; k++) {
            assertThat(two.get(k).params("g", "loss")).containsExactly(one.get(k).params("g", "loss"));
            assertThat(none.get(k).params("g", "loss")).containsExactly(one.get(k).params("g", "loss"));
        }
        assertThat(other.get(0).params("g", "loss")).isNotEqualTo(one.get(0).params("g", "loss"));
    }

    @Test
    void anIntervalHoldsItsPredictionAndWidensWithTheErrors() {
        double[] boot = {2.0, 2.1, 2.05, 1.98, 2.02};
        double[] shifts = {0.03};
        PredictionInterval narrow = PredictionInterval.of(2.5, boot, shifts, new double[] {0.001, -0.001}, true, 0.9);
        PredictionInterval wide = PredictionInterval.of(2.5, boot, shifts, new double[] {0.05, -0.05}, true, 0.9);
        assertThat(narrow.lower()).isLessThanOrEqualTo(2.5);
        assertThat(narrow.upper()).isGreaterThanOrEqualTo(2.5);
        assertThat(wide.width()).isGreaterThan(narrow.width());
        assertThat(PredictionInterval.of(2.5, boot, shifts, new double[] {0.05, -0.05}, true, 0.9)).isEqualTo(wide);
        assertThat(PredictionInterval.of(2.5, boot, shifts, new double[] {0.05, -0.05}, true, 0.5).width()).isLessThan(wide.width());
    }

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        assertThat(Quantiles.of(new double[] {3, 1, 2, Double.NaN}, 0.5)).isEqualTo(2.0);
        assertThat(Quantiles.of(new double[] {0, 10}, 0.25)).isEqualTo(2.5);
        assertThat(Quantiles.of(new double[0], 0.5)).isNaN();
    }
}
