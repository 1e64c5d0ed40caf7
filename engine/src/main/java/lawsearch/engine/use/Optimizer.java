package lawsearch.engine.use;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.stat.regression.SimpleRegression;

import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.data.Group;
import lawsearch.evaluator.protocol.FittedLaw;

/**
 * The best settings of the varied columns under a question, read off one group's fitted law: the
 * law's value is minimised (maximised for a target that rises with scale, {@link Question#falls})
 * over the searched columns in log scale (as written, for {@link Question#linear}) within their bounds (Brent's
 * method for one, BOBYQA for more, from the centre of the bounds and from the group's best train
 * run; the better wins; CMA-ES with a fixed seed where BOBYQA gives up), the budget's column solved
 * from its equation at every step. Deterministic: no unseeded randomness.
 */
public final class Optimizer {
    /** A searched coordinate this close to its bound (in log units) is reported as at the bound. */
    private static final double AT_BOUND = 1e-4;
    /** The budget's solved column is sought this many times beyond its search bounds. */
    private static final double SOLVE_SPAN = 1e6;
    /** What a point where the law is undefined (or the budget unsolvable) scores: worse than any loss. */
    private static final double UNDEFINED = 1e30;

    private final FittedLaw fitted;
    private final java.util.function.Function<String, String> resolve;
    private final Question q;
    private final lawsearch.evaluator.protocol.Prediction prediction;

    /**
     * {@code resolve}: the run's data's variable → column map. It must know the fit weighting's
     * variable as well as the law's: a law weighted by tokens need not read tokens, and
     * {@code fitted.columns()} holds only the columns the law reads.
     */
    public Optimizer(FittedLaw fitted, java.util.function.Function<String, String> resolve, Question q) {
        this.fitted = fitted;
        this.resolve = resolve;
        this.q = q;
        this.prediction = new lawsearch.evaluator.protocol.Prediction(fitted.law(), fitted.columns()::get);
    }

    /** One group's answer. {@code outside}: column → how many times beyond the train range (1: inside). */
    public record Optimum(String group, Map<String, Double> optimum, DeltaInterval.Band band, List<String> atBound,
                          Map<String, Double> outside, Map<String, Double> exponents) { }

    public Optimum solve(Group group, Map<String, lawsearch.engine.run.FitFile.Range> ranges) {
        DeltaInterval interval = DeltaInterval.of(fitted.law(), resolve, params(group), group.train(), q.target());
        Map<String, Double> best = solvable(argmin(group, q.budget()), q.budget());
        Map<String, Double> point = new LinkedHashMap<>(q.at());
        point.putAll(best);
        List<String> atBound = new ArrayList<>();
        for (String c : searched()) {
            double[] b = q.bounds().get(c);
            double u = unit(c, best.get(c), coordinate(c, b[0]), coordinate(c, b[1]));
            if (u * width(c) < AT_BOUND || (1 - u) * width(c) < AT_BOUND) {
                atBound.add(c);
            }
        }
        Map<String, Double> outside = new LinkedHashMap<>();
        for (String c : q.vary()) {
            var r = ranges.get(c);
            double x = best.get(c);
            double span = r.max() - r.min();   // as written: how many train spans beyond the range
            outside.put(c, q.linear().contains(c) ? (x > r.max() ? 1 + (x - r.max()) / span : x < r.min() ? 1 + (r.min() - x) / span : 1.0)
                    : x > r.max() ? x / r.max() : x < r.min() ? r.min() / x : 1.0);
        }
        DeltaInterval.Band band = interval.band(point, q.level());
        Defined.at(q.at().isEmpty() ? "--bounds" : "--at", point, band.value());   // undefined wherever the search looked
        Map<String, Double> exponents = q.budget() == null ? null : exponents(group);
        return new Optimum(group.name(), best, band, atBound, outside, exponents);
    }

