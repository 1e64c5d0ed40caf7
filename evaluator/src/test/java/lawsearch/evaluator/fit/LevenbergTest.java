package lawsearch.evaluator.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.util.Pair;
import org.junit.jupiter.api.Test;

import net.jqwik.api.Disabled;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import lawsearch.evaluator.interpreter.Bound;
import lawsearch.evaluator.interpreter.Program;
import lawsearch.grammar.core.Bounds;
import lawsearch.grammar.core.Interval;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.parser.LawParser;

/**
 * {@link Levenberg} against Commons Math's {@link LevenbergMarquardtOptimizer} on curve fits with
 * known constants and 1% noise, through the models its callers use: {@link FullModel} (bounds by
 * {@link Transform}) and {@link VarProModel}. Both optimisers start from the same point, the truth
 * perturbed by up to ±30% per constant, where these problems have one minimum.
 *
 * <p>Tolerances. Levenberg stops once a step gains under 1e-8 of the cost, Commons Math at its
 * default relative tolerances of 1e-10, so Levenberg's cost may end a little above. Measured over
 * 600 seeded problems of each kind (cost excess relative to Commons Math's; parameter difference
 * relative to max(|value|, 1)):
 * <ul>
 * <li>interior minima (unbounded, inactive bounds, redundant parameter, variable projection): cost
 *     ≤ 8e-12, parameters ≤ 1e-6;
 * <li>an active bound on a linear parameter (the BVLS in VarProModel): cost ≤ 3.4e-9, parameters
 *     ≤ 1.6e-5;
 * <li>an active bound on the one parameter Levenberg moves, held by {@link Transform} (dp/du vanishes
 *     at the bound, so the approach is slower): cost ≤ 5.7e-7, the parameter within 9e-8 of its bound.
 * </ul>
 * {@link #COST} 1e-7 (10× the stopping rule), {@link #COST_AT_BOUND} 1e-5, {@link #PARAM} 1e-4 and
 * {@link #AT_BOUND} 1e-6 leave a margin of 6 or more over those maxima.
 */
class LevenbergTest {
    static final int ROWS = 40;
    static final int MAX_ITERATIONS = FitOptions.DEFAULT.maxIterations();
    static final double COST = 1e-7;
    static final double COST_AT_BOUND = 1e-5;
    static final double PARAM = 1e-4;
    static final double AT_BOUND = 1e-6;

    /** A curve over x in [1, 100] (log-spaced): its law, parameters in law order, and the ranges its true constants are drawn from. */
    record Shape(String offset, String rest, List<String> names, double[] lo, double[] hi) {
        String law() { return offset == null ? rest : offset + " + " + rest; }

        /** The law with its offset fixed at v, for the reference of an active bound on it. */
        String withOffset(double v) { return v + " + " + rest; }

        double[] truth(SplittableRandom r) {
            double[] t = new double[lo.length];
            for (int j = 0; j < t.length; j++) {
                t[j] = lo[j] + (hi[j] - lo[j]) * r.nextDouble();
            }
            return t;
        }
    }

    static final List<Shape> SHAPES = List.of(
            new Shape("E", "A*x^(-alpha)", List.of("E", "A", "alpha"), new double[] {0.5, 2, 0.3}, new double[] {2, 8, 0.9}),
            new Shape("c", "a*exp(-k*x)", List.of("c", "a", "k"), new double[] {0.5, 1, 0.02}, new double[] {2, 5, 0.1}),
            new Shape(null, "A*(x + x0)^(-alpha)", List.of("A", "x0", "alpha"), new double[] {2, 1, 0.5}, new double[] {8, 5, 1.5}));

    static final double[] X = x();

