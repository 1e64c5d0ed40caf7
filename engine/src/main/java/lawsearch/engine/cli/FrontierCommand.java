package lawsearch.engine.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;

import lawsearch.engine.frontier.Compute;
import lawsearch.engine.frontier.FloorFit;
import lawsearch.engine.frontier.Forecast;
import lawsearch.engine.frontier.Frontier;
import lawsearch.engine.frontier.FrontierPlot;
import lawsearch.engine.frontier.PowerFit;
import lawsearch.engine.frontier.Run;
import lawsearch.engine.io.AtomicFiles;
import lawsearch.evaluator.data.CsvLoader;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.LoadOptions;
import lawsearch.grammar.core.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Seed 004's notebook as a command: the best run per compute level, a law of the target in compute
 * fitted through them, its prediction at a larger compute with an interval, and the frontier runs'
 * other columns against compute (the configuration trend one reads off to choose the next run).
 */
@Command(name = "frontier", mixinStandardHelpOptions = true,
        description = "Fit the compute-optimal frontier (best run per compute level) and predict the target at a larger compute.")
public final class FrontierCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV of runs (every row is used: train and test alike).")
    Path data;

    @Option(names = "--target", required = true, paramLabel = "COL", description = "The column to minimise and predict (the loss).")
    String target;

    @Option(names = "--compute", required = true, paramLabel = "COL|EXPR", description = "Compute: a column, or an expression over columns such as 6*params*tokens.")
    String compute;

    @Option(names = "--min-compute", paramLabel = "C", description = "Drop compute levels below C.")
    double minCompute = Double.NEGATIVE_INFINITY;

    @Option(names = "--form", paramLabel = "FORM", description = "power (log L linear in log C, default) or floor (L = E + A*C^(-alpha)).")
    String form = "power";

    @Option(names = "--at", required = true, paramLabel = "C", description = "The compute to predict the target at.")
    double at;

    @Option(names = "--level", paramLabel = "P", description = "Prediction interval level (default ${DEFAULT-VALUE}).")
    double level = 0.9;

    @Option(names = "--group", paramLabel = "G", description = "Use only this group's runs (default: all rows, one frontier).")
    String group;

    @Option(names = "--svg", paramLabel = "FILE", description = "Where to write the log-log plot (default ${DEFAULT-VALUE}).")
    Path svg = Path.of("frontier.svg");

    @Option(names = "--json", description = "Print one JSON object: form, constants, prediction, lower, upper, level, at, points.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        if (!form.equals("power") && !form.equals("floor")) {
            throw new UserError("--form: unknown form '" + form + "' (power or floor)");
        }
        if (!(at > 0) || Double.isInfinite(at)) {
            throw new UserError("--at must be a positive compute, got " + at);
        }
        if (!(level > 0 && level < 1)) {
            throw new UserError("--level must lie strictly between 0 and 1, got " + level);
        }
        if (svg.toString().isBlank()) {   // an empty name resolves to the current folder
            throw new UserError("--svg: give a file name (default frontier.svg)");
        }
        CsvLoader.Loaded loaded = CsvLoader.read(data, LoadOptions.of(target));
        Dataset ds = loaded.data();
        Set<String> columns = new LinkedHashSet<>(ds.features());
        Compute c = Compute.parse(compute, columns, target);
        Frontier f = Frontier.of(Frontier.runs(ds, loaded.lines(), c, group), minCompute);
        f.requireFittable(form.equals("power") ? 3 : 4, form.equals("power") ? "the power form (2 constants)" : "the floor form (3 constants)",
                c, target);
        String label = c.label(columns);
        Forecast fc = forecast(f, label);
        AtomicFiles.write(svg, FrontierPlot.svg(f, fc, label, target));
        List<Map<String, Object>> points = points(f, c, label, ds.groups().size() > 1);
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("form", fc.form());
            out.put("equation", fc.equation());
            out.put("constants", fc.constants());
            out.put("prediction", fc.prediction());
            out.put("lower", fc.lower());
            out.put("upper", fc.upper());
            out.put("level", fc.level());
            out.put("at", fc.at());
            out.put("interval", fc.method());
            out.put("compute", compute);
            out.put("target", target);
            out.put("svg", svg.toString());
            out.put("points", points);
            Output.print(spec.commandLine().getOut(), out, true);
        } else {
            FrontierTable.print(spec.commandLine().getOut(), f, fc, points, label, target, minCompute);
        }
        spec.commandLine().getErr().println("lawsearch: plot written to " + svg);
        return 0;
    }

    private Forecast forecast(Frontier f, String label) {
        if (form.equals("power")) {
            return PowerFit.fit(f.points(), at, level, target, label);
        }
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try {
            return FloorFit.fit(f.points(), at, level, target, label, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The frontier runs as rows: [group,] compute, target, then every other numeric column. */
    private List<Map<String, Object>> points(Frontier f, Compute c, String label, boolean groups) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Run r : f.points()) {
            Map<String, Object> row = new LinkedHashMap<>();
            if (groups) {
                row.put("group", r.group());
            }
            row.put(label, r.compute());
            row.put(target, r.target());
            r.columns().forEach((k, v) -> {
                if (!(c.isColumn() && k.equals(label))) {
                    row.put(k, v);
                }
            });
            out.add(row);
        }
        return out;
    }
}
