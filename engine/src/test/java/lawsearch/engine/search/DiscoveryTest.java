package lawsearch.engine.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import lawsearch.engine.run.Discovery;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.DemoData;
import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.data.Group;
import lawsearch.grammar.formatter.Printer;

/** Determinism across thread counts, and the test split's isolation from the search. */
class DiscoveryTest {
    static SearchConfig config(int threads) {
        return SearchConfig.builder().options(SearchOptions.builder().islands(2).populationSize(16).build())
                .generations(5).time(null).seed(11).threads(threads).build();
    }

    static Discovery.Outcome run(Dataset d, int threads) {
        return Discovery.run(d, Discovery.Settings.builder(config(threads)).maxParams(5).scale(List.of("params", "tokens")).build(),
                new AtomicBoolean(), Discovery.Hooks.progress(g -> { }));
    }

    @Test
    void sameSeedSameLawsWhateverTheThreadCount() {
        Dataset d = DemoData.generate(0);
        Discovery.Outcome one = run(d, 1);
        Discovery.Outcome two = run(d, 2);
        assertThat(Printer.print(two.chosen().law().expr())).isEqualTo(Printer.print(one.chosen().law().expr()));
        assertThat(two.chosen().validationNmse()).isEqualTo(one.chosen().validationNmse());
        assertThat(two.evaluation().test().r2()).isEqualTo(one.evaluation().test().r2());
        assertThat(two.search().history().stream().map(Generation::bestLaw).toList())
                .isEqualTo(one.search().history().stream().map(Generation::bestLaw).toList());
        assertThat(two.search().evaluations()).isEqualTo(one.search().evaluations());
    }