    static double[] x() {
        double[] x = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            x[i] = Math.pow(100, i / (ROWS - 1.0));
        }
        return x;
    }

    static Plan plan(String law, Bounds bounds) {
        return Plan.of(Law.of(LawParser.parse(law, Set.of("x"))).withBounds(bounds), v -> v);
    }

    static Bound bind(Program program) {
        assertThat(program.columns()).isSubsetOf("x");
        return program.bind(program.columns().isEmpty() ? new double[0][] : new double[][] {X}, ROWS);
    }

    static double[] ones() {
        double[] w = new double[ROWS];
        Arrays.fill(w, 1);
        return w;
    }

    /** The law's full model, as StartRun builds it for a law fitted over all its parameters. */
    static FullModel full(Plan plan, double[] y) {
        Bound b = bind(plan.full());
        return new FullModel(b, b.workspace(), plan.allBounds(), y, ones(), false);
    }

    static FullModel full(String law, Bounds bounds, double[] y) { return full(plan(law, bounds), y); }

    /** The law's values at parameters p. */
    static double[] predict(String law, double[] p) {
        Bound b = bind(plan(law, Bounds.NONE).full());
        var ws = b.workspace();
        ws.evaluate(p);
        return ws.root(0).clone();
    }

    /** y = f(x; truth)·(1 + 1% Gaussian noise). */
    static double[] data(String law, double[] truth, SplittableRandom r) {
        double[] f = predict(law, truth);
        double[] y = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            y[i] = f[i] * (1 + 0.01 * gaussian(r));
        }
        return y;
    }

    static double[] perturbed(double[] truth, SplittableRandom r) {
        double[] s = new double[truth.length];
        for (int j = 0; j < s.length; j++) {
            s[j] = truth[j] * (1 + 0.3 * (2 * r.nextDouble() - 1));
        }
        return s;
    }

    /** ½ Σ (target − value)² at u, as Levenberg computes it. */
    static double cost(Model m, double[] u) {
        double[] f = new double[m.rows()];
        assertThat(m.value(u, f)).as("model finite at %s", Arrays.toString(u)).isTrue();
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            double r = m.target()[i] - f[i];
            s += r * r;
        }
        return 0.5 * s;
    }

    /** Commons Math's Levenberg–Marquardt on the same model from the same start: its minimiser in u. */
    static double[] commonsMath(Model m, double[] u0) {
        int n = m.rows();
        int p = m.dim();
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(u0)
                .target(m.target())
                .model(point -> {
                    double[] u = point.toArray();
                    double[] f = new double[n];
                    m.value(u, f);
                    double[][] byColumn = new double[p][n];
                    m.jacobian(u, byColumn);
                    double[][] byRow = new double[n][p];
                    for (int j = 0; j < p; j++) {
                        for (int i = 0; i < n; i++) {
                            byRow[i][j] = byColumn[j][i];
                        }
                    }
                    return new Pair<>(new ArrayRealVector(f, false), new Array2DRowRealMatrix(byRow, false));
                })
                .maxEvaluations(100_000)
                .maxIterations(100_000)
                .build();
        return new LevenbergMarquardtOptimizer().optimize(problem).getPoint().toArray();
    }

    record Run(double[] u, double cost) { }

    static Run levenberg(Model m, double[] u0) {
        Levenberg lm = new Levenberg(m, MAX_ITERATIONS);
        double[] u = lm.minimise(u0);
        assertThat(u).as("a finite point was found").isNotNull();
        assertThat(Arrays.stream(u).allMatch(Double::isFinite)).as("finite u %s", Arrays.toString(u)).isTrue();
        assertThat(lm.bestCost()).isEqualTo(cost(m, u));
        return new Run(u, lm.bestCost());
    }

    static void assertCostAtMost(double cost, double reference) { assertCostAtMost(cost, reference, COST); }

    static void assertCostAtMost(double cost, double reference, double tolerance) {
        assertThat(cost).as("cost against Commons Math's %s", reference).isLessThanOrEqualTo(reference * (1 + tolerance));
    }

    static void assertParamsAgree(List<String> names, double[] p, double[] reference) {
        for (int j = 0; j < p.length; j++) {
            assertThat(p[j]).as(names.get(j)).isCloseTo(reference[j], within(PARAM * Math.max(1, Math.abs(reference[j]))));
        }
    }

    // --- unbounded ---

    @Property(tries = 30, seed = "13")
    void unboundedFitsReachCommonsMathsMinimum(@ForAll @IntRange(min = 0, max = 2) int shape, @ForAll @IntRange(min = 0, max = 100_000) int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Shape s = SHAPES.get(shape);
        double[] truth = s.truth(r);
        FullModel m = full(s.law(), Bounds.NONE, data(s.law(), truth, r));
        double[] u0 = perturbed(truth, r);
        Run lm = levenberg(m, u0);
        double[] ref = commonsMath(m, u0);
        assertCostAtMost(lm.cost(), cost(m, ref));
        assertParamsAgree(s.names(), m.params(lm.u()), m.params(ref));
    }

    // --- bounds (Transform, as FullModel applies them) ---

    /** Bounds around the truth, wide enough to hold the unbounded minimum: the fit must be the unbounded one. */
    @Property(tries = 30, seed = "13")
    void inactiveBoundsChangeNothing(@ForAll @IntRange(min = 0, max = 2) int shape, @ForAll @IntRange(min = 0, max = 100_000) int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Shape s = SHAPES.get(shape);
        double[] truth = s.truth(r);
        double[] y = data(s.law(), truth, r);
        Bounds bounds = Bounds.NONE;
        for (int j = 0; j < truth.length; j++) {
            double below = truth[j] - (0.5 + r.nextDouble()) * Math.abs(truth[j]);
            double above = truth[j] + (0.5 + r.nextDouble()) * Math.abs(truth[j]);
            bounds = switch (r.nextInt(3)) {
                case 0 -> bounds.with(s.names().get(j), new Interval(below, Double.POSITIVE_INFINITY));
                case 1 -> bounds.with(s.names().get(j), new Interval(Double.NEGATIVE_INFINITY, above));
                default -> bounds.with(s.names().get(j), new Interval(below, above));
            };
        }
        FullModel bounded = full(s.law(), bounds, y);
        FullModel free = full(s.law(), Bounds.NONE, y);
        double[] start = perturbed(truth, r);
        Run lm = levenberg(bounded, bounded.internal(start));
        double[] ref = commonsMath(free, start);
        assertCostAtMost(lm.cost(), cost(free, ref));
        assertParamsAgree(s.names(), bounded.params(lm.u()), free.params(ref));
    }

    /**
     * The offset bounded away from its true value (above it by 0.3, one- or two-sided), on the full
     * model: the fit should put it on the bound, and the rest should be Commons Math's fit with the
     * offset fixed there.
     */
    @Disabled("""
            Levenberg stalls short of the minimum when a parameter held by Transform reaches its bound while \
            other parameters are still moving: at the bound d param/d u = 0, so that Jacobian column and with it \
            Marquardt's damping for it (mu * diag JᵀJ) vanish, the Gauss-Newton step in that u grows like \
            1/cos(u) and overshoots, the rejected steps raise mu until the other parameters' steps are tiny, \
            and the 1e-8 relative-gain rule stops the iteration. Shrunk sample (shape 0, seed 0, two-sided): \
            cost 0.058734 against 0.053839 (Commons Math, offset fixed at the bound), A 4.3478 against 4.3350, \
            alpha 0.35410 against 0.35667; one-sided (hyperbola) cost 0.053861 against 0.053839. \
            Reached through Fitter by the full-model fits (no separable form, the log-MSE polish). \
            No fix here: Moré's non-decreasing scaling would cure the approach to a bound but changes every \
            fit's path, and does not cure a start exactly on a bound (the log-MSE polish starts there). \
            Tried for reported fits only (a second pass with Moré's scaling, 75fbefd): it reached scipy's optimum \
            on data_constrained's A*log(params)^c1 + ... (train MSE 0.07798 -> 0.07757) but moved the benchmark \
            table both ways, data_constrained seed 2 from 0.982 to 0.544 (the same law refitted to a lower train \
            objective); reverted in f3a121f.""")
    @Property(tries = 30, seed = "13")
    void anActiveBoundHoldsItsParameterThere(@ForAll @IntRange(min = 0, max = 1) int shape, @ForAll @IntRange(min = 0, max = 100_000) int seed,
                                              @ForAll boolean twoSided) {
        SplittableRandom r = new SplittableRandom(seed);
        Shape s = SHAPES.get(shape);
        double[] truth = s.truth(r);
        double[] y = data(s.law(), truth, r);
        double bound = truth[0] + 0.3;
        Interval interval = new Interval(bound, twoSided ? bound + 3 : Double.POSITIVE_INFINITY);
        FullModel bounded = full(s.law(), Bounds.NONE.with(s.offset(), interval), y);
        double[] start = perturbed(truth, r);
        start[0] = bound + 0.5;   // inside the bounds
        Run lm = levenberg(bounded, bounded.internal(start));
        double[] p = bounded.params(lm.u());

        FullModel fixed = full(s.withOffset(bound), Bounds.NONE, y);
        double[] ref = commonsMath(fixed, Arrays.copyOfRange(start, 1, start.length));
        assertCostAtMost(lm.cost(), cost(fixed, ref), COST_AT_BOUND);
        assertThat(p[0]).as("%s on its bound", s.offset()).isCloseTo(bound, within(AT_BOUND * Math.max(1, bound)));
        assertParamsAgree(s.names().subList(1, 3), Arrays.copyOfRange(p, 1, 3), fixed.params(ref));
    }

    /**
     * Active bounds as a separable law meets them: on a linear parameter (the offset, held by the BVLS
     * inside VarProModel) or on the only nonlinear one (the exponent or rate, held by Transform), bounded
     * away from its true value. The bounded parameter must sit on its bound and the rest must be
     * Commons Math's fit with it fixed there.
     */
    @Property(tries = 30, seed = "13")
    void activeBoundsUnderVariableProjectionHold(@ForAll @IntRange(min = 0, max = 1) int shape, @ForAll @IntRange(min = 0, max = 100_000) int seed,
                                                 @ForAll boolean onLinear) {
        SplittableRandom r = new SplittableRandom(seed);
        Shape s = SHAPES.get(shape);
        double[] truth = s.truth(r);
        double[] y = data(s.law(), truth, r);
        int held = onLinear ? 0 : 2;
        String name = s.names().get(held);
        double bound = onLinear ? truth[0] + 0.3 : 1.5 * truth[2];
        Plan plan = plan(s.law(), Bounds.NONE.with(name, new Interval(bound, onLinear ? Double.POSITIVE_INFINITY : 4 * bound)));
        assertThat(plan.separation().nonlinear()).containsExactly(s.names().get(2));
        Bound vb = bind(plan.varpro());
        VarProModel vp = new VarProModel(vb, vb.workspace(), plan.separation().linear().size(), plan.nonlinearBounds(),
                plan.linearBounds(), y, ones());
        double[] start = perturbed(truth, r);
        if (!onLinear) {
            start[2] = 2 * bound;   // inside the bounds
        }
        Run lm = levenberg(vp, new double[] {Transform.toInternal(plan.nonlinearBounds().get(0), start[2])});
        vp.value(lm.u(), new double[ROWS]);
        double[] p = plan.assemble(vp.theta(lm.u()), vp.linear());

        String fixedLaw = onLinear ? s.withOffset(bound) : s.offset() + " + " + s.rest().replace(name, "(" + bound + ")");
        FullModel fixed = full(fixedLaw, Bounds.NONE, y);
        double[] free = onLinear ? new double[] {start[1], start[2]} : new double[] {start[0], start[1]};
        double[] ref = commonsMath(fixed, free);
        assertCostAtMost(lm.cost(), cost(fixed, ref), onLinear ? COST : COST_AT_BOUND);
        assertThat(p[held]).as("%s on its bound", name).isCloseTo(bound, within(AT_BOUND * Math.max(1, bound)));
        double[] rest = onLinear ? new double[] {p[1], p[2]} : new double[] {p[0], p[1]};
        assertParamsAgree(onLinear ? s.names().subList(1, 3) : s.names().subList(0, 2), rest, fixed.params(ref));
    }

    // --- rank-deficient Jacobians ---

    /** In E + a*b*x^(-alpha) only the product a·b is determined: JᵀJ is singular at every point. */
    @Property(tries = 30, seed = "13")
    void aRedundantParameterReachesTheMinimum(@ForAll @IntRange(min = 0, max = 100_000) int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Shape power = SHAPES.get(0);
        double[] truth = power.truth(r);
        double[] y = data(power.law(), truth, r);
        FullModel redundant = full("E + a*b*x^(-alpha)", Bounds.NONE, y);
        double[] start = perturbed(truth, r);
        double a = 0.5 + 2 * r.nextDouble();
        Run lm = levenberg(redundant, new double[] {start[0], a, start[1] / a, start[2]});
        double[] p = redundant.params(lm.u());

        FullModel reduced = full(power.law(), Bounds.NONE, y);
        double[] ref = commonsMath(reduced, start);
        assertCostAtMost(lm.cost(), cost(reduced, ref));
        assertParamsAgree(power.names(), new double[] {p[0], p[1] * p[2], p[3]}, reduced.params(ref));
    }

    /** A parameter bounded to one value maps every u to it: its Jacobian column is exactly zero. */
    @Test
    void aPinnedParameterHasAZeroJacobianColumn() {
        SplittableRandom r = new SplittableRandom(17);
        Shape power = SHAPES.get(0);
        double[] truth = power.truth(r);
        double[] y = data(power.law(), truth, r);
        FullModel pinned = full(power.law(), Bounds.NONE.with("E", new Interval(1.25, 1.25)), y);
        double[] start = perturbed(truth, r);
        double[] u0 = pinned.internal(start);
        double[][] jac = new double[3][ROWS];
        pinned.jacobian(u0, jac);
        assertThat(jac[0]).containsOnly(0.0);

        Run lm = levenberg(pinned, u0);
        double[] p = pinned.params(lm.u());
        assertThat(p[0]).isEqualTo(1.25);
        FullModel fixed = full(power.withOffset(1.25), Bounds.NONE, y);
        double[] ref = commonsMath(fixed, Arrays.copyOfRange(start, 1, 3));
        assertCostAtMost(lm.cost(), cost(fixed, ref));
        assertParamsAgree(power.names().subList(1, 3), Arrays.copyOfRange(p, 1, 3), fixed.params(ref));
    }

    // --- variable projection ---

    /** Levenberg over the nonlinear parameters of VarProModel reaches Commons Math's minimum over all parameters. */
    @Property(tries = 30, seed = "13")
    void variableProjectionReachesTheFullMinimum(@ForAll @IntRange(min = 0, max = 2) int shape, @ForAll @IntRange(min = 0, max = 100_000) int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Shape s = SHAPES.get(shape);
        double[] truth = s.truth(r);
        double[] y = data(s.law(), truth, r);
        Plan plan = plan(s.law(), Bounds.NONE);
        assertThat(plan.separation().isSeparable()).isTrue();
        Bound vb = bind(plan.varpro());
        VarProModel vp = new VarProModel(vb, vb.workspace(), plan.separation().linear().size(), plan.nonlinearBounds(),
                plan.linearBounds(), y, ones());
        double[] start = perturbed(truth, r);
        double[] theta0 = plan.separation().nonlinear().stream().mapToDouble(name -> start[s.names().indexOf(name)]).toArray();
        Run lm = levenberg(vp, theta0);
        vp.value(lm.u(), new double[ROWS]);
        double[] p = plan.assemble(vp.theta(lm.u()), vp.linear());

        FullModel free = full(plan, y);
        double[] ref = commonsMath(free, start);
        assertCostAtMost(lm.cost(), cost(free, ref));
        assertParamsAgree(s.names(), p, free.params(ref));
    }

    // --- non-finite points, the iteration limit ---

    /** y = b + log(a)·x: log(a) is not finite for a ≤ 0. */
    static final String LOG_LAW = "b + log(a)*x";

    static double[] logData() {
        SplittableRandom r = new SplittableRandom(23);
        double[] y = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            y[i] = 1 + Math.log(2) * X[i] / 100 * (1 + 0.01 * gaussian(r));
        }
        return y;
    }

    @Test
    void aStartWhereTheModelIsNotFiniteGivesNull() {
        FullModel m = full(LOG_LAW, Bounds.NONE, logData());
        Levenberg lm = new Levenberg(m, MAX_ITERATIONS);
        assertThat(lm.minimise(new double[] {0, -1})).isNull();
        assertThat(lm.bestCost()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    /**
     * From a = 20 log(a) must fall by about 3, and the linearised log(a₀) + Δa/a₀ asks for Δa ≈ −3a₀,
     * below 0: such points are rejected and the damping grows until steps stay finite. The fit is
     * linear least squares in (b, log a), solved by QR for reference.
     */
    @Test
    void stepsToNonFinitePointsAreRejected() {
        double[] y = logData();
        FullModel inner = full(LOG_LAW, Bounds.NONE, y);
        int[] nonFinite = {0};
        Model counting = new Model() {
            @Override public int rows() { return inner.rows(); }
            @Override public int dim() { return inner.dim(); }
            @Override public double[] target() { return inner.target(); }
            @Override public boolean value(double[] u, double[] out) {
                boolean ok = inner.value(u, out);
                nonFinite[0] += ok ? 0 : 1;
                return ok;
            }
            @Override public void jacobian(double[] u, double[][] jac) { inner.jacobian(u, jac); }
        };
        Run lm = levenberg(counting, new double[] {1, 20});
        assertThat(nonFinite[0]).as("non-finite points visited").isPositive();

        double[][] design = new double[ROWS][2];
        for (int i = 0; i < ROWS; i++) {
            design[i][0] = 1;
            design[i][1] = X[i];
        }
        double[] ols = new QRDecomposition(new Array2DRowRealMatrix(design, false)).getSolver().solve(new ArrayRealVector(y)).toArray();
        double[] ref = {ols[0], Math.exp(ols[1])};
        assertCostAtMost(lm.cost(), cost(inner, ref));
        assertParamsAgree(List.of("b", "a"), lm.u(), ref);
    }

    @Test
    void theIterationLimitReturnsTheBestPointSoFar() {
        SplittableRandom r = new SplittableRandom(29);
        Shape power = SHAPES.get(0);
        double[] truth = power.truth(r);
        FullModel m = full(power.law(), Bounds.NONE, data(power.law(), truth, r));
        double[] u0 = perturbed(truth, r);
        double previous = cost(m, u0);
        for (int iterations : new int[] {0, 1, 2, 4, MAX_ITERATIONS}) {
            Levenberg lm = new Levenberg(m, iterations);
            double[] u = lm.minimise(u0);
            assertThat(lm.bestCost()).as("%d iterations", iterations).isEqualTo(cost(m, u)).isLessThanOrEqualTo(previous);
            previous = lm.bestCost();
        }
        assertCostAtMost(previous, cost(m, commonsMath(m, u0)));
    }

    @Test
    void aModelWithoutParametersReturnsItsEmptyStart() {
        FullModel m = full("2*x", Bounds.NONE, logData());
        Levenberg lm = new Levenberg(m, MAX_ITERATIONS);
        assertThat(lm.minimise(new double[0])).isEmpty();
        assertThat(lm.bestCost()).isEqualTo(cost(m, new double[0]));
    }

    static double gaussian(SplittableRandom r) {
        double u = r.nextDouble();
        double w = r.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * w);
    }
}
