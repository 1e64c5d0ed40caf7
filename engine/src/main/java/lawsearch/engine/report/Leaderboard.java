package lawsearch.engine.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Repeated runs judged as SLDBench's leaderboard judges them: per task, one entry per engine
 * configuration, ranked by mean test R² over its finished runs (then best); entries with no scored
 * run come last.
 */
public record Leaderboard(List<Board> tasks) {

    /** One task's ranked entries. */
    public record Board(String task, List<Entry> entries) { }

    public static Leaderboard of(List<RunDir> runs) {
        Map<String, Map<String, List<RunDir>>> byTask = new TreeMap<>();
        for (RunDir r : runs) {
            byTask.computeIfAbsent(r.task(), t -> new TreeMap<>()).computeIfAbsent(r.entry(), e -> new ArrayList<>()).add(r);
        }
        List<Board> boards = new ArrayList<>();
        byTask.forEach((task, byEntry) -> {
            List<Entry> entries = new ArrayList<>();
            byEntry.forEach((name, rs) -> entries.add(Entry.of(task, name, rs)));
            entries.sort(RANK);
            boards.add(new Board(task, entries));
        });
        return new Leaderboard(boards);
    }

    private static final Comparator<Entry> RANK = Comparator
            .comparing((Entry e) -> e.mean() == null ? Double.POSITIVE_INFINITY : -e.mean())
            .thenComparing(e -> e.best() == null ? Double.POSITIVE_INFINITY : -e.best())
            .thenComparing(Entry::name);

    /** The {@code --json} shape: {"tasks": [{"task", "entries": [{entry, best, mean, min, runs, run_dirs, …}]}]}. */
    public Map<String, Object> toJson() {
        List<Object> ts = new ArrayList<>();
        for (Board b : tasks) {
            List<Object> es = new ArrayList<>();
            for (Entry e : b.entries()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("entry", e.name());
                m.put("settings", e.settings());
                m.put("best", e.best());
                m.put("mean", e.mean());
                m.put("min", e.min());
                m.put("runs", e.runs().size());
                m.put("run_dirs", e.runs().stream().map(r -> r.dir().toString()).toList());
                m.put("unfinished", e.unfinished().stream().map(r -> Map.of("run_dir", r.dir().toString(), "state", r.state())).toList());
                es.add(m);
            }
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("task", b.task());
            t.put("entries", es);
            ts.add(t);
        }
        return Map.of("tasks", ts);
    }

    /** The terminal table: rank, entry, mean/best/min R², runs; unfinished runs listed under it. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (Board b : tasks) {
            int w = Math.max(5, b.entries().stream().mapToInt(e -> e.name().length()).max().orElse(5));
            sb.append("task ").append(b.task()).append('\n');
            sb.append(String.format("  %-4s  %-" + w + "s  %10s  %10s  %10s  %4s%n", "rank", "entry", "mean R²", "best R²", "min R²", "runs"));
            int rank = 1;
            for (Entry e : b.entries()) {
                sb.append(String.format("  %-4d  %-" + w + "s  %10s  %10s  %10s  %4d%n", rank++, e.name(), r2(e.mean()),
                        r2(e.best()), r2(e.min()), e.runs().size()));
            }
            for (Entry e : b.entries()) {
                for (RunDir r : e.unfinished()) {
                    sb.append("  not scored (").append(r.state()).append("): ").append(r.dir()).append('\n');
                }
            }
        }
        return sb.toString();
    }

    static String r2(Double v) { return v == null ? "-" : String.format("%.6f", v); }
}
