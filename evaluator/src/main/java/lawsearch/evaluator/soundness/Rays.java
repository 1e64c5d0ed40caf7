package lawsearch.evaluator.soundness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.protocol.FittedLaw;

/**
 * Monotonicity, checked where a researcher would extrapolate: along rays that start at the train
 * configurations ({@link Domain#starts}) and run out to {@link Domain#REACH}× the largest train value
 * along each scale variable alone, and along all of them together (each multiplied by the same
 * factor), other features held at the run's values. Hyper-parameters are retuned at every point: a coarse log grid over their range widened {@link
 * Domain#RETUNE}× each way (a linear one for a hyper-parameter taken as written), then {@link #REFINE} finer grids around the best point, so that the
 * grid's own coarseness (a bowl's minimum falling between grid points as it moves) cannot pass for a rise.
 */
final class Rays {
    static final int POINTS = 10;
    static final int COARSE = 13;
    static final int FINE = 5;
    static final int REFINE = 3;
    static final int MAX_ROWS = 250_000;
    /** A rise below this share of the law's magnitude is the arithmetic's, not the law's. */
    static final double TOLERANCE = 1e-7;

    private final Domain d;
    private final int maxRows;
    private final int coarse;
    private final int refine;
    private final List<String> names;
    private final List<Integer> hyper = new ArrayList<>();
    private final boolean[] logScale;   // per hyper-parameter: retuned on a log scale, else as written
    private final List<double[]> points = new ArrayList<>();   // every ray's points, ray after ray
    private final List<String> rayNames = new ArrayList<>();

    Rays(Domain d) {
        this(d, MAX_ROWS, COARSE, REFINE);
    }

    /**
     * The rays of {@code d}, hyper-parameters retuned on a grid of {@code coarse} points per axis
     * (narrowed, to 5 at least, to keep about {@code maxRows} rows) and {@code refine} finer grids.
     */
    Rays(Domain d, int maxRows, int coarse, int refine) {
        this.d = d;
        this.maxRows = maxRows;
        this.coarse = coarse;
        this.refine = refine;
        this.names = List.copyOf(d.box().keySet());
        this.logScale = new boolean[d.hyper().size()];
        for (String h : d.hyper()) {
            logScale[hyper.size()] = d.onLogScale(h);
            hyper.add(names.indexOf(h));
        }
        for (double[] start : d.starts()) {
            for (String v : d.scale()) {
                int c = names.indexOf(v);
                double[] along = d.outward(v, start[c], POINTS);
                rayNames.add(v);
                for (double x : along) {
                    double[] p = start.clone();
                    p[c] = x;
                    points.add(p);
                }
            }
            if (d.scale().size() > 1) {
                rayNames.add("all scale variables together");
                for (double f : Soundness.logSpaced(1, Domain.REACH, POINTS)) {
                    double[] p = start.clone();
                    for (String v : d.scale()) {
                        p[names.indexOf(v)] = d.push(v, p[names.indexOf(v)], f);
                    }
                    points.add(p);
                }
            }
        }
    }

    /** The first step along a ray that goes the wrong way (null if none), hyper-parameters retuned at each point. */
    String firstWrongTurn(FittedLaw law, String group, String target) {
        double[] best = best(law, group, target);
        double scaleOf = 0;
        for (double b : best) {
            scaleOf = Double.isFinite(b) ? Math.max(scaleOf, Math.abs(b)) : scaleOf;
        }
        double tol = TOLERANCE * scaleOf + 1e-300;
        for (int r = 0; r < rayNames.size(); r++) {
            for (int k = r * POINTS; k + 1 < (r + 1) * POINTS; k++) {
                double here = best[k];
                double there = best[k + 1];
                boolean wrong = !Double.isFinite(here) || !Double.isFinite(there)
                        || (d.falls() ? there > here + tol : there < here - tol);
                if (wrong) {
                    return String.format(Locale.ROOT, "%s along %s: %.6g at %s, %.6g at %s", d.falls() ? "rises" : "falls",
                            rayNames.get(r), here, describe(points.get(k)), there, describe(points.get(k + 1)));
                }
            }
        }
        return null;
    }

