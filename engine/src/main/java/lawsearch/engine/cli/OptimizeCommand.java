package lawsearch.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import lawsearch.engine.report.FittedRun;
import lawsearch.engine.use.IntervalsFile;
import lawsearch.engine.use.Points;
import lawsearch.engine.use.Predictor;
import lawsearch.engine.use.Optimizer;
import lawsearch.engine.use.Question;
import lawsearch.evaluator.data.Group;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The best settings under a constraint, read off a run's fitted law, with the interval of the loss there. */
@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = "Best settings of the varied columns read off a run's fitted law: a compute-optimal allocation "
                + "(--budget) or hyper-parameters at a new scale (--at), with the predicted loss and its interval.")
public final class OptimizeCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, paramLabel = "RUN_DIR", description = RunUse.RUN_HELP)
    Path run;

    @Option(names = "--vary", required = true, split = ",", paramLabel = "COL", description = "Columns to optimise, comma-separated.")
    List<String> vary;

    @Option(names = "--budget", paramLabel = "EQ", description = "A constraint over varied columns, e.g. \"6*params*tokens = 1e22\".")
    String budget;

    @Option(names = "--at", paramLabel = "COL=V,…", description = "Values of the columns not varied, e.g. \"non_embedding_param_size=7e9,data_size=2e12\".")
    String at;

    @Option(names = "--bounds", paramLabel = "COL=LO..HI,…",
            description = "Search bounds (default: the train range widened " + "10x each side, 1000x under --budget, a scale variable from its smallest train value;"
                    + " a column with negative values, searched as written, one train span each side).")
    String bounds;

    @Option(names = "--group", paramLabel = "G", description = "One group (default: every group).")
    String group;

    @Option(names = "--target", paramLabel = "T", description = "Target column (default: the run's first).")
    String target;

    @Option(names = "--level", paramLabel = "P", defaultValue = "0.9", description = "Interval level (default ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--json", description = "Print a list, one object per group: group, optimum, prediction, lower, upper, "
            + "at_bound, outside_range (and exponents with --budget).")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        FittedRun fr = FittedRun.of(RunUse.run(run, spec));
        String t = RunUse.target(fr, target);
        List<String> lawColumns = fr.fitted().columns().values().stream().distinct().toList();
        Question q = Question.of(fr.data(), fr.file(), lawColumns, vary, at, budget, bounds, t, level);
        Optimizer opt = new Optimizer(fr.fitted(), fr.data()::resolve, q);
        List<Map<String, Object>> out = new ArrayList<>();
        // With the run's intervals.json, the interval at the optimum is predict's (bootstrap, rival laws,
        // held-out errors), so the two commands agree; without it, the delta-method band.
        Path dir = fr.run().dir();
        Predictor predictor = Files.isRegularFile(dir.resolve(IntervalsFile.FILE)) ? new Predictor(fr, IntervalsFile.read(dir, fr.law().parameters())) : null;
        for (Group g : RunUse.groups(fr, group)) {
            Optimizer.Optimum o = opt.solve(g, fr.file().featureRanges());
            Map<String, Object> m = json(o);
            if (predictor != null) {
                Map<String, Double> point = new LinkedHashMap<>(q.at());
                point.putAll(o.optimum());
                Predictor.Forecast f = predictor.predict(List.of(new Points.Point(point, g.name())), g.name(), q.level(), "the optimum")
                        .stream().filter(x -> x.target().equals(t)).findFirst().orElseThrow();
                m.put("lower", f.lower());
                m.put("upper", f.upper());
            }
            out.add(m);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(Output.toJson(out));
        } else {
            table(w, q, out);
        }
        w.flush();
        return 0;
    }

    private static Map<String, Object> json(Optimizer.Optimum o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", o.group());
        m.put("optimum", o.optimum());
        m.put("prediction", o.band().value());
        m.put("lower", o.band().lower());
        m.put("upper", o.band().upper());
        m.put("at_bound", o.atBound());
        m.put("outside_range", o.outside());
        if (o.exponents() != null) {
            m.put("exponents", o.exponents());
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static void table(PrintWriter w, Question q, List<Map<String, Object>> rows) {
        String lvl = Math.round(q.level() * 100) + "%";
        StringBuilder head = new StringBuilder(String.format("%-12s", "group"));
        q.vary().forEach(c -> head.append(String.format(" %14s", c)));
        head.append(String.format(" %12s  %-27s  %s", q.target(), lvl + " interval", "notes"));
        w.println(head);
        for (Map<String, Object> r : rows) {
            StringBuilder line = new StringBuilder(String.format("%-12s", r.get("group")));
            Map<String, Double> x = (Map<String, Double>) r.get("optimum");
            q.vary().forEach(c -> line.append(String.format(" %14.4g", x.get(c))));
            line.append(String.format(" %12.6g  [%.6g, %.6g]", (Double) r.get("prediction"), (Double) r.get("lower"), (Double) r.get("upper")));
            List<String> notes = new ArrayList<>();
            ((List<String>) r.get("at_bound")).forEach(c -> notes.add(c + " at its search bound"));
            ((Map<String, Double>) r.get("outside_range")).forEach((c, f) -> {
                if (f > 1 && q.linear().contains(c)) {   // as written: 1 + train spans beyond
                    notes.add(String.format("%s %.3g train spans outside the train range", c, f - 1));
                } else if (f > 1) {
                    notes.add(String.format("%s %.3gx outside the train range", c, f));
                }
            });
            w.println(line + "  " + String.join("; ", notes));
            if (r.get("exponents") instanceof Map<?, ?> e) {
                StringBuilder s = new StringBuilder("  optimum ∝ budget^a:");
                ((Map<String, Double>) e).forEach((c, a) -> s.append(q.linear().contains(c)
                        ? String.format(" %s (as written) slope=%.4f per log(budget)", c, a) : String.format(" %s a=%.4f", c, a)));
                w.println(s);
            }
        }
    }
}
