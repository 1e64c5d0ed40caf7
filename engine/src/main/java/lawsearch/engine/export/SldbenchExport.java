package lawsearch.engine.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import lawsearch.engine.report.FittedRun;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.protocol.FittedLaw;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.Loss;
import lawsearch.grammar.core.Weighting;

/**
 * A run's law as an SLDBench program: {@code scaling_law_func(data_points, params)} and
 * {@code fit_scaling_law(data_points, loss_values)} inside the EVOLVE-BLOCK, numpy and scipy
 * only, columns in the CSV's feature order, fitted with the law's own settings (bounds, loss,
 * weighting, multi-start count) by the algorithm lawsearch uses (sldbench_fit.py). Several target
 * columns: params is a 2-D array, one row of constants per target, and predictions are (N, T).
 */
public final class SldbenchExport {
    private SldbenchExport() { }

    public static String of(FittedRun run) {
        Law law = run.law();
        Dataset data = run.data();
        PythonLaw py = new PythonLaw(law, data);
        List<String> params = law.parameters();
        List<String> linear = run.fitted().linearParameters();
        StringBuilder sb = new StringBuilder();
        sb.append(Header.of(run, "SLDBench program (scaling_law_func / fit_scaling_law)"));
        sb.append("# EVOLVE-BLOCK-START\n");
        sb.append("import numpy as np\nfrom scipy.optimize import least_squares, lsq_linear\nfrom scipy.stats import qmc\n\n");
        sb.append("FEATURES = ").append(PythonLaw.strings(data.features())).append("   # data_points columns\n");
        sb.append("TARGETS = ").append(PythonLaw.strings(data.targets())).append("   # loss_values columns\n");
        sb.append("PARAMS = ").append(PythonLaw.strings(params)).append("   # order of params\n");
        sb.append("LOWER = np.array(").append(PythonLaw.numbers(ends(law, params, true))).append(", dtype=float)\n");
        sb.append("UPPER = np.array(").append(PythonLaw.numbers(ends(law, params, false))).append(", dtype=float)\n");
        sb.append("LINEAR = ").append(linear.stream().map(p -> String.valueOf(params.indexOf(p)))
                .collect(Collectors.joining(", ", "[", "]"))).append("   # PARAMS the law is linear in\n");
        sb.append(loss(law.fit().loss()));
        sb.append(weighting(law.fit().weighting(), data));
        sb.append("WARM_STARTS = ").append(warmStarts(run))
                .append("   # lawsearch's constants on the train rows, one row per group and target\n");
        sb.append("STARTS = ").append(law.fit().starts()).append("\nSEED = 0\nHUBER_ROUNDS = 4\nMAX_EVALUATIONS = 400\n\n\n");
        sb.append(py.function(law));
        sb.append(resource("sldbench_fit.py"));
        sb.append("# EVOLVE-BLOCK-END\n");
        return sb.toString();
    }

    /** The constants lawsearch fitted (on train rows only) as Python rows; a fit's params are in the law's PARAMS order. */
    private static String warmStarts(FittedRun run) {
        FittedLaw f = run.fitted();
        return f.groups().stream().flatMap(g -> f.targets().stream().filter(t -> f.ok(g, t)).map(t -> f.params(g, t)))
                .map(PythonLaw::numbers).collect(Collectors.joining(", ", "[", "]"));
    }

    private static double[] ends(Law law, List<String> params, boolean lower) {
        return params.stream().map(law.bounds()::of).mapToDouble(i -> lower ? i.lo() : i.hi()).toArray();
    }

    private static String loss(Loss loss) {
        return switch (loss) {
            case Loss.Mse m -> "LOSS = \"mse\"\nHUBER_DELTA = None\n";
            case Loss.LogMse l -> "LOSS = \"log-mse\"\nHUBER_DELTA = None\n";
            case Loss.Huber h -> "LOSS = \"huber\"\nHUBER_DELTA = " + PythonLaw.number(h.delta()) + "\n";
        };
    }

    private static String weighting(Weighting w, Dataset data) {
        return switch (w) {
            case Weighting.Uniform u -> "WEIGHT_COLUMN = None\nWEIGHT_POWER = None\n";
            case Weighting.Scale s -> "WEIGHT_COLUMN = " + data.features().indexOf(data.resolve(s.variable()))
                    + "   # " + PythonLaw.comment(s.variable()) + "\nWEIGHT_POWER = " + PythonLaw.number(s.power()) + "\n";
        };
    }

    static String resource(String name) {
        try (InputStream in = SldbenchExport.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("missing resource " + name, e);
        }
    }
}
