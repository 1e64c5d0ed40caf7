package lawsearch.engine.export;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import lawsearch.engine.report.FittedRun;
import lawsearch.evaluator.fit.FitResult;
import lawsearch.grammar.core.Law;

/**
 * A run's law as a Terminal-Bench Harbor SLDBench module: {@code law(input_data, group)} takes a
 * list of dicts keyed by feature column and returns one dict per row keyed by target column, with
 * lawsearch's fitted constants per group and target embedded (no fitting at import). A group the
 * run never saw gets the first group's constants: a prediction, rather than an exception that
 * would score nothing.
 */
public final class HarborExport {
    private HarborExport() { }

    public static String of(FittedRun run) {
        Law law = run.law();
        PythonLaw py = new PythonLaw(law, run.data());
        StringBuilder sb = new StringBuilder();
        sb.append(Header.of(run, "Harbor SLDBench law module (law(input_data, group))"));
        sb.append("import numpy as np\n\n");
        sb.append("FEATURES = ").append(PythonLaw.strings(run.data().features())).append('\n');
        sb.append("USED = ").append(PythonLaw.strings(used(run))).append("   # features the law reads\n");
        sb.append("TARGETS = ").append(PythonLaw.strings(run.data().targets())).append('\n');
        sb.append("PARAMS = ").append(PythonLaw.strings(law.parameters())).append('\n');
        sb.append("# group -> target -> constants in PARAMS order, fitted by lawsearch on the group's train rows\n");
        sb.append("COEFFS = {\n").append(coefficients(run.evaluation().fits())).append("}\n\n\n");
        sb.append(py.function(law));
        sb.append(SldbenchExport.resource("harbor_law.py"));
        return sb.toString();
    }

    private static List<String> used(FittedRun run) {
        return run.law().variables().stream().map(run.data()::resolve).distinct().toList();
    }

    private static String coefficients(Map<String, Map<String, FitResult>> fits) {
        return fits.entrySet().stream().map(g -> "    " + PythonLaw.string(g.getKey()) + ": {"
                + g.getValue().entrySet().stream().map(t -> PythonLaw.string(t.getKey()) + ": "
                        + PythonLaw.numbers(params(t.getValue()))).collect(Collectors.joining(", "))
                + "},\n").collect(Collectors.joining());
    }

    private static double[] params(FitResult r) {
        if (r.params() != null) {
            return r.params();
        }
        double[] nan = new double[r.names().size()];
        java.util.Arrays.fill(nan, Double.NaN);
        return nan;
    }
}
