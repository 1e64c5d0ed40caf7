package lawsearch.engine.search;

import java.util.HashSet;
import java.util.Set;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Group;

/**
 * The range of a column over a dataset's train rows, how many of its {@code rows} are at or below 0
 * ({@code nonPositive}) and the smallest value above 0 ({@code positiveLo}; infinite when none is),
 * and how many distinct values it takes: what decides if a variable is swept on a log scale (a
 * scale variable, or never put inside exp) and whether it is swept at all (a hyper-parameter of the
 * templates).
 */
record ColumnRange(double lo, double hi, int values, int rows, int nonPositive, double positiveLo) {

    static ColumnRange of(Dataset d, String column) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double positiveLo = Double.POSITIVE_INFINITY;
        int rows = 0;
        int nonPositive = 0;
        Set<Double> seen = new HashSet<>();
        for (Group g : d.groups()) {
            for (double x : g.train().column(column)) {
                rows++;
                if (x > 0) {
                    positiveLo = Math.min(positiveLo, x);
                } else {
                    nonPositive++;
                }
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
                seen.add(x);
            }
        }
        return new ColumnRange(lo, hi, seen.size(), rows, nonPositive, positiveLo);
    }

    /** Every value above 0. */
    boolean positive() { return nonPositive == 0; }

    /** Positive and spanning at least {@code factor} (max ≥ factor · min). */
    boolean spans(double factor) { return positive() && hi >= factor * lo; }

    /** Its values above 0 span at least {@code factor}, whatever the others. */
    boolean positivePartSpans(double factor) { return hi >= factor * positiveLo; }
}
