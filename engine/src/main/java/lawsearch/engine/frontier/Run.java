package lawsearch.engine.frontier;

import java.util.Map;

/**
 * One training run as the frontier sees it: its group, its compute (a column or an expression over
 * columns), its target value and every numeric column of its row (the configuration to read off
 * the frontier). {@code index} is its position in the loader's order (file order without group and
 * split columns), which breaks ties. {@code where} names its row for messages: the file and line
 * it came from ({@code runs.csv:7}).
 */
public record Run(int index, String group, double compute, double target, Map<String, Double> columns, String where) {
    public Run {
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
    }

    /** A run made up rather than read from a file (tests, fits of derived points): named by its index. */
    public Run(int index, String group, double compute, double target, Map<String, Double> columns) {
        this(index, group, compute, target, columns, "run " + (index + 1));
    }
}
