package lawsearch.engine.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.DemoData;
import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.data.Group;
import lawsearch.grammar.core.UserError;

/** The validation folds: extrapolation along every scale variable, cross-validation without one. */
class FoldsTest {

    @Test
    void everyScaleVariableGetsAFoldHoldingItsLargestValues() {
        Dataset d = DemoData.generate(0).withoutTest();
        List<ValidationSplit> folds = Folds.of(d, List.of("params", "tokens"), 0);
        for (String v : List.of("params", "tokens")) {
            assertThat(folds).anySatisfy(f -> {
                for (int g = 0; g < d.groups().size(); g++) {
                    double[] fit = f.problem().parts().get(g).fit().column(v);
                    double[] val = f.problem().parts().get(g).score().column(v);
                    assertThat(val).isNotEmpty();
                    assertThat(min(val)).isGreaterThan(max(fit));
                }
            });
        }
        for (ValidationSplit f : folds) {
            assertThat(f.problem().data().testRows()).isZero();
            assertThat(f.problem().fitRows() + f.problem().scoreRows()).isEqualTo(d.trainRows());
        }
    }

    @Test
    void jointWithAxesAlsoHoldsOutTheLargestRunsAlongTheDiagonal() {
        Dataset d = DemoData.generate(0).withoutTest();
        List<String> vars = List.of("params", "tokens");
        List<ValidationSplit> axes = Folds.of(d, vars, 0, new FoldRules(0.1, 0.4, 3, List.of(0.2, 0.1), false));
        List<ValidationSplit> withJoint = Folds.of(d, vars, 0);
        assertThat(withJoint).hasSize(axes.size() + 1);
        ValidationSplit joint = withJoint.get(withJoint.size() - 1);
        for (int g = 0; g < d.groups().size(); g++) {     // every held-out run is at least as large, by summed log-scale, as any kept one
            double[] fit = logScale(joint.problem().parts().get(g).fit());
            double[] val = logScale(joint.problem().parts().get(g).score());
            assertThat(val).isNotEmpty();
            assertThat(min(val)).isGreaterThanOrEqualTo(max(fit));
        }
    }

    private static double[] logScale(Frame f) {
        double[] p = f.column("params");
        double[] t = f.column("tokens");
        double[] out = new double[f.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.log(p[i]) + Math.log(t[i]);
        }
        return out;
    }

