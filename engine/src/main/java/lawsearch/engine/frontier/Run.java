package lawsearch.engine.frontier;

import java.util.Map;

/**
 * One training run as the frontier sees it: its group, its compute (a column or an expression over
 * columns), its target value and every numeric column of its row (the configuration to read off
 * the frontier). {@code index} is its position in the loader's order (file order without group and
 * split columns), which breaks ties.
 */
public record Run(int index, String group, double compute, double target, Map<String, Double> columns) {
    public Run {
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
    }
}
