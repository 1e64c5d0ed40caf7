package lawsearch.engine.use;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.data.RowWeights;
import lawsearch.evaluator.protocol.Prediction;
import lawsearch.grammar.core.Law;

/**
 * A linearised (delta-method) interval for one group's and target's fitted law: the uncertainty
 * of the law's value that comes from its constants, as a weighted least-squares fit of the train
 * rows implies it. With J the Jacobian of the predictions w.r.t. the constants on the train rows
 * (central finite differences), W the fit's row weights (mean 1) and σ² = Σ w·r² / (n − p) the
 * residual variance, the constants' covariance is Σ = σ² (JᵀWJ)⁺ (pseudo-inverse: a redundant or
 * pinned constant has no variance instead of an infinite one), and at a point x with gradient g the
 * law's value has variance gᵀΣg; the interval is the value ± t(n − p) quantile × its standard
 * deviation. It is an interval of the law's mean value (a confidence interval), not of one noisy
 * run, it ignores the constants' bounds and how the fit's loss differs from least squares, and it is
 * only as good as the linearisation: a stand-in that a bootstrap can replace. {@link #plus} adds
 * rows to the information (what {@code suggest} asks of a candidate run) without refitting.
 */
public record DeltaInterval(Prediction law, double[] params, RealMatrix information, double sigma2, int dof,
                            List<String> names) {

    /** One interval: the law's value and its lower and upper ends. */
    public record Band(double value, double lower, double upper) {
        public double width() { return upper - lower; }
    }

    /** The interval of {@code law} with constants {@code params}, fitted on the train rows {@code train} of {@code target}. */
    public static DeltaInterval of(Law law, java.util.function.Function<String, String> column, double[] params,
                                   Frame train, String target) {
        Prediction p = new Prediction(law, column);
        double[] y = train.column(target);
        double[] w = RowWeights.of(law.fit().weighting(), column, train);   // the fitter's own weights
        double[] fit = p.on(train, params);
        double[][] j = jacobian(p, params, train);
        int n = train.size();
        int k = params.length;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - fit[i];
            sse += w[i] * r * r;
        }
        int dof = Math.max(1, n - k);
        return new DeltaInterval(p, params.clone(), gram(j, w, new Array2DRowRealMatrix(k, k)), sse / dof, dof,
                law.parameters());
    }

    /** The law's value at every row of {@code rows} with its interval at {@code level} (e.g. 0.9). */
    public Band[] bands(Frame rows, double level) {
        double[] v = law.on(rows, params);
        double[][] g = jacobian(law, params, rows);
        RealMatrix cov = covariance(information);
        double t = quantile(level);
        Band[] out = new Band[rows.size()];
        for (int i = 0; i < out.length; i++) {
            double sd = Math.sqrt(Math.max(0, quad(cov, g[i])));
            out[i] = new Band(v[i], v[i] - t * sd, v[i] + t * sd);
        }
        return out;
    }

    /** The interval at one point (column → value). */
    public Band band(Map<String, Double> point, double level) {
        return bands(frame(point), level)[0];
    }

    /** The law's value at one point (column → value), without its interval. */
    public double value(Map<String, Double> point) {
        return law.on(frame(point), params)[0];
    }

    /** The gradient of the law's value w.r.t. the constants at one point. */
    public double[] gradient(Map<String, Double> point) {
        return jacobian(law, params, frame(point))[0];
    }

    /** This interval with {@code rows} (weight 1 each) added to the fit's information: σ² and the constants stay. */
    public DeltaInterval plus(Frame rows) {
        double[] w = new double[rows.size()];
        Arrays.fill(w, 1.0);
        return new DeltaInterval(law, params, gram(jacobian(law, params, rows), w, information.copy()), sigma2, dof, names);
    }

    /** Half the width of the interval at a point whose gradient is {@code g}, at {@code level}. */
    public double halfWidth(double[] g, double level) {
        return quantile(level) * Math.sqrt(Math.max(0, quad(covariance(information), g)));
    }

    /** Each constant's standard deviation, by name. */
    public Map<String, Double> standardErrors() {
        RealMatrix cov = covariance(information);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), Math.sqrt(Math.max(0, cov.getEntry(i, i))));
        }
        return out;
    }

    /**
     * σ² (JᵀWJ)⁺, inverted in the constants' own sizes (each scaled by its magnitude, at least 1e-3,
     * as the Jacobian's steps are) and scaled back. The pseudo-inverse drops directions whose
     * singular value is small against the largest; unscaled, an amplitude of 1e27 beside an exponent
     * near 1 (Porian's Kaplan-style law) has a singular value of about 1e-54 and would count as
     * redundant, so its variance, and the interval's share of it, came out as 0.
     */
    private RealMatrix covariance(RealMatrix info) {
        int k = params.length;
        double[] size = new double[k];
        for (int a = 0; a < k; a++) {
            size[a] = Math.max(Math.abs(params[a]), 1e-3);
        }
        RealMatrix relative = info.copy();
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                relative.multiplyEntry(a, b, size[a] * size[b]);
            }
        }
        RealMatrix cov = new SingularValueDecomposition(relative).getSolver().getInverse();
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                cov.multiplyEntry(a, b, size[a] * size[b] * sigma2);
            }
        }
        return cov;
    }

    private double quantile(double level) {
        // The t distribution's inverse CDF is computed, not sampled: the generator it holds is never used.
        return new TDistribution(null, dof).inverseCumulativeProbability(0.5 + level / 2);
    }

    private static double quad(RealMatrix m, double[] g) {
        double s = 0;
        for (int a = 0; a < g.length; a++) {
            for (int b = 0; b < g.length; b++) {
                s += g[a] * m.getEntry(a, b) * g[b];
            }
        }
        return s;
    }

    private static RealMatrix gram(double[][] j, double[] w, RealMatrix into) {
        for (int i = 0; i < j.length; i++) {
            if (!allFinite(j[i])) {
                continue;   // a row where the law is undefined tells nothing about the constants
            }
            for (int a = 0; a < j[i].length; a++) {
                for (int b = 0; b < j[i].length; b++) {
                    into.addToEntry(a, b, w[i] * j[i][a] * j[i][b]);
                }
            }
        }
        return into;
    }

    /** Rows × constants: central differences with a step relative to each constant's size. */
    static double[][] jacobian(Prediction p, double[] params, Frame rows) {
        double[][] j = new double[rows.size()][params.length];
        for (int k = 0; k < params.length; k++) {
            double h = 1e-6 * Math.max(Math.abs(params[k]), 1e-3);
            double[] up = params.clone();
            double[] down = params.clone();
            up[k] += h;
            down[k] -= h;
            double[] fu = p.on(rows, up);
            double[] fd = p.on(rows, down);
            for (int i = 0; i < rows.size(); i++) {
                j[i][k] = (fu[i] - fd[i]) / (2 * h);
            }
        }
        return j;
    }

    static Frame frame(Map<String, Double> point) {
        Map<String, double[]> cols = new LinkedHashMap<>();
        point.forEach((c, v) -> cols.put(c, new double[] {v}));
        return new Frame(1, cols);
    }

    private static boolean allFinite(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
