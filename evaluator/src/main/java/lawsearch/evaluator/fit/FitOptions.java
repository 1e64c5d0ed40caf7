package lawsearch.evaluator.fit;

/**
 * How hard to fit. {@code starts} overrides the law's own setting when positive. {@code seed} makes
 * the starts deterministic: callers pass the law's canonical hash, so equal laws get equal starts.
 * {@code polish}: each start's Levenberg–Marquardt run goes on from its end with Moré's scaling
 * (Levenberg), for fits that are reported rather than searched with; never a worse fit on its rows.
 */
public record FitOptions(int starts, int maxIterations, int huberRounds, long seed, boolean polish) {

    public static final FitOptions DEFAULT = new FitOptions(0, 200, 4, 0);

    /** Without the polish, as a search fits. */
    public FitOptions(int starts, int maxIterations, int huberRounds, long seed) {
        this(starts, maxIterations, huberRounds, seed, false);
    }

    public FitOptions withStarts(int s) { return new FitOptions(s, maxIterations, huberRounds, seed, polish); }

    public FitOptions withSeed(long s) { return new FitOptions(starts, maxIterations, huberRounds, s, polish); }

    public FitOptions withMaxIterations(int m) { return new FitOptions(starts, m, huberRounds, seed, polish); }

    public FitOptions polished() { return new FitOptions(starts, maxIterations, huberRounds, seed, true); }
}
