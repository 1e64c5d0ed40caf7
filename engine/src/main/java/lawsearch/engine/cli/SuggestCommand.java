package lawsearch.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import lawsearch.engine.report.FittedRun;
import lawsearch.engine.use.Candidates;
import lawsearch.engine.use.DeltaInterval;
import lawsearch.engine.use.Suggester;
import lawsearch.engine.use.Defined;
import lawsearch.engine.use.TargetPoint;
import lawsearch.evaluator.data.Group;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Exprs;
import lawsearch.grammar.core.UserError;
import lawsearch.grammar.interpreter.TreeEvaluator;
import lawsearch.grammar.parser.LawParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The next experiments: candidate runs ranked by how much each would narrow the interval at the target, per cost. */
@Command(name = "suggest", mixinStandardHelpOptions = true,
        description = "Rank candidate runs (a CSV of planned settings, no loss) by how much adding each would narrow "
                + "the fitted law's interval at a target point, per unit of cost; greedy, n picks.")
public final class SuggestCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, paramLabel = "RUN_DIR", description = RunUse.RUN_HELP)
    Path run;

    @Option(names = "--candidates", required = true, paramLabel = "GRID.csv", description = "Candidate runs: the law's columns (and group); a hyper-parameter left out is set to its best value per candidate.")
    Path candidates;

    @Option(names = "--n", paramLabel = "N", defaultValue = "5", description = "Picks (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--cost", paramLabel = "EXPR", description = "Cost of a run over columns (default: the product of the run's scale variables).")
    String cost;

    @Option(names = "--target-at", paramLabel = "COL=V,…",
            description = "The point to predict (default: each scale variable at 10x its largest train value, the other columns at their best within the train range).")
    String targetAt;

    @Option(names = "--group", paramLabel = "G", description = "Only this group's candidates (and the group of rows without one).")
    String group;

    @Option(names = "--target", paramLabel = "T", description = "Target column (default: the run's first).")
    String target;

    @Option(names = "--level", paramLabel = "P", defaultValue = "0.9", description = "Interval level (default ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--json", description = "Print {targets: [{group, point, prediction, lower, upper, width_after}], filled: [column...], picks: [{rank, group, line, point, cost, width_before, width_after, narrowing, why}]}.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        OptionRange.atLeast("--n", n, 1);
        if (!(level > 0 && level < 1)) {
            throw new UserError("--level: must lie strictly between 0 and 1, got " + level);
        }
        FittedRun fr = FittedRun.of(RunUse.run(run, spec));
        String t = RunUse.target(fr, target);
        List<Group> groups = RunUse.groups(fr, group);
        List<String> allGroups = fr.data().groups().stream().map(Group::name).toList();
        List<String> lawColumns = fr.fitted().columns().values().stream().distinct().toList();
        Map<String, String> costColumns = new LinkedHashMap<>();
        ToDoubleFunction<Map<String, Double>> costFn = cost(fr, costColumns);
        LinkedHashSet<String> needed = new LinkedHashSet<>(lawColumns);
        needed.addAll(costColumns.values());
        String defaultGroup = group;   // null: a row without a group is a candidate in every group
        // A hyper-parameter the law reads (no scale variable, not in the cost) may be left out of the
        // candidates: each is then run at its best value for the law, as a researcher would run it.
        List<String> scale = fr.file().scaleVariables() == null ? List.of() : fr.file().scaleVariables();
        Set<String> optional = lawColumns.stream().filter(c -> !scale.contains(c) && !costColumns.containsValue(c))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Candidates read = Candidates.read(candidates, List.copyOf(needed), optional, fr.data().aliases(), defaultGroup, allGroups);
        List<Candidates.Row> rows = read.rows().stream().filter(r -> group == null || r.group().equals(group)).toList();
        if (rows.isEmpty()) {
            throw new UserError(candidates + ": no candidate rows for group " + group);
        }
        Map<String, DeltaInterval> intervals = new LinkedHashMap<>();
        Map<String, Map<String, Double>> targets = new LinkedHashMap<>();
        for (Group g : groups) {
            double[] p = fr.fitted().params(g.name(), t);
            if (p == null) {
                continue;   // a failed fit has no interval to narrow
            }
            intervals.put(g.name(), DeltaInterval.of(fr.law(), fr.data()::resolve, p, g.train(), t));
            targets.put(g.name(), TargetPoint.of(fr.fitted(), fr.file(), fr.data(), g, t, lawColumns, targetAt, level));
            Defined.at(targetAt != null ? "--target-at" : "the target point", targets.get(g.name()),
                    intervals.get(g.name()).value(targets.get(g.name())));
        }
        rows = rows.stream().filter(r -> intervals.containsKey(r.group())).map(r -> read.missing().isEmpty() ? r
                : new Candidates.Row(r.line(), r.group(), Collections.unmodifiableMap(TargetPoint.complete(fr.fitted(), fr.file(), fr.data(),
                        RunUse.group(fr, r.group(), "--group"), t, lawColumns, r.values(), level)))).toList();
        for (Candidates.Row r : rows) {
            Defined.at(candidates + ":" + r.line(), r.values(), intervals.get(r.group()).value(r.values()));
        }
        if (rows.isEmpty()) {
            throw new UserError(candidates + ": no candidate in a group with a fitted law");
        }
        List<Suggester.Pick> picks = Suggester.pick(intervals, targets, rows, costFn, n, level, candidates.toString());
        Map<String, DeltaInterval> after = Suggester.after(intervals, picks);
        print(spec.commandLine().getOut(), intervals, after, targets, picks, read.missing());
        return 0;
    }

    /** The cost function, from --cost or the product of the scale variables; fills {@code columns} with what it reads. */
    private ToDoubleFunction<Map<String, Double>> cost(FittedRun fr, Map<String, String> columns) {
        if (cost == null) {
            List<String> scale = fr.file().scaleVariables() == null ? List.of() : fr.file().scaleVariables();
            scale.forEach(c -> columns.put(c, c));
            return v -> scale.stream().mapToDouble(v::get).reduce(1, (a, b) -> a * b);
        }
        Expr e = LawParser.parse(cost, fr.data().variableNames(), "--cost");
        if (!Exprs.parameters(e).isEmpty()) {
            throw new UserError("--cost: " + Exprs.parameters(e).get(0) + " is not a column (a cost has no free constants)");
        }
        Exprs.variables(e).forEach(v -> columns.put(v, fr.data().resolve(v)));
        return v -> TreeEvaluator.eval(e, name -> v.get(columns.get(name)), p -> Double.NaN);
    }

    private void print(PrintWriter w, Map<String, DeltaInterval> now, Map<String, DeltaInterval> after,
                       Map<String, Map<String, Double>> targets, List<Suggester.Pick> picks, List<String> filled) {
        List<Map<String, Object>> ts = new ArrayList<>();
        targets.forEach((g, p) -> {
            DeltaInterval.Band b = now.get(g).band(p, level);
            DeltaInterval.Band a = after.get(g).band(p, level);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("group", g);
            m.put("point", p);
            m.put("prediction", b.value());
            m.put("lower", b.lower());
            m.put("upper", b.upper());
            m.put("width_after", a.width());
            ts.add(m);
        });
        List<Map<String, Object>> ps = new ArrayList<>();
        for (Suggester.Pick p : picks) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", p.rank());
            m.put("group", p.row().group());
            m.put("line", p.row().line());
            m.put("point", p.row().values());
            m.put("cost", p.cost());
            m.put("width_before", p.widthBefore());
            m.put("width_after", p.widthAfter());
            m.put("narrowing", p.narrowing());
            m.put("why", p.why());
            ps.add(m);
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("targets", ts);
            out.put("filled", filled);
            out.put("picks", ps);
            w.println(Output.toJson(out));
        } else {
            String lvl = Math.round(level * 100) + "%";
            for (Map<String, Object> m : ts) {
                w.printf("target %s at %s: %.6g, %s interval [%.6g, %.6g] (width %.4g; %.4g after the picks)%n", m.get("group"),
                        point(m.get("point")), (Double) m.get("prediction"), lvl, (Double) m.get("lower"),
                        (Double) m.get("upper"), (Double) m.get("upper") - (Double) m.get("lower"), (Double) m.get("width_after"));
            }
            if (!filled.isEmpty()) {
                w.printf("%s: not in %s; each candidate at its best for %s as the law has it (within the train range)%n",
                        String.join(", ", filled), candidates, filled.size() == 1 ? "it" : "them");
            }
            for (Suggester.Pick p : picks) {
                w.printf("%d. line %d, %s %s (cost %.3g): %s%n", p.rank(), p.row().line(), p.row().group(),
                        point(p.row().values()), p.cost(), p.why());
            }
        }
        w.flush();
    }

    private static String point(Object p) {
        List<String> parts = new ArrayList<>();
        ((Map<?, ?>) p).forEach((k, v) -> parts.add(k + "=" + String.format("%.4g", (Double) v)));
        return String.join(",", parts);
    }
}
