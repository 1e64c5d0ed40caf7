package lawsearch.engine.search;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Group;

/**
 * The range of a column over a dataset's train rows, and whether every value is positive: what
 * decides if a variable is swept on a log scale (a scale variable, or never put inside exp).
 */
record ColumnRange(boolean positive, double lo, double hi) {

    static ColumnRange of(Dataset d, String column) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean positive = true;
        for (Group g : d.groups()) {
            for (double x : g.train().column(column)) {
                positive &= x > 0;
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        return new ColumnRange(positive, lo, hi);
    }

    /** Positive and spanning at least {@code factor} (max ≥ factor · min). */
    boolean spans(double factor) { return positive && hi >= factor * lo; }
}
