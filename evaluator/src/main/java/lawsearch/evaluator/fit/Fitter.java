package lawsearch.evaluator.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.Function;

import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.interpreter.Bound;
import lawsearch.evaluator.interpreter.Program;
import lawsearch.grammar.core.Interval;
import lawsearch.grammar.core.Law;

/**
 * Multi-start bounded nonlinear least squares for one law: every (group, target, start) is an
 * independent task on a ForkJoinPool; the winner per group and target is picked by objective,
 * then start index, so results do not depend on thread count or scheduling.
 */
public final class Fitter {
    private final Plan plan;
    private final FitOptions options;
    private final Function<String, String> column;
    private final List<double[]> starts;
    private final ShiftStarts shifts;

    /** Fitters made in this JVM: how a test shows that a report or export refits nothing. */
    private static final java.util.concurrent.atomic.LongAdder CREATED = new java.util.concurrent.atomic.LongAdder();

    /** {@code column} maps a law variable (or alias) to its frame column, null if unknown. */
    public Fitter(Law law, Function<String, String> column, FitOptions options) {
        CREATED.increment();
        this.plan = Plan.of(law, column);
        this.options = options;
        this.column = column;
        int count = options.starts() > 0 ? options.starts() : law.fit().starts();
        boolean vp = plan.varpro() != null;
        List<Interval> startBounds = vp ? plan.nonlinearBounds() : plan.allBounds();
        this.starts = Starts.of(startBounds, count, options.seed());
        this.shifts = ShiftStarts.of(law.expr(), vp ? plan.separation().nonlinear() : plan.params(), startBounds);
    }

    /** The starts on {@code train}: the law's own, with unbounded shifts of data terms started over the data's values. */
    private List<double[]> startsOn(Frame train) {
        return shifts.isEmpty() ? starts : Starts.of(shifts.on(train, column), starts.size(), options.seed());
    }

    public List<String> parameters() { return plan.params(); }

    /** How many fitters this JVM has made (every fit needs one). */
    public static long created() { return CREATED.sum(); }

    public Program program() { return plan.full(); }

    public int startCount() { return starts.size(); }

    /** A task per start for {@code target} on {@code train}; reduce their results with {@link #best}. */
    public List<Callable<FitResult>> tasks(Frame train, String target) {
        double[] y = train.column(target);
        double[] w = weights(train);
        Bound full = plan.full().bind(cols(plan.full(), train), train.size());
        Bound vp = plan.varpro() == null ? null : plan.varpro().bind(cols(plan.varpro(), train), train.size());
        List<Callable<FitResult>> out = new ArrayList<>();
        List<double[]> frameStarts = startsOn(train);
        for (int s = 0; s < frameStarts.size(); s++) {
            final int index = s;
            final double[] start = frameStarts.get(s);
            out.add(() -> new StartRun(plan, options, vp, full, y, w).run(start, index));
        }
        return out;
    }

    /** The deterministic winner among start results. */
    public FitResult best(List<FitResult> results) {
        FitResult best = FitResult.failed(plan.params(), 0);
        for (FitResult r : results) {
            best = best.better(r);
        }
        return best;
    }

    /** Start tasks for every group and target of {@code data}'s train rows, group-major then target. */
    public List<Callable<FitResult>> allTasks(lawsearch.evaluator.data.Dataset data) {
        return allTasks(data.groups().stream().map(g -> g.train()).toList(), data.targets());
    }

    /** Start tasks for every frame and target, frame-major then target. */
    public List<Callable<FitResult>> allTasks(List<Frame> frames, List<String> targets) {
        List<Callable<FitResult>> out = new ArrayList<>();
        for (Frame f : frames) {
            for (String t : targets) {
                out.addAll(tasks(f, t));
            }
        }
        return out;
    }

    /** As {@link #fitAll(List, List, ForkJoinPool)} on {@code data}'s train rows. */
    public List<FitResult> fitAll(lawsearch.evaluator.data.Dataset data, ForkJoinPool pool) {
        return fitAll(data.groups().stream().map(g -> g.train()).toList(), data.targets(), pool);
    }

    /**
     * Fits every target on every frame, all starts in parallel on the pool (or one after another
     * on this thread when {@code pool} is null, as a search does per candidate); the results come
     * frame-major then target.
     */
    public List<FitResult> fitAll(List<Frame> frames, List<String> targets, ForkJoinPool pool) {
        List<Callable<FitResult>> tasks = allTasks(frames, targets);
        List<FitResult> flat = pool == null ? runInline(tasks) : runAll(tasks, pool);
        List<FitResult> best = new ArrayList<>();
        int s = starts.size();
        for (int i = 0; i < flat.size(); i += s) {
            best.add(best(flat.subList(i, i + s)));
        }
        return best;
    }

    /** Binds the full law to a frame, for repeated evaluation (benchmarks, predictions). */
    public Bound bind(Frame frame) {
        return plan.full().bind(cols(plan.full(), frame), frame.size());
    }

    /** Fits {@code target} on {@code train} with every start on {@code pool}. */
    public FitResult fit(Frame train, String target, ForkJoinPool pool) {
        return best(runAll(tasks(train, target), pool));
    }

    static List<FitResult> runInline(List<Callable<FitResult>> tasks) {
        List<FitResult> out = new ArrayList<>();
        for (Callable<FitResult> t : tasks) {
            try {
                out.add(t.call());
            } catch (Exception e) {
                throw new IllegalStateException("fit failed: " + e, e);
            }
        }
        return out;
    }

    /** Runs tasks on the pool and returns their results in task order. */
    public static List<FitResult> runAll(List<Callable<FitResult>> tasks, ForkJoinPool pool) {
        List<Future<FitResult>> futures = new ArrayList<>();
        for (Callable<FitResult> t : tasks) {
            futures.add(pool.submit(t));
        }
        List<FitResult> out = new ArrayList<>();
        for (Future<FitResult> f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("fit interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("fit failed: " + e.getCause(), e.getCause());
            }
        }
        return out;
    }

    private double[][] cols(Program p, Frame f) {
        return p.columns().stream().map(f::column).toArray(double[][]::new);
    }

    /** Row weights, mean 1: uniform, or growing with a scale variable as the fit settings say. */
    double[] weights(Frame f) {
        return lawsearch.evaluator.data.RowWeights.of(plan.law().fit().weighting(), column, f);
    }
}
