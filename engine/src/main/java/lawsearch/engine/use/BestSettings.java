package lawsearch.engine.use;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import lawsearch.engine.report.FittedRun;
import lawsearch.evaluator.data.Group;

/**
 * Points asked without some hyper-parameters, completed: "what loss will the 10B run reach" is
 * asked at the learning rate and batch size it would be run with, so a column the law reads that
 * is no scale variable (a learning rate, a batch size) may be left out of a point, and is then set to
 * its best value for the group there by {@link TargetPoint#complete} (the law minimised, or maximised
 * for a rising target, over the train range). A point without a group becomes one per group, since
 * each group's best values differ. Only for a run of one target (whose best would a second use?);
 * a missing scale variable is never filled.
 */
public record BestSettings(List<Points.Point> points, List<String> filled) {

    /** {@code group}: --group (null: every group); an unknown one matches none, and the predictor names it. */
    public static BestSettings of(FittedRun run, List<Points.Point> asked, String group, double level) {
        List<Group> groups = run.data().groups().stream().filter(g -> group == null || g.name().equals(group)).toList();
        List<String> law = run.fitted().columns().values().stream().distinct().toList();
        List<String> scale = run.file().scaleVariables() == null ? List.of() : run.file().scaleVariables();
        List<String> filled = new ArrayList<>();
        for (Points.Point p : asked) {
            for (String c : law) {
                if (!p.values().containsKey(c) && !filled.contains(c)) {
                    filled.add(c);
                }
            }
        }
        if (filled.isEmpty() || filled.stream().anyMatch(scale::contains) || run.data().targets().size() > 1) {
            return new BestSettings(asked, List.of());   // nothing to fill, or not ours to: the predictor names what is missing
        }
        String target = run.data().targets().get(0);
        List<Points.Point> out = new ArrayList<>();
        for (Points.Point p : asked) {
            if (law.stream().allMatch(p.values()::containsKey)) {
                out.add(p);
                continue;
            }
            for (Group g : groups) {
                if (p.group() == null || p.group().equals(g.name())) {
                    Map<String, Double> v = TargetPoint.complete(run.fitted(), run.file(), run.data(), g, target, law, p.values(), level);
                    out.add(new Points.Point(Collections.unmodifiableMap(v), g.name()));
                }
            }
        }
        return new BestSettings(List.copyOf(out), List.copyOf(filled));
    }

    /** What was filled, in words, or null. */
    public String note() {
        return filled.isEmpty() ? null : String.join(", ", filled) + ": not given; at " + (filled.size() == 1 ? "its" : "their")
                + " best for each point and group as the law has " + (filled.size() == 1 ? "it" : "them") + " (within the train range)";
    }
}
