package lawsearch.engine.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import lawsearch.evaluator.fit.FitOptions;
import lawsearch.evaluator.protocol.FittedLaw;
import lawsearch.evaluator.protocol.Problem;
import lawsearch.evaluator.protocol.Protocol;
import lawsearch.evaluator.protocol.Scored;
import lawsearch.grammar.core.Exprs;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.operators.Grammar;
import lawsearch.grammar.simplify.Canonical;

/**
 * Scores candidates: for each validation split (nested extrapolation folds), the one {@link
 * Protocol} fits on its fit part and scores its held-out largest runs, SLDBench's NMSE averaged over
 * targets; the score is the mean over folds, so a law must extrapolate from more than one vantage point. Fits are cached by the law's canonical hash (law, bounds
 * and fit settings), so a candidate met again — by mutation, crossover or migration — costs nothing.
 * Each fit runs its starts sequentially on the calling thread; the search parallelises across
 * candidates and, on its pool, across each candidate's folds.
 */
public final class Fitness {
    private final List<ValidationSplit> folds;
    private final Map<Long, Score> cache = new ConcurrentHashMap<>();
    /** The cache's scores in the order they joined it (guarded by itself): what is new since a count. */
    private final List<Score> joined = new ArrayList<>();
    /** Indexes in {@link #joined} below {@link #weighed} whose scores still hold their law ({@link #forget}). */
    private List<Integer> holding = new ArrayList<>();
    private int weighed;
    private final FitOptions options;
    private final double parsimony;
    private final Predicate<FittedLaw> screen;
    private final double penalty;

    public Fitness(ValidationSplit split, FitOptions options) {
        this(List.of(split), options);
    }

    public Fitness(List<ValidationSplit> folds, FitOptions options) {
        this(folds, options, SearchOptions.DEFAULTS.parsimony());
    }

    /** {@code parsimony}: the fitness charge per node ({@link SearchOptions#parsimony()}). */
    public Fitness(List<ValidationSplit> folds, FitOptions options, double parsimony) {
        this(folds, options, parsimony, null, 0);
    }

    /**
     * As above, with each law's fit on every fold put to {@code screen}, a law that fails it on any
     * charged {@code penalty} ({@link SearchOptions#unsoundPenalty()}); null: no screen. Without it
     * the search aims at validation error alone and learns only at the end which of its front may
     * be reported: on three real sweeps none of a run's 150 fittest laws passed the checks. Every
     * fold, not only the largest: on an isoFLOP sweep the laws whose fit on the largest fold passed
     * were fitted on all train rows into laws that rose along params at the smallest token count.
     * The charge is finite, not a ban: an unsound law that fits well still breeds, and its parts
     * may make a sound one.
     */
    public Fitness(List<ValidationSplit> folds, FitOptions options, double parsimony, Predicate<FittedLaw> screen,
                   double penalty) {
        this.folds = List.copyOf(folds);
        this.options = options;
        this.parsimony = parsimony;
        this.screen = screen;
        this.penalty = penalty;
    }

    public Score score(Law law) {
        long hash = Canonical.hash(law);
        Score known = cache.get(hash);
        if (known != null) {
            return known.hasLaw() ? known : known.withLaw(law);
        }
        Score s = compute(law, hash);
        Score raced = keep(s);
        return raced != null ? raced : s;
    }

    /** Puts {@code s} in the cache unless its hash is there already; returns the one there, or null. */
    private Score keep(Score s) {
        synchronized (joined) {
            Score there = cache.putIfAbsent(s.hash(), s);
            if (there == null) {
                joined.add(s);
            }
            return there;
        }
    }

    /**
     * Scores {@code laws} on {@code pool}, the same whatever its size: laws that are equal under
     * the canonical form are fitted once, as the first of them in list order, and the cache keeps
     * that one. ({@link #score} from parallel callers would keep whichever finished first: the
     * same value, but perhaps under other parameter names, or fitted from another starting order.)
     */
    public List<Score> scoreAll(List<Law> laws, ForkJoinPool pool) {
        long[] hashes = pool.submit(() -> laws.parallelStream().mapToLong(Canonical::hash).toArray()).join();
        Map<Long, Law> missing = new LinkedHashMap<>();
        for (int i = 0; i < hashes.length; i++) {
            if (!cache.containsKey(hashes[i])) {
                missing.putIfAbsent(hashes[i], laws.get(i));
            }
        }
        List<Map.Entry<Long, Law>> work = new ArrayList<>(missing.entrySet());
        Score[] computed = new Score[work.size()];
        int[] order = longestFirst(work.stream().map(Map.Entry::getValue).toList());
        AtomicInteger next = new AtomicInteger();
        // Each worker takes the next law, the costliest first, so a batch does not end on one long
        // fit started last; one that runs out helps with the other's folds. Scores are kept by index.
        pool.submit(() -> IntStream.range(0, pool.getParallelism()).parallel().forEach(w -> {
            for (int i = next.getAndIncrement(); i < order.length; i = next.getAndIncrement()) {
                int k = order[i];
                computed[k] = compute(work.get(k).getValue(), work.get(k).getKey());
            }
        })).join();
        for (Score s : computed) {
            keep(s);
        }
        return IntStream.range(0, hashes.length).mapToObj(i -> {
            Score s = cache.get(hashes[i]);
            return s.hasLaw() ? s : s.withLaw(laws.get(i));
        }).toList();
    }

