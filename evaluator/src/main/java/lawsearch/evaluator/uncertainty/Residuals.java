package lawsearch.evaluator.uncertainty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.fit.FitOptions;
import lawsearch.evaluator.protocol.FittedLaw;
import lawsearch.evaluator.protocol.Problem;
import lawsearch.evaluator.protocol.Protocol;
import lawsearch.grammar.core.Law;

/**
 * The rows' own scatter about the law, as a prediction meets it: the law is fitted on each validation
 * fold's fit rows and its errors are taken on the rows the fold held out (the largest runs along
 * an axis), not on the rows it was fitted on. Train residuals would understate what a prediction
 * beyond the data faces; held-out ones carry the noise and the law's drift when extrapolating.
 * Relative errors (truth / prediction − 1) when every train value of the target is positive (losses:
 * one spread serves groups at different loss levels), absolute ones otherwise.
 */
public final class Residuals {
    /** Fewer held-out errors than this in a group: the group borrows its target's errors pooled over groups. */
    public static final int MIN_PER_GROUP = 8;

    private Residuals() { }

    /** Per target, whether its errors are relative: every train value positive. */
    public static Map<String, Boolean> relative(Dataset train) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (String t : train.targets()) {
            out.put(t, train.groups().stream().allMatch(g -> java.util.Arrays.stream(g.train().column(t)).allMatch(v -> v > 0)));
        }
        return out;
    }

    /** Group → target → the held-out errors of {@code law} over {@code folds} (each a {@link Problem#holdOut}). */
    public static Map<String, Map<String, double[]>> heldOut(Law law, List<Problem> folds, FitOptions options,
                                                             Map<String, Boolean> relative, ForkJoinPool pool) {
        Map<String, Map<String, List<Double>>> byGroup = new LinkedHashMap<>();
        for (Problem fold : folds) {
            FittedLaw f = Protocol.fit(law, fold, options, pool);
            for (Problem.Part p : fold.parts()) {
                String g = p.group().name();
                for (String t : fold.targets()) {
                    List<Double> errs = byGroup.computeIfAbsent(g, k -> new LinkedHashMap<>()).computeIfAbsent(t, k -> new ArrayList<>());
                    if (p.score().isEmpty() || !f.ok(g, t)) {
                        continue;
                    }
                    double[] y = p.score().column(t);
                    double[] yhat = f.predict(g, t, p.score());
                    for (int i = 0; i < y.length; i++) {
                        double e = relative.get(t) ? y[i] / yhat[i] - 1 : y[i] - yhat[i];
                        if (Double.isFinite(e)) {
                            errs.add(e);
                        }
                    }
                }
            }
        }
        return withPooling(byGroup);
    }

    /** Groups with too few errors of their own get their target's errors over all groups. */
    static Map<String, Map<String, double[]>> withPooling(Map<String, Map<String, List<Double>>> byGroup) {
        Map<String, List<Double>> pooled = new LinkedHashMap<>();
        byGroup.values().forEach(m -> m.forEach((t, e) -> pooled.computeIfAbsent(t, k -> new ArrayList<>()).addAll(e)));
        Map<String, Map<String, double[]>> out = new LinkedHashMap<>();
        byGroup.forEach((g, m) -> {
            Map<String, double[]> row = new LinkedHashMap<>();
            m.forEach((t, e) -> row.put(t, (e.size() >= MIN_PER_GROUP ? e : pooled.get(t)).stream().mapToDouble(Double::doubleValue).toArray()));
            out.put(g, row);
        });
        return out;
    }
}
