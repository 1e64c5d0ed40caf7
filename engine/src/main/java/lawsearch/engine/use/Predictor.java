package lawsearch.engine.use;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lawsearch.engine.report.FittedRun;
import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.protocol.Prediction;
import lawsearch.evaluator.protocol.FittedLaw;
import lawsearch.evaluator.uncertainty.PredictionInterval;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.UserError;
import lawsearch.grammar.parser.LawFile;

/**
 * The reported law's predictions with intervals, from a run's fit.json and intervals.json alone
 * (nothing is refitted): per point, per group (the point's own, the one asked for, or every group)
 * and per target, the prediction, the interval at {@code level} and how far the point lies outside
 * the train rows.
 */
public final class Predictor {
    /** One prediction. {@code target} is that of the law's single target or one of several. */
    public record Forecast(Map<String, Double> point, String group, String target, double prediction, double lower,
                           double upper, Map<String, Extrapolation> extrapolation) { }

    private final FittedRun run;
    private final IntervalsFile intervals;
    private final List<FittedLaw> rivals;
    private final Map<String, double[]> ranges;

    public Predictor(FittedRun run, IntervalsFile intervals) {
        this.run = run;
        this.intervals = intervals;
        this.ranges = TargetRanges.of(run);
        Set<String> names = run.data().variableNames();
        // A rival reading a column the reported law does not cannot be evaluated at a point that gives
        // only the law's columns (runs before rivals were limited to them, Intervals.rival, hold some).
        Set<String> needed = needed();
        this.rivals = intervals.alternatives().stream().filter(a -> needed.containsAll(a.columns().values()))
                .map(a -> rival(a, names)).toList();
    }

    /** An alternative law with its constants; a vector not of the law's length is refused naming the file (it reads no other way). */
    private static FittedLaw rival(IntervalsFile.Alternative a, Set<String> names) {
        Law l = LawFile.parse(a.lawFile(), IntervalsFile.FILE, names).law();
        Map<String, Map<String, FittedLaw.Stored>> stored = new LinkedHashMap<>();
        a.constants().forEach((g, m) -> {
            Map<String, FittedLaw.Stored> byTarget = new LinkedHashMap<>();
            m.forEach((t, c) -> {
                if (c != null && c.size() != l.parameters().size()) {
                    throw new UserError(IntervalsFile.FILE + ": the constants of alternative " + a.law() + " for group '" + g
                            + "' number " + c.size() + "; the law has " + l.parameters().size());
                }
                byTarget.put(t, new FittedLaw.Stored(IntervalsFile.array(c), 0, 0));
            });
            stored.put(g, byTarget);
        });
        return FittedLaw.restore(l, a.columns(), stored);
    }

    /** The data columns the reported law reads: every point must give them. */
    public Set<String> needed() { return new LinkedHashSet<>(run.fitted().columns().values()); }

    /**
     * Forecasts for {@code points}, in point order, then group order, then target order. {@code
     * group} (null: none) keeps only the points of that group (a point naming another group is left
     * out; one naming none is predicted for it), and it is an error if none is left; otherwise a
     * point is predicted for its own group, or for every group if it names none.
     */
    public List<Forecast> predict(List<Points.Point> points, String group, double level, String where) {
        if (!(level > 0 && level < 1)) {
            throw new UserError("--level: " + level + " is not between 0 and 1 (e.g. 0.9)");
        }
        List<String> groups = run.fitted().groups();
        if (group != null && !groups.contains(group)) {
            throw new UserError("--group: unknown group '" + group + "' (the run's groups: " + String.join(", ", groups) + ")");
        }
        Points.requireAll(points, needed(), where);
        // Per group, the points it predicts, evaluated together: every law and resample runs once per group.
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < points.size(); i++) {
            String own = points.get(i).group();
            if (own != null && group == null && !groups.contains(own)) {
                throw new UserError(where + ": point " + (i + 1) + ": unknown group '" + own + "' (the run's groups: " + String.join(", ", groups) + ")");
            }
            if (group != null && own != null && !own.equals(group)) {
                continue;
            }
            for (String g : group != null ? List.of(group) : own != null ? List.of(own) : groups) {
                byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
            }
        }
        if (byGroup.isEmpty()) {
            throw new UserError("--group: no point of " + where + " is in group '" + group + "' (its points name "
                    + String.join(", ", points.stream().map(Points.Point::group).distinct().toList()) + ")");
        }
        Map<String, Map<Integer, List<Forecast>>> out = new LinkedHashMap<>();
        byGroup.forEach((g, idx) -> out.put(g, forecasts(g, idx, points, level)));
        List<Forecast> flat = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            for (String g : groups) {
                Map<Integer, List<Forecast>> m = out.get(g);
                if (m != null && m.containsKey(i)) {
                    flat.addAll(m.get(i));
                }
            }
        }
        return flat;
    }

    private Map<Integer, List<Forecast>> forecasts(String g, List<Integer> idx, List<Points.Point> points, double level) {
        Frame frame = frame(idx, points);
        FittedLaw fitted = run.fitted();
        Prediction law = new Prediction(fitted.law(), fitted.columns()::get);
        Map<Integer, List<Forecast>> out = new LinkedHashMap<>();
        for (String t : fitted.targets()) {
            double[] center = fitted.predict(g, t, frame);
            List<List<Double>> resamples = intervals.bootstrap().constants().getOrDefault(g, Map.of()).getOrDefault(t, List.of());
            double[][] boot = new double[resamples.size()][];
            for (int b = 0; b < boot.length; b++) {
                double[] p = IntervalsFile.array(resamples.get(b));
                boot[b] = p == null ? null : law.on(frame, p);
            }
            double[][] rival = new double[rivals.size()][];
            for (int j = 0; j < rival.length; j++) {
                rival[j] = rivals.get(j).ok(g, t) ? rivals.get(j).predict(g, t, frame) : null;
            }
            double[] errors = IntervalsFile.doubles(intervals.errors().values().getOrDefault(g, Map.of()).get(t));
            boolean relative = Boolean.TRUE.equals(intervals.errors().relative().get(t));
            for (int k = 0; k < idx.size(); k++) {
                double[] bs = column(boot, k, 0);
                double[] shifts = column(rival, k, center[k]);
                PredictionInterval pi = PredictionInterval.of(center[k], bs, shifts, errors, relative, level);
                Map<String, Double> point = points.get(idx.get(k)).values();
                double[] range = ranges.get(t);
                out.computeIfAbsent(idx.get(k), x -> new ArrayList<>()).add(new Forecast(point, g, t, pi.prediction(),
                        TargetRanges.clip(pi.lower(), range, pi.prediction(), true), TargetRanges.clip(pi.upper(), range, pi.prediction(), false),
                        Extrapolation.of(point, run.file().featureRanges())));
            }
        }
        return out;
    }

    /** Row k of every non-null column, minus {@code minus} (NaN where a fit failed: skipped later). */
    private static double[] column(double[][] values, int k, double minus) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] == null ? Double.NaN : values[i][k] - minus;
        }
        return out;
    }

    private static Frame frame(List<Integer> idx, List<Points.Point> points) {
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (String c : points.get(idx.get(0)).values().keySet()) {
            double[] v = new double[idx.size()];
            for (int k = 0; k < idx.size(); k++) {
                v[k] = points.get(idx.get(k)).values().get(c);
            }
            cols.put(c, v);
        }
        return new Frame(idx.size(), cols);
    }
}
