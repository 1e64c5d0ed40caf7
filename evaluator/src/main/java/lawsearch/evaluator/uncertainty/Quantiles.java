package lawsearch.evaluator.uncertainty;

import java.util.Arrays;

/** Empirical quantiles: linear interpolation between order statistics (Hyndman and Fan's type 7, R's default, numpy's). */
public final class Quantiles {
    private Quantiles() { }

    /** The {@code p}-quantile of the finite values of {@code xs}; NaN when there are none. */
    public static double of(double[] xs, double p) {
        double[] s = Arrays.stream(xs).filter(Double::isFinite).sorted().toArray();
        return sorted(s, p);
    }

    /** The {@code p}-quantile of {@code s}, already sorted and finite. */
    public static double sorted(double[] s, double p) {
        if (s.length == 0) {
            return Double.NaN;
        }
        double h = (s.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }
}
