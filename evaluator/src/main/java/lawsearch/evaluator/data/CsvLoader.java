package lawsearch.evaluator.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import lawsearch.grammar.parser.LawParser;

/**
 * Reads a CSV of runs in the ../shared/data convention: {@code group,split,<features…>,<targets…>}.
 * {@code group} is optional (without it every row is in one group, {@code all}); {@code split} is
 * optional ({@code train}/{@code test}; without it a {@link Holdout} rule marks the test rows, or
 * there are none). Groups come in order of first appearance, rows in file order within a group.
 * Every problem is a {@link DataException} naming the file and, where there is one, the line
 * (header = line 1); nothing is half-loaded.
 */
public final class CsvLoader {
    public static final String GROUP = "group";
    public static final String SPLIT = "split";
    /** The one group of a file without a group column. */
    public static final String ALL = "all";

    private CsvLoader() { }

    /** A loaded CSV and the file line of each of its rows. */
    public record Loaded(Dataset data, RowLines lines) { }

    /** The runs in {@code file}; its name as given is the dataset's source and every message's prefix. */
    public static Dataset load(Path file, LoadOptions options) {
        return read(file, options).data();
    }

    /** As {@link #load}, with the line each row came from. */
    public static Loaded read(Path file, LoadOptions options) {
        String name = file.toString();
        CsvTable table = CsvTable.read(file, name);
        requireRoleColumnsInLowerCase(table);
        List<String> targets = targets(table, options);
        List<String> features = features(table, options, targets);
        requireLawNames(table, features, options.features().isEmpty());
        Holdout holdout = holdout(table, options);
        Set<String> numeric = new LinkedHashSet<>(features);
        numeric.addAll(targets);
        if (holdout != null) {
            numeric.addAll(holdout.columns());
        }
        Map<String, GroupRows> rows = rowsByGroup(table, List.copyOf(numeric), holdout);
        if (holdout != null && rows.values().stream().allMatch(r -> r.testLines.isEmpty())) {
            // Asked for test rows and given none: a typo in the rule (1e20 for 1e10) would otherwise
            // score nothing, silently.
            throw DataException.in(name, "--holdout '" + options.holdout() + "' holds out no row");
        }
        List<String> kept = new ArrayList<>(features);
        kept.addAll(targets);
        List<String> others = table.columns().keySet().stream().filter(c -> !kept.contains(c)).toList();
        Dataset data = new Dataset(name, features, targets, groups(name, rows, kept, holdout != null), aliases(options, features), others);
        TargetPrecision.require(name, data);
        Map<String, long[]> train = new LinkedHashMap<>();
        Map<String, long[]> test = new LinkedHashMap<>();
        rows.forEach((g, r) -> {
            train.put(g, r.trainLines.stream().mapToLong(Long::longValue).toArray());
            test.put(g, r.testLines.stream().mapToLong(Long::longValue).toArray());
        });
        return new Loaded(data, new RowLines(train, test));
    }

    /**
     * A header "Split" or "GROUP" is refused: read as an ordinary column it would be ignored (text)
     * and the file's test rows fitted on as train, or its groups pooled, without a word.
     */
    private static void requireRoleColumnsInLowerCase(CsvTable table) {
        for (String c : table.columns().keySet()) {
            for (String role : List.of(SPLIT, GROUP)) {
                if (!c.equals(role) && c.strip().equalsIgnoreCase(role)) {
                    throw DataException.in(table.name(), "column '" + c + "': the " + role + " column must be named '" + role
                            + "' (lower case), or it is not read as one");
                }
            }
        }
    }

    /** Features a law names: each must read as one name in the law language ({@link LawParser#isName}). */
    private static void requireLawNames(CsvTable table, List<String> features, boolean defaulted) {
        for (String f : features) {
            if (!LawParser.isName(f)) {
                throw DataException.in(table.name(), "feature column '" + f + "' cannot be named in a law (letters, digits and _,"
                        + " not starting with a digit): rename it" + (defaulted ? ", or leave it out with --features" : ""));
            }
        }
    }

    private static List<String> targets(CsvTable table, LoadOptions options) {
        Set<String> seen = new HashSet<>();
        for (String t : options.targets()) {
            requireData(table, t, "target");
            if (!seen.add(t)) {
                throw DataException.in(table.name(), "target '" + t + "' is given twice");
            }
        }
        return options.targets();
    }

    private static List<String> features(CsvTable table, LoadOptions options, List<String> targets) {
        if (options.features().isEmpty()) {
            List<String> found = defaultFeatures(table, targets);
            if (found.isEmpty()) {
                throw DataException.in(table.name(), "no numeric feature columns besides the target(s) (columns: " + table.columnList() + ")");
            }
            return found;
        }
        Set<String> seen = new HashSet<>();
        for (String f : options.features()) {
            requireData(table, f, "feature");
            if (targets.contains(f)) {
                throw DataException.in(table.name(), "column '" + f + "' is both a feature and a target");
            }
            if (!seen.add(f)) {
                throw DataException.in(table.name(), "feature '" + f + "' is given twice");
            }
        }
        return options.features();
    }

    /** A column that must hold numbers: present, and neither group nor split. */
    private static void requireData(CsvTable table, String column, String role) {
        if (!table.has(column)) {
            throw DataException.in(table.name(), "no " + role + " column '" + column + "' (columns: " + table.columnList() + ")");
        }
        if (column.equals(GROUP) || column.equals(SPLIT)) {
            throw DataException.in(table.name(), "column '" + column + "' cannot be a " + role);
        }
    }