    /**
     * Slope of log(optimum) against log(budget) per varied column (of the optimum itself for a column
     * searched as written), over budgets 10^-2 … 10^2 times the given one.
     */
    private Map<String, Double> exponents(Group group) {
        Map<String, SimpleRegression> fits = new LinkedHashMap<>();
        q.vary().forEach(c -> fits.put(c, new SimpleRegression()));
        for (double c : q.budget().around()) {
            Map<String, Double> x = solvable(argmin(group, q.budget().at(c)), q.budget().at(c));
            fits.forEach((col, r) -> r.addData(Math.log(c), coordinate(col, x.get(col))));
        }
        Map<String, Double> out = new LinkedHashMap<>();
        fits.forEach((col, r) -> out.put(col, r.getSlope()));
        return out;
    }

    /**
     * {@code best}, unless the budget could not be met anywhere the search looked (its solved column
     * NaN): then a one-line refusal naming the option rather than an answer of NaNs.
     */
    private static Map<String, Double> solvable(Map<String, Double> best, Budget budget) {
        if (budget != null && !Double.isFinite(best.get(budget.solved()))) {
            throw new lawsearch.grammar.core.UserError("--budget: no value of " + budget.solved() + " (within " + Budget.brief(SOLVE_SPAN)
                    + " times its search bounds) makes " + budget.left() + " equal " + Budget.brief(budget.value()));
        }
        return best;
    }

    private double[] params(Group group) {
        double[] p = fitted.params(group.name(), q.target());
        if (p == null) {
            throw new lawsearch.grammar.core.UserError("group " + group.name() + ": the run's fit failed; nothing to optimise");
        }
        return p;
    }

    /** The varied columns the search moves (all but the budget's solved one). */
    private List<String> searched() {
        return q.vary().stream().filter(c -> q.budget() == null || !c.equals(q.budget().solved())).toList();
    }

    /** The varied columns' values at the minimum, in {@code vary} order. */
    private Map<String, Double> argmin(Group group, Budget budget) {
        List<String> s = searched();
        double[] lo = s.stream().mapToDouble(c -> coordinate(c, q.bounds().get(c)[0])).toArray();
        double[] hi = s.stream().mapToDouble(c -> coordinate(c, q.bounds().get(c)[1])).toArray();
        double[] p = params(group);
        // The search runs on [0, 1] per coordinate so that BOBYQA's trust radius means the same for every column.
        java.util.function.ToDoubleFunction<double[]> f = z -> {
            double v = value(budget, point(s, lo, hi, z, budget), p);
            return Double.isFinite(v) ? (q.falls() ? v : -v) : UNDEFINED;   // a rising target (an accuracy) is maximised
        };
        double[] z;
        if (s.isEmpty()) {
            z = new double[0];
        } else if (s.size() == 1) {
            BrentOptimizer brent = new BrentOptimizer(1e-10, 1e-14);
            double start = clamp(unit(s.get(0), start(group, s).get(0), lo[0], hi[0]));
            var r = brent.optimize(new MaxEval(2000), GoalType.MINIMIZE, new SearchInterval(0, 1, start),
                    new UnivariateObjectiveFunction(x -> f.applyAsDouble(new double[] {x})));
            z = new double[] {r.getPoint()};
            // Brent's bracket stops short of the interval's ends: an optimum at a bound is taken there.
            for (double end : new double[] {0, 1}) {
                if (f.applyAsDouble(new double[] {end}) <= r.getValue()) {
                    z = new double[] {end};
                }
            }
        } else {
            z = bobyqa(f, s, lo, hi, group);
        }
        Map<String, Double> x = point(s, lo, hi, z, budget);
        Map<String, Double> out = new LinkedHashMap<>();
        q.vary().forEach(c -> out.put(c, x.get(c)));
        return out;
    }

