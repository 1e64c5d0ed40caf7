package lawsearch.engine.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import lawsearch.evaluator.Evaluation;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Group;
import lawsearch.evaluator.protocol.FittedLaw;
import lawsearch.evaluator.soundness.Domain;
import lawsearch.grammar.core.Interval;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.simplify.Readable;

/**
 * The reported law in a researcher's words: {@link Readable}'s rewrites (powers of powers merged,
 * numbers absorbed by constants, logs split, roles named E, A, alpha, …) with the fitted constants
 * carried over, not refitted, so the law predicts what the search's form predicts and scores the
 * same. Kept only if it does, on every train row to a relative {@value #SAME} or to a thousandth
 * of the law's own train error in that group ({@value #OF_ERROR} of its root mean square error);
 * otherwise the search's form is reported as it was. Not 1e-9: rewriting {@code c/log(v^(-1))} as
 * {@code A/log(v)} with v near 1 (an sft law's {@code log(x^p/100 + c)}) moves the last bits of a log
 * of about 1e-8, a relative 1e-8 in the law; and where a group's fit is degenerate (sft's t5-small,
 * c5 = 2e-6 in {@code c3/log(sqrt(log((x^c5)^2 + c8)^c5))}, a log of a log of about e) both forms
 * lose digits to cancellation and differ by a relative 1e-5, some 5e-6 against a train error of 0.02.
 * A wrong mapping differs in the first digits.
 */
final class ReadableLaw {
    static final double SAME = 1e-6;
    static final double OF_ERROR = 1e-3;

    private ReadableLaw() { }

    static Evaluation of(Evaluation ev, Dataset data) {
        FittedLaw mapped = of(ev.fitted(), data.withoutTest());
        return mapped == ev.fitted() ? ev : Evaluation.of(mapped, data, ev.seconds());
    }

    /** {@code f} (fitted on {@code train}'s rows) in readable form with its constants carried over; {@code f} itself when no rewrite is kept. */
    static FittedLaw of(FittedLaw f, Dataset train) {
        Law law = f.law();
        Readable r;
        try {
            r = Readable.of(law, domain(train), fits(f, law), train.variableNames());
        } catch (RuntimeException e) {   // a rewrite's failure costs readability, never the run
            return f;
        }
        if (r.law().equals(law)) {
            return f;
        }
        Map<String, Map<String, FittedLaw.Stored>> stored = new LinkedHashMap<>();
        for (String g : f.groups()) {
            Map<String, FittedLaw.Stored> byTarget = new LinkedHashMap<>();
            for (String t : f.targets()) {
                FittedLaw.Stored s = f.stored(g, t);
                byTarget.put(t, new FittedLaw.Stored(s.params() == null ? null : r.map(law.parameters(), s.params()),
                        s.objective(), s.trainMse()));
            }
            stored.put(g, byTarget);
        }
        Map<String, String> columns = new LinkedHashMap<>(f.columns());
        columns.keySet().retainAll(r.law().variables());
        FittedLaw mapped = FittedLaw.restore(r.law(), columns, stored);
        return samePredictions(f, mapped, train) ? mapped : f;
    }

    /** Each group's and target's fitted constants, by parameter name (none where that fit failed). */
    static List<Map<String, Double>> fits(FittedLaw f, Law law) {
        List<String> names = law.parameters();
        List<Map<String, Double>> fits = new ArrayList<>();
        for (String g : f.groups()) {
            for (String t : f.targets()) {
                double[] v = f.stored(g, t).params();
                if (v != null) {
                    Map<String, Double> fit = new LinkedHashMap<>();
                    for (int i = 0; i < v.length; i++) {
                        fit.put(names.get(i), v[i]);
                    }
                    fits.add(fit);
                }
            }
        }
        return fits;
    }

    /**
     * Each of the law's variables from its column's lowest value where the law is checked ({@link
     * Domain#lowest}) upwards: what its rewrites may assume (params > 0, log(params) > 0, ...).
     */
    static Function<String, Interval> domain(Dataset train) {
        Map<String, Double> lowest = Domain.lowest(train);
        return v -> {
            String column = train.resolve(v);
            Double lo = column == null ? null : lowest.get(column);
            return lo == null || Double.isNaN(lo) ? Interval.FREE : new Interval(lo, Double.POSITIVE_INFINITY);
        };
    }

    static boolean samePredictions(FittedLaw a, FittedLaw b, Dataset train) {
        for (Group g : train.groups()) {
            for (String t : a.targets()) {
                if (!a.ok(g.name(), t)) {
                    continue;
                }
                double[] x = a.predict(g.name(), t, g.train());
                double[] y = b.predict(g.name(), t, g.train());
                double unseen = OF_ERROR * Math.sqrt(a.stored(g.name(), t).trainMse());
                for (int i = 0; i < x.length; i++) {
                    boolean bothOff = !Double.isFinite(x[i]) && !Double.isFinite(y[i]);
                    double d = Math.abs(x[i] - y[i]);
                    if (!bothOff && !(d <= SAME * Math.max(Math.abs(x[i]), Math.abs(y[i])) || d <= unseen)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
