package lawsearch.engine.use;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import lawsearch.grammar.core.UserError;
import lawsearch.evaluator.data.TextFiles;

/**
 * Candidate runs for {@code suggest}: a CSV with a header, one planned run a row, the columns the
 * law and the cost read (others ignored, a target column too: a candidate has no loss yet), and
 * optionally {@code group}. A row without a group belongs to {@code defaultGroup}, or, when that is
 * null, is a candidate in every group (one row each, in group order).
 */
public record Candidates(List<Row> rows) {

    /** One candidate: the file line it is on, its group and its values by column. */
    public record Row(long line, String group, Map<String, Double> values) { }

    public static Candidates read(Path file, List<String> needed, String defaultGroup, List<String> groups) {
        List<String[]> raw = new ArrayList<>();
        try {
            CsvMapper m = new CsvMapper();
            m.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            m.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
            try (MappingIterator<String[]> it = m.readerFor(String[].class).readValues(TextFiles.read(file))) {
                while (it.hasNext()) {
                    raw.add(it.next());
                }
            }
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (IOException | RuntimeException e) {
            throw new UserError(file + ": not a readable CSV: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (raw.size() < 2) {
            throw new UserError(file + ": no candidate rows");
        }
        List<String> header = List.of(raw.get(0)).stream().map(String::strip).toList();
        for (String c : needed) {
            if (!header.contains(c)) {
                throw new UserError(file + ": missing column " + c + " (needed: " + String.join(", ", needed) + ")");
            }
        }
        int g = header.indexOf("group");
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < raw.size(); i++) {
            String[] cells = raw.get(i);
            long line = i + 1;
            if (cells.length != header.size()) {
                throw new UserError(file + ":" + line + ": " + cells.length + " cells, the header has " + header.size());
            }
            String group = g >= 0 && !cells[g].isBlank() ? cells[g].strip() : defaultGroup;
            if (group != null && !groups.contains(group)) {
                throw new UserError(file + ":" + line + ": unknown group " + group + " (groups: " + String.join(", ", groups) + ")");
            }
            Map<String, Double> values = new LinkedHashMap<>();
            for (String c : needed) {
                String cell = cells[header.indexOf(c)].strip();
                double v;
                try {
                    v = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    v = Double.NaN;
                }
                if (!Double.isFinite(v)) {
                    throw new UserError(file + ":" + line + ": column " + c + ": not a finite number: '" + cell + "'");
                }
                values.put(c, v);
            }
            for (String in : group == null ? groups : List.of(group)) {
                rows.add(new Row(line, in, java.util.Collections.unmodifiableMap(values)));
            }
        }
        return new Candidates(List.copyOf(rows));
    }
}