    private double[] bobyqa(java.util.function.ToDoubleFunction<double[]> f, List<String> s, double[] lo, double[] hi, Group group) {
        int d = s.size();
        double[] centre = new double[d];
        java.util.Arrays.fill(centre, 0.5);
        List<Double> fromRun = start(group, s);
        double[] best = new double[d];
        for (int i = 0; i < d; i++) {
            best[i] = clamp(unit(s.get(i), fromRun.get(i), lo[i], hi[i]));
        }
        PointValuePair winner = null;
        for (double[] x0 : List.of(centre, best)) {
            double[] ones = new double[d];
            java.util.Arrays.fill(ones, 1.0);
            PointValuePair r;
            try {
                r = new BOBYQAOptimizer(2 * d + 1, 0.2, 1e-9).optimize(new MaxEval(20_000), GoalType.MINIMIZE,
                        new ObjectiveFunction(f::applyAsDouble), new InitialGuess(x0), new SimpleBounds(new double[d], ones));
            } catch (MathIllegalStateException e) {
                // BOBYQA gives up on a nearly flat or kinked surface ("trust region step has failed to
                // reduce Q"); CMA-ES, seeded, needs no model of the surface and takes over from the same start.
                r = cmaes(f, x0, d);
            }
            if (winner == null || r.getValue() < winner.getValue()) {
                winner = r;
            }
        }
        return winner.getPoint();
    }

    private static PointValuePair cmaes(java.util.function.ToDoubleFunction<double[]> f, double[] x0, int d) {
        double[] sigma = new double[d];
        java.util.Arrays.fill(sigma, 0.1);
        double[] ones = new double[d];
        java.util.Arrays.fill(ones, 1.0);
        var cma = new CMAESOptimizer(20_000, 0, true, 0, 0, new MersenneTwister(0), false, null);
        return cma.optimize(new MaxEval(40_000), GoalType.MINIMIZE, new ObjectiveFunction(f::applyAsDouble),
                new InitialGuess(x0), new SimpleBounds(new double[d], ones), new CMAESOptimizer.Sigma(sigma),
                new CMAESOptimizer.PopulationSize(4 + (int) (3 * Math.log(d))));
    }

    /** The searched columns' values on the group's train run with the best target (lowest, or highest when it rises): a start near known good settings. */
    private List<Double> start(Group group, List<String> s) {
        Frame t = group.train();
        double[] y = t.column(q.target());
        int arg = 0;
        for (int i = 1; i < y.length; i++) {
            if (q.falls() ? y[i] < y[arg] : y[i] > y[arg]) {
                arg = i;
            }
        }
        int row = arg;
        return s.stream().map(c -> t.column(c)[row]).toList();
    }

    /** The full point (fixed and varied columns) at unit coordinates {@code z}; the solved column NaN when unsolvable. */
    private Map<String, Double> point(List<String> s, double[] lo, double[] hi, double[] z, Budget budget) {
        Map<String, Double> p = new LinkedHashMap<>(q.at());
        for (int i = 0; i < s.size(); i++) {
            double u = lo[i] + z[i] * (hi[i] - lo[i]);
            p.put(s.get(i), q.linear().contains(s.get(i)) ? u : Math.exp(u));
        }
        if (budget != null) {
            double[] b = q.bounds().get(budget.solved());
            p.put(budget.solved(), budget.solve(p, Math.log(b[0] / SOLVE_SPAN), Math.log(b[1] * SOLVE_SPAN)));
        }
        return p;
    }

    private double value(Budget budget, Map<String, Double> point, double[] p) {
        if (budget != null && !Double.isFinite(point.get(budget.solved()))) {
            return Double.NaN;
        }
        return prediction.on(DeltaInterval.frame(point), p)[0];
    }

    /** Where column {@code c} is searched: log x, or x as written. */
    private double coordinate(String c, double x) { return q.linear().contains(c) ? x : Math.log(x); }

    /** The width of column {@code c}'s search bounds, in its coordinate. */
    private double width(String c) {
        double[] b = q.bounds().get(c);
        return coordinate(c, b[1]) - coordinate(c, b[0]);
    }

    private double unit(String c, double x, double lo, double hi) { return (coordinate(c, x) - lo) / (hi - lo); }

    private static double clamp(double z) { return Double.isFinite(z) ? Math.min(1, Math.max(0, z)) : 0.5; }
}
