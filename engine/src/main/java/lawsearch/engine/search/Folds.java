package lawsearch.engine.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.data.Group;
import lawsearch.evaluator.protocol.Problem;
import lawsearch.grammar.core.UserError;

/**
 * The validation folds a candidate is ranked on, all cut from train rows.
 *
 * <p>With scale variables, a law must extrapolate along each of them, because the test rows of a
 * real sweep lie beyond the train rows along some axis the search cannot know: one fold per scale
 * variable holds out each group's runs at its largest values of that variable (fitting on the
 * smaller ones), and a joint fold holds out the largest 20% of runs by their summed log-scale
 * (with a single scale variable, also the largest 10%, so there are two vantage points). Without scale variables (mixture proportions, say) there is nothing to extrapolate
 * along, so three disjoint random fifths are held out in turn — cross-validation, less noisy on a
 * small table than one random fifth. Folds that hold out the same rows are kept once.
 */
public final class Folds {
    private Folds() { }

    public static List<ValidationSplit> of(Dataset train, List<String> scale, long seed) {
        return of(train, scale, seed, FoldRules.DEFAULT);
    }

    /** The folds cut by {@code rules} (the shares and counts above are its defaults). */
    public static List<ValidationSplit> of(Dataset train, List<String> scale, long seed, FoldRules rules) {
        List<String> vars = scale != null ? scale : ScaleVariables.detect(train).chosen();
        requireMostRows(train, vars);
        List<ValidationSplit> folds = cut(train, vars, seed, rules);
        if (folds.isEmpty()) {
            throw noFolds(train);
        }
        return folds;
    }

    private static UserError noFolds(Dataset train) {
        for (String t : train.targets()) {   // the likelier cause, said as such: a wrong target column, not too few rows
            ColumnRange range = ColumnRange.of(train, t);
            if (range.values() == 1) {
                return new UserError(train.source() + ": column '" + t + "' is " + range.lo()
                        + " on every train row: there is nothing to fit (is it the target meant?)");
            }
        }
        return new UserError(train.source() + ": too few train rows to hold out validation folds: every fold would hold out"
                + " a single row, or rows of one value, on which no law can be ranked");
    }

    private static List<ValidationSplit> cut(Dataset train, List<String> vars, long seed, FoldRules rules) {
        List<ValidationSplit> folds = new ArrayList<>();
        if (vars.isEmpty()) {
            for (int k = 0; k < rules.randomFolds(); k++) {
                int fold = k;
                add(folds, ValidationSplit.by(train, vars, g -> randomFifth(g.train().size(), seed ^ g.name().hashCode(), fold)));
            }
            return folds;
        }
        if (vars.size() > 1) {
            for (String v : vars) {
                add(folds, ValidationSplit.by(train, vars, g -> largestAlong(g.train(), v, rules)));
            }
        }
        if (folds.size() < 2) {   // fewer than two axes to extrapolate along: the joint folds instead
            for (double fraction : rules.jointFractions()) {
                add(folds, ValidationSplit.of(train, vars, seed, fraction));
            }
        } else if (rules.jointWithAxes()) {
            add(folds, ValidationSplit.of(train, vars, seed, rules.jointFractions().get(0)));
        }
        if (folds.isEmpty()) {
            add(folds, ValidationSplit.of(train, vars, seed, rules.jointFractions().get(0), SMALL_HELD, SMALL_MIN_ROWS));
        }
        return folds;
    }

    /**
     * A sweep of one group and five to seven runs (five model sizes, say) holds out a single run
     * in each joint fold, whose target has no spread, so no fold was left and such a sweep was
     * refused. As a last resort each group's SMALL_HELD largest runs are held out (without scale
     * variables, SMALL_HELD random ones, where every random fifth was a single run), from groups with
     * at least SMALL_MIN_ROWS (three runs left to fit: a floor, an amplitude and an exponent).
     */
    static final int SMALL_HELD = 2;
    static final int SMALL_MIN_ROWS = 5;

