package lawsearch.evaluator.interpreter;

import java.util.Arrays;

/**
 * Per-thread evaluation state for a {@link Bound} program: one value and one adjoint column per
 * dynamic node, allocated once (the adjoints at the first gradient) and reused on every call. Not
 * thread-safe by design.
 */
public final class Workspace {
    // Only the arrays it needs, not the Bound: a workspace outlives no fit and pins nothing else.
    private final Opcode[] op;
    private final double[][] aux;
    private final int[][] codes;
    private final double[][] distinctLogs;
    private final Program p;
    private final int n;
    private final double[][] value;
    private final double[][] adjoint;
    /** Per POW_CODED node, the power of each distinct base (scratch, per thread). */
    private final double[][] table;

    Workspace(Bound bound) {
        this.op = bound.op;
        this.aux = bound.aux;
        this.codes = bound.codes;
        this.distinctLogs = bound.distinctLogs;
        this.p = bound.program;
        this.n = bound.rows;
        int size = p.op.length;
        this.value = new double[size][];
        this.adjoint = new double[size][];
        this.table = new double[size][];
        for (int i = 0; i < size; i++) {
            if (p.dynamic[i]) {
                value[i] = new double[n];
            } else {
                value[i] = bound.statics[i];
            }
            if (distinctLogs[i] != null) {
                table[i] = new double[distinctLogs[i].length];
            }
        }
    }

    public int rows() { return n; }

    /** Evaluates every root at {@code params}; read results with {@link #root}. */
    public void evaluate(double[] params) {
        // Node ids are in postfix order (children first), so one pass in id order is a valid schedule.
        for (int i = 0; i < p.op.length; i++) {
            if (p.dynamic[i]) {
                compute(i, params);
            }
        }
    }

    /** Values of root {@code r} from the last {@link #evaluate}; do not modify. */
    public double[] root(int r) { return value[p.roots[r]]; }

    /**
     * d root(r) / d param for every row and parameter, into {@code jac[param][row]} (overwritten).
     * Call after {@link #evaluate} with the same parameters.
     */
    public void gradient(int r, double[][] jac) {
        double[] w = new double[p.roots.length];
        w[r] = 1;
        gradient(w, jac);
    }

    /**
     * d/dparam of Σ_r w[r]·root(r), per row, into {@code jac[param][row]} (overwritten). Reverse mode
     * over columns: rows are independent, so one backward sweep, with every root seeded by its
     * weight, gives the whole Jacobian of the weighted sum (what variable projection needs:
     * Σ c_k ∂basis_k + ∂offset). Call after {@link #evaluate} with the same parameters.
     */
    public void gradient(double[] w, double[][] jac) {
        for (double[] col : jac) {
            Arrays.fill(col, 0, n, 0.0);
        }
        for (int i = 0; i < p.op.length; i++) {
            if (p.dynamic[i]) {
                // allocated at the first gradient: a prediction (the shape checks' grids) never asks one
                if (adjoint[i] == null) {
                    adjoint[i] = new double[n];
                } else {
                    Arrays.fill(adjoint[i], 0.0);
                }
            }
        }
        for (int r = 0; r < p.roots.length; r++) {
            int root = p.roots[r];
            if (p.dynamic[root] && w[r] != 0) {
                double[] g = adjoint[root];
                for (int row = 0; row < n; row++) {
                    g[row] += w[r];
                }
            }
        }
        for (int i = p.op.length - 1; i >= 0; i--) {
            if (!p.dynamic[i]) {
                continue;
            }
            if (p.op[i] == Opcode.PARAM) {
                double[] col = jac[p.index[i]];
                double[] g = adjoint[i];
                for (int row = 0; row < n; row++) {
                    col[row] += g[row];
                }
            } else {
                propagate(i);
            }
        }
    }

    private void compute(int i, double[] params) {
        if (p.op[i] == Opcode.PARAM) {
            Arrays.fill(value[i], params[p.index[i]]);
            return;
        }
        double[] y = p.b[i] >= 0 ? value[p.b[i]] : null;
        if (op[i] == Opcode.POW_CODED) {
            Kernels.powCoded(value[i], y[0], distinctLogs[i], codes[i], table[i], n);
            return;
        }
        Kernels.forward(op[i], value[i], value[p.a[i]], y, p.constant[i], aux[i], n);
    }

    private void propagate(int i) {
        int x = p.a[i];
        int y = p.b[i];
        double[] gx = p.dynamic[x] ? adjoint[x] : null;
        double[] gy = y >= 0 && p.dynamic[y] ? adjoint[y] : null;
        Kernels.backward(op[i], adjoint[i], value[i], value[x], y >= 0 ? value[y] : null,
                p.constant[i], aux[i], gx, gy, n);
    }
}
