package lawsearch.engine.search;

import java.util.HashSet;
import java.util.Set;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Group;

/**
 * The range of a column over a dataset's train rows, whether every value is positive and how many
 * distinct values it takes: what decides if a variable is swept on a log scale (a scale variable,
 * or never put inside exp) and whether it is swept at all (a hyper-parameter of the templates).
 */
record ColumnRange(boolean positive, double lo, double hi, int values) {

    static ColumnRange of(Dataset d, String column) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean positive = true;
        Set<Double> seen = new HashSet<>();
        for (Group g : d.groups()) {
            for (double x : g.train().column(column)) {
                positive &= x > 0;
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
                seen.add(x);
            }
        }
        return new ColumnRange(positive, lo, hi, seen.size());
    }

    /** Positive and spanning at least {@code factor} (max ≥ factor · min). */
    boolean spans(double factor) { return positive && hi >= factor * lo; }
}