    /**
     * Refuses train rows from which no fold can hold out a row: a group holds rows out only when it
     * has {@link ValidationSplit#MIN_ROWS} along scale variables ({@link ValidationSplit#holdOut};
     * {@link #largestAlong} needs as many), or {@link #FIFTHS_MIN_ROWS} for random fifths, so at
     * least one group must. Smaller groups are fitted and ranked on all their rows. Also refuses rows
     * on which every fold would hold out rows without spread ({@link #add}).
     */
    public static void requireRows(Dataset train, List<String> vars) {
        requireMostRows(train, vars);
        if (cut(train, vars, 0, FoldRules.DEFAULT).isEmpty()) {   // before a run writes anything; of() checks its own folds again
            throw noFolds(train);
        }
    }

    /** The count check of {@link #requireRows}: {@link #of} checks the folds it cuts itself, rather than cut them twice. */
    private static void requireMostRows(Dataset train, List<String> vars) {
        int need = vars.isEmpty() ? FIFTHS_MIN_ROWS : ValidationSplit.MIN_ROWS;
        Group most = train.groups().stream().max(Comparator.comparingInt(g -> g.train().size())).orElseThrow();
        if (most.train().size() < need) {
            throw new UserError(train.source() + ": too few train rows to hold out validation folds: group '" + most.name()
                    + "' has " + most.train().size() + (train.groups().size() > 1 ? " (the most of any group)" : "")
                    + ", needs at least " + need + (vars.isEmpty() ? " (no scale variables: random fifths)" : ""));
        }
    }

    /**
     * Adds {@code s} unless it validates on no row, on rows whose target has no spread (a single row:
     * the NMSE divides by the held-out rows' variance, so every law would score NaN and a twelve-row
     * sweep reported "no law fitted the data"), or on the same rows as a fold already there.
     */
    private static void add(List<ValidationSplit> folds, ValidationSplit s) {
        if (s.validationRows() == 0 || !spread(s.problem())) {
            return;
        }
        for (ValidationSplit f : folds) {
            if (sameRows(f.problem(), s.problem())) {
                return;
            }
        }
        folds.add(s);
    }

    /** Whether every target varies over the held-out rows of all groups together (as the NMSE pools them). */
    private static boolean spread(Problem p) {
        for (String t : p.targets()) {
            double first = Double.NaN;
            boolean varies = false;
            for (Problem.Part part : p.parts()) {
                for (double y : part.score().column(t)) {
                    if (Double.isNaN(first)) {
                        first = y;
                    } else if (y != first) {
                        varies = true;
                    }
                }
            }
            if (!varies) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameRows(Problem a, Problem b) {
        for (int i = 0; i < a.parts().size(); i++) {
            Frame x = a.parts().get(i).score();
            Frame y = b.parts().get(i).score();
            if (x.size() != y.size()) {
                return false;
            }
            for (String c : x.columns().keySet()) {
                if (!Arrays.equals(x.column(c), y.column(c))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The rows at the largest values of {@code v}: whole values, from the top, until the rules'
     * axis_min share of rows; none when that takes more than their axis_max share (nothing left to fit).
     */
    static boolean[] largestAlong(Frame f, String v, FoldRules rules) {
        int n = f.size();
        boolean[] val = new boolean[n];
        double[] x = f.column(v);
        double[] distinct = Arrays.stream(x).distinct().sorted().toArray();
        if (n < ValidationSplit.MIN_ROWS || distinct.length < 3) {
            return val;     // a variable with two values cannot be extrapolated along from one
        }
        int held = 0;
        for (int d = distinct.length - 1; d >= 2 && held < rules.axisMin() * n; d--) {
            for (int i = 0; i < n; i++) {
                if (x[i] == distinct[d]) {
                    val[i] = true;
                    held++;
                }
            }
        }
        return held > rules.axisMax() * n ? new boolean[n] : val;
    }

    /** The fewest rows a group must have for each random fifth to hold one. */
    static final int FIFTHS_MIN_ROWS = 5;

    /** Fold {@code k} of a seeded random partition of the rows into fifths. */
    static boolean[] randomFifth(int n, long seed, int k) {
        boolean[] val = new boolean[n];
        if (n < FIFTHS_MIN_ROWS) {
            return val;
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        for (int i = 0; i < n; i++) {
            val[perm[i]] = i % 5 == k;
        }
        return val;
    }
}
