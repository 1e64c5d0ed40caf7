package lawsearch.evaluator.fit;

import java.util.Arrays;

/**
 * Bounded linear least squares for the linear parameters of a separable law:
 * minimise ||Φc − z|| subject to lo ≤ c ≤ hi, by an active-set method (Stark–Parker BVLS) on the
 * column-scaled normal equations. There are few linear parameters (k ≲ 10), so the k×k algebra is
 * nothing next to forming the Gram matrix over the rows; scaling each column to unit norm keeps the
 * normal equations well enough conditioned for fits whose basis columns differ by orders of magnitude.
 * One instance per thread: it keeps its buffers.
 */
final class LinearSolve {
    private final int k;
    private final double[] lo;
    private final double[] hi;
    private final double[] scale;
    private final double[][] gram;
    private final double[] rhs;
    private final double[] d;
    private final boolean[] free;
    /** Cholesky factor of the free block of the Gram matrix after {@link #solve}, for projections. */
    private final double[][] chol;
    private final int[] freeIndex;
    private int freeCount;

    LinearSolve(double[] lo, double[] hi) {
        this.k = lo.length;
        this.lo = lo.clone();
        this.hi = hi.clone();
        this.scale = new double[k];
        this.gram = new double[k][k];
        this.rhs = new double[k];
        this.d = new double[k];
        this.free = new boolean[k];
        this.chol = new double[k][k];
        this.freeIndex = new int[k];
    }

