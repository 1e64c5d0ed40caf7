package lawsearch.engine.use;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lawsearch.engine.run.FitFile;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Group;
import lawsearch.evaluator.protocol.FittedLaw;
import lawsearch.evaluator.soundness.Domain;
import lawsearch.evaluator.soundness.Roles;
import lawsearch.grammar.core.UserError;

/**
 * The point {@code suggest} judges an interval at: the columns the user gives ({@code --target-at}),
 * by default each of the run's scale variables at {@link #BEYOND} times its largest train value (plus
 * log10 of that for one logged already, below 0: {@link Domain#beyond})
 * (the extrapolation a next experiment should make safer); every other column the law reads at its
 * best value for the group there, the law minimised within the train range (as {@code optimize}
 * does; a column with negative values as written, as there), or, for a column reaching 0 and not
 * below, at the group's train median.
 */
public final class TargetPoint {
    public static final double BEYOND = 10;

    private TargetPoint() { }

    public static Map<String, Double> of(FittedLaw fitted, FitFile file, Dataset data, Group g, String target,
                                         List<String> lawColumns, String targetAt, double level) {
        Map<String, Double> given = Question.assignments(data, targetAt, "--target-at");
        if (targetAt == null) {
            List<String> scale = file.scaleVariables() == null ? List.of() : file.scaleVariables();
            for (String c : lawColumns) {
                if (scale.contains(c)) {
                    FitFile.Range r = file.featureRanges().get(c);
                    given.put(c, Domain.beyond(r.min(), r.max(), BEYOND));   // a logged size (below 0): plus log10(10)
                }
            }
            if (given.isEmpty()) {
                throw new UserError("the run has no scale variable the law reads: give the target point with --target-at");
            }
        }
        return complete(fitted, file, data, g, target, lawColumns, given, level);
    }

    /**
     * {@code given} with every other column the law reads at its best value for the group there:
     * the law minimised (maximised for a rising target) within the train range, or the group's train
     * median for a column reaching 0 and not below. Also how {@code suggest} completes a candidate
     * run planned without its hyper-parameters.
     */
    public static Map<String, Double> complete(FittedLaw fitted, FitFile file, Dataset data, Group g, String target,
                                               List<String> lawColumns, Map<String, Double> fixed, double level) {
        Map<String, Double> given = new LinkedHashMap<>(fixed);
        List<String> searched = new ArrayList<>();
        Map<String, double[]> bounds = new LinkedHashMap<>();
        Set<String> linear = new LinkedHashSet<>();
        for (String c : lawColumns) {
            if (given.containsKey(c)) {
                continue;
            }
            FitFile.Range r = file.featureRanges().get(c);
            boolean asWritten = Roles.asWritten(data, c);
            if ((r.min() > 0 || asWritten) && r.max() > r.min()) {
                searched.add(c);
                bounds.put(c, new double[] {r.min(), r.max()});
                if (asWritten) {
                    linear.add(c);
                }
            } else {
                double[] x = g.train().column(c).clone();
                Arrays.sort(x);
                given.put(c, x[x.length / 2]);
            }
        }
        if (searched.isEmpty()) {
            return given;
        }
        Question q = new Question(searched, given, null, bounds, target, level, Question.falls(data, file, target), linear);
        Map<String, Double> out = new LinkedHashMap<>(given);
        out.putAll(new Optimizer(fitted, data::resolve, q).solve(g, file.featureRanges()).optimum());
        return out;
    }
}
