package lawsearch.grammar.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.core.Var;
import lawsearch.grammar.formatter.Printer;
import lawsearch.grammar.interpreter.TreeEvaluator;

/**
 * Every constant {@link Redundancy} removes was redundant: at random constants, the law's
 * derivative along it is a combination of its derivatives along the others, so some change of the
 * others undoes any change of it. Laws come from the generator and mutation chains, with a fresh
 * constant multiplied into or added to a random variable so that removals happen often.
 */
class RedundancySoundnessTest {
    private static final double[][] ROWS = rows();

    @Test
    void everyRemovedConstantWasRedundant() {
        Generator gen = new Generator(Valid.GRAMMAR);
        int checked = 0;
        for (int seed = 0; seed < Valid.SEEDS; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            Law law = gen.law(rng);
            for (int step = 0; step < 4; step++) {
                law = Mutation.random(rng, MutationWeights.DEFAULT).apply(law, gen, rng);
            }
            for (Law spiked : spiked(law)) {
                Map.Entry<String, Double> r = Redundancy.redundant(spiked, Valid.GRAMMAR);
                if (r != null && !isRedundantAt(spiked, r.getKey(), rng)) {
                    throw new AssertionError(r.getKey() + " is not redundant in " + Printer.print(spiked.expr()));
                }
                checked += r != null ? 1 : 0;
            }
        }
        assertThat(checked).as("removals checked").isGreaterThan(200);
    }

    /** {@code law} with a variable occurrence v replaced by v·k, v/k or v + k (k a new constant), each way. */
    private static List<Law> spiked(Law law) {
        List<Law> out = new ArrayList<>();
        List<Expr> nodes = Trees.nodes(law.expr());
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) instanceof Var) {
                for (Op op : List.of(Op.MUL, Op.DIV, Op.ADD)) {
                    out.add(law.withExpr(Trees.replace(law.expr(), i, new Binary(op, nodes.get(i), new Param("k")))));
                }
            }
        }
        return out;
    }

    /**
     * Whether, at some random constants where the law is finite on every row, the derivative along
     * {@code k} lies in the span of the others (relative residual of its least-squares fit below 1e-5).
     * A few draws, since a draw can land where the law is not finite.
     */
    private static boolean isRedundantAt(Law law, String k, SplittableRandom rng) {
        List<String> params = law.parameters();
        for (int draw = 0; draw < 20; draw++) {
            Map<String, Double> theta = new HashMap<>();
            params.forEach(p -> theta.put(p, 0.3 + rng.nextDouble()));
            double[][] cols = new double[params.size()][];
            boolean finite = true;
            for (int j = 0; j < params.size() && finite; j++) {
                cols[j] = derivative(law.expr(), theta, params.get(j));
                for (double v : cols[j]) {
                    finite &= Double.isFinite(v);
                }
            }
            int at = params.indexOf(k);
            if (finite && relativeChange(law.expr(), theta, cols[at], 1e-5) < 1e-9) {
                return true;    // k barely moves the law here (N + k): differences would be rounding error
            }
            if (finite) {
                return residual(cols, at) < 1e-5;
            }
        }
        return true;    // never finite: nothing a fit could use was lost
    }

    /** Central differences along {@code p}. */
    private static double[] derivative(Expr e, Map<String, Double> theta, String p) {
        return differences(e, theta, p, 1e-5 * Math.max(1, Math.abs(theta.get(p))));
    }

    private static double[] differences(Expr e, Map<String, Double> theta, String p, double h) {
        double[] d = new double[ROWS.length];
        Map<String, Double> up = new HashMap<>(theta);
        Map<String, Double> down = new HashMap<>(theta);
        up.put(p, theta.get(p) + h);
        down.put(p, theta.get(p) - h);
        for (int i = 0; i < ROWS.length; i++) {
            d[i] = (eval(e, ROWS[i], up) - eval(e, ROWS[i], down)) / (2 * h);
        }
        return d;
    }

    /** The largest change a step of h makes on a row, relative to the law's value there. */
    private static double relativeChange(Expr e, Map<String, Double> theta, double[] d, double h) {
        double m = 0;
        for (int i = 0; i < ROWS.length; i++) {
            m = Math.max(m, Math.abs(d[i]) * h / Math.max(1e-300, Math.abs(eval(e, ROWS[i], theta))));
        }
        return m;
    }

    private static double eval(Expr e, double[] row, Map<String, Double> theta) {
        return TreeEvaluator.eval(e, v -> v.equals("N") ? row[0] : row[1], theta::get);
    }

    /** |c_k - proj(c_k)| / |c_k| onto the span of the other columns (modified Gram-Schmidt). */
    private static double residual(double[][] cols, int k) {
        double[] target = cols[k].clone();
        double norm = Math.sqrt(dot(target, target));
        if (norm == 0) {
            return 0;
        }
        List<double[]> basis = new ArrayList<>();
        for (int j = 0; j < cols.length; j++) {
            if (j == k) {
                continue;
            }
            double[] q = cols[j].clone();
            for (double[] b : basis) {
                axpy(-dot(q, b), b, q);
            }
            double n = Math.sqrt(dot(q, q));
            if (n > 1e-9 * Math.sqrt(dot(cols[j], cols[j]))) {
                for (int i = 0; i < q.length; i++) {
                    q[i] /= n;
                }
                basis.add(q);
            }
        }
        for (double[] b : basis) {
            axpy(-dot(target, b), b, target);
        }
        return Math.sqrt(dot(target, target)) / norm;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    /** A 6 × 5 grid of runs: N from 1e8 to 1e10 (positive, scaled by the grammar), D from 1 to 5. */
    private static double[][] rows() {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 5; j++) {
                out.add(new double[] {1e8 * Math.pow(100, i / 5.0), 1 + j});
            }
        }
        return out.toArray(new double[0][]);
    }
}
