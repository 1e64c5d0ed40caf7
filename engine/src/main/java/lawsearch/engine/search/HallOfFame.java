package lawsearch.engine.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.commons.math3.stat.StatUtils;

import lawsearch.grammar.core.Exprs;
import lawsearch.grammar.core.Law;

/**
 * The Pareto front of validation error against complexity over every candidate scored: for each
 * complexity, the best law no simpler law beats (and the same among the laws that passed the shape screen). Ordered by complexity; ties broken by hash so the
 * front is the same whatever order candidates were scored in.
 */
public record HallOfFame(List<Score> front) {

    public HallOfFame {
        front = List.copyOf(front);
    }

    public static final Comparator<Score> BY_FITNESS = Comparator.comparingDouble(Score::fitness)
            .thenComparingInt(Score::complexity).thenComparingLong(Score::hash);

    /**
     * The front of all the scores, joined by the front of those that passed the search's shape
     * screen ({@link Score#sound()}): a sound law beaten only by unsound ones stays in view, as the
     * law a run may report in their place.
     */
    public static HallOfFame of(Collection<Score> scores) {
        List<Score> sorted = new ArrayList<>(scores);
        sorted.removeIf(Score::failed);
        sorted.sort(Comparator.comparingInt(Score::complexity).thenComparingDouble(Score::validationNmse)
                .thenComparingLong(Score::hash));
        List<Score> front = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        double bestSound = Double.POSITIVE_INFINITY;
        for (Score s : sorted) {
            boolean overall = s.validationNmse() < best;
            boolean amongSound = s.sound() && s.validationNmse() < bestSound;
            if (overall || amongSound) {
                front.add(s);
            }
            best = Math.min(best, s.validationNmse());
            bestSound = s.sound() ? Math.min(bestSound, s.validationNmse()) : bestSound;
        }
        return new HallOfFame(front);
    }

    /** The fittest law of the front: the best trade-off of error and size (the search's own fitness). */
    public Score chosen() {
        return front.stream().min(BY_FITNESS).orElse(null);
    }

    /**
     * The law a run reports: a documented form (a seed law: from a paper or the user) when it
     * validates within two standard errors of the fittest law, the best-validating such form if
     * several do; otherwise the fittest. The standard error is that of the paired difference, row by
     * row over the same validation rows ({@link Fitness#shares}). The fittest law is the best of
     * thousands of candidates, so its lead over any one fixed law is inflated by the noise of those
     * rows it happened to fit; a documented form gives way only to a law the rows tell apart from
     * it at about the 97.5% level (one-sided). One standard error let such a law through: on the
     * demo (search seed 1) a 15-node law led Chinchilla by 1.75 of them and scored test R² 0.99950
     * against Chinchilla's 0.99985. On the seeded parallel task the search's law leads ParScale by
     * 2.3 and is better on test, 0.99997 against 0.99989. (Applied to every simpler law, not only
     * documented ones, the rule returned too simple laws: on sft a 12-node law within one standard
     * error of the 15-node one scored test R² 0.9954 against 0.9980.) When the fittest law is a
     * documented one up to names and order (the same canonical hash), it is reported as its author
     * wrote it: {@code E + A*params^(-alpha) + …}, not the search's {@code c10 + c1*params^c2 + …}.
     */
    public Score reported(List<Score> documented, Function<Law, double[]> shares) {
        Score fittest = chosen();
        if (fittest == null || documented.isEmpty()) {
            return fittest;
        }
        double[] base = shares.apply(fittest.law());
        if (base == null) {
            return fittest;
        }
        for (Score d : documented) {
            if (!d.failed() && d.hash() == fittest.hash()) {
                return d;
            }
        }
        Score kept = null;
        for (Score d : documented) {
            // A form that predicts the held-out runs no better than their mean has learnt nothing there
            // and stands in for no law that has: with 9 held-out runs whose errors sit in a few of them,
            // a floor at validation R² -0.0002 passed the paired test against a bowl at 1.0.
            if (d.failed() || d.validationNmse() >= 1 || (kept != null && d.validationNmse() >= kept.validationNmse())) {
                continue;
            }
            double[] other = shares.apply(d.law());
            if (other != null && other.length == base.length && withinTwoStandardErrors(other, base)) {
                kept = d;
            }
        }
        return kept != null ? kept : fittest;
    }

