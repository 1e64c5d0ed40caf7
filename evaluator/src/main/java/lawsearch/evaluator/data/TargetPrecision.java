package lawsearch.evaluator.data;

import java.util.List;
import java.util.Locale;

/**
 * Refuses a target whose values differ but whose spread double precision cannot square: SLDBench's
 * NMSE divides by the variance, and deviations below about 1e-162 square to 0 (above about 1e154,
 * to infinity). Losses of 1e-300 scaled that way once scored the constant law {@code E} at R² 1 (the
 * error and the variance both 0, read as an exact fit of a constant). Rescaling the column is the
 * user's fix; this says so before anything is written.
 */
final class TargetPrecision {
    private TargetPrecision() { }

    /** Checks each target over each split's rows, all groups together, as a score reads them. */
    static void require(String file, Dataset data) {
        for (String target : data.targets()) {
            require(file, target, "train", data.groups().stream().map(g -> g.train().column(target)).toList());
            require(file, target, "test", data.groups().stream().filter(g -> !g.test().isEmpty())
                    .map(g -> g.test().column(target)).toList());
        }
    }

    private static void require(String file, String target, String split, List<double[]> columns) {
        double mean = 0;
        int n = 0;
        for (double[] c : columns) {
            for (double v : c) {
                mean += (v - mean) / ++n;   // a running mean: a sum of values near 1e308 would overflow
            }
        }
        if (n < 2) {
            return;
        }
        double squares = 0;
        double widest = 0;
        for (double[] c : columns) {
            for (double v : c) {
                double d = v - mean;
                squares += d * d;
                widest = Math.max(widest, Math.abs(d));
            }
        }
        if (widest > 0 && squares == 0) {
            throw DataException.in(file, "target '" + target + "': its " + split + " values differ from their mean by at most "
                    + String.format(Locale.ROOT, "%.3g", widest) + ", too little to square in double precision (the variance every score"
                    + " divides by would be 0); rescale the column, e.g. multiply it by a power of 10");
        }
        if (!Double.isFinite(squares) || !Double.isFinite(widest)) {
            throw DataException.in(file, "target '" + target + "': its " + split + " values differ from their mean by up to "
                    + String.format(Locale.ROOT, "%.3g", widest) + ", too much to square in double precision (the variance every score"
                    + " divides by would be infinite); rescale the column, e.g. divide it by a power of 10");
        }
    }
}
