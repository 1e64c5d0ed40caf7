package lawsearch.engine.search;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How {@link Folds} cuts validation folds from the train rows ({@code "folds"} in an options file).
 *
 * @param axisMin        a per-variable fold holds out a group's largest values of the variable, whole
 *                       values from the top, until at least this share of its rows (default 0.1)
 * @param axisMax        ... and holds out nothing of a group where that takes more than this share
 *                       (one value dominates: nothing would be left to fit on; default 0.4)
 * @param randomFolds    without scale variables, how many disjoint random fifths are held out in
 *                       turn (1–5; default 3)
 * @param jointFractions with fewer than two usable scale axes, one joint fold per fraction, holding
 *                       out that share of each group's largest runs by summed log-scale (each in
 *                       (0, 0.5]; default [0.2, 0.1]: nested, two vantage points)
 * @param jointWithAxes  with two or more scale axes, also hold out the first joint fraction's
 *                       largest runs by summed log-scale (the diagonal: an isoFLOP sweep's next
 *                       compute levels lie beyond the train rows along no single axis; default true)
 */
public record FoldRules(@JsonProperty("axis_min") double axisMin,
                        @JsonProperty("axis_max") double axisMax,
                        @JsonProperty("random_folds") int randomFolds,
                        @JsonProperty("joint_fractions") List<Double> jointFractions,
                        @JsonProperty("joint_with_axes") boolean jointWithAxes) {

    public static final FoldRules DEFAULT = new FoldRules(0.1, 0.4, 3, List.of(0.2, 0.1), true);

    public FoldRules {
        OptionCheck.check(axisMin > 0 && axisMin < 1, "folds.axis_min", "a number in (0, 1)", axisMin);
        OptionCheck.check(axisMax >= axisMin && axisMax < 1, "folds.axis_max", "a number in [axis_min, 1)", axisMax);
        OptionCheck.check(randomFolds >= 1 && randomFolds <= 5, "folds.random_folds", "an integer from 1 to 5 (the folds are fifths)", randomFolds);
        OptionCheck.check(jointFractions != null && !jointFractions.isEmpty(), "folds.joint_fractions",
                "a non-empty array", jointFractions);
        for (Double f : jointFractions) {
            OptionCheck.check(f != null && f > 0 && f <= 0.5, "folds.joint_fractions", "fractions in (0, 0.5]", f);
        }
        jointFractions = List.copyOf(jointFractions);
    }
}
