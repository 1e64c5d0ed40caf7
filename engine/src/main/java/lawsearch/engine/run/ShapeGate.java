package lawsearch.engine.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.fit.FitOptions;
import lawsearch.evaluator.protocol.FittedLaw;
import lawsearch.evaluator.protocol.Problem;
import lawsearch.evaluator.protocol.Protocol;
import lawsearch.evaluator.soundness.Domain;
import lawsearch.evaluator.soundness.Screen;
import lawsearch.evaluator.soundness.ShapeSpec;
import lawsearch.evaluator.soundness.Soundness;
import lawsearch.grammar.core.Law;

/**
 * Whether a law may be reported: fitted on every train row (as the reported law is) and checked by
 * {@link Soundness} over the train rows' {@link Domain}, with what the user's {@link ShapeSpec}
 * states in place of what the rows show. Verdicts are kept per law, so a law is fitted for this
 * once. With the checks off ({@code --shape none}) every law passes unchecked.
 */
public final class ShapeGate {
    private final Dataset train;
    private final Map<String, Domain> domains = new LinkedHashMap<>();
    private final ShapeSpec spec;
    private final FitOptions options;
    private final ForkJoinPool pool;
    private final Map<Law, Soundness.Verdict> verdicts = new ConcurrentHashMap<>();
    private final Map<Law, Double> trainNmse = new ConcurrentHashMap<>();

    /**
     * A fit on all train rows counts as failed when its NMSE on those rows exceeds this many times the
     * law's validation NMSE (and {@link #FAILED_FLOOR}): in-sample error is far below held-out error
     * for a fit that found its optimum. On a real isoFLOP sweep a law validating at R² 0.995 was fitted
     * on all train rows into a local optimum predicting 0.15 where every loss was above 3.
     */
    static final double FAILED_RATIO = 4;
    static final double FAILED_FLOOR = 0.05;

    public ShapeGate(Dataset data, List<String> scaleVariables, ShapeSpec spec, FitOptions options, ForkJoinPool pool) {
        this.train = data.withoutTest();
        this.spec = spec;
        this.options = options;
        this.pool = pool;
        for (String t : train.targets()) {
            domains.put(t, Domain.of(train, t, scaleVariables, spec));
        }
    }

    public boolean off() { return spec.off(); }

    /** The cheap form of the checks a search asks of every candidate ({@link Screen}); null when the checks are off. */
    public Predicate<FittedLaw> screen() {
        if (spec.off()) {
            return null;
        }
        Screen screen = new Screen(domains);
        return screen::passes;
    }

    public ShapeSpec spec() { return spec; }

    /** Passes every law when the checks are off. */
    public boolean sound(Law law) {
        return spec.off() || verdict(law).sound();
    }

    /** The checks of {@code law} fitted on the train rows; a fit that throws fails them. */
    public Soundness.Verdict verdict(Law law) {
        return verdicts.computeIfAbsent(law, l -> {
            try {
                FittedLaw fitted = Protocol.fit(l, Problem.trainTest(train), options, pool);
                trainNmse.put(l, nmse(fitted));
                return check(fitted);
            } catch (RuntimeException e) {
                return new Soundness.Verdict(false, false, false, "its fit failed: " + e.getMessage());
            }
        });
    }

    /**
     * Whether {@code law}'s fit on all train rows (the fit a run reports) found what its validation
     * fits found: its train NMSE at most {@link #FAILED_RATIO} × {@code validationNmse} or
     * {@link #FAILED_FLOOR}. A law whose constants cannot be found again on the rows it is reported
     * with is not reported, however it validated.
     */
    public boolean refits(Law law, double validationNmse) {
        if (spec.off()) {
            return true;
        }
        verdict(law);
        Double t = trainNmse.get(law);
        return t != null && t <= Math.max(FAILED_RATIO * validationNmse, FAILED_FLOOR);
    }

    /** The train NMSE of {@code fitted}, SLDBench's (all groups pooled per target, population variance), averaged over targets. */
    private double nmse(FittedLaw fitted) {
        double sum = 0;
        for (String t : train.targets()) {
            double sse = 0;
            List<Double> ys = new java.util.ArrayList<>();
            for (var g : train.groups()) {
                double[] y = g.train().column(t);
                sse += fitted.fit(g.name(), t).trainMse() * y.length;
                for (double v : y) {
                    ys.add(v);
                }
            }
            double mean = ys.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double var = ys.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
            sum += var > 0 ? sse / var : Double.NaN;
        }
        double n = sum / train.targets().size();
        return Double.isNaN(n) ? Double.POSITIVE_INFINITY : n;
    }

    /** The checks of a law already fitted on the train rows. */
    public Soundness.Verdict check(FittedLaw fitted) {
        return Soundness.check(fitted, domains);
    }
}
