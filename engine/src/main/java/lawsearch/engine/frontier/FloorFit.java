package lawsearch.engine.frontier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.data.Group;
import lawsearch.evaluator.fit.FitOptions;
import lawsearch.evaluator.protocol.FittedLaw;
import lawsearch.evaluator.protocol.Problem;
import lawsearch.evaluator.protocol.Protocol;
import lawsearch.grammar.core.Bounds;
import lawsearch.grammar.core.Interval;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.UserError;
import lawsearch.grammar.parser.LawParser;

/**
 * L = E + A·C^(−alpha) with E ≥ 0, A ≥ 0, alpha ∈ [0, 2], fitted by lawsearch's own fitter (least
 * squares on L, E and A solved exactly by variable projection). The interval is a residual
 * bootstrap prediction interval: the centred residuals, inflated by √(n/(n−3)) for the three
 * constants fitted, are resampled onto the fitted values, the law refitted ({@link #REFITS} times,
 * from a fixed seed, so the same data give the same interval), and each refit's value at the
 * target compute plus one more resampled residual is a draw of a new run there; the interval is
 * those draws' central {@code level} share.
 */
public final class FloorFit {
    static final int REFITS = 400;
    static final long SEED = 4;
    private static final String GROUP = "frontier";
    private static final String C = "C";
    private static final String L = "L";
    static final Law LAW = Law.of(LawParser.parse("E + A*C^(-alpha)", java.util.Set.of(C))).withBounds(new Bounds(bounds()));

    private FloorFit() { }

    private static Map<String, Interval> bounds() {
        Map<String, Interval> m = new LinkedHashMap<>();
        m.put("E", new Interval(0, Double.POSITIVE_INFINITY));
        m.put("A", new Interval(0, Double.POSITIVE_INFINITY));
        m.put("alpha", new Interval(0, 2));
        return m;
    }

    public static Forecast fit(List<Run> points, double at, double level, String target, String compute, ForkJoinPool pool) {
        double[] c = points.stream().mapToDouble(Run::compute).toArray();
        double[] y = points.stream().mapToDouble(Run::target).toArray();
        FittedLaw fitted = fit(c, y, pool);
        if (fitted == null) {
            throw new UserError("floor form: the fit of " + target + " = E + A*" + compute + "^(-alpha) failed on the "
                    + points.size() + " frontier points");
        }
        double[] fittedValues = fitted.predict(GROUP, L, frame(c, y));
        double[] residuals = residuals(y, fittedValues, LAW.parameters().size());
        double[][] draws = resamples(fittedValues, residuals);
        SplittableRandom extra = new SplittableRandom(SEED + 1);
        List<Callable<Double>> refits = new ArrayList<>();
        for (double[] yStar : draws) {
            double noise = residuals[extra.nextInt(residuals.length)];
            refits.add(() -> {
                FittedLaw f = fit(c, yStar, null);
                return f == null ? Double.NaN : predict(f, at) + noise;
            });
        }
        double[] sims = Arrays.stream(all(pool, refits)).filter(Double::isFinite).toArray();
        if (sims.length < REFITS / 2) {
            throw new UserError("floor form: " + (REFITS - sims.length) + " of " + REFITS + " bootstrap refits failed; no interval");
        }
        Percentile pct = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        double lower = pct.evaluate(sims, 100 * (1 - level) / 2);
        double upper = pct.evaluate(sims, 100 * (1 + level) / 2);
        Map<String, Double> constants = fitted.fit(GROUP, L).byName();
        String method = "residual bootstrap, " + sims.length + " refits (seed " + SEED + ")"
                + (sims.length < REFITS ? ", " + (REFITS - sims.length) + " failed" : "");
        return new Forecast("floor", target + " = E + A*" + compute + "^(-alpha)", constants, at, predict(fitted, at),
                lower, upper, level, method, x -> predict(fitted, x));
    }

    /** The fitted law, or null when no start of the fit reached a finite point. */
    static FittedLaw fit(double[] c, double[] y, ForkJoinPool pool) {
        Frame train = frame(c, y);
        Dataset ds = new Dataset("frontier", List.of(C), List.of(L), List.of(new Group(GROUP, train, Frame.empty(train.columns().keySet()))), Map.of());
        FittedLaw f = Protocol.fit(LAW, Problem.trainTest(ds), FitOptions.DEFAULT, pool);
        return f.ok(GROUP, L) ? f : null;
    }

    private static double predict(FittedLaw f, double c) { return f.predict(GROUP, L, Map.of(C, c)); }

    private static Frame frame(double[] c, double[] y) {
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put(C, c);
        cols.put(L, y);
        return new Frame(c.length, cols);
    }

    /** Residuals centred and inflated for the constants fitted (a fit's residuals are smaller than its errors). */
    private static double[] residuals(double[] y, double[] fitted, int constants) {
        int n = y.length;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = y[i] - fitted[i];
        }
        double mean = Arrays.stream(r).average().orElse(0);
        double inflate = Math.sqrt(n / (double) (n - constants));
        for (int i = 0; i < n; i++) {
            r[i] = (r[i] - mean) * inflate;
        }
        return r;
    }

    /** {@link #REFITS} synthetic targets: fitted values plus residuals drawn with replacement, from the fixed seed. */
    private static double[][] resamples(double[] fitted, double[] residuals) {
        SplittableRandom rng = new SplittableRandom(SEED);
        double[][] out = new double[REFITS][fitted.length];
        for (double[] row : out) {
            for (int i = 0; i < fitted.length; i++) {
                row[i] = fitted[i] + residuals[rng.nextInt(residuals.length)];
            }
        }
        return out;
    }

    private static double[] all(ForkJoinPool pool, List<Callable<Double>> tasks) {
        List<Future<Double>> futures = pool.invokeAll(tasks);
        double[] out = new double[futures.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = futures.get(i).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return out;
    }
}
