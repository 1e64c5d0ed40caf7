package lawsearch.evaluator.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link Cholesky} against Commons Math's CholeskyDecomposition on random symmetric positive
 * definite matrices, and its documented refusals: a pivot not above {@code minPivot}, or not finite.
 *
 * <p>Tolerances: the matrices are B Bᵀ + m I with B's entries in [-1, 1], so their condition number
 * is at most m + 1 ≤ 11 and two backward-stable factorisations agree to a few ulps: over 20,000
 * seeded matrices L and x matched Commons Math to 4e-16 (relative). 1e-13 leaves a factor of ~250
 * for other summation orders, and stays far below any real error.
 */
class CholeskyTest {

    /** A = B Bᵀ + m I, entries of B uniform in [-1, 1]: SPD with eigenvalues in [m, m + m²]. */
    static double[][] spd(int m, SplittableRandom r) {
        double[][] b = new double[m][m];
        for (double[] row : b) {
            for (int j = 0; j < m; j++) {
                row[j] = 2 * r.nextDouble() - 1;
            }
        }
        double[][] a = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double s = i == j ? m : 0;
                for (int k = 0; k < m; k++) {
                    s += b[i][k] * b[j][k];
                }
                a[i][j] = s;
            }
        }
        return a;
    }

    @Property(tries = 50, seed = "13")
    void factorEqualsCommonsMath(@ForAll @IntRange(min = 1, max = 10) int m, @ForAll @IntRange(min = 0, max = 100_000) int seed) {
        double[][] a = spd(m, new SplittableRandom(seed));
        double[][] l = new double[m][m];
        assertThat(Cholesky.factor(m, (i, j) -> a[i][j], 0, l)).isTrue();
        RealMatrix ref = new CholeskyDecomposition(new Array2DRowRealMatrix(a)).getL();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                assertThat(l[i][j]).as("L[%d][%d]", i, j).isCloseTo(ref.getEntry(i, j), within(1e-13 * Math.sqrt(m)));
            }
        }
    }

    @Property(tries = 50, seed = "13")
    void solveEqualsCommonsMath(@ForAll @IntRange(min = 1, max = 10) int m, @ForAll @IntRange(min = 0, max = 100_000) int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] a = spd(m, r);
        double[] b = new double[m];
        for (int i = 0; i < m; i++) {
            b[i] = 10 * r.nextDouble() - 5;
        }
        double[][] l = new double[m][m];
        assertThat(Cholesky.factor(m, (i, j) -> a[i][j], 0, l)).isTrue();
        double[] x = b.clone();
        Cholesky.solve(l, m, x);
        double[] ref = new CholeskyDecomposition(new Array2DRowRealMatrix(a)).getSolver().solve(new ArrayRealVector(b)).toArray();
        for (int i = 0; i < m; i++) {
            assertThat(x[i]).as("x[%d]", i).isCloseTo(ref[i], within(1e-13 * (1 + Math.abs(ref[i]))));
        }
        for (int i = 0; i < m; i++) {   // and the residual of A x = b itself
            double s = -b[i];
            for (int j = 0; j < m; j++) {
                s += a[i][j] * x[j];
            }
            assertThat(s).isCloseTo(0, within(1e-13 * m * m));
        }
    }

    /** Only the leading m×m block, and in it only entries with i ≥ j, are read: callers pass a lambda over a bigger matrix. */
    @Test
    void readsOnlyTheLowerTriangleOfTheLeadingBlock() {
        double[][] a = spd(4, new SplittableRandom(7));
        double[][] l = new double[6][6];
        Cholesky.Entry lowerOnly = (i, j) -> {
            if (i < j || i >= 4) {
                throw new AssertionError("read (" + i + ", " + j + ")");
            }
            return a[i][j];
        };
        assertThat(Cholesky.factor(4, lowerOnly, 0, l)).isTrue();
        double[] x = {1, 2, 3, 4, 99, 99};
        Cholesky.solve(l, 4, x);
        assertThat(x[4]).isEqualTo(99);
        assertThat(x[5]).isEqualTo(99);
        double[] ref = new CholeskyDecomposition(new Array2DRowRealMatrix(a)).getSolver().solve(new ArrayRealVector(new double[] {1, 2, 3, 4})).toArray();
        for (int i = 0; i < 4; i++) {
            assertThat(x[i]).isCloseTo(ref[i], within(1e-12));
        }
    }

    @Test
    void aSingularMatrixIsRefused() {
        double[][] a = {{1, 1}, {1, 1}};   // second pivot 1 - 1·1 = 0 exactly
        assertThat(Cholesky.factor(2, (i, j) -> a[i][j], 0, new double[2][2])).isFalse();
        double[][] zero = {{0}};
        assertThat(Cholesky.factor(1, (i, j) -> zero[i][j], 0, new double[1][1])).isFalse();
    }

    @Test
    void anIndefiniteMatrixIsRefused() {
        double[][] indefinite = {{1, 2}, {2, 1}};   // eigenvalues 3 and -1: second pivot -3
        assertThat(Cholesky.factor(2, (i, j) -> indefinite[i][j], 0, new double[2][2])).isFalse();
        double[][] negative = {{-1, 0}, {0, 1}};
        assertThat(Cholesky.factor(2, (i, j) -> negative[i][j], 0, new double[2][2])).isFalse();
    }

    /** "Not above minPivot": a pivot equal to it is refused, one just above is accepted. */
    @Test
    void pivotsMustBeStrictlyAboveMinPivot() {
        double[][] a = {{1, 0}, {0, 1e-14}};
        assertThat(Cholesky.factor(2, (i, j) -> a[i][j], 1e-14, new double[2][2])).isFalse();
        assertThat(Cholesky.factor(2, (i, j) -> a[i][j], 0.99e-14, new double[2][2])).isTrue();
        assertThat(Cholesky.factor(2, (i, j) -> a[i][j], 0, new double[2][2])).isTrue();
        // An SPD matrix whose elimination leaves a tiny pivot (1 + 1e-15 - 1) is refused at 1e-14.
        double[][] nearlySingular = {{1, 1}, {1, 1 + 1e-15}};
        assertThat(Cholesky.factor(2, (i, j) -> nearlySingular[i][j], 1e-14, new double[2][2])).isFalse();
    }

    @Test
    void nonFinitePivotsAreRefused() {
        double[][] nan = {{1, 0}, {0, Double.NaN}};
        assertThat(Cholesky.factor(2, (i, j) -> nan[i][j], 0, new double[2][2])).isFalse();
        double[][] inf = {{Double.POSITIVE_INFINITY}};
        assertThat(Cholesky.factor(1, (i, j) -> inf[i][j], 0, new double[1][1])).isFalse();
        double[][] infOff = {{1, 0}, {Double.POSITIVE_INFINITY, 1}};   // pivot 1 - ∞² = -∞
        assertThat(Cholesky.factor(2, (i, j) -> infOff[i][j], 0, new double[2][2])).isFalse();
        double[][] nanOff = {{1, 0}, {Double.NaN, 1}};
        assertThat(Cholesky.factor(2, (i, j) -> nanOff[i][j], 0, new double[2][2])).isFalse();
    }

    @Test
    void anEmptyBlockFactorsAndSolvesToNothing() {
        assertThat(Cholesky.factor(0, (i, j) -> { throw new AssertionError(); }, 0, new double[0][0])).isTrue();
        double[] x = {5};
        Cholesky.solve(new double[1][1], 0, x);
        assertThat(x[0]).isEqualTo(5);
    }
}
