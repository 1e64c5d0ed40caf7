package lawsearch.engine.use;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import lawsearch.engine.run.Discovery;
import lawsearch.engine.run.ShapeGate;
import lawsearch.engine.search.Fitness;
import lawsearch.engine.search.HallOfFame;
import lawsearch.engine.search.Score;
import lawsearch.engine.search.ValidationSplit;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.fit.FitOptions;
import lawsearch.evaluator.protocol.FittedLaw;
import lawsearch.evaluator.protocol.Problem;
import lawsearch.evaluator.protocol.Protocol;
import lawsearch.evaluator.soundness.Soundness;
import lawsearch.evaluator.uncertainty.Bootstrap;
import lawsearch.evaluator.uncertainty.Clusters;
import lawsearch.evaluator.uncertainty.Residuals;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.formatter.LawFileWriter;
import lawsearch.grammar.formatter.Printer;
import lawsearch.grammar.parser.LawFile;

/**
 * Computes a finished run's {@link IntervalsFile} from what the run already has: the reported law,
 * the train rows, the validation folds and the Pareto front. Every piece is a pure function of
 * those and the run's seed, fitted one law per thread, so the file is the same whatever the thread count.
 */
public final class Intervals {
    /** Front laws tested against the reported one, best-validating first (each costs a fit per fold). */
    static final int MAX_CANDIDATES = 8;

    private Intervals() { }

