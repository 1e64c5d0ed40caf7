package lawsearch.engine.frontier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.data.Group;
import lawsearch.evaluator.data.RowLines;
import lawsearch.grammar.core.UserError;

/**
 * The compute-optimal frontier of a sweep, as seed 004's notebook builds it: per compute level the
 * run with the smallest target (ties: the earlier run), then the levels below a minimum compute
 * dropped. {@code all} holds every run considered (the one group picked, or all groups).
 */
public record Frontier(List<Run> all, List<Run> points, int levels, int belowMinimum) {

    /**
     * Runs whose compute agrees to this relative difference are one level: a product such as
     * 6*N*D of an IsoFLOP sweep, whose token counts are rounded, is rarely equal to the last bit.
     */
    static final double SAME_LEVEL = 1e-6;

    /**
     * Every run of {@code data} (train and test rows alike), or of {@code group} alone when it is
     * not null; {@code lines} are the file lines of data's rows, which name a run in messages.
     */
    public static List<Run> runs(Dataset data, RowLines lines, Compute compute, String group) {
        if (group != null && data.groups().stream().noneMatch(g -> g.name().equals(group))) {
            throw new UserError("--group: no group '" + group + "' in " + data.source() + " (groups: "
                    + String.join(", ", data.groups().stream().map(Group::name).toList()) + ")");
        }
        String target = data.targets().get(0);
        List<Run> out = new ArrayList<>();
        for (Group g : data.groups()) {
            if (group != null && !g.name().equals(group)) {
                continue;
            }
            for (boolean test : new boolean[] {false, true}) {
                Frame f = test ? g.test() : g.train();
                for (int i = 0; i < f.size(); i++) {
                    Map<String, Double> row = new LinkedHashMap<>();
                    for (String c : data.features()) {
                        row.put(c, f.column(c)[i]);
                    }
                    String where = data.source() + ":" + lines.of(g.name(), test, i);
                    double c = compute.of(row);
                    if (!Double.isFinite(c)) {
                        throw new UserError(where + ": --compute " + compute.text() + " is " + c);
                    }
                    out.add(new Run(out.size(), g.name(), c, f.column(target)[i], row, where));
                }
            }
        }
        return out;
    }

    /** The frontier of {@code runs}; levels with compute below {@code minCompute} are dropped. */
    public static Frontier of(List<Run> runs, double minCompute) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(Run::compute).thenComparingInt(Run::index));
        List<Run> best = new ArrayList<>();
        double levelStart = Double.NaN;
        for (Run r : sorted) {
            boolean sameLevel = !best.isEmpty() && r.compute() - levelStart <= SAME_LEVEL * Math.abs(levelStart);
            if (!sameLevel) {
                best.add(r);
                levelStart = r.compute();
            } else if (r.target() < best.get(best.size() - 1).target()
                    || (r.target() == best.get(best.size() - 1).target() && r.index() < best.get(best.size() - 1).index())) {
                best.set(best.size() - 1, r);
            }
        }
        List<Run> kept = best.stream().filter(r -> r.compute() >= minCompute).toList();
        return new Frontier(List.copyOf(runs), kept, best.size(), best.size() - kept.size());
    }

    /**
     * The checks every fit needs: enough points, and positive values for the log-log view. A value
     * that is not is named by the run's file line and where it came from: {@code compute} (the
     * --compute text) or {@code target} (the column).
     */
    public void requireFittable(int minimum, String why, Compute compute, String target) {
        if (points.size() < minimum) {
            throw new UserError("only " + points.size() + " frontier point" + (points.size() == 1 ? "" : "s")
                    + " left (" + levels + " compute level" + (levels == 1 ? "" : "s") + ", " + belowMinimum
                    + " below --min-compute); " + why + " needs at least " + minimum);
        }
        for (Run r : points) {
            if (!(r.compute() > 0)) {
                throw new UserError(r.where() + ": compute must be positive (logs are taken), got " + r.compute()
                        + " from --compute " + compute.text());
            }
            if (!(r.target() > 0)) {
                throw new UserError(r.where() + ": the target must be positive (logs are taken), got " + r.target()
                        + " in column '" + target + "'");
            }
        }
    }
}
