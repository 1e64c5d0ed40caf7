package lawsearch.engine.search;

import com.fasterxml.jackson.annotation.JsonProperty;

import lawsearch.evaluator.fit.FitOptions;

/**
 * How hard the search fits each candidate ({@code "fit"} in an options file): the evaluator's
 * {@link FitOptions} without their per-law seed, which is always the law's canonical hash.
 *
 * @param starts        multi-start count for every fit; 0 (default) keeps each law's own setting
 *                      (its {@code starts:} line, which the search evolves among 4, 8 and 12)
 * @param maxIterations Levenberg–Marquardt iterations per start (default 200)
 * @param huberRounds   reweighting rounds of a huber(δ) loss after its least-squares start (default 4)
 */
public record FitEffort(@JsonProperty("starts") int starts,
                        @JsonProperty("max_iterations") int maxIterations,
                        @JsonProperty("huber_rounds") int huberRounds) {

    public static final FitEffort DEFAULT = new FitEffort(0, 200, 4);

    public FitEffort {
        OptionCheck.check(starts >= 0, "fit.starts", "an integer >= 0", starts);
        OptionCheck.check(maxIterations >= 1, "fit.max_iterations", "an integer >= 1", maxIterations);
        OptionCheck.check(huberRounds >= 0, "fit.huber_rounds", "an integer >= 0", huberRounds);
    }

    /** The evaluator's options, seeded by the law's hash where a law is fitted. */
    public FitOptions fitOptions() {
        return new FitOptions(starts, maxIterations, huberRounds, 0);
    }
}
