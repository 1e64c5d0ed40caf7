package lawsearch.evaluator.data;

import java.util.Arrays;
import java.util.function.Function;

import lawsearch.grammar.core.Weighting;

/**
 * How much each row counts in a fit, as a law's fit settings say: uniform, or growing with a scale
 * variable as (x / min x)^power, normalised to mean 1. The fitter weighs its residuals by these,
 * and anything that reasons about a fit's information (the delta-method interval) must use the same.
 */
public final class RowWeights {
    private RowWeights() { }

    /** {@code column} maps the weighting's variable (or alias) to its frame column; an unknown one is an error. */
    public static double[] of(Weighting weighting, Function<String, String> column, Frame f) {
        double[] w = new double[f.size()];
        if (!(weighting instanceof Weighting.Scale s)) {
            Arrays.fill(w, 1.0);
            return w;
        }
        String col = column.apply(s.variable());
        if (col == null) {
            throw new IllegalArgumentException("weight variable " + s.variable() + " is not a column");
        }
        double[] x = f.column(col);
        double min = Arrays.stream(x).filter(v -> v > 0).min().orElse(1);
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.pow(Math.max(x[i], min) / min, s.power());
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = w[i] * w.length / sum;
        }
        return w;
    }
}
