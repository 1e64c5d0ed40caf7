package lawsearch.evaluator.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link LinearSolve} (BVLS) against a brute-force reference: for k ≤ 4 every variable is either
 * free or fixed at one of its finite bounds (at most 3⁴ = 81 cases), the free ones are solved by
 * minimum-norm least squares (Commons Math SVD), and the best feasible case is the minimum (the
 * problem is convex; the argument that the minimum-norm solve suffices even for rank-deficient Φ is
 * at {@link #reference}).
 *
 * <p>Tolerances. The designs are random Gaussian columns (30 rows, ≤ 4 columns) times scales in
 * [10⁻², 10²]; LinearSolve scales the columns to unit norm, where the Gram matrix has condition number
 * below ~10, so its normal equations lose little. Coefficients (times their column's norm, i.e. in
 * units of their effect on the fit) must match a unique reference to 1e-10 of ‖z‖; 100,000 seeded
 * problems differed by at most 6e-13. Objectives must match to 1e-9 of ‖z‖² plus the first-order effect
 * of the bound slack ({@link #objectiveSlack}); rank-deficient problems, solved with a 1e-12 ridge,
 * used at most 7e-4 of that. Bounds are met to 1e-12 relative: the solver clamps in column-scaled
 * units and divides back, which may move a coefficient off its bound by an ulp.
 */
class LinearSolveTest {
    static final int ROWS = 30;

    /** The fused pair of dot products sums each exactly as {@link LinearSolve#dot} does: fits stay bit for bit. */
    @Property(tries = 200, seed = "17")
    void twoDotsInOnePassAreTheDotsBitForBit(@ForAll @IntRange(min = 0, max = 41) int n, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = rng.doubles(n, -1e3, 1e3).toArray();
        double[] y = rng.doubles(n, -1, 1).toArray();
        double[] z = rng.doubles(n, -1e-3, 1e5).toArray();
        double[] two = new double[2];
        LinearSolve.dot2(x, y, z, n, two);
        assertThat(Double.doubleToRawLongBits(two[0])).isEqualTo(Double.doubleToRawLongBits(LinearSolve.dot(x, y, n)));
        assertThat(Double.doubleToRawLongBits(two[1])).isEqualTo(Double.doubleToRawLongBits(LinearSolve.dot(x, z, n)));
        LinearSolve.dot2(x, y, x, n, two);
        assertThat(Double.doubleToRawLongBits(two[1])).isEqualTo(Double.doubleToRawLongBits(LinearSolve.dot(x, x, n)));
    }

    /** One problem: columns phi[j][row], target z, bounds. */
    record Problem(double[][] phi, double[] z, double[] lo, double[] hi) {
        int k() { return phi.length; }

        double objective(double[] c) {
            double s = 0;
            for (int i = 0; i < z.length; i++) {
                double r = -z[i];
                for (int j = 0; j < c.length; j++) {
                    r += phi[j][i] * c[j];
                }
                s += r * r;
            }
            return 0.5 * s;
        }

        double zz() { return LinearSolve.dot(z, z, z.length); }

        double[] solve() {
            double[] c = new double[k()];
            Arrays.fill(c, Double.NaN);
            assertThat(new LinearSolve(lo, hi).solve(phi, z, z.length, c)).isTrue();
            return c;
        }
    }

    /** Random design, columns scaled by 10^[-2, 2]; z = Φ c + noise with c of order 1/scale. */
    static Problem random(int k, SplittableRandom r) {
        double[][] phi = new double[k][ROWS];
        double[] c = new double[k];
        for (int j = 0; j < k; j++) {
            double scale = Math.pow(10, 4 * r.nextDouble() - 2);
            for (int i = 0; i < ROWS; i++) {
                phi[j][i] = scale * gaussian(r);
            }
            c[j] = (4 * r.nextDouble() - 2) / scale;
        }
        double[] z = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            z[i] = 0.3 * gaussian(r);
            for (int j = 0; j < k; j++) {
                z[i] += phi[j][i] * c[j];
            }
        }
        double[] lo = new double[k];
        double[] hi = new double[k];
        Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        return new Problem(phi, z, lo, hi);
    }

    /**
     * Bounds placed around the unbounded solution c*: per variable free, one-sided or two-sided, each
     * bound on either side of c*, so that about half the problems have an active bound.
     */
    static Problem withRandomBounds(Problem p, SplittableRandom r) {
        double[] ols = new SingularValueDecomposition(design(p.phi(), allOf(p.k()))).getSolver().solve(new ArrayRealVector(p.z())).toArray();
        double[] lo = p.lo().clone();
        double[] hi = p.hi().clone();
        for (int j = 0; j < p.k(); j++) {
            double w = Math.abs(ols[j]) + 1 / Math.sqrt(LinearSolve.dot(p.phi()[j], p.phi()[j], ROWS));
            int kind = r.nextInt(4);   // 0 free, 1 lower, 2 upper, 3 both
            double a = ols[j] + w * (2 * r.nextDouble() - 1.5);   // below c* three times in four
            double b = ols[j] - w * (2 * r.nextDouble() - 1.5);   // above c* three times in four
            if (kind == 1 || kind == 3) {
                lo[j] = a;
            }
            if (kind == 2) {
                hi[j] = b;
            }
            if (kind == 3) {
                hi[j] = a + w * (0.05 + 2 * r.nextDouble());
            }
        }
        return new Problem(p.phi(), p.z(), lo, hi);
    }

    static double[] ols(Problem p) {
        return new QRDecomposition(design(p.phi(), allOf(p.k()))).getSolver().solve(new ArrayRealVector(p.z())).toArray();
    }

    /**
     * The exhaustive reference: the best feasible point among the minimum-norm least-squares solves
     * of every face of the box (each variable free or at a finite bound). Exact for convex problems:
     * an optimal point c° with the most active bounds has, on its face, a null space of Φ that moves
     * only variables with no finite bound (any other null direction could be followed to one more
     * bound), so the face's minimum-norm solution differs from c° only in those and is feasible.
     */
    static double[] reference(Problem p) {
        int k = p.k();
        int[] state = new int[k];   // 0 free, 1 at lo, 2 at hi
        double best = Double.POSITIVE_INFINITY;
        double[] bestC = null;
        int cases = (int) Math.pow(3, k);
        outer:
        for (int code = 0; code < cases; code++) {
            int rest = code;
            for (int j = 0; j < k; j++) {
                state[j] = rest % 3;
                rest /= 3;
                if (state[j] == 1 && p.lo()[j] == Double.NEGATIVE_INFINITY || state[j] == 2 && p.hi()[j] == Double.POSITIVE_INFINITY) {
                    continue outer;
                }
            }
            double[] c = new double[k];
            double[] zr = p.z().clone();
            int[] free = new int[k];
            int m = 0;
            for (int j = 0; j < k; j++) {
                if (state[j] == 0) {
                    free[m++] = j;
                    continue;
                }
                c[j] = state[j] == 1 ? p.lo()[j] : p.hi()[j];
                for (int i = 0; i < zr.length; i++) {
                    zr[i] -= p.phi()[j][i] * c[j];
                }
            }
            if (m > 0) {
                double[] cf = new SingularValueDecomposition(design(p.phi(), Arrays.copyOf(free, m))).getSolver()
                        .solve(new ArrayRealVector(zr)).toArray();
                for (int a = 0; a < m; a++) {
                    int j = free[a];
                    double slack = 1e-9 * (1 + Math.abs(cf[a]));
                    if (!(cf[a] >= p.lo()[j] - slack && cf[a] <= p.hi()[j] + slack)) {
                        continue outer;
                    }
                    c[j] = Math.max(p.lo()[j], Math.min(p.hi()[j], cf[a]));
                }
            }
            double f = p.objective(c);
            if (f < best) {
                best = f;
                bestC = c;
            }
        }
        return bestC;
    }

    static RealMatrix design(double[][] phi, int[] columns) {
        int n = phi[0].length;
        double[][] x = new double[n][columns.length];
        for (int a = 0; a < columns.length; a++) {
            for (int i = 0; i < n; i++) {
                x[i][a] = phi[columns[a]][i];
            }
        }
        return new Array2DRowRealMatrix(x, false);
    }

    static int[] allOf(int k) {
        int[] all = new int[k];
        Arrays.setAll(all, j -> j);
        return all;
    }

    static void assertWithinBounds(Problem p, double[] c) {
        for (int j = 0; j < p.k(); j++) {
            assertThat(Double.isFinite(c[j])).as("c[%d] = %s finite", j, c[j]).isTrue();
            double slack = 1e-12 * Math.abs(c[j]);
            assertThat(c[j]).as("c[%d] within [%s, %s]", j, p.lo()[j], p.hi()[j]).isBetween(p.lo()[j] - slack, p.hi()[j] + slack);
        }
    }

    static void assertMinimal(Problem p, double[] c, double[] ref) {
        assertWithinBounds(p, c);
        assertThat(p.objective(c)).as("objective against the reference's").isLessThanOrEqualTo(p.objective(ref) + objectiveSlack(p, c, ref));
    }

    /**
     * 1e-9 of ‖z‖², plus what moving each coefficient by the 1e-12 of itself that bounds are met to
     * changes the objective (|∂f/∂c_j| · 1e-12 |c_j|): at an active bound the gradient is not zero,
     * and with a large column one ulp of its coefficient is visible in the objective.
     */
    static double objectiveSlack(Problem p, double[] c, double[] ref) {
        double slack = 1e-9 * p.zz();
        double[] r = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            r[i] = -p.z()[i];
            for (int j = 0; j < p.k(); j++) {
                r[i] += p.phi()[j][i] * ref[j];
            }
        }
        for (int j = 0; j < p.k(); j++) {
            slack += Math.abs(LinearSolve.dot(p.phi()[j], r, ROWS)) * 1e-12 * Math.max(Math.abs(c[j]), Math.abs(ref[j]));
        }
        return slack;
    }

    /** Full-rank problems have one minimiser: the coefficients must be the reference's. */
    static void assertSameCoefficients(Problem p, double[] c, double[] ref) {
        double zNorm = Math.sqrt(p.zz());
        for (int j = 0; j < p.k(); j++) {
            double colNorm = Math.sqrt(LinearSolve.dot(p.phi()[j], p.phi()[j], ROWS));
            assertThat(c[j] * colNorm).as("c[%d]·‖φ%d‖", j, j).isCloseTo(ref[j] * colNorm, within(1e-10 * zNorm));
        }
    }

    static int activeCount(Problem p, double[] c) {
        int n = 0;
        for (int j = 0; j < p.k(); j++) {
            if (c[j] == p.lo()[j] || c[j] == p.hi()[j]) {
                n++;
            }
        }
        return n;
    }

    // --- unbounded: ordinary least squares ---

    @Property(tries = 40, seed = "13")
    void withoutBoundsItIsOrdinaryLeastSquares(@ForAll @IntRange(min = 1, max = 6) int k, @ForAll @IntRange(min = 0, max = 100_000) int seed) {
        Problem p = random(k, new SplittableRandom(seed));
        double[] c = p.solve();
        assertSameCoefficients(p, c, ols(p));
    }

    // --- bounds active and inactive, against the exhaustive reference ---

    @Property(tries = 80, seed = "13")
    void boundedSolutionIsTheExhaustiveMinimum(@ForAll @IntRange(min = 1, max = 4) int k, @ForAll @IntRange(min = 0, max = 100_000) int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Problem p = withRandomBounds(random(k, r), r);
        double[] c = p.solve();
        double[] ref = reference(p);
        assertMinimal(p, c, ref);
        assertSameCoefficients(p, c, ref);
        Statistics.label("active bounds at the minimum").collect(activeCount(p, ref) > 0);
        Statistics.label("active bounds at the minimum").coverage(cov -> {
            cov.check(true).percentage(pct -> pct > 25);
            cov.check(false).percentage(pct -> pct > 25);
        });
    }

    @Test
    void boundsThatHoldTheUnboundedSolutionChangeNothing() {
        Problem p = random(3, new SplittableRandom(1));
        double[] ols = ols(p);
        double[] lo = new double[3];
        double[] hi = new double[3];
        for (int j = 0; j < 3; j++) {
            lo[j] = ols[j] - 1;
            hi[j] = ols[j] + 1;
        }
        double[] c = new Problem(p.phi(), p.z(), lo, hi).solve();
        assertSameCoefficients(p, c, ols);
    }

    @Test
    void aBoxAwayFromTheUnboundedSolutionPinsItsCorner() {
        Problem p = random(2, new SplittableRandom(2));
        double[] ols = ols(p);
        // Both coefficients above their upper bounds, and orthogonal-ish columns: both bounds hold.
        Problem boxed = new Problem(p.phi(), p.z(), new double[] {ols[0] - 10, ols[1] - 10}, new double[] {ols[0] - 5, ols[1] - 5});
        double[] c = boxed.solve();
        double[] ref = reference(boxed);
        assertMinimal(boxed, c, ref);
        assertSameCoefficients(boxed, c, ref);
        assertThat(activeCount(boxed, c)).isGreaterThan(0);
    }

    @Test
    void aFixedCoefficientStaysAtItsValue() {
        Problem p = random(3, new SplittableRandom(3));
        Problem fixed = new Problem(p.phi(), p.z(), new double[] {Double.NEGATIVE_INFINITY, 0.25, Double.NEGATIVE_INFINITY},
                new double[] {Double.POSITIVE_INFINITY, 0.25, Double.POSITIVE_INFINITY});
        double[] c = fixed.solve();
        assertThat(c[1]).isCloseTo(0.25, within(1e-15));
        double[] ref = reference(fixed);
        assertMinimal(fixed, c, ref);
        assertSameCoefficients(fixed, c, ref);
    }

    // --- rank-deficient designs ---

    /** Column {@code copy} replaced by {@code factor} times column {@code of}. */
    static Problem dependent(Problem p, int copy, int of, double factor) {
        double[][] phi = p.phi().clone();
        phi[copy] = Arrays.stream(p.phi()[of]).map(v -> factor * v).toArray();
        return new Problem(phi, p.z(), p.lo(), p.hi());
    }

    @Property(tries = 60, seed = "13")
    void duplicatedColumnsReachTheMinimum(@ForAll @IntRange(min = 2, max = 4) int k, @ForAll @IntRange(min = 0, max = 100_000) int seed,
                                          @ForAll @IntRange(min = 0, max = 3) int factorChoice, @ForAll boolean bounded) {
        SplittableRandom r = new SplittableRandom(seed);
        double factor = new double[] {1, -1, 2.5, -0.01}[factorChoice];
        Problem p = dependent(random(k, r), k - 1, 0, factor);
        if (bounded) {
            p = withRandomBounds(p, r);
        }
        double[] c = p.solve();
        assertMinimal(p, c, reference(p));
    }

    @Property(tries = 40, seed = "13")
    void zeroColumnsReachTheMinimumAndKeepTheirCoefficientInert(@ForAll @IntRange(min = 1, max = 4) int k,
                                                                @ForAll @IntRange(min = 0, max = 100_000) int seed, @ForAll boolean bounded) {
        SplittableRandom r = new SplittableRandom(seed);
        Problem p = random(k, r);
        if (bounded) {
            p = withRandomBounds(p, r);
        }
        int zero = r.nextInt(k);
        p = dependent(p, zero, zero, 0);
        double[] c = p.solve();
        assertMinimal(p, c, reference(p));
        // The documented choice for a coefficient with no effect: 0, clamped into its bounds.
        assertThat(c[zero]).isEqualTo(Math.max(p.lo()[zero], Math.min(p.hi()[zero], 0)));
    }

    @Test
    void moreColumnsThanRowsFitExactly() {
        Problem wide = random(4, new SplittableRandom(4));
        double[] c = new double[4];
        assertThat(new LinearSolve(wide.lo(), wide.hi()).solve(wide.phi(), wide.z(), 3, c)).isTrue();   // first 3 rows only
        double s = 0;
        for (int i = 0; i < 3; i++) {
            double r = -wide.z()[i];
            for (int j = 0; j < 4; j++) {
                r += wide.phi()[j][i] * c[j];
            }
            s += r * r;
        }
        assertThat(Arrays.stream(c).allMatch(Double::isFinite)).isTrue();
        assertThat(0.5 * s).isLessThan(1e-8 * LinearSolve.dot(wide.z(), wide.z(), 3));
    }

    @Test
    void anAllZeroDesignGivesTheClampedZero() {
        double[][] phi = new double[2][ROWS];
        double[] z = new SplittableRandom(5).doubles(ROWS).toArray();
        double[] c = new double[2];
        assertThat(new LinearSolve(new double[] {1, Double.NEGATIVE_INFINITY}, new double[] {2, -3}).solve(phi, z, ROWS, c)).isTrue();
        assertThat(c).containsExactly(1, -3);
    }

    @Test
    void aNonFiniteTargetIsRefused() {
        Problem p = random(2, new SplittableRandom(6));
        p.z()[7] = Double.NaN;
        assertThat(new LinearSolve(p.lo(), p.hi()).solve(p.phi(), p.z(), ROWS, new double[2])).isFalse();
        p.z()[7] = Double.POSITIVE_INFINITY;
        assertThat(new LinearSolve(p.lo(), p.hi()).solve(p.phi(), p.z(), ROWS, new double[2])).isFalse();
    }

    // --- the Kaufman projection ---

    /** After a solve, projectOut removes from v its least-squares fit by the columns left free (inside their bounds). */
    @Property(tries = 40, seed = "13")
    void projectOutRemovesTheFitByTheFreeColumns(@ForAll @IntRange(min = 1, max = 4) int k, @ForAll @IntRange(min = 0, max = 100_000) int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Problem p = withRandomBounds(random(k, r), r);
        LinearSolve solver = new LinearSolve(p.lo(), p.hi());
        double[] c = new double[k];
        assertThat(solver.solve(p.phi(), p.z(), ROWS, c)).isTrue();
        // Free: off both bounds by more than the ulps of dividing a clamped scaled value back.
        int[] free = java.util.stream.IntStream.range(0, k)
                .filter(j -> Math.min(c[j] - p.lo()[j], p.hi()[j] - c[j]) > 1e-12 * Math.abs(c[j])).toArray();
        double[] v = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            v[i] = gaussian(r);
        }
        double[] expected = v.clone();
        if (free.length > 0) {
            RealMatrix x = design(p.phi(), free);
            double[] fit = x.operate(new QRDecomposition(x).getSolver().solve(new ArrayRealVector(v))).toArray();
            for (int i = 0; i < ROWS; i++) {
                expected[i] -= fit[i];
            }
        }
        solver.projectOut(p.phi(), v, ROWS, new double[k]);
        for (int i = 0; i < ROWS; i++) {
            assertThat(v[i]).as("row %d", i).isCloseTo(expected[i], within(1e-12));   // 20,000 seeded cases: ≤ 2.3e-15
        }
    }

    static double gaussian(SplittableRandom r) {
        // Box–Muller, so the generator is the only source of randomness.
        double u = r.nextDouble();
        double w = r.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * w);
    }
}
