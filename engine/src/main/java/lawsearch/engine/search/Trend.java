package lawsearch.engine.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Group;

/**
 * How consistently a target moves one way along a feature, judged on train rows. {@code
 * consistency} is the share, by size, of the target's steps between neighbouring values of the
 * feature that go in direction {@code falls}: 1 for a monotone trend, about 0.5 for a bowl
 * (a learning rate swept across its optimum). Two readings, the larger kept:
 * <ul>
 * <li><b>lines</b>: rows of one group that share every other feature's value (a grid line),
 *     each line's mean target per value of the feature — used when such lines hold at least half the rows;</li>
 * <li><b>additive</b>: a least-squares fit of the target on per-group levels, a step function of
 *     the feature (its distinct values, or six quantile bins) for each candidate feature and a
 *     straight line in every other feature — for sweeps with no shared values (an isoFLOP sweep's
 *     model sizes each meet a different token count).</li>
 * </ul>
 * Lines see interactions the additive reading averages away (at a fixed unique-token count, more
 * tokens still lower the loss, though averaged over the table they raise it); the additive reading
 * reaches features that share no line.
 */
public record Trend(String feature, String target, boolean falls, double consistency, String reading) {

    static final double LINE_COVER = 0.5;
    static final int QUANTILE_BINS = 6;
    static final int MAX_DISTINCT_BINS = 8;

    /**
     * The trend of {@code target} along each of {@code candidates}, in their order. The additive fit
     * is one least-squares solve for all of them (each candidate a step function).
     */
    static List<Trend> of(Dataset train, String target, List<String> candidates) {
        Map<String, Trend> additive = additive(train, target, candidates);
        List<Trend> out = new ArrayList<>();
        for (String f : candidates) {
            Trend lines = lines(train, target, f);
            Trend a = additive.get(f);
            out.add(lines != null && lines.consistency >= a.consistency ? lines : a);
        }
        return out;
    }

    /** Null when lines of two or more values hold fewer than half the rows. */
    static Trend lines(Dataset train, String target, String feature) {
        List<String> others = train.features().stream().filter(f -> !f.equals(feature)).toList();
        double down = 0;
        double up = 0;
        int covered = 0;
        for (Group g : train.groups()) {
            Map<List<Double>, TreeMap<Double, double[]>> lines = new HashMap<>();
            double[] x = g.train().column(feature);
            double[] y = g.train().column(target);
            for (int i = 0; i < x.length; i++) {
                List<Double> key = new ArrayList<>(others.size());
                for (String o : others) {
                    key.add(g.train().column(o)[i]);
                }
                double[] sum = lines.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(x[i], k -> new double[2]);
                sum[0] += y[i];
                sum[1]++;
            }
            for (TreeMap<Double, double[]> line : lines.values()) {
                if (line.size() < 2) {
                    continue;
                }
                double prev = Double.NaN;
                for (double[] s : line.values()) {
                    covered += (int) s[1];
                    double mean = s[0] / s[1];
                    if (!Double.isNaN(prev)) {
                        down += Math.max(0, prev - mean);
                        up += Math.max(0, mean - prev);
                    }
                    prev = mean;
                }
            }
        }
        if (covered < LINE_COVER * train.trainRows()) {
            return null;
        }
        return of(feature, target, down, up, "lines");
    }

    /**
     * Each candidate's trend read off an additive fit: its step function's steps. One fit serves
     * every candidate; a candidate that shares its direction in the data with another feature
     * ({@link #partners}: a step time or a FLOP count that grows with the model size) is also read
     * off a fit without its partners, the steadier reading kept, since a fit may split an effect
     * between two columns that move together at random: beside a noisy step time, params read
     * "falls 0.70" and was no scale variable, and the reported law turned up along it at 6× the
     * largest model. (Reading it off the fit without its partners alone was tried: on learning curves that read
     * the learning-rate area, which grows with the step, as falling 0.83 where the shared fit reads
     * 1.00, and left the learning rate, rising 1.00, as the only scale variable.)
     */
    static Map<String, Trend> additive(Dataset train, String target, List<String> candidates) {
        Map<String, Trend> out = new LinkedHashMap<>(additive(train, target, candidates, List.of()));
        for (String f : candidates) {
            List<String> away = partners(train, f);
            if (!away.isEmpty()) {
                Trend apart = additive(train, target, candidates, away).get(f);
                if (apart.consistency() > out.get(f).consistency()) {
                    out.put(f, apart);
                }
            }
        }
        return out;
    }

    /** Within-group rank correlation at or beyond which two features move together. */
    static final double TOGETHER = 0.95;

    /**
     * The other features that move with {@code feature}: their ranks correlate with its own at |r| ≥
     * {@link #TOGETHER} within groups (Spearman's; the step functions go by rank, so two columns
     * whose ranks agree give the fit the same steps twice: a run id counting through a sweep sorted
     * by size read 0.90 in logs but 0.98 in ranks, and took params's place). Among the benchmark,
     * suite and synthetic sweeps' features the largest is 0.94 (model size and tokens of a synthetic
     * hyper-parameter sweep), the benchmark's 0.81 (two of domain_mixture's shares).
     */
    static List<String> partners(Dataset train, String feature) {
        double[] x = centred(train, feature, true);
        List<String> out = new ArrayList<>();
        for (String o : train.features()) {
            if (!o.equals(feature) && Math.abs(correlation(x, centred(train, o, true))) >= TOGETHER) {
                out.add(o);
            }
        }
        return out;
    }

