package lawsearch.evaluator.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.fit.FitOptions;
import lawsearch.evaluator.fit.FitResult;
import lawsearch.evaluator.fit.Fitter;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.simplify.Canonical;

/**
 * The one scoring protocol, exactly as SLDBench scores a program: fit the law per group (and per
 * target) on the problem's fit rows, predict its score rows, concatenate all groups per target,
 * then per target NMSE and R² = 1 − mean NMSE. Validation folds, the search's fitness, {@code
 * eval} and the final train/test score all come here; nothing outside the evaluator builds a fitter.
 */
public final class Protocol {
    private Protocol() { }

    /**
     * Fits {@code law} on every group's fit rows, every target, with the starts seeded by the law's
     * canonical hash (equal laws get equal starts). {@code pool} null fits on this thread, one start
     * after another, as a search does per candidate; otherwise all starts run on the pool.
     */
    public static FittedLaw fit(Law law, Problem problem, FitOptions options, ForkJoinPool pool) {
        var data = problem.data();
        Fitter fitter = new Fitter(law, data::resolve, options.withSeed(Canonical.hash(law)));
        List<Frame> frames = problem.parts().stream().map(Problem.Part::fit).toList();
        List<FitResult> flat = fitter.fitAll(frames, data.targets(), pool);
        Map<String, Map<String, FitResult>> fits = new LinkedHashMap<>();
        int i = 0;
        for (Problem.Part p : problem.parts()) {
            Map<String, FitResult> byTarget = new LinkedHashMap<>();
            for (String t : data.targets()) {
                byTarget.put(t, flat.get(i++));
            }
            fits.put(p.group().name(), byTarget);
        }
        return new FittedLaw(law, columns(law, data::resolve), fits);
    }

    /**
     * {@code fitted} judged on the problem's score rows: per target, truth and predictions of every
     * group that has score rows, concatenated in group order. Throws when no group has one.
     */
    public static Scored score(FittedLaw fitted, Problem problem) {
        return score(fitted, problem, Problem.Part::score);
    }

    /** {@code fitted} judged as {@link #score} judges it, on the rows it was fitted on: how well the fit found its optimum. */
    public static Scored scoreFitRows(FittedLaw fitted, Problem problem) {
        return score(fitted, problem, Problem.Part::fit);
    }

    private static Scored score(FittedLaw fitted, Problem problem, Function<Problem.Part, Frame> rows) {
        List<double[]> truth = new ArrayList<>();
        List<double[]> pred = new ArrayList<>();
        for (String t : problem.targets()) {
            List<double[]> ys = new ArrayList<>();
            List<double[]> ps = new ArrayList<>();
            for (Problem.Part p : problem.parts()) {
                Frame f = rows.apply(p);
                if (f.isEmpty()) {
                    continue;
                }
                ys.add(f.column(t));
                ps.add(fitted.predict(p.group().name(), t, f));
            }
            truth.add(concat(ys));
            pred.add(concat(ps));
        }
        return Scored.of(truth, pred);
    }

    /** How many fits (of a law to a problem, or a benchmark's) this JVM has started: a report that refits nothing leaves it unchanged. */
    public static long fitsStarted() { return Fitter.created(); }

    /** Train MSE pooled over every group and target (each fit's MSE weighted by its fit rows). */
    public static double trainMse(FittedLaw fitted, Problem problem) {
        double sse = 0;
        long n = 0;
        for (Problem.Part p : problem.parts()) {
            for (String t : problem.targets()) {
                sse += fitted.fit(p.group().name(), t).trainMse() * p.fit().size();
                n += p.fit().size();
            }
        }
        return sse / n;
    }

    /** The law's variables → the data columns they read. */
    static Map<String, String> columns(Law law, java.util.function.Function<String, String> resolve) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String v : law.variables()) {
            m.put(v, resolve.apply(v));
        }
        return m;
    }

    /** The parts end to end. */
    static double[] concat(List<double[]> parts) {
        double[] out = new double[parts.stream().mapToInt(a -> a.length).sum()];
        int k = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, k, p.length);
            k += p.length;
        }
        return out;
    }
}