    /**
     * {@link #reported(List, Function)} (when no seed stands in for the fittest law, the templates
     * no larger than it as it reads, {@link Exprs#sizeUnscaled}, are weighed as seeds are), then the
     * best-validating of {@code templates} if it validates better than both that law and the
     * fittest. A template is a
     * documented family written on any data's columns, not a form someone wrote for these rows: a
     * larger one is spared the search's charge per node (a 17-constant template would never be the
     * fittest) but not given the benefit of the doubt. Given that benefit, on a dense-parameters ×
     * experts table with 49 train rows a Chinchilla floor with a bowl in log(experts) validated at R²
     * 0.986 against the fittest law's 0.996, within two standard errors of so few rows, and scored
     * test R² 0.971 against 0.997. One no larger is what a researcher would write first: on a plain
     * Chinchilla sweep (72 rows, 0.4% noise) the fittest law was {@code A/N^alpha + B/((D/1e10)^c1 +
     * c2)^c3}, its c3 on its bound −4, validating at R² 0.999258 against Chinchilla's 0.999039. But a
     * template that leaves out a column the fittest law reads says the column does nothing, which
     * the folds must show, not grant: on a sweep with a tied-embeddings flag worth 0.03 of loss (0.3%
     * noise) Chinchilla's floor, validating at R² 0.987 against the fittest law's 0.9945, passed the
     * paired test and was reported (test R² 0.9941; the fittest law, reading the flag, 0.9977).
     */
    public Score reported(List<Score> documented, List<Score> templates, Function<Law, double[]> shares) {
        return reported(documented, templates, shares, s -> true);
    }

    /**
     * {@link #reported(List, List, Function)} among the laws {@code sound} admits: the fittest law
     * of the front's sound laws, a sound documented form within two standard errors of it, a sound
     * template that validates better. An unsound law stays on the front but is never reported, unless
     * no law on the front is sound (then the rule runs on all of them, and the run says the law failed).
     * Soundness is asked only of the laws the rule reaches, in the order it weighs them.
     */
    public Score reported(List<Score> documented, List<Score> templates, Function<Law, double[]> shares,
                          Predicate<Score> sound) {
        List<Score> kept = front.stream().filter(sound).toList();
        HallOfFame among = kept.isEmpty() ? this : new HallOfFame(kept);
        Predicate<Score> admitted = kept.isEmpty() ? s -> true : sound;
        Score fittest = among.chosen();
        Score r = among.reported(documented.stream().filter(d -> !d.failed()).filter(admitted).toList(), shares);
        if (r == null) {
            return null;
        }
        if (r == fittest) {   // no seed stood in: a template no larger than the fittest law may, as a seed would
            int size = Exprs.sizeUnscaled(fittest.law().expr());
            List<String> reads = fittest.law().variables();
            r = among.reported(templates.stream().filter(t -> !t.failed() && Exprs.sizeUnscaled(t.law().expr()) <= size)
                    .filter(t -> t.law().variables().containsAll(reads)).filter(admitted).toList(), shares);
        }
        double bar = Math.min(r.validationNmse(), fittest.validationNmse());
        // A stable sort: of templates validating alike, the first listed, as the search met them.
        return templates.stream().filter(t -> !t.failed() && t.validationNmse() < bar)
                .sorted(Comparator.comparingDouble(Score::validationNmse)).filter(admitted).findFirst().orElse(r);
    }

    /** Most laws {@link #reported(List, List, Function, Predicate, Predicate)} passes over as unpinned before it keeps its first choice. */
    static final int MAX_UNPINNED = 4;

    /**
     * {@link #reported(List, List, Function, Predicate)}, passing over a law {@code pinned} rejects as
     * a failed refit is passed over: the rule runs again without it, and the law it then reaches is
     * asked in turn. {@code pinned} costs a bootstrap, so it is asked only of the law the rule
     * reaches. When every law {@code sound} admits is passed over, or {@link #MAX_UNPINNED} are, the
     * first choice stands: an unpinned law is still better than none, or than an unsound one.
     */
    public Score reported(List<Score> documented, List<Score> templates, Function<Law, double[]> shares,
                          Predicate<Score> sound, Predicate<Score> pinned) {
        Score first = reported(documented, templates, shares, sound);
        Set<Long> passed = new HashSet<>();
        Score r = first;
        while (r != null && !pinned.test(r)) {
            passed.add(r.hash());
            Predicate<Score> admitted = s -> !passed.contains(s.hash()) && sound.test(s);
            if (passed.size() > MAX_UNPINNED || front.stream().noneMatch(admitted)) {
                return first;
            }
            r = reported(documented, templates, shares, admitted);
        }
        return r;
    }

    /**
     * Whether the validation folds cannot tell law {@code a} (its {@link Fitness#shares}) from a
     * better or equal law {@code b}: the rule {@link #reported} weighs documented forms by, which
     * the prediction intervals apply to the front's other laws.
     */
    public static boolean indistinguishable(double[] a, double[] b) {
        return a != null && b != null && a.length == b.length && withinTwoStandardErrors(a, b);
    }

    /**
     * Whether Σ(a − b) is at most two standard errors of that sum (rows taken as independent), or
     * below a millionth of Σb: two laws that fit the rows alike (Chinchilla as its author bounds it
     * and as the search writes it) differ by the optimiser's rounding, with no spread to measure.
     */
    static boolean withinTwoStandardErrors(double[] a, double[] b) {
        int n = a.length;
        if (n < 2) {
            return false;
        }
        double mean = StatUtils.meanDifference(a, b);
        return n * mean <= 2 * Math.sqrt(n * StatUtils.varianceDifference(a, b, mean)) || n * mean <= SAME_FIT * StatUtils.sum(b);
    }

    /** Relative difference in validation NMSE below which two laws fit the rows alike. */
    static final double SAME_FIT = 1e-6;
}
