package lawsearch.engine.use;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lawsearch.evaluator.data.CsvTable;
import lawsearch.grammar.core.UserError;

/**
 * Candidate runs for {@code suggest}: a CSV with a header, one planned run a row, the columns the
 * law and the cost read (others ignored, a target column too: a candidate has no loss yet), and
 * optionally {@code group}. A row without a group belongs to {@code defaultGroup}, or, when that is
 * null, is a candidate in every group (one row each, in group order). A column of {@code optional}
 * the file does not have is {@code missing} from every row (suggest runs each candidate at its best
 * value for it).
 */
public record Candidates(List<Row> rows, List<String> missing) {

    /** One candidate: the file line it is on, its group and its values by column. */
    public record Row(long line, String group, Map<String, Double> values) { }

    /**
     * Read as every CSV is ({@link CsvTable}); each number by the same rules ({@link CsvTable#number}).
     * A needed column may be headed by its name or by an alias of it ({@code aliases}: name → column),
     * as predict's points and suggest's --cost and --target-at take it; not by both.
     */
    public static Candidates read(Path file, List<String> needed, java.util.Set<String> optional, Map<String, String> aliases,
                                  String defaultGroup, List<String> groups) {
        CsvTable table = CsvTable.read(file, file.toString());
        Map<String, String> headers = new LinkedHashMap<>();   // needed column → the header that gives it
        List<String> missing = new ArrayList<>();
        for (String c : needed) {
            for (String h : table.columns().keySet()) {
                if (h.equals(c) || c.equals(aliases.get(h))) {
                    Points.claim(headers, c, h, file);
                }
            }
            if (!headers.containsKey(c) && optional.contains(c)) {
                missing.add(c);
            } else if (!headers.containsKey(c)) {
                throw new UserError(file + ": missing column " + c + " (needed: " + String.join(", ", needed) + ")");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (CsvTable.Row r : table.rows()) {
            String cell = table.has("group") ? r.cell(table.index("group")) : "";
            String group = cell.isEmpty() ? defaultGroup : cell;
            if (group != null && !groups.contains(group)) {
                throw new UserError(file + ":" + r.line() + ": unknown group " + group + " (groups: " + String.join(", ", groups) + ")");
            }
            Map<String, Double> values = new LinkedHashMap<>();
            for (String c : needed) {
                if (headers.containsKey(c)) {
                    values.put(c, table.number(r, headers.get(c)));
                }
            }
            for (String in : group == null ? groups : List.of(group)) {
                rows.add(new Row(r.line(), in, Collections.unmodifiableMap(values)));
            }
        }
        return new Candidates(List.copyOf(rows), List.copyOf(missing));
    }
}
