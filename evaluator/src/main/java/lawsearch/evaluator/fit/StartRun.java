package lawsearch.evaluator.fit;

import lawsearch.evaluator.interpreter.Bound;
import lawsearch.evaluator.interpreter.Workspace;
import lawsearch.grammar.core.Loss;

/**
 * One start of a multi-start fit, on one group and target: variable projection over θ when the law
 * is separable (else Levenberg–Marquardt over all parameters), then the loss-specific stage —
 * iteratively reweighted rounds for Huber, a log-space polish for log-MSE. Runs on one thread.
 */
final class StartRun {
    private final Plan plan;
    private final FitOptions options;
    private final Bound varpro;
    private final Bound full;
    private final double[] y;
    private final double[] weights;
    private final double[] sqrtWeights;
    private int evaluations;

    StartRun(Plan plan, FitOptions options, Bound varpro, Bound full, double[] y, double[] weights) {
        this.plan = plan;
        this.options = options;
        this.varpro = varpro;
        this.full = full;
        this.y = y;
        this.weights = weights;
        this.sqrtWeights = sqrt(weights);
    }

    private Workspace varproWs;
    private Workspace fullWs;

    FitResult run(double[] start, int index) {
        varproWs = varpro == null ? null : varpro.workspace();
        fullWs = full.workspace();
        try {
            return fit(start, index);
        } finally {
            if (varproWs != null) {
                varpro.release(varproWs);
            }
            full.release(fullWs);
        }
    }

    private FitResult fit(double[] start, int index) {
        Loss loss = plan.law().fit().loss();
        double[] p = leastSquares(start, sqrtWeights);
        if (p != null && loss instanceof Loss.Huber h) {
            for (int round = 0; round < options.huberRounds() && p != null; round++) {
                p = reweighted(p, h.delta(), start);
            }
        }
        if (p != null && loss instanceof Loss.LogMse && allPositive(y)) {
            double[] polished = fullFit(p, sqrtWeights, true);
            p = polished != null ? polished : p;
        }
        if (p == null) {
            return FitResult.failed(plan.params(), evaluations);
        }
        double[] f = predict(p);
        double obj = Objective.of(loss, y, f, weights);
        if (obj == Double.POSITIVE_INFINITY) {
            return FitResult.failed(plan.params(), evaluations);
        }
        return new FitResult(plan.params(), p, obj, lawsearch.evaluator.metrics.Metrics.mse(y, f), index, evaluations);
    }

    /** Weighted least squares from {@code start} (θ for separable laws, all parameters otherwise). */
    private double[] leastSquares(double[] start, double[] sqrtW) {
        if (varpro == null) {
            return fullFit(start, sqrtW, false);
        }
        VarProModel m = new VarProModel(varpro, varproWs, plan.separation().linear().size(), plan.nonlinearBounds(),
                plan.linearBounds(), y, sqrtW);
        double[] u0 = new double[start.length];
        for (int j = 0; j < u0.length; j++) {
            u0[j] = Transform.toInternal(plan.nonlinearBounds().get(j), start[j]);
        }
        Levenberg lm = new Levenberg(m, options.maxIterations());
        double[] u = lm.minimise(u0);
        evaluations += lm.evaluations();
        if (u == null || !m.value(u, new double[y.length])) {
            return null;
        }
        return plan.assemble(m.theta(u), m.linear());
    }

    private double[] fullFit(double[] start, double[] sqrtW, boolean logSpace) {
        FullModel m = new FullModel(full, fullWs, plan.allBounds(), y, sqrtW, logSpace);
        Levenberg lm = new Levenberg(m, options.maxIterations());
        double[] u = lm.minimise(m.internal(start));
        evaluations += lm.evaluations();
        return u == null ? null : m.params(u);
    }

    /** One IRLS round for Huber: rows with residual beyond δ weigh δ/|r|. */
    private double[] reweighted(double[] p, double delta, double[] start) {
        double[] f = predict(p);
        double[] sw = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            double r = Math.abs(y[i] - f[i]);
            double h = r <= delta ? 1 : delta / r;
            sw[i] = Math.sqrt(weights[i] * h);
        }
        if (varpro == null) {
            return fullFit(p, sw, false);
        }
        double[] theta = new double[plan.separation().nonlinear().size()];
        for (int j = 0; j < theta.length; j++) {
            theta[j] = p[plan.params().indexOf(plan.separation().nonlinear().get(j))];
        }
        double[] next = leastSquares(theta, sw);
        return next != null ? next : p;
    }

    double[] predict(double[] p) {
        fullWs.evaluate(p);
        return fullWs.root(0).clone();
    }

    private static double[] sqrt(double[] w) {
        double[] s = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            s[i] = Math.sqrt(w[i]);
        }
        return s;
    }

    private static boolean allPositive(double[] xs) {
        for (double x : xs) {
            if (!(x > 0)) {
                return false;
            }
        }
        return true;
    }
}
