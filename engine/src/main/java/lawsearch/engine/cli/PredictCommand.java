package lawsearch.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import lawsearch.engine.report.FittedRun;
import lawsearch.engine.use.Defined;
import lawsearch.engine.use.IntervalsFile;
import lawsearch.engine.use.BestSettings;
import lawsearch.engine.use.Points;
import lawsearch.engine.use.Predictor;
import lawsearch.evaluator.fit.FitResult;
import lawsearch.evaluator.protocol.AtBound;
import lawsearch.evaluator.protocol.FittedLaw;
import lawsearch.grammar.core.Interval;
import lawsearch.grammar.core.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A finished run's law predicting new points, with intervals read from the run's intervals.json (nothing is refitted). */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predict with a run's reported law: prediction and interval per point, group and target, "
                + "marking points outside the train rows.")
public final class PredictCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, paramLabel = "RUN_DIR", description = RunUse.RUN_HELP)
    Path run;

    @Option(names = "--at", paramLabel = "POINT", description = "One point: \"params=7e10,tokens=1.4e12\" (feature columns or the task's aliases).")
    String at;

    @Option(names = "--data", paramLabel = "POINTS.csv", description = "Points, one per row (group, split and target columns may be present).")
    Path data;

    @Option(names = "--group", paramLabel = "G", description = "Predict for this group only (default: a row's own group, else every group).")
    String group;

    @Option(names = "--level", paramLabel = "P", defaultValue = "0.9", description = "Interval level, strictly between 0 and 1 (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--json", description = "Print a JSON list, one object per point, group and target.")
    boolean json;

    @Option(names = "--csv", description = "Print CSV, one row per point, group and target.")
    boolean csv;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        if ((at == null) == (data == null)) {
            throw new UserError("predict: give exactly one of --at \"name=value,…\" or --data POINTS.csv");
        }
        if (json && csv) {
            throw new UserError("predict: --json and --csv exclude each other");
        }
        if (!(level > 0 && level < 1)) {
            throw new UserError("--level: " + level + " is not between 0 and 1 (e.g. 0.9)");
        }
        FittedRun fitted = FittedRun.of(RunUse.run(run, spec));
        IntervalsFile intervals = IntervalsFile.read(fitted.run().dir(), fitted.law().parameters());
        var features = fitted.data().features();
        var aliases = fitted.data().aliases();
        List<Points.Point> points = at != null ? Points.at(at, features, aliases)
                : Points.csv(data, features, fitted.data().targets(), aliases);
        String where = at != null ? "--at" : data.toString();
        BestSettings best = BestSettings.of(fitted, points, group, level);
        points = best.points();
        List<Predictor.Forecast> forecasts = new Predictor(fitted, intervals).predict(points, group, level, where);
        for (Predictor.Forecast f : forecasts) {
            if (!Double.isFinite(f.prediction())) {   // which point, looked up only then: a points file may hold thousands
                int i = points.stream().map(Points.Point::values).toList().indexOf(f.point());
                Defined.at(points.size() > 1 ? where + ": point " + (i + 1) : where, f.point(), f.prediction());
            }
        }
        boolean targets = fitted.fitted().targets().size() > 1;
        PrintWriter out = spec.commandLine().getOut();
        if (best.note() != null && (json || csv)) {
            spec.commandLine().getErr().println("lawsearch: " + best.note());   // standard output stays machine-readable
        }
        if (json) {
            out.println(Output.toJson(forecasts.stream().map(f -> object(f, targets)).toList()));
        } else if (csv) {
            printCsv(out, forecasts, targets);
        } else {
            printTable(out, forecasts, targets, fitted.file().scaleVariables(), level, intervals.bootstrap());
            if (best.note() != null) {
                out.println(best.note());
            }
            boundNotes(fitted, intervals.bootstrap(), forecasts.stream().map(Predictor.Forecast::group).collect(Collectors.toSet()))
                    .forEach(out::println);
        }
        out.flush();
        return 0;
    }

    /** One JSON object: the point's values, group, (target,) prediction, lower, upper, extrapolation. */
    static Map<String, Object> object(Predictor.Forecast f, boolean targets) {
        Map<String, Object> m = new LinkedHashMap<>(f.point());
        m.put("group", f.group());
        if (targets) {
            m.put("target", f.target());
        }
        m.put("prediction", f.prediction());
        m.put("lower", f.lower());
        m.put("upper", f.upper());
        m.put("extrapolation", f.extrapolation());
        return m;
    }

    private static String beyond(Predictor.Forecast f) {
        return f.extrapolation().entrySet().stream().map(e -> e.getValue().describe(e.getKey())).collect(Collectors.joining("; "));
    }

    private static void printCsv(PrintWriter out, List<Predictor.Forecast> forecasts, boolean targets) {
        List<String> cols = new ArrayList<>(forecasts.get(0).point().keySet());
        out.println(String.join(",", cols) + ",group" + (targets ? ",target" : "") + ",prediction,lower,upper,extrapolation");
        for (Predictor.Forecast f : forecasts) {
            List<String> cells = new ArrayList<>();
            cols.forEach(c -> cells.add(num(f.point().get(c))));
            cells.add(quote(f.group()));
            if (targets) {
                cells.add(quote(f.target()));
            }
            cells.add(num(f.prediction()));
            cells.add(num(f.lower()));
            cells.add(num(f.upper()));
            cells.add(quote(beyond(f)));
            out.println(String.join(",", cells));
        }
    }

    private static void printTable(PrintWriter out, List<Predictor.Forecast> forecasts, boolean targets, List<String> scale, double level,
                                   IntervalsFile.Resamples boot) {
        List<String> cols = new ArrayList<>(forecasts.get(0).point().keySet());
        List<String> head = new ArrayList<>(cols);
        head.add("group");
        if (targets) {
            head.add("target");
        }
        head.addAll(List.of("prediction", "lower", "upper", "outside train rows"));
        List<List<String>> rows = new ArrayList<>();
        for (Predictor.Forecast f : forecasts) {
            List<String> r = new ArrayList<>();
            cols.forEach(c -> r.add(String.format("%.4g", f.point().get(c))));
            r.add(f.group());
            if (targets) {
                r.add(f.target());
            }
            r.add(String.format("%.6g", f.prediction()));
            r.add(String.format("%.6g", f.lower()));
            r.add(String.format("%.6g", f.upper()));
            r.add(f.extrapolation().isEmpty() ? "-" : beyond(f));
            rows.add(r);
        }
        int[] width = new int[head.size()];
        for (int j = 0; j < width.length; j++) {
            width[j] = head.get(j).length();
            for (List<String> r : rows) {
                width[j] = Math.max(width[j], r.get(j).length());
            }
        }
        print(out, head, width);
        rows.forEach(r -> print(out, r, width));
        String left = boot.outOfRange() > 0
                ? String.format(" (%d of %d refits left out: out of the target's range)", boot.outOfRange(), boot.count()) : "";
        out.println(String.format("%.3g%% intervals: the constants' bootstrap%s, the laws the folds cannot tell apart, held-out errors",
                100 * level, left)
                + (scale.isEmpty() ? "" : "; scale variables " + String.join(", ", scale)));
        // A group whose refits all failed has no bootstrap: its interval is narrower than the line above suggests.
        List<String> none = forecasts.stream().filter(f -> boot.constants().getOrDefault(f.group(), Map.of())
                .getOrDefault(f.target(), List.of()).stream().allMatch(v -> v == null)).map(f -> targets ? f.group() + ": " + f.target() : f.group()).distinct().toList();
        if (!none.isEmpty()) {
            out.println("no bootstrap refits for " + String.join(", ", none) + " (none succeeded): "
                    + (none.size() > 1 ? "their intervals hold" : "its interval holds") + " the rival laws and held-out errors alone");
        }
    }

    /**
     * A line for each constant the reported fit of one of {@code groups} left on a bound
     * ({@link AtBound}), with how many of those groups' bootstrap refits sit on it too: theirs is the
     * bound's value as well, so the interval counts no value past the bound, and is narrower than
     * the rows alone would make it.
     */
    static List<String> boundNotes(FittedRun f, IntervalsFile.Resamples boot, Set<String> groups) {
        Map<String, Map<String, FitResult>> shown = new LinkedHashMap<>(f.fitted().fits());
        shown.keySet().retainAll(groups);
        List<String> out = new ArrayList<>();
        for (AtBound a : AtBound.of(new FittedLaw(f.law(), f.fitted().columns(), shown))) {
            int k = f.law().parameters().indexOf(a.name());
            Interval bounds = f.law().bounds().of(a.name());
            int[] count = new int[2];   // refits on the end, refits
            shown.forEach((g, byTarget) -> byTarget.keySet().forEach(t -> {
                double[] reported = f.fitted().params(g, t);
                if (reported != null && bounds.endAt(reported[k]) == a.bound()) {   // only the fits on this end themselves
                    for (List<Double> c : boot.constants().getOrDefault(g, Map.of()).getOrDefault(t, List.of())) {
                        if (c != null && c.get(k) != null) {
                            count[0] += bounds.endAt(c.get(k)) == a.bound() ? 1 : 0;
                            count[1]++;
                        }
                    }
                }
            }));
            out.add(String.format("at a bound: %s, as are %d of %d refits: the interval counts no value past the bound", a.describe(), count[0], count[1]));
        }
        return out;
    }

    private static void print(PrintWriter out, List<String> cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < cells.size(); j++) {
            b.append(j == 0 ? "" : "  ").append(String.format("%-" + width[j] + "s", cells.get(j)));
        }
        out.println(b.toString().stripTrailing());
    }

    private static String num(Double v) { return v == null || !Double.isFinite(v) ? "" : String.valueOf(v); }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
