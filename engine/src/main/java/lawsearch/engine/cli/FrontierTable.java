package lawsearch.engine.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lawsearch.engine.frontier.Forecast;
import lawsearch.engine.frontier.Frontier;

/** The frontier command's terminal output: the frontier runs as a table, then the fit and its prediction. */
final class FrontierTable {
    private FrontierTable() { }

    static void print(PrintWriter out, Frontier f, Forecast fc, List<Map<String, Object>> points, String computeLabel, String target,
                      double minCompute) {
        out.println("frontier    " + f.points().size() + " of " + f.levels() + " compute levels, the lowest " + target
                + " of each (" + f.all().size() + " runs)"
                + (f.belowMinimum() > 0 ? "; " + f.belowMinimum() + " below --min-compute " + number(minCompute) + " dropped" : ""));
        out.println();
        table(out, points);
        out.println();
        out.println("form        " + fc.form() + ": " + fc.equation());
        fc.constants().forEach((k, v) -> out.printf("  %-9s %s%n", k, String.format(Locale.ROOT, "%.6g", v)));
        out.println("prediction  " + String.format(Locale.ROOT, "%.5g", fc.prediction()) + " at " + computeLabel + " = " + number(fc.at()));
        out.println("interval    [" + String.format(Locale.ROOT, "%.5g", fc.lower()) + ", " + String.format(Locale.ROOT, "%.5g", fc.upper())
                + "] (" + number(100 * fc.level()) + "% prediction interval: " + fc.method() + ")");
        out.flush();
    }

    private static void table(PrintWriter out, List<Map<String, Object>> points) {
        List<String> header = new ArrayList<>(points.get(0).keySet());
        List<List<String>> cells = new ArrayList<>();
        for (Map<String, Object> p : points) {
            cells.add(header.stream().map(h -> p.get(h) instanceof Double d ? number(d) : String.valueOf(p.get(h))).toList());
        }
        int[] width = new int[header.size()];
        for (int j = 0; j < header.size(); j++) {
            width[j] = header.get(j).length();
            for (List<String> row : cells) {
                width[j] = Math.max(width[j], row.get(j).length());
            }
        }
        out.println(line(header, width));
        cells.forEach(row -> out.println(line(row, width)));
    }

    private static String line(List<String> cells, int[] width) {
        StringBuilder s = new StringBuilder();
        for (int j = 0; j < cells.size(); j++) {
            s.append(j == 0 ? "" : "  ").append(String.format("%-" + width[j] + "s", cells.get(j)));
        }
        return s.toString().stripTrailing();
    }

    /** Six significant digits, no trailing zeros: 128, 0.001, 3.00001e+13. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        String s = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toString();
        return s.replace("E", "e");
    }
}
