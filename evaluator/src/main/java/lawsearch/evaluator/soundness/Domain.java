package lawsearch.evaluator.soundness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Group;

/**
 * Where a law must behave, read off a sweep's train rows: each feature's train range and role.
 * Scale variables are checked out to {@link #REACH}× their largest train value; hyper-parameters
 * (positive features swept over a factor of 2 or more with three or more values, as the templates
 * read them) are set to their best value over the train range at each point, since the optimum
 * moves with scale; a proportion (every value in [0, 1], reaching 0 or at least 0.5: not a learning
 * rate) spans [0, 1]; every other feature spans its closed train box. {@code falls} says which way the target goes as the run grows
 * (on the train rows); {@code positive} and {@code unit} whether every train target is > 0, or in [0, 1].
 */
public record Domain(List<String> scale, List<String> hyper, Map<String, double[]> box, boolean falls,
                     boolean positive, boolean unit) {

    /** How far beyond the largest train value a scale variable is checked. */
    public static final double REACH = 1000;

    /** The domain of {@code train}'s {@code target}, with the given scale variables. */
    public static Domain of(Dataset train, String target, List<String> scale) {
        Map<String, double[]> box = new LinkedHashMap<>();
        List<String> hyper = new ArrayList<>();
        for (String f : train.features()) {
            double[] x = values(train, f);
            double lo = Arrays.stream(x).min().orElse(0);
            double hi = Arrays.stream(x).max().orElse(0);
            boolean proportion = lo >= 0 && hi <= 1 && (lo == 0 || hi >= 0.5);
            if (scale.contains(f)) {
                box.put(f, new double[] {lo, hi});
                continue;
            }
            if (proportion) {
                lo = 0;
                hi = 1;
            } else if (lo > 0 && hi >= 2 * lo && Arrays.stream(x).distinct().count() >= 3) {
                hyper.add(f);
            }
            box.put(f, new double[] {lo, hi});
        }
        double[] y = values(train, target);
        boolean positive = Arrays.stream(y).allMatch(v -> v > 0);
        boolean unit = Arrays.stream(y).allMatch(v -> v >= 0 && v <= 1);
        return new Domain(List.copyOf(scale), List.copyOf(hyper), box, falls(train, target, scale), positive, unit);
    }

    /**
     * Whether the target falls as the run grows: the sign of the within-group covariance of the
     * target with the summed log of the scale variables (falls when there are none).
     */
    static boolean falls(Dataset train, String target, List<String> scale) {
        double cov = 0;
        for (Group g : train.groups()) {
            int n = g.train().size();
            double[] s = new double[n];
            for (String v : scale) {
                double[] x = g.train().column(v);
                for (int i = 0; i < n; i++) {
                    s[i] += Math.log(x[i]);
                }
            }
            double[] y = g.train().column(target);
            double ms = Arrays.stream(s).average().orElse(0);
            double my = Arrays.stream(y).average().orElse(0);
            for (int i = 0; i < n; i++) {
                cov += (s[i] - ms) * (y[i] - my);
            }
        }
        return cov <= 0;
    }

    private static double[] values(Dataset d, String column) {
        return d.groups().stream().flatMapToDouble(g -> Arrays.stream(g.train().column(column))).toArray();
    }
}
