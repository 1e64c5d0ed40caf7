package lawsearch.evaluator.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

/**
 * A CSV file as text cells: the header's column names and every data row with the file line it
 * starts on (the header is line 1 unless blank lines precede it). Only structure is checked here (a
 * header, unique column names, every row as wide as the header); what the cells mean is the
 * reader's business ({@link CsvLoader} for runs; the engine's points and candidates files). Every
 * CSV lawsearch reads is read here, so each is refused in the same words (a column that appears
 * twice, a ragged row, a quote left open) and its numbers parsed by the same rules ({@link #number}).
 *
 * <p>Rows are read as plain arrays rather than through a header schema so that a ragged row or a
 * repeated column name is reported by us, with the line, instead of being silently padded or merged.
 */
public record CsvTable(String name, Map<String, Integer> columns, List<Row> rows) {

    /** One data row: its cells in header order and the line it starts on. */
    public record Row(long line, String[] cells) {
        /** The cell of {@code column} (an index into the header), stripped. */
        public String cell(int column) { return cells[column].strip(); }
    }

    /** {@code file}, named {@code name} in every message (a DataException); at least one data row. */
    public static CsvTable read(Path file, String name) {
        List<Row> raw = readRows(file, name);
        if (raw.isEmpty()) {
            throw DataException.in(name, "empty file");
        }
        Map<String, Integer> columns = header(raw.get(0), name);
        List<Row> rows = raw.subList(1, raw.size());
        if (rows.isEmpty()) {
            throw DataException.in(name, "no data rows, only a header");
        }
        for (Row r : rows) {
            if (r.cells().length != columns.size()) {
                throw DataException.at(name, r.line(), "has " + r.cells().length + " cells, the header has " + columns.size());
            }
        }
        return new CsvTable(name, java.util.Collections.unmodifiableMap(columns), List.copyOf(rows));
    }

    public boolean has(String column) { return columns.containsKey(column); }

    public int index(String column) { return columns.get(column); }

    /** "a, b, c": the header, for messages that list what there is. */
    public String columnList() { return String.join(", ", columns.keySet()); }

    /**
     * The finite number {@code text} reads as under the cells' rules (decimal notation, sizes such as
     * {@code 1.3B}), or null: for numbers given on the command line, read as the data's are.
     */
    public static Double finite(String text) { return Cell.finite(text.strip()); }

    /** What to add to "not a number" for {@code text}: how to write a size whose magnitude letter is in the wrong case, or "". */
    public static String sizeHint(String text) { return Cell.sizeHint(text.strip()); }

    /** The finite number in {@code row}'s cell of {@code column}, or a DataException naming file, line and column. */
    public double number(Row row, String column) {
        return Cell.number(row.cell(index(column)), name, row.line(), column);
    }

    private static List<Row> readRows(Path file, String name) {
        CsvMapper mapper = new CsvMapper();
        List<Row> rows = new ArrayList<>();
        try (Reader in = TextFiles.reader(file);
             MappingIterator<String[]> it = mapper.readerFor(String[].class)
                     .with(CsvParser.Feature.WRAP_AS_ARRAY)
                     .with(CsvParser.Feature.SKIP_EMPTY_LINES)
                     .readValues(in)) {
            while (it.hasNextValue()) {
                // hasNextValue() has moved onto the row's first token, so this is the line it starts on
                // (blank lines skipped, quoted line breaks in earlier rows counted).
                long line = it.getParser().currentLocation().getLineNr();
                rows.add(new Row(line, it.nextValue()));
            }
        } catch (NoSuchFileException e) {
            throw DataException.in(name, "no such file");
        } catch (AccessDeniedException e) {
            throw DataException.in(name, "permission denied");
        } catch (CharacterCodingException e) {
            throw DataException.in(name, "not a UTF-8 text file");
        } catch (JsonProcessingException e) {
            throw malformed(name, e);
        } catch (IOException e) {
            throw DataException.in(name, "cannot read: " + e.getMessage());
        } catch (RuntimeException e) {
            // MappingIterator wraps parse errors in an unchecked exception.
            if (e.getCause() instanceof JsonProcessingException j) {
                throw malformed(name, j);
            }
            throw e;
        }
        return rows;
    }

    /**
     * Where a malformed value starts, not where Jackson stopped: a quote left open swallows the rest
     * of the file, and Jackson's own location is then the last line. The parser's current token is
     * the value it was reading.
     */
    private static DataException malformed(String name, JsonProcessingException e) {
        JsonLocation at = e.getProcessor() instanceof JsonParser p && p.currentTokenLocation().getLineNr() >= 1
                ? p.currentTokenLocation() : e.getLocation();
        String jackson = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
        String why = "malformed CSV: " + (jackson.startsWith(UNCLOSED) && at != null
                ? "the quoted value at column " + at.getColumnNr() + " has no closing quote" : jackson);
        return at == null || at.getLineNr() < 1 ? DataException.in(name, why) : DataException.at(name, at.getLineNr(), why);
    }

    /** How Jackson's CSV parser begins its report of a quote left open (checked by CsvLoaderTest). */
    private static final String UNCLOSED = "Missing closing quote";

    private static Map<String, Integer> header(Row row, String name) {
        String[] cells = row.cells();
        if (cells.length == 1) {   // a spreadsheet's export in another locale: said here, not as a missing column later
            for (String sep : new String[] {";", "\t"}) {
                if (cells[0].contains(sep)) {
                    throw DataException.at(name, row.line(), "the header is one column, '" + cells[0].strip().replace("\t", "\\t")
                            + "': values must be separated by commas, and this line is separated by '" + sep.replace("\t", "\\t") + "'");
                }
            }
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i++) {
            String h = cells[i].strip();   // a byte-order mark before the first was dropped by TextFiles
            if (h.isEmpty()) {
                // pandas' to_csv writes its row index as a first column without a name
                throw DataException.at(name, row.line(), "column " + (i + 1) + " has no name"
                        + (i == 0 ? " (a pandas index? write the file with to_csv(..., index=False), or name the column)" : ""));
            }
            if (columns.put(h, i) != null) {
                throw DataException.at(name, row.line(), "column '" + h + "' appears twice");
            }
        }
        return columns;
    }
}