    /** The intervals of a run that chose a law ({@code o.evaluation()} non-null); {@code data} with its test rows, which nothing here reads. */
    public static IntervalsFile compute(Discovery.Outcome o, Dataset data, long seed, int threads) {
        Dataset train = data.withoutTest();
        Fitness fitness = o.fitness();
        FitOptions options = fitness.options();
        Law law = o.evaluation().law();
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            int count = Bootstrap.resamples(law, train, options);
            List<FittedLaw> drawn = o.shape().bootstrap(law, seed);   // the gate's, when it drew these
            List<FittedLaw> refits = drawn != null && drawn.size() == count ? drawn
                    : Bootstrap.refits(law, train, options, Bootstrap.seedFor(seed), count, pool);
            List<FittedLaw> boots = inRangeOnly(refits, o.shape(), pool);
            int outOfRange = (int) IntStream.range(0, count).filter(k -> refits.get(k) != null && boots.get(k) == null).count();
            Map<String, Map<String, List<List<Double>>>> constants = new LinkedHashMap<>();
            for (String g : o.evaluation().fitted().groups()) {
                Map<String, List<List<Double>>> byTarget = new LinkedHashMap<>();
                for (String t : train.targets()) {
                    byTarget.put(t, boots.stream().map(b -> b != null && b.ok(g, t) ? IntervalsFile.list(b.params(g, t)) : null).toList());
                }
                constants.put(g, byTarget);
            }
            var resamples = new IntervalsFile.Resamples(count, outOfRange, Clusters.counts(train), constants);
            List<IntervalsFile.Alternative> alternatives = alternatives(law, o.chosen().hash(), o.search().hallOfFame().front(),
                    fitness, train, options, o.shape(), pool);
            List<Problem> folds = fitness.folds().stream().map(ValidationSplit::problem).toList();
            Map<String, Boolean> relative = Residuals.relative(train);
            Map<String, Map<String, List<Double>>> errors = new LinkedHashMap<>();
            Residuals.heldOut(law, folds, options, relative, pool).forEach((g, m) -> {
                Map<String, List<Double>> row = new LinkedHashMap<>();
                m.forEach((t, e) -> row.put(t, IntervalsFile.list(e)));
                errors.put(g, row);
            });
            return new IntervalsFile(IntervalsFile.FORMAT, seed, resamples, alternatives, new IntervalsFile.Errors(relative, errors));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * {@code refits} with each that does not predict the quantity at all made null, as a failed fit
     * is: one that is not finite, or leaves the target's natural range (a loss below 0), on the
     * checks' grid out to 1000× the largest run ({@link ShapeGate#inRange}). On an isoFLOP sweep 23
     * of 200 refits of {@code (A*params^(-alpha) + B*tokens^(-beta))^c1 + C/tokens^gamma} turned the
     * last term's sign, some predicting losses down to -3e8 at 77× the largest model, where the 90%
     * interval was [-154.6, 2.93] (now [1.41, 2.95]). A refit that only moves the wrong way
     * somewhere stays: its predictions are losses (on lr_bsz 5–8 of the template's 59 refits rise
     * along data_size at the best learning rate and batch size, and leaving them out too cost one
     * run's test rows a tenth of their coverage). The frontier spread ({@link ShapeGate#pinned})
     * still reads every refit. With the checks off every refit is kept.
     */
    static List<FittedLaw> inRangeOnly(List<FittedLaw> refits, ShapeGate shape, ForkJoinPool pool) {
        Predicate<FittedLaw> predicts = shape == null ? null : shape.inRange();
        if (predicts == null) {
            return refits;
        }
        FittedLaw[] kept = new FittedLaw[refits.size()];
        pool.submit(() -> IntStream.range(0, kept.length).parallel().forEach(k -> {
            FittedLaw f = refits.get(k);
            kept[k] = f != null && passes(predicts, f) ? f : null;
        })).join();
        return Arrays.asList(kept);
    }

    private static boolean passes(Predicate<FittedLaw> predicts, FittedLaw f) {
        try {
            return predicts.test(f);
        } catch (RuntimeException e) {   // a refit's numerical trouble is its own: it is left out
            return false;
        }
    }

    /**
     * The front's laws the validation folds cannot tell from {@code law} (HallOfFame's paired rule:
     * within two standard errors, or better), refitted on all train rows. Only the best-validating
     * few are tested; each is judged on one thread, all side by side. {@code hash}: the reported law's
     * canonical hash as the search wrote it ({@code law} may be its readable form), left out. A law
     * the shape gate already fitted on all train rows (same rows and options) keeps that fit.
     */
    static List<IntervalsFile.Alternative> alternatives(Law law, long hash, List<Score> front, Fitness fitness, Dataset train,
                                                        FitOptions options, ShapeGate shape, ForkJoinPool pool) {
        Set<String> reads = Set.copyOf(law.variables());
        List<Score> candidates = front.stream().filter(s -> !s.failed() && s.hash() != hash && rival(s.law(), reads, shape))
                .sorted(Comparator.comparingDouble(Score::validationNmse).thenComparingLong(Score::hash))
                .limit(MAX_CANDIDATES).toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        double[] base = fitness.shares(law);
        if (base == null) {
            return List.of();
        }
        FittedLaw[] kept = new FittedLaw[candidates.size()];
        Problem all = Problem.trainTest(train);
        pool.submit(() -> IntStream.range(0, candidates.size()).parallel().forEach(i -> {
            Law l = candidates.get(i).law();
            if (HallOfFame.indistinguishable(fitness.shares(l), base)) {
                FittedLaw known = shape.fittedIfChecked(l);
                kept[i] = known != null ? known : Protocol.fit(l, all, options, null);
            }
        })).join();
        List<IntervalsFile.Alternative> out = new ArrayList<>();
        for (int i = 0; i < kept.length; i++) {
            if (kept[i] != null) {
                Law l = candidates.get(i).law();
                out.add(new IntervalsFile.Alternative(Printer.printWhere(l.expr()), LawFileWriter.write(new LawFile("", l, "")),
                        finite(candidates.get(i).validationR2()), kept[i].columns(), IntervalsFile.constants(kept[i])));
            }
        }
        return out;
    }

    /**
     * Whether a front law may widen the reported law's interval: it reads no column the reported law
     * does not (a point to predict at gives only those: a rival reading a run's seed index crashed
     * predict), and it passed the shape checks (an unsound rival made a 90% interval at 100× the
     * largest model [-22479, 2.13]). With the checks off every law passes them.
     */
    static boolean rival(Law l, Set<String> reads, ShapeGate shape) {
        if (!reads.containsAll(l.variables())) {
            return false;
        }
        if (shape == null || shape.off()) {
            return true;
        }
        Soundness.Verdict v = shape.verdictIfChecked(l);
        return v != null && v.sound();
    }

    private static Double finite(double v) { return Double.isFinite(v) ? v : null; }
}
