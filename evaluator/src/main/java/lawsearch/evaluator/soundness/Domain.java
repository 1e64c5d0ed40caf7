package lawsearch.evaluator.soundness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Group;

/**
 * Where a law must behave, read off a sweep's train rows: each feature's train range and role.
 * Scale variables are checked out to {@link #REACH}× their largest train value (one reaching below
 * 0, logged already: plus log10 of that, {@link #beyond}); hyper-parameters
 * ({@link Roles#hyperParameters}) are set to their best value at each point, over their train range
 * widened {@link #RETUNE}× each way (one taken as written: {@link #RETUNE_SPANS} times its train
 * span each way), since the optimum moves with scale; a proportion ({@link Roles#proportions})
 * spans [0, 1]; every other feature spans its closed train box. {@code falls} says which way the target goes as the run grows
 * (on the train rows); {@code positive} and {@code unit} whether every train target is > 0, or in [0, 1].
 */
public record Domain(List<String> scale, List<String> hyper, Map<String, double[]> box, boolean falls,
                     boolean positive, boolean unit, List<double[]> starts) {

    /** At most this many train configurations start the monotonicity rays. */
    static final int MAX_STARTS = 40;

    /** How far beyond the largest train value a scale variable is checked. */
    public static final double REACH = 1000;

    /**
     * How far beyond its train range a hyper-parameter may be retuned at each point of the check.
     * The optimum moves with scale (a best learning rate falling as N^-0.5 leaves a sweep over
     * [1e-4, 1e-2] well before the model is 1000× larger): held to its train range, a law that
     * moves the optimum correctly would rise along the scale variables, and be refused, only because
     * the best setting was out of reach. A researcher retunes; 100× each way covers an optimum
     * moving as fast as the scale's square root over the 1000× reach (with room to spare: 31.6×).
     */
    public static final double RETUNE = 100;

    /**
     * How far beyond its train range a hyper-parameter taken as written (a column with negative values,
     * such as a logged learning rate) may be retuned, in train spans each way. Its unit is unknown;
     * for a log10 column swept over one decade, two spans are {@link #RETUNE}× each way.
     */
    public static final double RETUNE_SPANS = 2;

    /** The domain of {@code train}'s {@code target}, with the given scale variables. */
    public static Domain of(Dataset train, String target, List<String> scale) {
        return of(train, target, scale, ShapeSpec.AUTO);
    }

    /**
     * As {@link #of(Dataset, String, List)}, with what {@code spec} states in place of what the rows
     * show: its variables replace the scale variables, its direction and range the observed ones.
     */
    public static Domain of(Dataset train, String target, List<String> scaleVariables, ShapeSpec spec) {
        List<String> scale = spec.along() != null ? spec.along() : scaleVariables;
        Map<String, double[]> box = box(train, scale);
        // a run's scale variable left out of a stated direction keeps its train range; it is no hyper-parameter to retune
        List<String> hyper = Roles.hyperParameters(train, Stream.concat(scale.stream(), scaleVariables.stream()).distinct().toList());
        double[] y = Roles.values(train, target);
        boolean positive = switch (spec.range()) {
            case AUTO -> Arrays.stream(y).allMatch(v -> v > 0);
            case POSITIVE -> true;
            case UNIT, ANY -> false;
        };
        boolean unit = switch (spec.range()) {
            case AUTO -> rate(train, target);
            case UNIT -> true;
            case POSITIVE, ANY -> false;
        };
        boolean falls = spec.falls() != null ? spec.falls() : falls(train, target, scale);
        return new Domain(List.copyOf(scale), List.copyOf(hyper), box, falls, positive, unit, starts(train, box, scale, hyper));
    }

    /**
     * Scale variable {@code s} pushed {@code factor}× past its largest train value (see the static
     * {@link #beyond(double, double, double)}). (Multiplying a column logged already gave a grid of
     * NaN from the logs of negative values, so every law passed.)
     */
    public double beyond(String s, double factor) {
        return beyond(box.get(s)[0], box.get(s)[1], factor);
    }

    /**
     * The value {@code factor}× past {@code max} along a scale column whose train values run from
     * {@code min} to {@code max}: multiplied, or, for a column reaching below 0 (a size the user
     * logged already, taken as written as {@link Roles#asWritten} takes a hyper-parameter), plus
     * log10(factor).
     */
    public static double beyond(double min, double max, double factor) {
        return min < 0 ? max + Math.log10(factor) : max * factor;
    }

    /**
     * {@code n} points along scale variable {@code s} from {@code from} out to {@link #REACH}× past
     * its largest train value: log-spaced, or evenly where the column reaches 0 (no log there).
     */
    double[] outward(String s, double from, int n) {
        double to = Math.max(from, beyond(s, REACH));
        return box.get(s)[0] <= 0 ? Soundness.linear(from, to, n) : Soundness.logSpaced(from, to, n);
    }

    /** {@code x}, a value of scale variable {@code s}, pushed {@code factor}× further (see {@link #beyond}). */
    double push(String s, double x, double factor) {
        return box.get(s)[0] < 0 ? x + Math.log10(factor) : x * factor;
    }

    /**
     * {@code hi}, an upper bound widened past a column's largest train value {@code max}, kept no
     * nearer 1 than halfway from {@code max} when the column is swept toward 1 ({@link Roles#towardOne}).
     */
    public static double towardOne(double min, double max, double hi) {
        return Roles.towardOne(min, max) ? Math.min(hi, (1 + max) / 2) : hi;
    }

    /**
     * How large a run is along a scale variable whose smallest train value is {@code min}: log(x),
     * or x as written where the column reaches 0 or below (logged already, or a count from 0). What
     * orders runs by size here and in the joint validation fold.
     */
    public static double size(double x, double min) { return min <= 0 ? x : Math.log(x); }

    /**
     * Whether hyper-parameter {@code h} is swept on a log scale (positive, over a factor of 2 or more,
     * as {@link Roles#hyperParameters} reads it) rather than taken as written (logged already, or
     * swept toward 1).
     */
    public boolean onLogScale(String h) {
        return Roles.logRange(box.get(h)[0], box.get(h)[1]);
    }

    /**
     * The range hyper-parameter {@code h} is retuned over at each point of the checks: its train
     * range widened {@link #RETUNE}× each way on a log scale, else {@link #RETUNE_SPANS} train spans
     * each way; one swept toward 1 (positive, below 1) no nearer 1 than halfway from its largest
     * train value (a beta2 of 0.9 to 0.99: 0.72 to 0.995; past 1 it means nothing).
     */
    public double[] retuneRange(String h) {
        double[] b = box.get(h);
        if (onLogScale(h)) {
            return new double[] {b[0] / RETUNE, b[1] * RETUNE};
        }
        double span = RETUNE_SPANS * (b[1] - b[0]);
        return new double[] {b[0] - span, towardOne(b[0], b[1], b[1] + span)};
    }

    /**
     * Each feature's range where a law is checked: its train range, or all of [0, 1] for a
     * proportion that is not a scale variable.
     */
    static Map<String, double[]> box(Dataset train, List<String> scale) {
        Set<String> proportions = Roles.proportions(train, scale);
        Map<String, double[]> box = new LinkedHashMap<>();
        for (String f : train.features()) {
            double[] x = Roles.values(train, f);
            double lo = Arrays.stream(x).min().orElse(0);
            double hi = Arrays.stream(x).max().orElse(0);
            box.put(f, proportions.contains(f) ? new double[] {0, 1} : new double[] {lo, hi});
        }
        return box;
    }

    /** The features above 0 everywhere a law is checked (a proportion's box reaches 0). */
    public static Set<String> positiveFeatures(Dataset train) {
        Set<String> out = new LinkedHashSet<>();
        lowest(train).forEach((f, lo) -> {
            if (lo > 0) {
                out.add(f);
            }
        });
        return out;
    }

    /**
     * Each feature's lowest value where a law is checked (the train rows' smallest; 0 for a
     * proportion). Nothing caps a feature from above: a law is used beyond its data.
     */
    public static Map<String, Double> lowest(Dataset train) {
        Map<String, Double> out = new LinkedHashMap<>();
        box(train, List.of()).forEach((f, b) -> out.put(f, b[0]));
        return out;
    }

    /**
     * The train configurations the monotonicity rays start from: each distinct row's features (in
     * box order; hyper-parameters are retuned, so theirs do not count), at most {@link #MAX_STARTS}
     * of them, evenly spread over the rows ordered by summed log-scale.
     */
    static List<double[]> starts(Dataset train, Map<String, double[]> box, List<String> scale, List<String> hyper) {
        List<String> names = List.copyOf(box.keySet());
        Map<List<Double>, double[]> distinct = new LinkedHashMap<>();
        for (Group g : train.groups()) {
            for (int i = 0; i < g.train().size(); i++) {
                double[] row = new double[names.size()];
                List<Double> key = new ArrayList<>();
                for (int c = 0; c < names.size(); c++) {
                    row[c] = g.train().column(names.get(c))[i];
                    if (!hyper.contains(names.get(c))) {
                        key.add(row[c]);
                    }
                }
                distinct.putIfAbsent(key, row);
            }
        }
        List<double[]> rows = new ArrayList<>(distinct.values());
        java.util.Comparator<double[]> bySize = java.util.Comparator.comparingDouble(r -> {
            double s = 0;
            for (String v : scale) {
                s += size(r[names.indexOf(v)], box.get(v)[0]);
            }
            return s;
        });
        rows.sort(bySize);
        return spread(rows, MAX_STARTS);
    }

    /** This domain with at most {@code k} of its starts, evenly spread over them (smallest and largest kept). */
    public Domain thinned(int k) {
        return new Domain(scale, hyper, box, falls, positive, unit, spread(starts, k));
    }

    /** At most {@code k} of {@code rows}, evenly spread over their order. */
    private static List<double[]> spread(List<double[]> rows, int k) {
        if (rows.size() <= k) {
            return List.copyOf(rows);
        }
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add(rows.get((int) Math.round((double) i * (rows.size() - 1) / (k - 1))));
        }
        return List.copyOf(out);
    }

    /**
     * Whether the target falls as the run grows: the sign of the within-group covariance of the
     * target with the summed log of the scale variables (falls when there are none). Read on train
     * rows only (a dataset with test rows is read on its train rows).
     */
    public static boolean falls(Dataset train, String target, List<String> scale) {
        double[] mins = scale.stream().mapToDouble(v -> Arrays.stream(Roles.values(train, v)).min().orElse(1)).toArray();
        double cov = 0;
        for (Group g : train.groups()) {
            int n = g.train().size();
            double[] s = new double[n];
            for (int k = 0; k < scale.size(); k++) {
                double[] x = g.train().column(scale.get(k));
                for (int i = 0; i < n; i++) {
                    s[i] += size(x[i], mins[k]);
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

    /** Whether every train value of {@code target} lies in [0, 1]: a rate, whose range a law must keep. */
    public static boolean rate(Dataset train, String target) {
        return Arrays.stream(Roles.values(train, target)).allMatch(v -> v >= 0 && v <= 1);
    }
}
