package lawsearch.engine.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import lawsearch.engine.io.Json;
import lawsearch.evaluator.bench.Bench;

/** Printing results: one JSON object with --json, otherwise aligned "key  value" lines. */
final class Output {
    private Output() { }

    static void print(PrintWriter out, Map<String, Object> result, boolean json) {
        if (json) {
            out.println(toJson(result));
        } else {
            printTable(out, result, "");
        }
        out.flush();
    }

    /** Indented JSON; an undefined number (an undefined R², a failed fit) is null, as in every file ({@link Json}). */
    static String toJson(Object o) {
        return Json.write(o);
    }

    @SuppressWarnings("unchecked")
    private static void printTable(PrintWriter out, Map<String, Object> m, String indent) {
        int width = m.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (var e : m.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> sub) {
                out.println(indent + e.getKey() + ":");
                printTable(out, (Map<String, Object>) sub, indent + "  ");
            } else {
                out.printf("%s%-" + width + "s  %s%n", indent, e.getKey(), format(e.getValue()));
            }
        }
    }

    static String format(Object v) {
        if (v instanceof Double d) {
            double a = Math.abs(d);
            return a != 0 && (a < 1e-3 || a >= 1e7) ? String.format("%.6g", d) : String.format("%.6f", d);
        }
        return String.valueOf(v);
    }

    static Map<String, Object> benchMap(Bench.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ms_per_fit", r.msPerFit());
        m.put("fits_per_second", r.fitsPerSecond());
        m.put("node_evals_per_second", r.nodeEvalsPerSecond());
        m.put("train_mse", r.trainMse());
        m.put("starts", r.starts());
        m.put("threads", r.threads());
        m.put("law_nodes", r.lawNodes());
        return m;
    }
}
