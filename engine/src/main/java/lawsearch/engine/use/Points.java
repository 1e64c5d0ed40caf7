package lawsearch.engine.use;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import lawsearch.grammar.core.UserError;
import lawsearch.evaluator.data.TextFiles;

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

    /** The rows of {@code file}: a header, then one point per row. */
    public static List<Point> csv(Path file, List<String> features, List<String> targets, Map<String, String> aliases) {
        List<String[]> rows = new ArrayList<>();
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(TextFiles.reader(file))) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": not found");
        } catch (IOException | RuntimeException e) {
            throw new UserError(file + ": not a readable CSV: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        rows.removeIf(r -> r.length == 0 || r.length == 1 && r[0].isBlank());
        if (rows.size() < 2) {
            throw new UserError(file + ": no points (a header line, then one point per line)");
        }
        String[] header = rows.get(0);
        String[] columns = new String[header.length];   // null: a column that is read but not a feature
        int groupAt = -1;
        for (int j = 0; j < header.length; j++) {
            String h = header[j].strip();
            if (h.equals("group")) {
                groupAt = j;
            } else if (!h.equals("split") && !targets.contains(h)) {
                columns[j] = column(h, features, aliases, file.toString());
            }
        }
        List<Point> out = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            String[] r = rows.get(i);
            if (r.length != header.length) {
                throw new UserError(file + ": line " + (i + 1) + ": " + r.length + " cells, the header has " + header.length);
            }
            Map<String, Double> values = new LinkedHashMap<>();
            for (int j = 0; j < r.length; j++) {
                if (columns[j] != null) {
                    values.put(columns[j], number(r[j].strip(), file + ": line " + (i + 1) + ", column " + header[j].strip()));
                }
            }
            out.add(new Point(values, groupAt < 0 ? null : r[groupAt].strip()));
        }
        return out;
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

    static double number(String text, String where) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError(where + ": '" + text + "' is not a finite number");
    }
}
