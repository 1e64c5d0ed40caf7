package lawsearch.engine.search;

import lawsearch.grammar.core.Law;

/**
 * A candidate's standing: its validation NMSE (SLDBench's, averaged over targets; +∞ when the fit
 * failed), its complexity (node count), whether it passed the search's shape screen ({@code sound};
 * true when the checks are off) and the search's scalar fitness, lower is better: log(NMSE) plus a
 * parsimony charge per node, so an extra node must buy a relative improvement, plus a fixed charge
 * when it failed the screen.
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

    public boolean failed() { return validationNmse >= FAILED; }
}