    /**
     * Over search_rows the search scores laws on a sample; the law reported is scored on every train
     * row (its score is the full rows' score), as are the templates it weighs, the same whatever the thread count.
     */
    @Test
    void aSweepOverSearchRowsIsSearchedOnASampleAndReportedOnAllRows() {
        Dataset d = DemoData.generate(0);
        assertThat(d.trainRows()).isGreaterThan(150);
        List<Discovery.Outcome> runs = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            SearchOptions o = SearchOptions.builder().islands(2).populationSize(16).searchRows(100).build();
            SearchConfig c = SearchConfig.builder().options(o).generations(4).time(null).seed(11).threads(threads).build();
            runs.add(Discovery.run(d, Discovery.Settings.builder(c).maxParams(5).scale(List.of("params", "tokens")).build(),
                    new AtomicBoolean(), Discovery.Hooks.progress(g -> { })));
        }
        Discovery.Outcome one = runs.get(0);
        assertThat(one.fitness().folds()).as("the reported law is scored on folds of all train rows")
                .allSatisfy(f -> assertThat(f.problem().fitRows() + f.problem().scoreRows()).isEqualTo(d.trainRows()));
        Score full = one.fitness().score(one.chosen().law());
        assertThat(one.chosen().validationNmse()).isEqualTo(full.validationNmse());
        assertThat(one.search().evaluations()).isGreaterThan(one.search().history().get(3).evaluations());
        assertThat(one.templates()).as("each template's best setting on the sample, scored on all rows").isNotEmpty()
                .extracting(t -> t.law().expr()).doesNotHaveDuplicates();
        assertThat(one.templates()).allSatisfy(t -> assertThat(t.validationNmse()).isEqualTo(one.fitness().score(t.law()).validationNmse()));
        assertThat(runs.get(1).chosen().law()).isEqualTo(one.chosen().law());
        assertThat(runs.get(1).chosen().validationNmse()).isEqualTo(one.chosen().validationNmse());
        assertThat(runs.get(1).search().evaluations()).isEqualTo(one.search().evaluations());
    }

    @Test
    void restartsOfStagnantIslandsAreTheSameWhateverTheThreadCount() {
        Dataset d = DemoData.generate(0);
        List<Discovery.Outcome> runs = new ArrayList<>();
        for (int[] t : new int[][] {{1, 1}, {2, 1}, {1, 0}}) {   // threads, patience (0: no restarts)
            SearchOptions o = SearchOptions.builder().islands(2).populationSize(16).stagnation(t[1]).build();
            SearchConfig c = SearchConfig.builder().options(o).generations(8).time(null).seed(11).threads(t[0]).build();
            runs.add(Discovery.run(d, Discovery.Settings.builder(c).maxParams(5).scale(List.of("params", "tokens")).build(),
                    new AtomicBoolean(), Discovery.Hooks.progress(g -> { })));
        }
        assertThat(runs.get(1).search().history()).extracting(Generation::bestLaw)
                .isEqualTo(runs.get(0).search().history().stream().map(Generation::bestLaw).toList());
        assertThat(runs.get(1).search().evaluations()).isEqualTo(runs.get(0).search().evaluations());
        // patience 1 restarts an island after every generation that found nothing better: other laws fitted
        assertThat(runs.get(0).search().evaluations()).isNotEqualTo(runs.get(2).search().evaluations());
    }

    @Test
    void scramblingTestTargetsChangesNothingTheSearchSees() {
        Dataset d = DemoData.generate(0);
        Dataset scrambled = scrambleTest(d);
        Discovery.Outcome a = run(d, 2);
        Discovery.Outcome b = run(scrambled, 2);
        assertThat(Printer.print(b.chosen().law().expr())).isEqualTo(Printer.print(a.chosen().law().expr()));
        assertThat(b.chosen().validationNmse()).isEqualTo(a.chosen().validationNmse());
        assertThat(b.search().history()).extracting(Generation::bestFitness)
                .isEqualTo(a.search().history().stream().map(Generation::bestFitness).toList());
        assertThat(b.evaluation().test().r2()).isNotEqualTo(a.evaluation().test().r2());   // test is scored, after
    }

    @Test
    void theSearchCannotBeHandedTestRows() {
        Dataset d = DemoData.generate(0);
        assertThatThrownBy(() -> ValidationSplit.of(d, null, 0)).isInstanceOf(IllegalArgumentException.class);
        ValidationSplit s = ValidationSplit.of(d.withoutTest(), null, 0);
        assertThat(s.problem().data().testRows()).isZero();
        assertThat(s.problem().fitRows() + s.problem().scoreRows()).isEqualTo(d.trainRows());
        assertThat(s.scaleVariables()).containsExactly("params", "tokens");
    }

    @Test
    void validationHoldsTheLargestRunsOfEachGroup() {
        Dataset d = DemoData.generate(0).withoutTest();
        ValidationSplit s = ValidationSplit.of(d, List.of("params"), 0);
        for (int g = 0; g < d.groups().size(); g++) {
            double maxFit = max(s.problem().parts().get(g).fit().column("params"));
            double minVal = min(s.problem().parts().get(g).score().column("params"));
            assertThat(minVal).isGreaterThanOrEqualTo(maxFit);
        }
    }

    /**
     * A learning-rate sweep whose best rate falls with model size: the searched laws in a few
     * generations keep the optimum fixed; a template moving it validates better and is reported (a
     * sound one: the templates that fit the rows a little more closely rise along params far out).
     */
    @Test
    void aTemplateThatValidatesBetterIsReportedAndNoSeedsMeansNone() {
        Dataset d = lrSweep();
        Discovery.Outcome with = Discovery.run(d, Discovery.Settings.builder(config(2)).scale(List.of("params", "tokens")).build(),
                new AtomicBoolean(), Discovery.Hooks.progress(g -> { }));
        assertThat(Printer.print(with.chosen().law().expr())).contains("log(lr/0.001) - c");
        // The best-validating templates (an exponent over the power terms) rise along params far out: never reported.
        assertThat(with.chosen().validationNmse()).isLessThanOrEqualTo(with.search().hallOfFame().chosen().validationNmse());
        assertThat(with.shape().verdict(with.chosen().law()).sound()).isTrue();
        assertThat(with.evaluation().test().r2()).isGreaterThan(0.999);
        Discovery.Outcome without = Discovery.run(d, Discovery.Settings.builder(config(2)).templates(false)
                .scale(List.of("params", "tokens")).build(), new AtomicBoolean(), Discovery.Hooks.progress(g -> { }));
        // Without templates or seeds: the fittest law of the front that is sound and keeps its error refitted.
        assertThat(without.chosen()).isEqualTo(HallOfFame.of(without.search().hallOfFame().front().stream()
                .filter(f -> without.shape().sound(f.law()) && without.shape().refits(f.law(), f.validationNmse()))
                .toList()).chosen());
        assertThat(with.search().hallOfFame().front()).anySatisfy(f -> assertThat(Printer.print(f.law().expr())).contains("log(lr/0.001) - c"));
        assertThat(without.search().hallOfFame().front()).noneSatisfy(f -> assertThat(Printer.print(f.law().expr())).contains("log(lr/0.001) - c"));
    }

    private static Dataset lrSweep() {
        List<String> names = List.of("lr", "params", "tokens", "loss");
        List<double[]> train = new ArrayList<>();
        List<double[]> test = new ArrayList<>();
        for (double n : new double[] {1e8, 2e8, 4e8, 8e8, 1.6e9}) {
            for (double r : new double[] {20, 40}) {
                for (int k = 0; k <= 6; k++) {
                    double lr = 1e-4 * Math.pow(10, k / 3.0);
                    double y = 2 + 0.5 * Math.pow(n / 1e9, -0.3) + 0.4 * Math.pow(r * n / 1e10, -0.3)
                            + 0.04 * Math.pow(Math.log(lr / (3e-3 * Math.pow(n / 1e8, -0.5))), 2);
                    (n > 1e9 ? test : train).add(new double[] {lr, n, r * n, y});
                }
            }
        }
        return new Dataset("lr", names.subList(0, 3), List.of("loss"),
                List.of(new Group("all", frame(names, train), frame(names, test))), Map.of());
    }

    private static Frame frame(List<String> names, List<double[]> rows) {
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (int c = 0; c < names.size(); c++) {
            int k = c;
            cols.put(names.get(c), rows.stream().mapToDouble(r -> r[k]).toArray());
        }
        return new Frame(rows.size(), cols);
    }

    private static Dataset scrambleTest(Dataset d) {
        List<Group> groups = new ArrayList<>();
        for (Group g : d.groups()) {
            Map<String, double[]> cols = new LinkedHashMap<>(g.test().columns());
            double[] y = cols.get("loss").clone();
            for (int i = 0; i < y.length; i++) {
                y[i] = 10 + 7 * ((i * 7919) % 13);
            }
            cols.put("loss", y);
            groups.add(new Group(g.name(), g.train(), new Frame(g.test().size(), cols)));
        }
        return new Dataset(d.source(), d.features(), d.targets(), groups, d.aliases());
    }

    private static double max(double[] xs) { return java.util.Arrays.stream(xs).max().orElseThrow(); }

    private static double min(double[] xs) { return java.util.Arrays.stream(xs).min().orElseThrow(); }
}
