package lawsearch.engine.run;


import com.fasterxml.jackson.annotation.JsonProperty;

import lawsearch.evaluator.soundness.Soundness;

/**
 * Which soundness checks a run's reported law passed ({@link Soundness}, on the train rows'
 * domain): finite over the train box and out to 1000× along the scale variables, monotone along
 * them in the direction the rows show, within the target's natural range. Recorded in fit.json and
 * result.json (absent with {@code --shape none}); {@code detail} names the first failure ("" when sound).
 */
public record ShapeChecks(@JsonProperty("sound") boolean sound,
                          @JsonProperty("finite") boolean finite,
                          @JsonProperty("monotone") boolean monotone,
                          @JsonProperty("in_range") boolean inRange,
                          @JsonProperty("detail") String detail) {

    /** The checks as the gate's verdict says; null when the checks are off. */
    public static ShapeChecks of(Soundness.Verdict v) {
        return v == null ? null : new ShapeChecks(v.sound(), v.finite(), v.monotone(), v.inRange(), v.detail());
    }
}
