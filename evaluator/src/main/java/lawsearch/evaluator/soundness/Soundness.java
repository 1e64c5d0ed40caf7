package lawsearch.evaluator.soundness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.protocol.FittedLaw;

/**
 * Whether a fitted law behaves like the quantity it predicts far beyond the data. On a grid over
 * its {@link Domain}: finite everywhere (the closed box of the train ranges, a proportion's 0 and 1
 * included, and out to 1000× the largest run along every scale variable) and within the target's
 * natural range (positive, or in [0, 1]) when every train row is, with no pole between grid points
 * ({@link Poles}) and a limit in that range as the scale variables grow without bound ({@link Limits}),
 * both in the full check only; scale variables log-spaced,
 * hyper-parameters log-spaced over their range, other features evenly over their box, with fewer
 * points per axis when there are many features. Along {@link Rays} from the train configurations:
 * monotone along each scale variable and along all of them together, in the direction the train
 * rows show, with hyper-parameters retuned at each point.
 */
public final class Soundness {
    static final int SCALE_POINTS = 10;
    static final int HYPER_POINTS = 7;
    static final int OTHER_POINTS = 5;
    static final int MAX_ROWS = 200_000;

    private Soundness() { }

    /** The verdict: each check, and the first failure in words ("" when sound). */
    public record Verdict(boolean finite, boolean monotone, boolean inRange, String detail) {
        public boolean sound() { return finite && monotone && inRange; }

        static final Verdict SOUND = new Verdict(true, true, true, "");
    }

    /** {@code law} checked for every group and target, each target on its own domain; the first failure wins. */
    public static Verdict check(FittedLaw law, Map<String, Domain> domains) {
        for (String g : law.groups()) {
            for (String t : law.targets()) {
                Verdict v = check(law, g, t, domains.get(t));
                if (!v.sound()) {
                    return new Verdict(v.finite(), v.monotone(), v.inRange(), v.detail()
                            + (law.groups().size() > 1 ? " (group " + g + ")" : "")
                            + (law.targets().size() > 1 ? " (target " + t + ")" : ""));
                }
            }
        }
        return Verdict.SOUND;
    }

    /**
     * The full check: the grid's and rays' checks, then poles between grid points ({@link Poles})
     * and the limit far beyond the grid ({@link Limits}), which the search's {@link Screen} leaves
     * to this check.
     */
    static Verdict check(FittedLaw law, String group, String target, Domain d) {
        Grid grid = Grid.of(d, MAX_ROWS);
        Frame frame = grid.frame();
        Verdict v = check(law, group, target, d, grid, frame, new Rays(d));
        if (!v.sound()) {
            return v;
        }
        String pole = Poles.first(law, group, target, grid, frame);
        if (pole != null) {
            return new Verdict(false, false, false, pole);
        }
        String limit = Limits.first(law, group, target, d, grid, frame);
        return limit == null ? v : new Verdict(true, true, false, limit);
    }

    /** The checks on a grid and rays built beforehand ({@link Screen} reuses them for every law). */
    static Verdict check(FittedLaw law, String group, String target, Domain d, Grid grid, Frame frame, Rays rays) {
        Verdict v = onGrid(law, group, target, d, grid, frame);
        if (!v.sound()) {
            return v;
        }
        String rise = rays.firstWrongTurn(law, group, target);
        return rise == null ? Verdict.SOUND : new Verdict(true, false, true, rise);
    }

    /** Finite and within the target's natural range at every point of {@code grid}: the checks that need no rays. */
    static Verdict onGrid(FittedLaw law, String group, String target, Domain d, Grid grid, Frame frame) {
        double[] y = law.predict(group, target, frame);
        for (int r = 0; r < y.length; r++) {
            if (!Double.isFinite(y[r])) {
                return new Verdict(false, false, false, "not finite at " + grid.describe(r));
            }
        }
        for (int r = 0; r < y.length; r++) {
            if (d.positive() && y[r] <= 0 || d.unit() && (y[r] < 0 || y[r] > 1)) {
                return new Verdict(true, true, false, String.format(Locale.ROOT, "%.4g at %s, outside %s", y[r],
                        grid.describe(r), d.unit() ? "[0, 1]" : "the positive values every train row has"));
            }
        }
        return Verdict.SOUND;
    }