    /**
     * A column's train values (as ranks within each group, ties averaged, when {@code ranks}),
     * centred within each group and concatenated in group order: with {@link #correlation}, a
     * within-group correlation (each group its own level).
     */
    public static double[] centred(Dataset train, String column, boolean ranks) {
        NaturalRanking ranking = new NaturalRanking(TiesStrategy.AVERAGE);
        List<double[]> parts = new ArrayList<>();
        for (Group g : train.groups()) {
            double[] v = ranks ? ranking.rank(g.train().column(column)) : g.train().column(column);
            double mean = Arrays.stream(v).average().orElse(0);
            parts.add(Arrays.stream(v).map(u -> u - mean).toArray());
        }
        return parts.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    /** Pearson's correlation (Commons Math), 0 where either side does not vary or there are fewer than two values. */
    public static double correlation(double[] x, double[] y) {
        if (x.length < 2) {
            return 0;
        }
        double r = new PearsonsCorrelation().correlation(x, y);
        return Double.isNaN(r) ? 0 : r;
    }

    /** One additive fit without the features {@code away}: the trend along each remaining candidate. */
    private static Map<String, Trend> additive(Dataset train, String target, List<String> candidates, List<String> away) {
        int n = train.trainRows();
        List<double[]> columns = new ArrayList<>();
        for (Group g : train.groups()) {
            double[] level = new double[n];
            int at = offset(train, g);
            Arrays.fill(level, at, at + g.train().size(), 1);
            columns.add(level);
        }
        Map<String, int[]> steps = new LinkedHashMap<>();   // candidate → {first column, bins}
        for (String f : train.features()) {
            if (away.contains(f)) {
                continue;
            }
            double[] x = stack(train, f);
            if (candidates.contains(f)) {
                int[] bin = bins(x);
                int k = Arrays.stream(bin).max().orElse(0) + 1;
                steps.put(f, new int[] {columns.size(), k});
                for (int b = 1; b < k; b++) {
                    double[] d = new double[n];
                    for (int i = 0; i < n; i++) {
                        d[i] = bin[i] == b ? 1 : 0;
                    }
                    columns.add(d);
                }
            } else {
                double mean = Arrays.stream(x).average().orElse(0);
                columns.add(Arrays.stream(x).map(v -> v - mean).toArray());
            }
        }
        double[][] a = new double[n][columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            for (int i = 0; i < n; i++) {
                a[i][j] = columns.get(j)[i];
            }
        }
        RealVector beta = new SingularValueDecomposition(new Array2DRowRealMatrix(a, false)).getSolver()
                .solve(new ArrayRealVector(stack(train, target), false));
        Map<String, Trend> out = new LinkedHashMap<>();
        steps.forEach((f, s) -> {
            double down = 0;
            double up = 0;
            double prev = 0;
            for (int b = 1; b < s[1]; b++) {
                double e = beta.getEntry(s[0] + b - 1);
                down += Math.max(0, prev - e);
                up += Math.max(0, e - prev);
                prev = e;
            }
            out.put(f, of(f, target, down, up, "additive"));
        });
        return out;
    }

    private static Trend of(String feature, String target, double down, double up, String reading) {
        double total = down + up;
        return new Trend(feature, target, down >= up, total > 0 ? Math.max(down, up) / total : 0, reading);
    }

    /**
     * Bin of each value: its distinct values when few, else quantile bins. Both go by rank, so the
     * bins of log(x) are those of x, and a column at or below 0 (a named log-size) bins too.
     */
    static int[] bins(double[] x) {
        double[] sorted = Arrays.stream(x).sorted().toArray();
        double[] distinct = Arrays.stream(sorted).distinct().toArray();
        double[] edges;
        if (distinct.length <= MAX_DISTINCT_BINS) {
            edges = distinct;
        } else {
            edges = new double[QUANTILE_BINS];
            for (int k = 0; k < QUANTILE_BINS; k++) {
                edges[k] = sorted[k * sorted.length / QUANTILE_BINS];
            }
            edges = Arrays.stream(edges).distinct().toArray();
        }
        int[] bin = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            double lx = x[i];
            int b = 0;
            while (b + 1 < edges.length && edges[b + 1] <= lx) {
                b++;
            }
            bin[i] = b;
        }
        return bin;
    }

    private static double[] stack(Dataset d, String column) {
        return d.groups().stream().flatMapToDouble(g -> Arrays.stream(g.train().column(column))).toArray();
    }

    private static int offset(Dataset d, Group g) {
        int at = 0;
        for (Group h : d.groups()) {
            if (h == g) {
                return at;
            }
            at += h.train().size();
        }
        throw new IllegalArgumentException("group not in dataset");
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s %s %.2f (%s)", feature, falls ? "falls" : "rises", consistency, reading);
    }
}
