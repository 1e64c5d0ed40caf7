package lawsearch.engine.export;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import lawsearch.engine.report.FittedRun;
import lawsearch.evaluator.protocol.FittedLaw;
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
        sb.append("COEFFS = {\n").append(coefficients(run.fitted())).append("}\n\n\n");
        sb.append(py.function(law));
        sb.append(SldbenchExport.resource("harbor_law.py"));
        return sb.toString();
    }

    private static List<String> used(FittedRun run) {
        return run.law().variables().stream().map(run.data()::resolve).distinct().toList();
    }

    private static String coefficients(FittedLaw f) {
        return f.groups().stream().map(g -> "    " + PythonLaw.string(g) + ": {"
                + f.targets().stream().map(t -> PythonLaw.string(t) + ": "
                        + PythonLaw.numbers(params(f, g, t))).collect(Collectors.joining(", "))
                + "},\n").collect(Collectors.joining());
    }

    /** A failed fit's constants are NaN: the module predicts NaN for that group, as lawsearch does. */
    private static double[] params(FittedLaw f, String group, String target) {
        double[] p = f.params(group, target);
        if (p != null) {
            return p;
        }
        double[] nan = new double[f.parameters().size()];
        java.util.Arrays.fill(nan, Double.NaN);
        return nan;
    }
}