    /** The finiteness and range grid: scale × other points (the cells), each with every hyper combination. */
    record Grid(Domain d, List<String> cellAxes, List<double[]> cellValues, List<String> hyperAxes,
                List<double[]> hyperValues, int cells, int combos) {

        /** The grid over {@code d} with at most about {@code maxRows} rows (fewer points per axis when there are many features). */
        static Grid of(Domain d, int maxRows) {
            int scalePts = SCALE_POINTS;
            int hyperPts = HYPER_POINTS;
            int otherPts = OTHER_POINTS;
            int others = d.box().size() - d.scale().size() - d.hyper().size();
            while (Math.pow(scalePts, d.scale().size()) * Math.pow(hyperPts, d.hyper().size()) * Math.pow(otherPts, others) > maxRows
                    && (scalePts > 4 || hyperPts > 3 || otherPts > 2)) {
                scalePts = Math.max(4, scalePts - 1);
                hyperPts = Math.max(3, hyperPts - 1);
                otherPts = Math.max(2, otherPts - 1);
            }
            List<String> cellAxes = new ArrayList<>();
            List<double[]> cellValues = new ArrayList<>();
            for (String s : d.scale()) {
                double[] b = d.box().get(s);
                cellAxes.add(s);
                cellValues.add(d.outward(s, b[0], scalePts));
            }
            List<String> hyperAxes = new ArrayList<>();
            List<double[]> hyperValues = new ArrayList<>();
            for (var e : d.box().entrySet()) {
                if (d.hyper().contains(e.getKey())) {
                    hyperAxes.add(e.getKey());
                    double[] b = e.getValue();
                    hyperValues.add(d.onLogScale(e.getKey()) ? logSpaced(b[0], b[1], hyperPts) : linear(b[0], b[1], hyperPts));
                } else if (!d.scale().contains(e.getKey())) {
                    cellAxes.add(e.getKey());
                    cellValues.add(linear(e.getValue()[0], e.getValue()[1], otherPts));
                }
            }
            return new Grid(d, cellAxes, cellValues, hyperAxes, hyperValues, product(cellValues), product(hyperValues));
        }

        /** Rows: cell-major, then hyper combination; every feature a column. */
        Frame frame() {
            int n = cells * combos;
            Map<String, double[]> cols = new LinkedHashMap<>();
            for (String f : d.box().keySet()) {
                cols.put(f, new double[n]);
            }
            for (int r = 0; r < n; r++) {
                fill(cols, cellAxes, cellValues, r / combos, r);
                fill(cols, hyperAxes, hyperValues, r % combos, r);
            }
            return new Frame(n, cols);
        }

        String describe(int row) {
            String cell = describeCell(row / combos);
            if (hyperAxes.isEmpty()) {
                return cell;
            }
            return cell + ", " + describe(hyperAxes, hyperValues, row % combos);
        }

        /** The number of points along each axis, in row order: the cell axes, then the hyper axes (fastest last). */
        int[] axisSizes() {
            return java.util.stream.Stream.concat(cellValues.stream(), hyperValues.stream()).mapToInt(v -> v.length).toArray();
        }

        String describeCell(int cell) {
            return describe(cellAxes, cellValues, cell);
        }

        private static String describe(List<String> axes, List<double[]> values, int k) {
            StringBuilder sb = new StringBuilder();
            for (int a = axes.size() - 1; a >= 0; a--) {
                int n = values.get(a).length;
                String part = String.format(Locale.ROOT, "%s=%.4g", axes.get(a), values.get(a)[k % n]);
                sb.insert(0, sb.isEmpty() ? part : part + ", ");
                k /= n;
            }
            return sb.toString();
        }

        private static void fill(Map<String, double[]> cols, List<String> axes, List<double[]> values, int k, int row) {
            for (int a = axes.size() - 1; a >= 0; a--) {
                int n = values.get(a).length;
                cols.get(axes.get(a))[row] = values.get(a)[k % n];
                k /= n;
            }
        }

        private static int product(List<double[]> values) {
            int p = 1;
            for (double[] v : values) {
                p *= v.length;
            }
            return p;
        }
    }

    static double[] logSpaced(double lo, double hi, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = lo == hi ? lo : Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * i / (n - 1));
        }
        out[n - 1] = hi;
        return out;
    }

    static double[] linear(double lo, double hi, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = lo + (hi - lo) * i / (n - 1);
        }
        out[n - 1] = hi;
        return out;
    }
}
