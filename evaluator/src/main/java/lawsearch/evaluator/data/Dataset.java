package lawsearch.evaluator.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark table: groups of runs, each split into train and test, with named feature and target
 * columns. {@code aliases} maps short law names (N, D) to column names (num_params, tokens).
 * {@code otherColumns} are the file's columns that are neither (group, split, names, columns left
 * out by --features): a law cannot read them, so naming one is refused rather than fitted as a constant.
 * {@link #withoutTest()} is how the test split stays sacred: a search gets a dataset whose test
 * frames are physically empty.
 */
public record Dataset(String source, List<String> features, List<String> targets, List<Group> groups,
                      Map<String, String> aliases, List<String> otherColumns) {

    public Dataset {
        features = List.copyOf(features);
        otherColumns = List.copyOf(otherColumns);
        targets = List.copyOf(targets);
        groups = List.copyOf(groups);
        aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
    }

    /** A dataset without other columns (generated data, snapshots, resamples). */
    public Dataset(String source, List<String> features, List<String> targets, List<Group> groups, Map<String, String> aliases) {
        this(source, features, targets, groups, aliases, List.of());
    }

    public Dataset withoutTest() {
        return new Dataset(source, features, targets, groups.stream().map(Group::withoutTest).toList(), aliases, otherColumns);
    }

    public Dataset withAliases(Map<String, String> more) {
        Map<String, String> m = new LinkedHashMap<>(aliases);
        m.putAll(more);
        return new Dataset(source, features, targets, groups, m, otherColumns);
    }

    /** The column a law variable names: a feature itself, or the feature an alias stands for; null if neither. */
    public String resolve(String variable) {
        if (features.contains(variable)) {
            return variable;
        }
        String c = aliases.get(variable);
        return c != null && features.contains(c) ? c : null;
    }

    /** Every name a law may use as a variable: features and aliases. */
    public java.util.Set<String> variableNames() {
        var s = new java.util.LinkedHashSet<>(features);
        aliases.forEach((a, c) -> { if (features.contains(c)) s.add(a); });
        return s;
    }

    public boolean hasTest() { return groups.stream().anyMatch(g -> !g.test().isEmpty()); }

    public int trainRows() { return groups.stream().mapToInt(g -> g.train().size()).sum(); }

    public int testRows() { return groups.stream().mapToInt(g -> g.test().size()).sum(); }
}
