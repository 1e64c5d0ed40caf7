package lawsearch.engine.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.protocol.FittedLaw;
import lawsearch.evaluator.soundness.Domain;
import lawsearch.evaluator.soundness.Soundness;

/**
 * Which soundness checks a run's reported law passed ({@link Soundness}, on the train rows'
 * domain): finite over the train box and out to 1000× along the scale variables, monotone along
 * them in the direction the rows show, within the target's natural range. Recorded in fit.json and
 * result.json; {@code detail} names the first failure ("" when sound).
 */
public record ShapeChecks(@JsonProperty("sound") boolean sound,
                          @JsonProperty("finite") boolean finite,
                          @JsonProperty("monotone") boolean monotone,
                          @JsonProperty("in_range") boolean inRange,
                          @JsonProperty("detail") String detail) {

    public static ShapeChecks of(FittedLaw law, Dataset data, List<String> scaleVariables) {
        Dataset train = data.withoutTest();
        Map<String, Domain> domains = new LinkedHashMap<>();
        for (String t : train.targets()) {
            domains.put(t, Domain.of(train, t, scaleVariables));
        }
        Soundness.Verdict v = Soundness.check(law, domains);
        return new ShapeChecks(v.sound(), v.finite(), v.monotone(), v.inRange(), v.detail());
    }
}