    /**
     * The indexes of {@code laws}, costliest fit first by an estimate (nodes × (parameters + 1): a
     * fit's evaluations grow with both), equal estimates in list order.
     */
    static int[] longestFirst(List<Law> laws) {
        long[] cost = laws.stream().mapToLong(l -> (long) Exprs.size(l.expr()) * (l.parameters().size() + 1)).toArray();
        return IntStream.range(0, laws.size()).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> -cost[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }

    /** How many laws have been scored: the count {@link #joinedSince} counts from. */
    public int evaluations() {
        synchronized (joined) {
            return joined.size();
        }
    }

    /** The scores that joined the cache after the first {@code count} (a count {@link #evaluations} gave). */
    public List<Score> joinedSince(int count) {
        synchronized (joined) {
            return List.copyOf(joined.subList(count, joined.size()));
        }
    }

    /** The validation folds every candidate is judged on. */
    public List<ValidationSplit> folds() { return folds; }

    /** The fit options of every fit the search makes. */
    public FitOptions options() { return options; }

    /** Every score; those {@link #forget} let go have no law. */
    public Collection<Score> all() { return cache.values(); }

    /**
     * Lets go of the law of every score among the first {@code upTo} that {@code keep} refuses; their
     * scores stay, so a law met again is not refitted, and the count of laws scored is unchanged. A
     * long run fits millions of laws (data_constrained: some 15 000 a minute) and held each as a
     * tree of about a kilobyte, so an overnight run filled the default heap; the laws a run can still
     * use are few. Only the laws still held are asked, each time: those joined since the last call
     * and those {@code keep} kept then. {@code keep} must refuse for good what it refuses once (the
     * front and the fittest, as the search asks, only ever leave), so the laws held depend on the
     * scores alone, not on when this is called, and a resumed search holds what an uninterrupted one does.
     */
    public void forget(Predicate<Score> keep, int upTo) {
        synchronized (joined) {
            List<Integer> still = new ArrayList<>();
            List<Integer> asked = new ArrayList<>(holding);
            for (int i = weighed; i < Math.min(upTo, joined.size()); i++) {
                asked.add(i);
            }
            for (int i : asked) {
                Score s = joined.get(i);
                if (!s.hasLaw()) {
                    continue;
                }
                if (keep.test(s)) {
                    still.add(i);
                } else {
                    Score bare = s.withoutLaw();
                    joined.set(i, bare);
                    cache.put(bare.hash(), bare);
                }
            }
            holding = still;
            weighed = Math.max(weighed, Math.min(upTo, joined.size()));
        }
    }

    /** Puts scores computed earlier (a checkpoint's) back in the cache: a resumed search refits none of them. */
    public void restore(Collection<Score> scores) {
        scores.forEach(this::keep);
    }

    private Score compute(Law law, long hash) {
        int n = folds.size();
        FittedLaw[] fitted = new FittedLaw[n];
        double[] nmse = new double[n];
        Boolean[] passed = new Boolean[n];
        AtomicBoolean failedScreen = new AtomicBoolean();
        IntStream range = IntStream.range(0, n);
        // On the search's pool the folds are fitted side by side, so the last and slowest law of a
        // batch keeps every core busy instead of one; elsewhere (a caller's own thread) one by one.
        (ForkJoinTask.inForkJoinPool() ? range.parallel() : range).forEach(k -> {
            Problem p = folds.get(k).problem();
            try {
                FittedLaw f = Protocol.fit(law, p, options, null);
                nmse[k] = Protocol.score(f, p).scores().nmse();
                fitted[k] = f;
            } catch (RuntimeException e) {
                return;   // a candidate's numerical trouble is its own, never the run's
            }
            if (screen != null && !failedScreen.get()) {   // once a fold fails, the rest need no screen
                try {
                    passed[k] = screen.test(fitted[k]);
                    failedScreen.compareAndSet(false, !passed[k]);
                } catch (RuntimeException e) {
                    // screened again below, in fold order, where it fails the law as one by one would
                }
            }
        });
        // In fold order, as one by one: a fold that failed to fit or screen ends the sum, and the law
        // is sound if every fold passed the screen up to there (a fold skipped above is screened here).
        double sum = 0;
        boolean sound = true;
        for (int k = 0; k < n; k++) {
            if (fitted[k] == null) {
                sum = Double.NaN;
                break;
            }
            sum += nmse[k];
            try {
                sound = sound && (screen == null || (passed[k] != null ? passed[k] : screen.test(fitted[k])));
            } catch (RuntimeException e) {
                sum = Double.NaN;
                break;
            }
        }
        Problem first = folds.get(0).problem();
        return Score.of(law, hash, sum / n, Exprs.size(law.expr()), law.parameters().size() * first.targets().size(),
                parsimony, sound, penalty);
    }

    /**
     * Each validation row's share of {@code law}'s validation NMSE, fold by fold and target by target
     * in a fixed order, so that the shares of two laws pair up row by row and sum to their scores
     * ({@link Scored#shares()}, divided by the number of folds). Null when a fit fails or a
     * prediction is not finite. Refits the law on every fold: it is meant for the few laws a final
     * choice compares, not for the search.
     */
    public double[] shares(Law law) {
        List<double[]> parts = new ArrayList<>();
        try {
            for (ValidationSplit fold : folds) {
                double[] share = judge(law, fold).shares();
                if (share == null) {
                    return null;
                }
                for (int i = 0; i < share.length; i++) {
                    share[i] /= folds.size();
                }
                parts.add(share);
            }
        } catch (RuntimeException e) {
            return null;
        }
        return parts.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    /** {@code law} fitted on the fold's fit rows (on this thread) and judged on its validation rows. */
    private Scored judge(Law law, ValidationSplit fold) {
        return Protocol.score(Protocol.fit(law, fold.problem(), options, null), fold.problem());
    }
}
