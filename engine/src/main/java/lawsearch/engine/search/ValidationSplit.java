package lawsearch.engine.search;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.data.Group;
import lawsearch.evaluator.protocol.Problem;
import lawsearch.evaluator.soundness.Domain;

/**
 * Rewards extrapolation inside the train rows: per group, the rows largest along the scale
 * variables are held out as validation; candidates are fitted on the rest and ranked by how well
 * they predict them. {@link #problem()} fits on the rest and scores the held-out rows; it holds no
 * test row (the search is handed a dataset without any, and {@link Problem#holdOut} refuses one).
 */
public record ValidationSplit(Problem problem, List<String> scaleVariables) {

    static final double FRACTION = 0.2;

    /** The fewest rows a group must have to spare any for validation along the scale variables. */
    static final int MIN_ROWS = 4;

    /**
     * Splits {@code train} (which must hold no test rows). {@code scale} names the scale variables;
     * null detects them from the rows ({@link ScaleVariables}). With none, a seeded random fifth of each group is held out instead.
     */
    public static ValidationSplit of(Dataset train, List<String> scale, long seed) {
        return of(train, scale, seed, FRACTION);
    }

    /** As {@link #of(Dataset, List, long)}, holding out {@code fraction} of each group's rows. */
    public static ValidationSplit of(Dataset train, List<String> scale, long seed, double fraction) {
        return of(train, scale, seed, fraction, 1, MIN_ROWS);
    }

    /** As {@link #of(Dataset, List, long, double)}, holding out at least {@code atLeast} rows of each group of {@code minRows} or more. */
    static ValidationSplit of(Dataset train, List<String> scale, long seed, double fraction, int atLeast, int minRows) {
        List<String> vars = scale != null ? scale : ScaleVariables.detect(train).chosen();
        return by(train, vars, g -> holdOut(g.train(), vars, seed ^ g.name().hashCode(), fraction, atLeast, minRows));
    }

    /** Holds out, per group, the rows {@code rule} marks; the rest is the fit part. */
    static ValidationSplit by(Dataset train, List<String> vars, Function<Group, boolean[]> rule) {
        if (train.hasTest()) {
            throw new IllegalArgumentException("the search must not be handed test rows");
        }
        return new ValidationSplit(Problem.holdOut(train, rule), vars);
    }

    /** Rows held out for validation, over all groups. */
    public int validationRows() { return problem.scoreRows(); }

    /**
     * Marks the top {@code fraction} of rows by summed normalised log-scale (random rows when there
     * is no scale), at least {@code atLeast} of them, and none of a group of fewer than {@code minRows}.
     */
    private static boolean[] holdOut(Frame f, List<String> vars, long seed, double fraction, int atLeast, int minRows) {
        int n = f.size();
        int k = Math.max(atLeast, (int) Math.round(fraction * n));
        boolean[] val = new boolean[n];
        if (n < minRows) {
            return val;    // too few rows to spare any: fit and rank on all of them
        }
        double[] score = new double[n];
        if (vars.isEmpty()) {
            SplittableRandom rng = new SplittableRandom(seed);
            for (int i = 0; i < n; i++) {
                score[i] = rng.nextDouble();
            }
        } else {
            for (String v : vars) {
                double[] x = f.column(v);
                double min = Arrays.stream(x).min().orElse(1);
                double lo = Domain.size(min, min);
                double hi = Domain.size(Arrays.stream(x).max().orElse(1), min);
                for (int i = 0; i < n; i++) {
                    score[i] += hi > lo ? (Domain.size(x[i], min) - lo) / (hi - lo) : 0;
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(a, b));
        // Rows tied with the k-th (a whole grid line at the largest size) go to validation together.
        double cut = score[order[k - 1]];
        for (int i = 0; i < n && (i < k || score[order[i]] == cut) && i < n / 2; i++) {
            val[order[i]] = true;
        }
        return val;
    }
}
