package lawsearch.engine.search;

import java.util.LinkedHashMap;
import java.util.Map;

import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Law;

/**
 * A candidate's standing: its validation NMSE (SLDBench's, averaged over targets; +∞ when the fit
 * failed), its complexity (node count), whether it passed the search's shape screen ({@code sound};
 * true when the checks are off) and the search's scalar fitness, lower is better: log(NMSE) plus a
 * parsimony charge per node, so an extra node must buy a relative improvement, plus a fixed charge
 * when it failed the screen.
 *
 * <p>{@code law} is null once the search has let the law go ({@link Fitness#forget}): a law neither on
 * the front nor among the fittest can never again be reported, polished or migrated, and its score
 * is kept only to answer the cache when the law is met again, in a few dozen bytes instead of a tree.
 */
public record Score(Law law, long hash, double validationNmse, int complexity, int parameters, double fitness,
                    boolean sound) {

    public Score(Law law, long hash, double validationNmse, int complexity, int parameters, double fitness) {
        this(law, hash, validationNmse, complexity, parameters, fitness, true);
    }

    static final double FAILED = 1e9;

    /**
     * The score of a law with validation NMSE {@code nmse} and {@code complexity} nodes, charged
     * {@code parsimony} per node ({@link SearchOptions#parsimony()}: an extra node must cut
     * validation NMSE by that share; weaker charges let the search fit the noise of a small
     * validation set, as the demo picking a 21-node law over its 15-node generator at 0.01 showed).
     */
    public static Score of(Law law, long hash, double nmse, int complexity, int parameters, double parsimony) {
        return of(law, hash, nmse, complexity, parameters, parsimony, true, 0);
    }

    /** As above, charged {@code penalty} more when the law is not {@code sound} ({@link SearchOptions#unsoundPenalty()}). */
    public static Score of(Law law, long hash, double nmse, int complexity, int parameters, double parsimony,
                           boolean sound, double penalty) {
        double v = Double.isFinite(nmse) && nmse >= 0 ? nmse : FAILED;
        double fitness = Math.log(Math.max(v, 1e-12)) + parsimony * complexity + (sound ? 0 : penalty);
        return new Score(law, hash, v, complexity, parameters, fitness, sound);
    }

    public double validationR2() { return 1 - validationNmse; }

    /**
     * Each expression once, with its best-validating score among {@code scores} (the first of equals),
     * in the order the expressions first appear: a law under several fit settings, as the templates are weighed.
     */
    public static Map<Expr, Score> bestPerExpression(Iterable<Score> scores) {
        Map<Expr, Score> best = new LinkedHashMap<>();
        for (Score s : scores) {
            best.merge(s.law().expr(), s, (a, b) -> b.validationNmse < a.validationNmse ? b : a);
        }
        return best;
    }

    public boolean failed() { return validationNmse >= FAILED; }

    /** Whether the score still holds its law (see the class comment). */
    public boolean hasLaw() { return law != null; }

    /** This score without its law: what the cache keeps of a law it can let go. */
    Score withoutLaw() { return new Score(null, hash, validationNmse, complexity, parameters, fitness, sound); }

    /** This score for {@code l}, a law of the same hash (a cache hit on a score without its law). */
    Score withLaw(Law l) { return new Score(l, hash, validationNmse, complexity, parameters, fitness, sound); }
}
