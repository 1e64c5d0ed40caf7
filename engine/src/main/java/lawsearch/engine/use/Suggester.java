package lawsearch.engine.use;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import lawsearch.grammar.core.UserError;

/**
 * The next experiments: greedy selection of candidate runs by how much adding each would narrow
 * its group's interval at the target point ({@link DeltaInterval}: the run's row joins the fit's
 * information; the constants and the residual variance stay as fitted), relative to the interval's
 * width, per unit of cost. Each pick updates its group's information before the next is chosen, so
 * a second run that would pin down the same constant as the first ranks lower. Ties go to the
 * earlier row: deterministic.
 */
public final class Suggester {
    private Suggester() { }

    /**
     * One pick: the candidate, its cost, its group's interval width at the target before and after
     * adding it (and the picks before it), and a one-line reason.
     */
    public record Pick(int rank, Candidates.Row row, double cost, double widthBefore, double widthAfter, String why) {
        public double narrowing() { return 1 - widthAfter / widthBefore; }
    }

    /**
     * Up to {@code n} picks from {@code candidates}. {@code intervals} and {@code targets} are per
     * group: the interval as fitted and the point it is judged at; {@code file} names the candidates in a refusal.
     */
    public static List<Pick> pick(Map<String, DeltaInterval> intervals, Map<String, Map<String, Double>> targets,
                                  List<Candidates.Row> candidates, ToDoubleFunction<Map<String, Double>> cost,
                                  int n, double level, String file) {
        Map<String, DeltaInterval> now = new LinkedHashMap<>(intervals);
        Map<String, double[]> gradient = new LinkedHashMap<>();
        targets.forEach((g, p) -> gradient.put(g, intervals.get(g).gradient(p)));
        double[] costs = new double[candidates.size()];
        for (int i = 0; i < costs.length; i++) {
            costs[i] = cost.applyAsDouble(candidates.get(i).values());
            if (!(costs[i] > 0) || Double.isInfinite(costs[i])) {
                throw new UserError(file + ":" + candidates.get(i).line() + ": the candidate's cost is " + costs[i]
                        + ", not a positive number (--cost, else the product of the scale variables)");
            }
        }
        boolean[] taken = new boolean[candidates.size()];
        List<Pick> picks = new ArrayList<>();
        for (int rank = 1; rank <= n && picks.size() < candidates.size(); rank++) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            DeltaInterval bestAfter = null;
            for (int i = 0; i < candidates.size(); i++) {
                if (taken[i]) {
                    continue;
                }
                Candidates.Row r = candidates.get(i);
                DeltaInterval before = now.get(r.group());
                DeltaInterval after = before.plus(DeltaInterval.frame(r.values()));
                double w0 = before.halfWidth(gradient.get(r.group()), level);
                double w1 = after.halfWidth(gradient.get(r.group()), level);
                double score = (w0 > 0 ? (w0 - w1) / w0 : 0) / costs[i];
                if (score > bestScore) {
                    best = i;
                    bestScore = score;
                    bestAfter = after;
                }
            }
            Candidates.Row r = candidates.get(best);
            DeltaInterval before = now.get(r.group());
            double w0 = 2 * before.halfWidth(gradient.get(r.group()), level);
            double w1 = 2 * bestAfter.halfWidth(gradient.get(r.group()), level);
            picks.add(new Pick(rank, r, costs[best], w0, w1, why(r.group(), before, bestAfter, w0, w1, level)));
            taken[best] = true;
            now.put(r.group(), bestAfter);
        }
        return picks;
    }

    /** The intervals after adding every pick: what the picks are worth together. */
    public static Map<String, DeltaInterval> after(Map<String, DeltaInterval> intervals, List<Pick> picks) {
        Map<String, DeltaInterval> out = new LinkedHashMap<>(intervals);
        for (Pick p : picks) {
            out.put(p.row().group(), out.get(p.row().group()).plus(DeltaInterval.frame(p.row().values())));
        }
        return out;
    }

    private static String why(String group, DeltaInterval before, DeltaInterval after, double w0, double w1, double level) {
        Map<String, Double> s0 = before.standardErrors();
        Map<String, Double> s1 = after.standardErrors();
        List<String> pinned = s0.keySet().stream()
                .filter(k -> s0.get(k) > 0 && 1 - s1.get(k) / s0.get(k) >= 0.01)
                .sorted(Comparator.comparingDouble((String k) -> s1.get(k) / s0.get(k)))
                .limit(2)
                .map(k -> String.format("%s (sd -%.0f%%)", k, 100 * (1 - s1.get(k) / s0.get(k))))
                .toList();
        return String.format("narrows %s's %d%% interval at the target from %.4g to %.4g (-%.1f%%)%s", group,
                Math.round(level * 100), w0, w1, 100 * (1 - w1 / w0),
                pinned.isEmpty() ? "; pins down no constant by 1% or more" : "; pins down " + String.join(", ", pinned));
    }
}
