package lawsearch.evaluator.soundness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Group;

/**
 * The roles of a sweep's features besides the scale variables, read off the train rows: which are
 * proportions (checked over all of [0, 1]) and which are hyper-parameters (retuned at every point
 * of the shape checks, and the templates' bowls). Read from values only, never from names.
 */
public final class Roles {
    /** Row sums within this of 1 make the columns in [0, 1] a mixture. */
    private static final double MIXTURE_TOLERANCE = 1e-6;

    private Roles() { }

    /**
     * The features outside {@code scale} that are proportions. Two or more columns in [0, 1] that sum
     * to 1 on every train row are a mixture's proportions, all of them. Otherwise a column in [0, 1]
     * reaching 0 is one, and so is one reaching 0.5 unless it is swept on a log scale: over a factor
     * of 2 or more, with three or more values spaced more evenly in log than as written (a weight
     * decay of 0.01, 0.1 and 1, whose bowl in log(weight decay), checked at 0, could never pass,
     * where proportions of 0.1, 0.2, …, 0.7 stay proportions, checked at 0 and 1), or unless it
     * crowds against 1 ({@link #nearOne}: an Adam beta2 of 0.9, 0.95 and 0.99, which no reader would
     * check at 0, where {@code beta2^c} is infinite; it is a hyper-parameter, {@link #hyperParameters}).
     */
    public static Set<String> proportions(Dataset train, List<String> scale) {
        List<String> unit = new ArrayList<>();
        for (String f : train.features()) {
            double[] x = values(train, f);
            if (!scale.contains(f) && Arrays.stream(x).allMatch(v -> v >= 0 && v <= 1)) {
                unit.add(f);
            }
        }
        if (unit.size() >= 2 && sumsToOne(train, unit)) {
            return new LinkedHashSet<>(unit);
        }
        Set<String> out = new LinkedHashSet<>();
        for (String f : unit) {
            double[] x = values(train, f);
            double lo = Arrays.stream(x).min().orElse(0);
            double hi = Arrays.stream(x).max().orElse(0);
            if (lo == 0 || (hi >= 0.5 && !(logSwept(x) && geometric(x)) && !nearOne(x))) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * The features outside {@code scale} whose optimum a law may place anywhere (a learning rate, a
     * batch size): three or more train values, not a proportion, and either swept on a log scale
     * (positive, over a factor of 2 or more), or reaching below 0 (taken as written: a column the
     * user logged already), or swept toward 1 ({@link #nearOne}, taken as written too: a beta2's
     * bowl is {@code (beta2 - c)^2}). A column reaching 0 and no lower (a training step, a warmup of 0) is
     * neither: its zero says it is no logged quantity, and its optimum need not be one the law moves.
     * The templates' bowls and the shape checks read the same list.
     */
    public static List<String> hyperParameters(Dataset train, List<String> scale) {
        Set<String> proportions = proportions(train, scale);
        List<String> hyper = new ArrayList<>();
        for (String f : train.features()) {
            double[] x = values(train, f);
            boolean positive = Arrays.stream(x).allMatch(v -> v > 0);
            boolean swept = positive ? logSwept(x) || nearOne(x) : asWritten(x) && Arrays.stream(x).distinct().count() >= 3;
            if (!scale.contains(f) && !proportions.contains(f) && swept) {
                hyper.add(f);
            }
        }
        return hyper;
    }

    /**
     * The features outside {@code scale} that take exactly two train values and are no mixture's
     * proportions: a flag (tied embeddings 0/1), a setting tried at two values (a context of 2048
     * and 8192). Between two values any effect on the floor is a shift, so the templates' floors
     * move linearly along them. A column of more values is left to the search: a linear shift in a
     * training step from 0 (a learning curve) validated at R² 0.33 where the search's law reached
     * 0.9995, and the paired test, its difference held in a few rows, let it stand in.
     */
    public static List<String> covariates(Dataset train, List<String> scale) {
        Set<String> proportions = proportions(train, scale);
        boolean mixture = proportions.size() >= 2 && sumsToOne(train, List.copyOf(proportions));
        List<String> out = new ArrayList<>();
        for (String f : train.features()) {
            boolean twoValues = Arrays.stream(values(train, f)).distinct().count() == 2;
            if (twoValues && !scale.contains(f) && !(mixture && proportions.contains(f))) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * Whether hyper-parameter {@code h} is taken as written (a value below 0: logged already; or swept
     * toward 1, {@link #nearOne}), not swept on a log scale.
     */
    public static boolean asWritten(Dataset train, String h) {
        double[] x = values(train, h);
        return asWritten(x) || nearOne(x);
    }

    private static boolean asWritten(double[] x) {
        return Arrays.stream(x).anyMatch(v -> v < 0);
    }

    /** Positive, spanning a factor of 2 or more, with three or more values. */
    private static boolean logSwept(double[] x) {
        double lo = Arrays.stream(x).min().orElse(0);
        double hi = Arrays.stream(x).max().orElse(0);
        return logRange(lo, hi) && Arrays.stream(x).distinct().count() >= 3;
    }

    /** Whether train values from {@code lo} to {@code hi} are positive and span a factor of 2 or more ({@link #logSwept}). */
    static boolean logRange(double lo, double hi) {
        return lo > 0 && hi >= 2 * lo;
    }

    /**
     * Three or more values, all in [0.5, 1), whose distances from 1 span a factor of 5 or more: a
     * setting swept toward 1 (0.9 to 0.99 is 0.1 to 0.01 from 1), not a share of a whole, which
     * reaches below one half (or is one of a mixture's columns).
     */
    private static boolean nearOne(double[] x) {
        double lo = Arrays.stream(x).min().orElse(0);
        double hi = Arrays.stream(x).max().orElse(0);
        return towardOne(lo, hi) && Arrays.stream(x).distinct().count() >= 3;
    }

    /** Whether train values from {@code lo} to {@code hi} lie in [0.5, 1) with distances from 1 spanning 5× or more ({@link #nearOne}). */
    static boolean towardOne(double lo, double hi) {
        return lo >= 0.5 && hi < 1 && 1 - lo >= 5 * (1 - hi);
    }

    /** Whether the distinct values' gaps are more alike in log than as written (largest over smallest gap). */
    private static boolean geometric(double[] x) {
        double[] v = Arrays.stream(x).distinct().sorted().toArray();
        double[] logs = Arrays.stream(v).map(Math::log).toArray();
        return unevenness(logs) < unevenness(v);
    }

    private static double unevenness(double[] sorted) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int i = 1; i < sorted.length; i++) {
            double gap = sorted[i] - sorted[i - 1];
            lo = Math.min(lo, gap);
            hi = Math.max(hi, gap);
        }
        return hi / lo;
    }

    private static boolean sumsToOne(Dataset train, List<String> columns) {
        for (Group g : train.groups()) {
            for (int i = 0; i < g.train().size(); i++) {
                double s = 0;
                for (String c : columns) {
                    s += g.train().column(c)[i];
                }
                if (Math.abs(s - 1) > MIXTURE_TOLERANCE) {
                    return false;
                }
            }
        }
        return true;
    }

    static double[] values(Dataset d, String column) {
        return d.groups().stream().flatMapToDouble(g -> Arrays.stream(g.train().column(column))).toArray();
    }
}
