package lawsearch.evaluator.soundness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.interpreter.Program;

/**
 * Zeros of a divisor that the grid's sign changes ({@link Poles#signChange}) cannot show: a double
 * root written out ({@code 1/(x^2 - 2*c*x + c^2)}, which touches 0 without changing sign) and two
 * roots between the same two grid points (the sign changes twice). Both leave a local minimum of
 * |d| along some axis of the grid; around the deepest such minima d is sampled densely between the
 * two neighbouring grid points, then around the smallest sample again, a few times. A sample of the
 * other sign (or 0) is a zero crossed; a smallest |d| that has fallen to {@link #TOUCH} of |d| at
 * the neighbouring grid points is a zero touched (an exact double root, sampled this finely, falls
 * to about 1e-13 of it: the square of the sampling step).
 */
final class Touches {
    /** Local minima refined per divisor and axis: the deepest, relative to their neighbours. */
    static final int CANDIDATES = 16;
    static final int SAMPLES = 129;
    static final int ROUNDS = 3;
    static final double TOUCH = 1e-9;

    private Touches() { }

    /**
     * Where divisor {@code root} of {@code p} (valued {@code v} on the grid's rows) is 0 between grid
     * points ("at tokens=3.2e9 (touching 0 without changing sign) (from params=…, …)"); null if nowhere.
     */
    static String first(Program p, double[] params, int root, double[] v, Soundness.Grid grid, Frame frame) {
        List<String> axes = Stream.concat(grid.cellAxes().stream(), grid.hyperAxes().stream()).toList();
        List<double[]> values = Stream.concat(grid.cellValues().stream(), grid.hyperValues().stream()).toList();
        int stride = 1;
        for (int a = axes.size() - 1; a >= 0; a--) {
            double[] along = values.get(a);
            if (p.columns().contains(axes.get(a))) {
                for (int r : minima(v, stride, along.length)) {
                    String at = refine(p, params, root, v, r, stride, axes.get(a), along, frame);
                    if (at != null) {
                        return at + " (from " + grid.describe(r) + ")";
                    }
                }
            }
            stride *= along.length;
        }
        return null;
    }

    /** Rows where |v| has a strict local minimum along the axis of {@code stride}, of one sign with both neighbours; the deepest first. */
    static List<Integer> minima(double[] v, int stride, int n) {
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < v.length; r++) {
            int i = (r / stride) % n;
            if (i == 0 || i == n - 1) {
                continue;
            }
            double lo = v[r - stride];
            double mid = v[r];
            double hi = v[r + stride];
            if (Double.isFinite(lo) && Double.isFinite(hi) && lo * mid > 0 && mid * hi > 0
                    && Math.abs(mid) < Math.abs(lo) && Math.abs(mid) <= Math.abs(hi)) {
                rows.add(r);
            }
        }
        rows.sort(Comparator.comparingDouble(r -> depth(v, r, stride)));
        return rows.subList(0, Math.min(CANDIDATES, rows.size()));
    }

    private static double depth(double[] v, int r, int stride) {
        return Math.abs(v[r]) / Math.max(Math.abs(v[r - stride]), Math.abs(v[r + stride]));
    }

    /** Samples between the grid points either side of row {@code r} along {@code axis}, narrowing on the smallest |d|. */
    private static String refine(Program p, double[] params, int root, double[] v, int r, int stride, String axis, double[] along,
                                 Frame frame) {
        int i = (r / stride) % along.length;
        double lo = along[i - 1];
        double hi = along[i + 1];
        boolean log = lo > 0;   // every axis is log-spaced or linear; a log-spaced one starts above 0
        double scale = Math.max(Math.abs(v[r - stride]), Math.abs(v[r + stride]));
        double sign = Math.signum(v[r]);
        for (int round = 0; round < ROUNDS; round++) {
            double[] t = samples(lo, hi, log);
            double[] d = evaluate(p, params, root, frame, r, axis, t);
            int best = -1;
            for (int k = 0; k < t.length; k++) {
                if (d[k] * sign <= 0) {
                    return zero(axis, t[k], "");
                }
                if (Double.isFinite(d[k]) && (best < 0 || Math.abs(d[k]) < Math.abs(d[best]))) {
                    best = k;
                }
            }
            if (best < 0) {
                return null;
            }
            if (Math.abs(d[best]) <= TOUCH * scale) {
                return zero(axis, t[best], " (touching 0 without changing sign)");
            }
            lo = t[Math.max(0, best - 1)];
            hi = t[Math.min(t.length - 1, best + 1)];
        }
        return null;
    }

    private static String zero(String axis, double at, String how) {
        return String.format(Locale.ROOT, "at %s=%.6g%s", axis, at, how);
    }

    private static double[] samples(double lo, double hi, boolean log) {
        return log ? Soundness.logSpaced(lo, hi, SAMPLES) : Soundness.linear(lo, hi, SAMPLES);
    }

    /** The divisor at grid row {@code r} with {@code axis} set to each of {@code t}. */
    private static double[] evaluate(Program p, double[] params, int root, Frame frame, int r, String axis, double[] t) {
        double[][] cols = new double[p.columns().size()][];
        for (int c = 0; c < cols.length; c++) {
            String name = p.columns().get(c);
            cols[c] = name.equals(axis) ? t : filled(t.length, frame.column(name)[r]);
        }
        var ws = p.bind(cols, t.length).workspace();
        ws.evaluate(params);
        return ws.root(root);
    }

    private static double[] filled(int n, double value) {
        double[] out = new double[n];
        Arrays.fill(out, value);
        return out;
    }
}
