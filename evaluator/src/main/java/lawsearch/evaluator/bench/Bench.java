package lawsearch.evaluator.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Group;
import lawsearch.evaluator.fit.FitOptions;
import lawsearch.evaluator.fit.FitResult;
import lawsearch.evaluator.fit.Fitter;
import lawsearch.evaluator.interpreter.Workspace;
import lawsearch.grammar.core.Law;

/**
 * Measures fitting speed the way a search experiences it. A "fit" is one full multi-start fit of a
 * law to every group and target of the train rows. Warm-up first (the JIT must have compiled the
 * kernels), then timed rounds until a minimum wall time has passed.
 */
public final class Bench {
    private final Law law;
    private final Dataset train;
    private final FitOptions options;
    private final double seconds;

    public Bench(Law law, Dataset train, FitOptions options, double seconds) {
        this.law = law;
        this.train = train.withoutTest();
        this.options = options;
        this.seconds = seconds;
    }

    public record Result(double msPerFit, double fitsPerSecond, double nodeEvalsPerSecond, double trainMse,
                         int starts, int threads, int lawNodes, int rows, long fitsTimed) { }

    public Result run(int threads) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            Fitter fitter = new Fitter(law, train::resolve, options);
            double mse = trainMse(fitter.fitAll(train, pool));
            timeFor(seconds / 2, () -> fitter.fitAll(train, pool));                  // warm-up
            double[] latency = timeFor(seconds, () -> fitter.fitAll(train, pool));
            double[] throughput = throughput(fitter, pool, threads);
            double nodes = nodeEvalsPerSecond(fitter);
            return new Result(1000 * latency[1] / latency[0], throughput[0] / throughput[1], nodes, mse,
                    fitter.startCount(), threads, fitter.program().sourceNodes(), train.trainRows(), (long) latency[0]);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Fits per second with the pool kept busy: several fits in flight at once, as in a search. */
    private double[] throughput(Fitter fitter, ForkJoinPool pool, int threads) {
        int inFlight = 2 * threads;
        return timeFor(seconds, () -> {
            List<Callable<FitResult>> all = new ArrayList<>();
            for (int k = 0; k < inFlight; k++) {
                all.addAll(fitter.allTasks(train));
            }
            Fitter.runAll(all, pool);
        }, inFlight);
    }

    /**
     * Law nodes × rows evaluated per second on one core: repeated value-only evaluation of the full
     * law at the fitted constants. Nodes are counted as written in the law (before sharing and
     * hoisting of data-only subtrees), so the figure is what a user's law costs.
     */
    private double nodeEvalsPerSecond(Fitter fitter) {
        Group g = train.groups().get(0);
        String target = train.targets().get(0);
        FitResult r = fitter.fit(g.train(), target, ForkJoinPool.commonPool());
        double[] params = r.params() != null ? r.params() : new double[fitter.parameters().size()];
        Workspace ws = fitter.bind(g.train()).workspace();
        Runnable once = () -> ws.evaluate(params);
        timeFor(0.3, once);
        double[] t = timeFor(Math.max(0.5, seconds / 2), once);
        return t[0] * fitter.program().sourceNodes() * g.train().size() / t[1];
    }

    /** Train MSE pooled over groups and targets (results group-major then target, each weighted by its rows). */
    private double trainMse(List<FitResult> results) {
        double sse = 0;
        long n = 0;
        int i = 0;
        for (Group g : train.groups()) {
            for (int t = 0; t < train.targets().size(); t++) {
                sse += results.get(i++).trainMse() * g.train().size();
                n += g.train().size();
            }
        }
        return sse / n;
    }

    /** Runs {@code task} until {@code secs} have passed; returns {count, elapsed seconds}. */
    private static double[] timeFor(double secs, Runnable task) { return timeFor(secs, task, 1); }

    private static double[] timeFor(double secs, Runnable task, int perCall) {
        long start = System.nanoTime();
        long count = 0;
        double elapsed;
        do {
            task.run();
            count += perCall;
            elapsed = (System.nanoTime() - start) / 1e9;
        } while (elapsed < secs);
        return new double[] {count, elapsed};
    }
}
