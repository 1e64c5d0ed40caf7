package lawsearch.engine.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import lawsearch.evaluator.soundness.Soundness;

/**
 * Which soundness checks a run's reported law passed ({@link Soundness}, on the train rows'
 * domain): finite over the train box and out to 1000× along the scale variables, monotone along
 * them in the direction the rows show, within the target's natural range. Recorded in fit.json and
 * result.json (absent with {@code --shape none}); {@code detail} names the first failure ("" when sound).
 * {@code frontier_spread}: the reported law's {@link lawsearch.evaluator.uncertainty.FrontierSpread}
 * (absent for the Pareto front's other laws, which are not bootstrapped).
 */
public record ShapeChecks(@JsonProperty("sound") boolean sound,
                          @JsonProperty("finite") boolean finite,
                          @JsonProperty("monotone") boolean monotone,
                          @JsonProperty("in_range") boolean inRange,
                          @JsonProperty("detail") String detail,
                          @JsonInclude(JsonInclude.Include.NON_NULL)
                          @JsonProperty("frontier_spread") Double frontierSpread) {

    /**
     * What a sound verdict vouches for, in words: monotone along the scale variables, out to 1000×
     * and in the limit, only where the run has some (a mixture's proportions have none). "Its limit in
     * range", not "a floor": a rising target's limit is a ceiling.
     */
    public static String soundSummary(boolean scaleVariables) {
        return scaleVariables ? "sound (finite, monotone along the scale variables out to 1000×, in range, with its limit in range)"
                : "sound (finite over the train ranges, in range)";
    }

    /** The checks as the gate's verdict says; null when the checks are off. */
    public static ShapeChecks of(Soundness.Verdict v) {
        return of(v, null);
    }

    /** The checks with the law's frontier spread. */
    public static ShapeChecks of(Soundness.Verdict v, Double frontierSpread) {
        return v == null ? null : new ShapeChecks(v.sound(), v.finite(), v.monotone(), v.inRange(), v.detail(),
                frontierSpread == null || Double.isFinite(frontierSpread) ? frontierSpread : null);
    }
}