    /** Solves for c (written to {@code c}); columns {@code phi[j][row]}, {@code n} rows. False if not finite. */
    boolean solve(double[][] phi, double[] z, int n, double[] c) {
        for (int i = 0; i < k; i++) {
            double s = dot(phi[i], phi[i], n);
            scale[i] = s > 0 && Double.isFinite(s) ? Math.sqrt(s) : 0;
        }
        for (int i = 0; i < k; i++) {
            rhs[i] = scale[i] == 0 ? 0 : dot(phi[i], z, n) / scale[i];
            for (int j = 0; j <= i; j++) {
                double g = scale[i] == 0 || scale[j] == 0 ? (i == j ? 1 : 0) : dot(phi[i], phi[j], n) / (scale[i] * scale[j]);
                gram[i][j] = g;
                gram[j][i] = g;
            }
        }
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(rhs[i])) {
                return false;
            }
        }
        activeSet();
        for (int i = 0; i < k; i++) {
            c[i] = scale[i] == 0 ? clamp(i, 0) : d[i] / scale[i];
        }
        factorFree();
        return true;
    }

    /**
     * v ← (I − P) v, P the projection onto the free columns of Φ (the Kaufman step of variable
     * projection). Needs the Φ of the last {@link #solve}.
     */
    void projectOut(double[][] phi, double[] v, int n, double[] tmp) {
        if (freeCount == 0) {
            return;
        }
        for (int a = 0; a < freeCount; a++) {
            int i = freeIndex[a];
            tmp[a] = dot(phi[i], v, n) / scale[i];
        }
        choleskySolve(tmp);
        for (int a = 0; a < freeCount; a++) {
            int i = freeIndex[a];
            double w = tmp[a] / scale[i];
            double[] col = phi[i];
            for (int r = 0; r < n; r++) {
                v[r] -= w * col[r];
            }
        }
    }

    // --- active set on the scaled problem: min ½dᵀGd − bᵀd, box bounds in scaled units ---

    private void activeSet() {
        for (int i = 0; i < k; i++) {
            if (scale[i] == 0) {
                d[i] = 0;   // an all-zero column: its coefficient is inert, keep it out of the solve
                free[i] = false;
                continue;
            }
            d[i] = clampScaled(i, 0);
            free[i] = d[i] > loS(i) && d[i] < hiS(i);
        }
        double[] target = new double[k];
        for (int iter = 0; iter < 4 * k + 10; iter++) {
            if (!freeSolve(target)) {
                return;
            }
            if (stepInside(target)) {
                int j = mostViolatingBound();
                if (j < 0) {
                    return;
                }
                free[j] = true;
            }
        }
    }

    /** Solves the free block with bound variables fixed; the result goes to {@code target}. */
    private boolean freeSolve(double[] target) {
        System.arraycopy(d, 0, target, 0, k);
        int m = 0;
        for (int i = 0; i < k; i++) {
            if (free[i]) {
                freeIndex[m++] = i;
            }
        }
        freeCount = m;
        if (m == 0) {
            return true;
        }
        double[] b = new double[m];
        for (int a = 0; a < m; a++) {
            int i = freeIndex[a];
            double s = rhs[i];
            for (int j = 0; j < k; j++) {
                if (!free[j]) {
                    s -= gram[i][j] * d[j];
                }
            }
            b[a] = s;
        }
        factorFree();
        choleskySolve(b);
        for (int a = 0; a < m; a++) {
            target[freeIndex[a]] = b[a];
        }
        return Arrays.stream(b).allMatch(Double::isFinite);
    }

    /** Moves d toward target as far as the box allows; true when it got all the way. */
    private boolean stepInside(double[] target) {
        double alpha = 1;
        int hit = -1;
        for (int i = 0; i < k; i++) {
            if (!free[i] || target[i] == d[i]) {
                continue;
            }
            double bound = target[i] < d[i] ? loS(i) : hiS(i);
            if (target[i] < loS(i) || target[i] > hiS(i)) {
                double a = (bound - d[i]) / (target[i] - d[i]);
                if (a < alpha) {
                    alpha = Math.max(0, a);
                    hit = i;
                }
            }
        }
        for (int i = 0; i < k; i++) {
            if (free[i]) {
                d[i] = clampScaled(i, d[i] + alpha * (target[i] - d[i]));
            }
        }
        if (hit < 0) {
            return true;
        }
        for (int i = 0; i < k; i++) {
            if (free[i] && (d[i] <= loS(i) || d[i] >= hiS(i))) {
                free[i] = false;
            }
        }
        free[hit] = false;
        return false;
    }

    /** The bound variable whose gradient most wants it to move into the box, or -1 (KKT holds). */
    private int mostViolatingBound() {
        int best = -1;
        double worst = 1e-12;
        for (int i = 0; i < k; i++) {
            if (free[i] || scale[i] == 0) {
                continue;
            }
            double g = -rhs[i];
            for (int j = 0; j < k; j++) {
                g += gram[i][j] * d[j];
            }
            double want = d[i] <= loS(i) ? -g : d[i] >= hiS(i) ? g : Math.abs(g);
            if (want > worst) {
                worst = want;
                best = i;
            }
        }
        return best;
    }

    private void factorFree() {
        int m = freeCount;
        double ridge = 0;
        for (int attempt = 0; attempt < 8; attempt++) {
            if (cholesky(m, ridge)) {
                return;
            }
            // Collinear basis columns (e.g. an exponent at 0 makes N^0 equal the constant): a tiny
            // ridge picks one of the equivalent solutions instead of failing the fit.
            ridge = ridge == 0 ? 1e-12 : ridge * 100;
        }
    }

    private boolean cholesky(int m, double ridge) {
        return Cholesky.factor(m, (a, b) -> gram[freeIndex[a]][freeIndex[b]] + (a == b ? ridge : 0), 1e-14, chol);
    }

    private void choleskySolve(double[] x) { Cholesky.solve(chol, freeCount, x); }

    private double loS(int i) { return lo[i] * scale[i]; }

    private double hiS(int i) { return hi[i] * scale[i]; }

    private double clampScaled(int i, double v) { return Math.max(loS(i), Math.min(hiS(i), v)); }

    private double clamp(int i, double v) { return Math.max(lo[i], Math.min(hi[i], v)); }

    /**
     * Σ x·y with four partial sums: a single running sum is bound by the latency of each add (the
     * JIT may not reorder floating point), and dot products are most of a fit's time. The order of
     * additions is fixed, so results stay bit-for-bit reproducible.
     */
    static double dot(double[] x, double[] y, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += x[i] * y[i];
            s1 += x[i + 1] * y[i + 1];
            s2 += x[i + 2] * y[i + 2];
            s3 += x[i + 3] * y[i + 3];
        }
        for (; i < n; i++) {
            s0 += x[i] * y[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * {@code dot(x, y, n)} and {@code dot(x, z, n)} in one pass, each summed in exactly the order
     * {@link #dot} sums it (so bit for bit the same): x is read once, and the two sums' eight
     * independent partial sums keep the adder busy where one dot's four wait on each other.
     */
    static void dot2(double[] x, double[] y, double[] z, int n, double[] out) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double t0 = 0;
        double t1 = 0;
        double t2 = 0;
        double t3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double x0 = x[i];
            double x1 = x[i + 1];
            double x2 = x[i + 2];
            double x3 = x[i + 3];
            s0 += x0 * y[i];
            s1 += x1 * y[i + 1];
            s2 += x2 * y[i + 2];
            s3 += x3 * y[i + 3];
            t0 += x0 * z[i];
            t1 += x1 * z[i + 1];
            t2 += x2 * z[i + 2];
            t3 += x3 * z[i + 3];
        }
        for (; i < n; i++) {
            s0 += x[i] * y[i];
            t0 += x[i] * z[i];
        }
        out[0] = (s0 + s1) + (s2 + s3);
        out[1] = (t0 + t1) + (t2 + t3);
    }
}
