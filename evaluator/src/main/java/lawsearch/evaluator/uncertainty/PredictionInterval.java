package lawsearch.evaluator.uncertainty;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A prediction interval at one point from three sources of doubt, drawn together: the constants
 * (the reported law's predictions under bootstrap refits), the law (the shifts to the predictions
 * of the laws the validation folds cannot tell from it, each as likely as the reported one) and
 * the rows' scatter (held-out errors, relative or absolute). Each draw adds one of each, so the
 * spreads compound as independent errors do rather than stacking end to end; the interval is the
 * draws' central {@code level} share, widened if need be to hold the prediction itself. The
 * generator is seeded by a constant: the same inputs give the same interval, every time.
 */
public record PredictionInterval(double prediction, double lower, double upper) {

    /** Draws per interval: the 5% quantile then moves by well under a tenth of the interval between calls with other inputs of the same kind. */
    static final int DRAWS = 4000;
    private static final long SEED = 0x5EEDL;

    /**
     * {@code bootstrap}: predictions of the bootstrap refits (non-finite ones skipped); {@code
     * lawShifts}: other laws' prediction minus this one's; {@code errors}: held-out errors, scaled
     * by the prediction when {@code relative}.
     */
    public static PredictionInterval of(double prediction, double[] bootstrap, double[] lawShifts, double[] errors,
                                        boolean relative, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must lie strictly between 0 and 1: " + level);
        }
        if (!Double.isFinite(prediction)) {
            return new PredictionInterval(prediction, Double.NaN, Double.NaN);
        }
        double[] boot = Arrays.stream(bootstrap).filter(Double::isFinite).toArray();
        double[] shifts = Arrays.stream(lawShifts).filter(Double::isFinite).toArray();
        double[] errs = Arrays.stream(errors).filter(Double::isFinite).toArray();
        SplittableRandom rng = new SplittableRandom(SEED);
        double[] draws = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            double center = boot.length == 0 ? prediction : boot[rng.nextInt(boot.length)];
            int j = rng.nextInt(shifts.length + 1);       // index shifts.length: the reported law itself
            double shift = j == shifts.length ? 0 : shifts[j];
            double e = errs.length == 0 ? 0 : errs[rng.nextInt(errs.length)];
            draws[i] = center + shift + (relative ? e * prediction : e);
        }
        Arrays.sort(draws);
        double lo = Quantiles.sorted(draws, (1 - level) / 2);
        double hi = Quantiles.sorted(draws, (1 + level) / 2);
        return new PredictionInterval(prediction, Math.min(lo, prediction), Math.max(hi, prediction));
    }

    public double width() { return upper - lower; }
}
