package lawsearch.engine.use;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

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
 * Does suggest pick useful runs? On data from a known law (the demo's "web" constants, 0.5%
 * noise, 15 small train runs), its top 5 picks from a 5 × 5 grid of candidates, run (their losses
 * simulated from the law plus noise) and refitted with Protocol.fit, must narrow the 90% interval
 * at the target (10x beyond the largest candidate's size, 10x its tokens) more than 5 random
 * candidates of about the same total cost (a random 5-subset within ±25% of the picks' cost), on
 * average over 10 seeds. Both mean widths are printed.
 */
class SuggestSimulationTest {
    static final String BLOCK = "# EVOLVE-BLOCK-START\nlaw: E + A*params^(-alpha) + B*tokens^(-beta)\n"
            + "bounds: A >= 0; alpha in [0, 2]; B >= 0; beta in [0, 2]\nloss: mse\nweight: uniform\nstarts: 8\n# EVOLVE-BLOCK-END\n";
    static final double E = 1.69, A = 406.4, ALPHA = 0.34, B = 410.7, BETA = 0.28, NOISE = 0.005;
    static final Map<String, Double> TARGET = Map.of("params", 1e10, "tokens", 1e12);
    static final double LEVEL = 0.9;

    static double loss(double n, double d) { return E + A * Math.pow(n, -ALPHA) + B * Math.pow(d, -BETA); }

    @Test
    void topPicksNarrowTheIntervalMoreThanRandomRunsOfEqualCost() {
        Law law = LawFile.parse(BLOCK, "test.law", java.util.Set.of("params", "tokens")).law();
        List<double[]> train = new ArrayList<>();
        for (double n : new double[] {1e7, 2e7, 5e7, 1e8, 2e8}) {
            for (double d : new double[] {1e9, 3e9, 1e10}) {
                train.add(new double[] {n, d});
            }
        }
        List<Candidates.Row> grid = new ArrayList<>();
        for (double n : new double[] {1e7, 3e7, 1e8, 3e8, 1e9}) {
            for (double d : new double[] {1e9, 3e9, 1e10, 3e10, 1e11}) {
                grid.add(new Candidates.Row(grid.size() + 2, "web", Map.of("params", n, "tokens", d)));
            }
        }
        double picked = 0;
        double random = 0;
        double before = 0;
        int seeds = 10;
        for (int s = 0; s < seeds; s++) {
            SplittableRandom rng = new SplittableRandom(s);
            List<double[]> rows = simulate(train, rng);
            DeltaInterval now = interval(law, rows);
            before += width(now);
            List<Suggester.Pick> picks = Suggester.pick(Map.of("web", now), Map.of("web", TARGET), grid,
                    v -> v.get("params") * v.get("tokens"), 5, LEVEL, "grid.csv");
            List<double[]> chosen = picks.stream().map(p -> new double[] {p.row().values().get("params"), p.row().values().get("tokens")}).toList();
            double cost = chosen.stream().mapToDouble(x -> x[0] * x[1]).sum();
            List<double[]> other = randomOfCost(grid, cost, new SplittableRandom(1000 + s));
            picked += width(interval(law, concat(rows, simulate(chosen, rng))));
            random += width(interval(law, concat(rows, simulate(other, rng))));
        }
        System.out.printf("suggest: mean 90%% interval width at the target over %d seeds: %.5f now, %.5f after the top 5 picks, %.5f after 5 random runs of equal cost%n",
                seeds, before / seeds, picked / seeds, random / seeds);
        assertThat(picked).isLessThan(random);
    }

    /** A random 5-subset of the grid whose total cost is within ±25% of {@code cost} (the closest of 20 000 draws otherwise). */
    static List<double[]> randomOfCost(List<Candidates.Row> grid, double cost, SplittableRandom rng) {
        List<double[]> best = null;
        double bestGap = Double.POSITIVE_INFINITY;
        for (int draw = 0; draw < 20_000; draw++) {
            List<Candidates.Row> pool = new ArrayList<>(grid);
            List<double[]> set = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                Candidates.Row r = pool.remove(rng.nextInt(pool.size()));
                set.add(new double[] {r.values().get("params"), r.values().get("tokens")});
            }
            double gap = Math.abs(Math.log(set.stream().mapToDouble(x -> x[0] * x[1]).sum() / cost));
            if (gap < bestGap) {
                best = set;
                bestGap = gap;
            }
            if (gap < Math.log(1.25)) {
                break;
            }
        }
        return best;
    }

    static List<double[]> simulate(List<double[]> points, SplittableRandom rng) {
        List<double[]> out = new ArrayList<>();
        for (double[] p : points) {
            out.add(new double[] {p[0], p[1], loss(p[0], p[1]) * (1 + NOISE * rng.nextGaussian())});
        }
        return out;
    }

    static DeltaInterval interval(Law law, List<double[]> rows) {
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("params", rows.stream().mapToDouble(r -> r[0]).toArray());
        cols.put("tokens", rows.stream().mapToDouble(r -> r[1]).toArray());
        cols.put("loss", rows.stream().mapToDouble(r -> r[2]).toArray());
        Frame f = new Frame(rows.size(), cols);
        Dataset d = new Dataset("simulated", List.of("params", "tokens"), List.of("loss"),
                List.of(new Group("web", f, Frame.empty(cols.keySet()))), Map.of());
        FittedLaw fitted = Protocol.fit(law, Problem.trainTest(d), FitOptions.DEFAULT, null);
        return DeltaInterval.of(law, fitted.columns()::get, fitted.params("web", "loss"), f, "loss");
    }

    static double width(DeltaInterval i) { return i.band(TARGET, LEVEL).width(); }

    static List<double[]> concat(List<double[]> a, List<double[]> b) {
        List<double[]> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
