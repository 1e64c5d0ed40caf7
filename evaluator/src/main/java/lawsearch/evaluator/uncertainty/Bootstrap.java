package lawsearch.evaluator.uncertainty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.data.Group;
import lawsearch.evaluator.fit.FitOptions;
import lawsearch.evaluator.protocol.FittedLaw;
import lawsearch.evaluator.protocol.Problem;
import lawsearch.evaluator.protocol.Protocol;
import lawsearch.grammar.core.Law;

/**
 * The constants' uncertainty by the bootstrap: each resample draws, per group, as many clusters of
 * train rows ({@link Clusters}: configurations, repeats kept together) as the group has, with
 * replacement, and the law is refitted on it by the one {@link Protocol}. Resample {@code k} is drawn
 * from a generator seeded by (seed, k) alone and fitted on one thread, so the refits are the same
 * whatever the pool's size and whatever order they finish in.
 */
public final class Bootstrap {
    /** Most resamples: the 5% and 95% quantiles of 200 draws move by a few hundredths of the spread. */
    static final int MAX_RESAMPLES = 200;
    /** Fewest resamples, whatever the cost: below this the tails are guesses. */
    static final int MIN_RESAMPLES = 40;
    /**
     * Rows × constants × starts the bootstrap may spend in all: a fit costs about that product.
     * On lr_bsz (1730 train rows, the 17-constant template, 8 starts) it allows 60 resamples.
     */
    static final double COST_BUDGET = 1.4e7;

    private Bootstrap() { }

    /** A generator seed for the bootstrap of a run seeded {@code runSeed}, distinct from the search's own use of it. */
    public static long seedFor(long runSeed) { return runSeed ^ 0x6A09E667F3BCC908L; }

    /** The resamples {@code law} may have on {@code train}: {@link #COST_BUDGET} over its cost, within bounds. */
    public static int resamples(Law law, Dataset train, FitOptions options) {
        int starts = options.starts() > 0 ? options.starts() : Math.max(1, law.fit().starts());
        double cost = (double) train.trainRows() * Math.max(1, law.parameters().size() * train.targets().size()) * starts;
        return (int) Math.max(MIN_RESAMPLES, Math.min(MAX_RESAMPLES, Math.floor(COST_BUDGET / cost)));
    }

    /** Resample {@code k} of {@code train}'s train rows (test rows are dropped: a bootstrap never sees them). */
    public static Dataset resample(Dataset train, long seed, int k) {
        SplittableRandom rng = new SplittableRandom(mix(seed, k));
        List<Group> groups = new ArrayList<>();
        for (Group g : train.groups()) {
            List<int[]> clusters = Clusters.of(g.train(), train.features());
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < clusters.size(); i++) {
                for (int r : clusters.get(rng.nextInt(clusters.size()))) {
                    rows.add(r);
                }
            }
            Frame f = take(g.train(), rows.stream().mapToInt(Integer::intValue).toArray());
            groups.add(new Group(g.name(), f, Frame.empty(g.train().columns().keySet())));
        }
        return new Dataset(train.source(), train.features(), train.targets(), groups, train.aliases(), train.otherColumns());
    }

    /**
     * {@code count} refits of {@code law} on resamples of {@code train}, resample k at index k; a
     * refit whose fit failed keeps its failed constants, one that threw is null (callers skip both). {@code pool} runs the
     * refits side by side, each on one thread.
     */
    public static List<FittedLaw> refits(Law law, Dataset train, FitOptions options, long seed, int count, ForkJoinPool pool) {
        Dataset rows = train.withoutTest();
        FittedLaw[] out = new FittedLaw[count];
        IntStream ks = IntStream.range(0, count);
        Runnable all = () -> (pool == null ? ks : ks.parallel())
                .forEach(k -> out[k] = refit(law, resample(rows, seed, k), options));
        if (pool == null) {
            all.run();
        } else {
            pool.submit(all).join();
        }
        return java.util.Arrays.asList(out);
    }

    /** One refit on this thread; null when the fitter gives up on a degenerate resample (its numerical trouble is not the run's). */
    private static FittedLaw refit(Law law, Dataset resample, FitOptions options) {
        try {
            return Protocol.fit(law, Problem.trainTest(resample), options, null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The rows {@code idx} of {@code f}, repeats included, in that order. */
    static Frame take(Frame f, int[] idx) {
        Map<String, double[]> cols = new LinkedHashMap<>();
        f.columns().forEach((name, src) -> {
            double[] dst = new double[idx.length];
            for (int i = 0; i < idx.length; i++) {
                dst[i] = src[idx[i]];
            }
            cols.put(name, dst);
        });
        return new Frame(idx.length, cols);
    }

    /** A generator seed for resample k of a run seeded {@code seed} (SplitMix64's finaliser over both). */
    static long mix(long seed, int k) {
        long z = seed * 0x9E3779B97F4A7C15L + (k + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
