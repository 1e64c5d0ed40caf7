package lawsearch.engine.use;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lawsearch.evaluator.data.CsvTable;
import lawsearch.grammar.core.UserError;

/**
 * The points a user asks about: one typed with {@code --at "params=7e10,tokens=1.4e12"} or the rows
 * of a CSV. A point is column → value, for the run's feature columns (aliases are read as their
 * columns), with the group it names (null: every group). A CSV may also carry {@code group},
 * {@code split} and the target columns (a file of test rows predicts as it stands); any other
 * column, an empty file or a cell that is not a number is a user error naming file, line or column.
 */
public final class Points {
    /** One point: its feature values and the group a CSV row names (null: none named). */
    public record Point(Map<String, Double> values, String group) { }

    private static final String GROUP = "group";

    private Points() { }

    /** {@code "a=1,b=2e3"}; {@code aliases} maps law names to columns. */
    public static List<Point> at(String spec, List<String> features, Map<String, String> aliases) {
        return List.of(new Point(assignments(spec, features, aliases, "--at"), null));
    }

    /**
     * {@code "a=1,b=2e3"} given to {@code option}: column → value, names resolved through {@code
     * aliases}, in order; a part that is not name=value, an unknown column, a column given twice or
     * a value that is not a finite number is a one-line error naming the option.
     */
    static Map<String, Double> assignments(String spec, List<String> features, Map<String, String> aliases, String option) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.split("=", -1);
            if (kv.length != 2 || kv[0].isBlank()) {
                throw new UserError(option + ": '" + part.strip() + "' is not name=value (e.g. " + option
                        + " \"params=7e10,tokens=1.4e12\")");
            }
            String column = column(kv[0].strip(), features, aliases, option);
            if (values.put(column, number(kv[1].strip(), option + ": " + kv[0].strip())) != null) {
                throw new UserError(option + ": " + column + " is given twice");
            }
        }
        return values;
    }

    /**
     * The rows of {@code file}: a header, then one point per row. The file is read as every CSV is
     * ({@link CsvTable}: a column named twice, a ragged row or a quote left open is refused in the
     * same words as for eval's data, with its line); so is each number ({@link CsvTable#number}).
     */
    public static List<Point> csv(Path file, List<String> features, List<String> targets, Map<String, String> aliases) {
        CsvTable table = CsvTable.read(file, file.toString());
        Map<String, String> headers = new LinkedHashMap<>();   // feature → the header that gives it
        for (String h : table.columns().keySet()) {
            if (h.equals(GROUP) || h.equals("split") || targets.contains(h)) {
                continue;
            }
            claim(headers, column(h, features, aliases, file.toString()), h, file);
        }
        List<Point> out = new ArrayList<>();
        for (CsvTable.Row r : table.rows()) {
            Map<String, Double> values = new LinkedHashMap<>();
            headers.forEach((c, h) -> values.put(c, table.number(r, h)));
            out.add(new Point(values, table.has(GROUP) ? r.cell(table.index(GROUP)) : null));
        }
        return out;
    }

    /**
     * Records that {@code header} of {@code file} gives {@code column} (in {@code headers}, column →
     * header); a second header giving it (an alias beside its column) is refused: which value would count?
     */
    static void claim(Map<String, String> headers, String column, String header, Path file) {
        String other = headers.putIfAbsent(column, header);
        if (other != null) {
            throw new UserError(file + ": columns '" + other + "' and '" + header + "' both give " + column);
        }
    }

    /** The feature column a name means: a feature, or an alias of one; otherwise a user error listing the known names. */
    static String column(String name, List<String> features, Map<String, String> aliases, String where) {
        if (features.contains(name)) {
            return name;
        }
        String c = aliases.get(name);
        if (c != null && features.contains(c)) {
            return c;
        }
        throw new UserError(where + ": unknown column '" + name + "' (the run's features: " + String.join(", ", features) + ")");
    }

    /** The columns every point must give: those the law reads. */
    static void requireAll(List<Point> points, Set<String> needed, String where) {
        for (int i = 0; i < points.size(); i++) {
            for (String c : needed) {
                if (!points.get(i).values().containsKey(c)) {
                    throw new UserError(where + (points.size() > 1 ? ": point " + (i + 1) : "") + ": missing column '" + c
                            + "' (the law needs " + String.join(", ", needed) + ")");
                }
            }
        }
    }

    /** The number a point's value reads as, under the data cells' rules ({@link CsvTable#finite}: {@code 7B} too). */
    static double number(String text, String where) {
        Double v = CsvTable.finite(text);
        if (v == null) {
            throw new UserError(where + ": '" + text + "' is not a finite number" + CsvTable.sizeHint(text));
        }
        return v;
    }
}