    /** Per point, the law's best value over the hyper-parameters (least when the target falls). */
    double[] best(FittedLaw law, String group, String target) {
        int n = points.size();
        double[][] centre = new double[n][hyper.size()];   // the best hyper values so far (their logs, on a log scale)
        double[] best = new double[n];
        int coarse = this.coarse;
        while (hyper.size() > 0 && n * Math.pow(coarse, hyper.size()) > maxRows && coarse > 5) {
            coarse--;
        }
        double[] width = new double[hyper.size()];
        for (int h = 0; h < hyper.size(); h++) {
            double[] r = d.retuneRange(names.get(hyper.get(h)));
            double lo = logScale[h] ? Math.log(r[0]) : r[0];
            double hi = logScale[h] ? Math.log(r[1]) : r[1];
            width[h] = (hi - lo) / 2;
            for (int p = 0; p < n; p++) {
                centre[p][h] = (lo + hi) / 2;
            }
        }
        evaluate(law, group, target, centre, width, coarse, best);
        for (int round = 0; round < refine && !hyper.isEmpty(); round++) {
            for (int h = 0; h < width.length; h++) {
                width[h] = 2 * width[h] / (round == 0 ? coarse - 1 : FINE - 1);
            }
            evaluate(law, group, target, centre, width, FINE, best);
        }
        return best;
    }

    /** Evaluates a grid of {@code m} points per hyper axis over centre ± width at every point; moves the centres to the best. */
    private void evaluate(FittedLaw law, String group, String target, double[][] centre, double[] width, int m, double[] best) {
        int n = points.size();
        int combos = (int) Math.pow(m, hyper.size());
        double[][] column = new double[names.size()][n * combos];   // by index: a map lookup per cell was a quarter of the screen
        double[][] grid = new double[combos][hyper.size()];
        for (int k = 0; k < combos; k++) {
            int rest = k;
            for (int h = 0; h < hyper.size(); h++) {
                grid[k][h] = m == 1 ? 0 : -1 + 2.0 * (rest % m) / (m - 1);
                rest /= m;
            }
        }
        int[] hyperColumn = hyper.stream().mapToInt(Integer::intValue).toArray();
        for (int p = 0; p < n; p++) {
            double[] point = points.get(p);
            for (int k = 0; k < combos; k++) {
                int row = p * combos + k;
                for (int c = 0; c < point.length; c++) {
                    column[c][row] = point[c];
                }
                for (int h = 0; h < hyperColumn.length; h++) {
                    double at = centre[p][h] + grid[k][h] * width[h];
                    column[hyperColumn[h]][row] = logScale[h] ? Math.exp(at) : at;
                }
            }
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (int c = 0; c < names.size(); c++) {
            cols.put(names.get(c), column[c]);
        }
        double[] y = law.predict(group, target, new Frame(n * combos, cols));
        for (int p = 0; p < n; p++) {
            int arg = -1;
            for (int k = 0; k < combos; k++) {
                double v = y[p * combos + k];
                if (Double.isFinite(v) && (arg < 0 || (d.falls() ? v < y[p * combos + arg] : v > y[p * combos + arg]))) {
                    arg = k;
                }
            }
            if (arg < 0) {
                best[p] = Double.NaN;
                continue;
            }
            best[p] = y[p * combos + arg];   // a refined grid holds its centre, the best so far: never worse
            for (int h = 0; h < hyper.size(); h++) {
                centre[p][h] += grid[arg][h] * width[h];
            }
        }
    }

    private String describe(double[] p) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < names.size(); c++) {
            if (!hyper.contains(c)) {
                sb.append(sb.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s=%.4g", names.get(c), p[c]));
            }
        }
        return sb.toString();
    }
}
