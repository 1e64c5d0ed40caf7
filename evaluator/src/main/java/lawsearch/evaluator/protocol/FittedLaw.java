package lawsearch.evaluator.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.fit.FitResult;
import lawsearch.grammar.core.Law;

/**
 * A law with its fitted constants per group and target: what a run reports, plots, exports and
 * predicts from. {@code columns} maps each of the law's variables (or aliases) to the data column
 * it reads, so the law can predict any rows that carry those columns, in the data or not (a point
 * a user types). Immutable.
 */
public final class FittedLaw {
    private final Law law;
    private final Map<String, String> columns;
    private final Map<String, Map<String, FitResult>> fits;
    private final Prediction prediction;

    /** {@code fits}: group → target → fit, in the data's group and target order. */
    public FittedLaw(Law law, Map<String, String> columns, Map<String, Map<String, FitResult>> fits) {
        this.law = law;
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        Map<String, Map<String, FitResult>> copy = new LinkedHashMap<>();
        fits.forEach((g, byTarget) -> copy.put(g, Collections.unmodifiableMap(new LinkedHashMap<>(byTarget))));
        this.fits = Collections.unmodifiableMap(copy);
        this.prediction = new Prediction(law, this.columns::get);
    }

    /**
     * One group's and target's constants as a run stored them (fit.json): the values in the law's
     * parameter order (null: the fit failed), the fit's objective and its train MSE.
     */
    public record Stored(double[] params, double objective, double trainMse) { }

    /** A fitted law read back from what a run stored: group → target → constants. */
    public static FittedLaw restore(Law law, Map<String, String> columns, Map<String, Map<String, Stored>> stored) {
        Map<String, Map<String, FitResult>> fits = new LinkedHashMap<>();
        stored.forEach((g, byTarget) -> {
            Map<String, FitResult> m = new LinkedHashMap<>();
            byTarget.forEach((t, s) -> m.put(t, new FitResult(law.parameters(), s.params(), s.objective(), s.trainMse(), 0, 0)));
            fits.put(g, m);
        });
        return new FittedLaw(law, columns, fits);
    }

    /** What {@link #restore} takes back: one group's and target's constants, objective and train MSE. */
    public Stored stored(String group, String target) {
        FitResult r = fit(group, target);
        return new Stored(r.params(), r.objective(), r.trainMse());
    }

    public Law law() { return law; }

    /** Law variable → data column. */
    public Map<String, String> columns() { return columns; }

    /** Group → target → fit. */
    public Map<String, Map<String, FitResult>> fits() { return fits; }

    public List<String> groups() { return List.copyOf(fits.keySet()); }

    public List<String> targets() {
        return fits.isEmpty() ? List.of() : List.copyOf(fits.values().iterator().next().keySet());
    }

    /** The law's constants' names, in the order of {@link #params}. */
    public List<String> parameters() { return law.parameters(); }

    /** The constants of one group and target in {@link #parameters()} order; null when no start reached a point. */
    public double[] params(String group, String target) { return fit(group, target).params(); }

    /** The constants the law is linear in (solved exactly by variable projection), in law order. */
    public List<String> linearParameters() {
        return lawsearch.evaluator.fit.Separation.of(law.expr(), law.parameters()).linear();
    }

    /** Whether the fit of one group and target reached a finite objective. */
    public boolean ok(String group, String target) { return fit(group, target).ok(); }

    public FitResult fit(String group, String target) {
        Map<String, FitResult> byTarget = fits.get(group);
        if (byTarget == null || !byTarget.containsKey(target)) {
            throw new IllegalArgumentException("no fit for group " + group + ", target " + target);
        }
        return byTarget.get(target);
    }

    /** The law's value on every row of {@code rows} with {@code group}'s constants for {@code target} (NaN where its fit failed). */
    public double[] predict(String group, String target, Frame rows) {
        FitResult r = fit(group, target);
        return prediction.on(rows, r.params());
    }

    /** The law's value at one point (column → value) with {@code group}'s constants for {@code target}. */
    public double predict(String group, String target, Map<String, Double> point) {
        Map<String, double[]> cols = new LinkedHashMap<>();
        point.forEach((c, v) -> cols.put(c, new double[] {v}));
        return predict(group, target, new Frame(1, cols))[0];
    }

    /** Fitted constants: group → name → value (one target), or group → target → name → value. */
    public Map<String, Object> constants() {
        Map<String, Object> out = new LinkedHashMap<>();
        fits.forEach((g, byTarget) -> {
            if (byTarget.size() == 1) {
                out.put(g, byTarget.values().iterator().next().byName());
            } else {
                Map<String, Object> m = new LinkedHashMap<>();
                byTarget.forEach((t, r) -> m.put(t, r.byName()));
                out.put(g, m);
            }
        });
        return out;
    }
}
