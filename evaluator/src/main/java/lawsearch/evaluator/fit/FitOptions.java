package lawsearch.evaluator.fit;

/**
 * How hard to fit. {@code starts} overrides the law's own setting when positive. {@code seed} makes
 * the starts deterministic: callers pass the law's canonical hash, so equal laws get equal starts.
 */
public record FitOptions(int starts, int maxIterations, int huberRounds, long seed) {

    public static final FitOptions DEFAULT = new FitOptions(0, 200, 4, 0);

    public FitOptions withStarts(int s) { return new FitOptions(s, maxIterations, huberRounds, seed); }

    public FitOptions withSeed(long s) { return new FitOptions(starts, maxIterations, huberRounds, s); }

    public FitOptions withMaxIterations(int m) { return new FitOptions(starts, m, huberRounds, seed); }
}
