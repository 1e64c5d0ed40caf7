package lawsearch.engine.report;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

import lawsearch.engine.run.R2Stats;
import lawsearch.engine.run.RunConfig;

/**
 * One leaderboard entry: the runs of one engine configuration (task and entry name, like "Agent /
 * Model" on SLDBench's pages). Statistics are over finished runs with a test R²; the others are
 * kept to be listed as unfinished. {@code runs} are sorted by test R², best first.
 */
public record Entry(String task, String name, List<RunDir> runs, List<RunDir> unfinished) {

    public Entry {
        runs = runs.stream().sorted(Comparator.comparing((RunDir r) -> -r.r2()).thenComparing(RunDir::index)).toList();
        unfinished = unfinished.stream().sorted(Comparator.comparing(RunDir::index)).toList();
    }

    static Entry of(String task, String name, List<RunDir> all) {
        return new Entry(task, name, all.stream().filter(r -> r.r2() != null).toList(),
                all.stream().filter(r -> r.r2() == null).toList());
    }

    /** Best, mean and min test R² over the scored runs. */
    public R2Stats stats() { return R2Stats.of(runs.stream().mapToDouble(RunDir::r2).toArray()); }

    public Double best() { return stats().best(); }

    public Double min() { return stats().min(); }

    public Double mean() { return stats().mean(); }

    /** Salient configuration: parameter cap, budget, seeds, own laws (--law), search options changed from the defaults, lawsearch version (as the runs recorded them). */
    public String settings() {
        List<RunConfig> cs = java.util.stream.Stream.concat(runs.stream(), unfinished.stream()).map(RunDir::config).toList();
        String cap = distinct(cs, c -> c.maxParams() == null ? "none" : c.maxParams().toString());
        String budget = distinct(cs, Entry::budget);
        String seeds = new TreeSet<>(cs.stream().map(RunConfig::seed).toList()).stream().map(String::valueOf)
                .collect(Collectors.joining(", "));
        String version = distinct(cs, RunConfig::version);
        String seedLaws = distinct(cs, c -> c.useSeeds() ? "yes" : "no");
        // Search options only where some run changed them: config.json holds them all.
        String options = distinct(cs, c -> c.search().describeDifferences());
        // The user's own laws (--law) start a search as seed laws do: entries that differ only there differ.
        String own = distinct(cs, c -> String.valueOf(c.laws().size()));
        return "max_params " + cap + "; budget " + budget + "; seeds " + seeds + "; seed laws " + seedLaws
                + (own.equals("0") ? "" : "; own laws " + own)
                + (options.equals("defaults") ? "" : "; options " + options) + "; lawsearch " + version;
    }

    private static String budget(RunConfig c) {
        if (c.generations() != null && c.generations() > 0) {
            return c.generations() + " generations";
        }
        return c.timeSeconds() == null ? "?" : String.format("%.0f s", c.timeSeconds());
    }

    private static String distinct(List<RunConfig> cs, java.util.function.Function<RunConfig, String> f) {
        return cs.stream().map(f).map(s -> Objects.toString(s, "?")).distinct().collect(Collectors.joining(" / "));
    }
}