    @Test
    void aVariableWithTwoValuesOrOneDominantValueIsNotExtrapolatedAlong() {
        Frame two = frame(new double[] {1, 1, 2, 2, 1, 2});
        assertThat(Folds.largestAlong(two, "x", FoldRules.DEFAULT)).containsOnly(false);
        Frame dominant = frame(new double[] {1, 2, 3, 3, 3, 3, 3, 3});
        assertThat(Folds.largestAlong(dominant, "x", FoldRules.DEFAULT)).containsOnly(false);
        Frame grid = frame(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10});
        assertThat(Folds.largestAlong(grid, "x", FoldRules.DEFAULT)).containsExactly(false, false, false, false, false, false, false,
                false, false, true, true);
    }

    @Test
    void withoutScaleVariablesThreeDisjointRandomFifthsAreHeldOut() {
        for (int n : new int[] {5, 20, 37}) {
            int[] count = new int[n];
            for (int k = 0; k < FoldRules.DEFAULT.randomFolds(); k++) {
                boolean[] val = Folds.randomFifth(n, 42, k);
                int held = 0;
                for (int i = 0; i < n; i++) {
                    count[i] += val[i] ? 1 : 0;
                    held += val[i] ? 1 : 0;
                }
                assertThat(held).isBetween(n / 5, n / 5 + 1);
            }
            assertThat(Arrays.stream(count).max().orElse(0)).isLessThanOrEqualTo(1);
        }
        Dataset d = DemoData.generate(0).withoutTest();
        assertThat(Folds.of(d, List.of(), 0)).hasSize(FoldRules.DEFAULT.randomFolds());
    }

    @Test
    void foldsHoldingOutTheSameRowsAreKeptOnce() {
        Frame f = frame(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20});
        Dataset d = new Dataset("t", List.of("x"), List.of("y"), List.of(new Group("all", f, Frame.empty(List.of("x", "y")))), Map.of());
        // one variable: no per-variable fold, the 20% and the nested 10% joint folds
        assertThat(Folds.of(d, List.of("x"), 0)).hasSize(2);
    }

    /**
     * The minimum requireRows states is the one the folds are cut with: one row fewer and no fold
     * holds a row out (the search would have nothing to rank on), so it is refused in one line.
     */
    @Test
    void tooFewTrainRowsForAnyFoldIsAUserErrorAtTheExactMinimum() {
        for (List<String> scale : List.of(List.of("x"), List.<String>of())) {
            int need = scale.isEmpty() ? Folds.FIFTHS_MIN_ROWS : ValidationSplit.MIN_ROWS;
            Dataset enough = rows(need);
            assertThat(Folds.of(enough, scale, 0)).as("%s", scale).isNotEmpty();
            Dataset fewer = rows(need - 1);
            assertThatThrownBy(() -> Folds.of(fewer, scale, 0)).isInstanceOf(UserError.class)
                    .hasMessage("t: too few train rows to hold out validation folds: group 'a' has " + (need - 1)
                            + " (the most of any group), needs at least " + need + (scale.isEmpty() ? " (no scale variables: random fifths)" : ""));
        }
        assertThat(Folds.FIFTHS_MIN_ROWS).isEqualTo(5);
        assertThat(ValidationSplit.MIN_ROWS).isEqualTo(4);
    }

    /**
     * One group of twelve runs along one scale variable: the 10% joint fold holds out one run, whose
     * variance is 0, so every law scored NaN on it and the sweep reported "no law fitted the data".
     * That fold is left out. With every joint fold a single run (five to seven runs), the two largest
     * are held out instead, so a sweep of five model sizes is ranked on extrapolating to its last
     * two; with four runs (two left to fit) the rows are refused.
     */
    @Test
    void aFoldHoldingOutASingleRowIsLeftOutAndNoneLeftIsAUserError() {
        List<ValidationSplit> folds = Folds.of(group("all", 12), List.of("x"), 0);
        assertThat(folds).isNotEmpty().allSatisfy(f -> assertThat(f.validationRows()).isGreaterThan(1));
        for (int n : new int[] {5, 7}) {
            List<ValidationSplit> small = Folds.of(group("all", n), List.of("x"), 0);
            assertThat(small).as("%d runs", n).singleElement().satisfies(f -> {
                double[] held = f.problem().parts().get(0).score().column("x");
                double[] fit = f.problem().parts().get(0).fit().column("x");
                assertThat(held).hasSize(Folds.SMALL_HELD);
                assertThat(min(held)).isGreaterThan(max(fit));
            });
        }
        assertThatThrownBy(() -> Folds.of(group("all", 4), List.of("x"), 0)).isInstanceOf(UserError.class)
                .hasMessage("t: too few train rows to hold out validation folds: every fold would hold out a single row,"
                        + " or rows of one value, on which no law can be ranked");
        assertThatThrownBy(() -> Folds.requireRows(group("all", 4), List.of("x"))).isInstanceOf(UserError.class);
    }

    /** A target of one value is refused as such (a wrong column, likelier than too few rows), with or without scale variables. */
    @Test
    void aTargetOfOneValueIsNamed() {
        double[] x = new double[40];
        Arrays.setAll(x, i -> Math.pow(1.2, i));
        double[] y = new double[40];
        Arrays.fill(y, 2.0);
        Dataset flat = new Dataset("t", List.of("x"), List.of("y"), List.of(new Group("all", new Frame(40, Map.of("x", x, "y", y)),
                Frame.empty(List.of("x", "y")))), Map.of());
        for (List<String> scale : List.of(List.of("x"), List.<String>of())) {
            assertThatThrownBy(() -> Folds.requireRows(flat, scale)).isInstanceOf(UserError.class)
                    .hasMessage("t: column 'y' is 2.0 on every train row: there is nothing to fit (is it the target meant?)");
        }
    }

    /** Two groups of {@code n} runs each (a fold pools its held-out rows over the groups, as the NMSE does). */
    private static Dataset rows(int n) {
        return new Dataset("t", List.of("x"), List.of("y"), List.of(new Group("a", frame(n, 1), Frame.empty(List.of("x", "y"))),
                new Group("b", frame(n, 2), Frame.empty(List.of("x", "y")))), Map.of());
    }

    private static Dataset group(String name, int n) {
        return new Dataset("t", List.of("x"), List.of("y"), List.of(new Group(name, frame(n, 1), Frame.empty(List.of("x", "y")))), Map.of());
    }

    private static Frame frame(int n, double scale) {
        double[] x = new double[n];
        Arrays.setAll(x, i -> Math.pow(2, i));
        return frame(x, scale);
    }

    private static Frame frame(double[] x) {
        return frame(x, 1);
    }

    private static Frame frame(double[] x, double scale) {
        double[] y = Arrays.stream(x).map(v -> scale / v).toArray();
        return new Frame(x.length, Map.of("x", x, "y", y));
    }

    private static double max(double[] xs) { return Arrays.stream(xs).max().orElseThrow(); }

    private static double min(double[] xs) { return Arrays.stream(xs).min().orElseThrow(); }
}