    /**
     * Every column but group, split and the targets that holds numbers. One numeric cell makes a
     * column numeric, so a typo in a column of numbers is reported by line rather than silently
     * dropping the feature; a column of names (model, dataset) holds none and is left out.
     */
    /**
     * The columns of {@code table} left out of the default features for holding no number (text: an
     * architecture, an optimiser, a model's name), each with its distinct values in file order. A
     * text column that sorts the runs (dense and MoE) is read neither as a feature nor as groups, so
     * its effect goes silently into the noise; the caller says so.
     */
    public static Map<String, List<String>> textColumns(CsvTable table, List<String> targets) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (var e : table.columns().entrySet()) {
            String c = e.getKey();
            int i = e.getValue();
            if (!c.equals(GROUP) && !c.equals(SPLIT) && !targets.contains(c) && table.rows().stream().noneMatch(r -> Cell.isNumber(r.cell(i)))) {
                out.put(c, table.rows().stream().map(r -> r.cell(i)).distinct().toList());
            }
        }
        return out;
    }

    private static List<String> defaultFeatures(CsvTable table, List<String> targets) {
        List<String> out = new ArrayList<>();
        for (var e : table.columns().entrySet()) {
            String c = e.getKey();
            int i = e.getValue();
            boolean candidate = !c.equals(GROUP) && !c.equals(SPLIT) && !targets.contains(c);
            if (candidate && table.rows().stream().anyMatch(r -> Cell.isNumber(r.cell(i)))) {
                out.add(c);
            }
        }
        return out;
    }

    private static Holdout holdout(CsvTable table, LoadOptions options) {
        if (options.holdout() == null) {
            return null;
        }
        if (table.has(SPLIT)) {
            throw DataException.in(table.name(), "has a split column, so --holdout does not apply");
        }
        Set<String> columns = new LinkedHashSet<>(table.columns().keySet());
        columns.remove(GROUP);
        return Holdout.parse(options.holdout(), columns, options.aliases());
    }

    private static Map<String, GroupRows> rowsByGroup(CsvTable table, List<String> numeric, Holdout holdout) {
        Map<String, Integer> slot = new LinkedHashMap<>();
        numeric.forEach(c -> slot.put(c, slot.size()));
        Map<String, GroupRows> groups = new LinkedHashMap<>();
        for (CsvTable.Row row : table.rows()) {
            double[] values = new double[numeric.size()];
            for (int k = 0; k < values.length; k++) {
                values[k] = table.number(row, numeric.get(k));
            }
            boolean test = isTest(table, row, holdout, c -> values[slot.get(c)]);
            groups.computeIfAbsent(group(table, row), g -> new GroupRows(slot)).add(values, test, row.line());
        }
        return groups;
    }

    private static String group(CsvTable table, CsvTable.Row row) {
        if (!table.has(GROUP)) {
            return ALL;
        }
        String g = row.cell(table.index(GROUP));
        if (g.isEmpty()) {
            throw DataException.at(table.name(), row.line(), "column 'group' is empty");
        }
        return g;
    }

    private static boolean isTest(CsvTable table, CsvTable.Row row, Holdout holdout, ToDoubleFunction<String> values) {
        if (table.has(SPLIT)) {
            // Spreadsheets write TRAIN or Test as readily as train. Anything else is refused, never
            // taken for train: a test row read as train would be fitted on, and the test split is sacred.
            // (Locale.ROOT lowers ASCII letters only as expected: no "TRAİN" or "teſt" slips through.)
            String s = row.cell(table.index(SPLIT));
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "train" -> false;
                case "test" -> true;
                default -> throw DataException.at(table.name(), row.line(), "split must be 'train' or 'test' (any case), got '" + s + "'");
            };
        }
        if (holdout == null) {
            return false;
        }
        try {
            return holdout.isTest(values);
        } catch (DataException e) {
            throw DataException.at(table.name(), row.line(), e.getMessage());
        }
    }

    private static List<Group> groups(String name, Map<String, GroupRows> rows, List<String> columns, boolean byRule) {
        List<Group> out = new ArrayList<>();
        for (var e : rows.entrySet()) {
            GroupRows g = e.getValue();
            if (g.train.isEmpty()) {
                throw DataException.in(name, "group '" + e.getKey() + "' has no train rows" + (byRule ? " (--holdout marks all of them test)" : ""));
            }
            out.add(new Group(e.getKey(), g.frame(g.train, columns), g.frame(g.test, columns)));
        }
        return out;
    }

    /** The aliases that name a feature: the only columns a law may read. */
    private static Map<String, String> aliases(LoadOptions options, List<String> features) {
        Map<String, String> out = new LinkedHashMap<>();
        options.aliases().forEach((a, c) -> { if (features.contains(c)) out.put(a, c); });
        return out;
    }

    /** One group's rows, as value arrays in the order of {@code slot}, on each side of the split, and their lines. */
    private static final class GroupRows {
        final Map<String, Integer> slot;
        final List<double[]> train = new ArrayList<>();
        final List<double[]> test = new ArrayList<>();
        final List<Long> trainLines = new ArrayList<>();
        final List<Long> testLines = new ArrayList<>();

        GroupRows(Map<String, Integer> slot) { this.slot = slot; }

        void add(double[] values, boolean isTest, long line) {
            (isTest ? test : train).add(values);
            (isTest ? testLines : trainLines).add(line);
        }

        Frame frame(List<double[]> rows, List<String> columns) {
            Map<String, double[]> out = new LinkedHashMap<>();
            for (String c : columns) {
                int k = slot.get(c);
                out.put(c, rows.stream().mapToDouble(r -> r[k]).toArray());
            }
            return new Frame(rows.size(), out);
        }
    }
}
