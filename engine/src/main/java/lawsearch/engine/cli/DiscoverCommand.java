package lawsearch.engine.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import lawsearch.engine.run.Discovery;
import lawsearch.engine.run.RunConfig;
import lawsearch.engine.run.RunReport;
import lawsearch.engine.search.SearchConfig;
import lawsearch.engine.task.SeedLaws;
import lawsearch.engine.task.TaskSpec;
import lawsearch.engine.task.Tasks;
import lawsearch.evaluator.data.Dataset;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The main job: evolve laws on the train rows, then score the chosen law once on the test rows. */
@Command(name = "discover", mixinStandardHelpOptions = true,
        description = "Search for a scaling law that extrapolates: R independent runs, results under --out.")
public final class DiscoverCommand implements Callable<Integer> {
    @Mixin DataOptions data;

    @Option(names = "--max-params", paramLabel = "K", description = "Cap on fitted constants per group, all targets together (default: the task's, else 12 per target).")
    Integer maxParams;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "1", description = "Independent runs, seeds S, S+1, ... (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the first run (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--time", paramLabel = "DURATION", description = "Search time per run, e.g. 90s, 10m, 1h (default 2m unless --generations is given).")
    String time;

    @Option(names = "--generations", paramLabel = "G", description = "Generations per run (exactly reproducible budget).")
    Long generations;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores). Results do not depend on it.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs", description = "Output folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "default", description = "Run name: the leaderboard entry (default ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--no-seeds", description = "Start from random laws only, ignoring the task's seed laws.")
    boolean noSeeds;

    @Option(names = "--json", description = "Print one JSON object: runs, best, mean, min (test R²).")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Dataset ds = data.load();
        TaskSpec task = data.spec();
        Integer cap = maxParams != null ? maxParams : task != null ? task.maxParams() : null;
        List<String> scale = task != null ? task.scale() : null;
        List<Law> seeds = noSeeds || task == null ? List.of()
                : SeedLaws.load(task, Tasks.seedsDir().resolve(task.name()), ds.variableNames()).stream()
                        .map(s -> s.lawFile().law()).toList();
        SearchConfig.Builder config = SearchConfig.builder().threads(Math.max(1, threads));
        if (generations != null) {
            config.generations(generations).time(time == null ? null : parseDuration(time));
        } else {
            config.time(parseDuration(time == null ? "2m" : time));
        }
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);   // Ctrl-C: finish the generation in flight, write results, then exit
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            RunReport report = new RunReport(spec.commandLine().getOut(), spec.commandLine().getErr(), json);
            List<Map<String, Object>> results = new ArrayList<>();
            for (int i = 0; i < runs && !stop.get(); i++) {
                long s = seed + i;
                Path dir = Discovery.runDir(out, data.name(), name, i);
                new RunConfig(RunConfig.FORMAT, Main.VERSION, data.name(), name, i, s, data.source(), ds.features(),
                        ds.targets(), ds.aliases(), cap, scale, !noSeeds, generations,
                        time == null && generations != null ? null : (double) parseDuration(time == null ? "2m" : time).toMillis() / 1000,
                        Math.max(1, threads)).write(dir);
                results.add(report.run(ds, seeds, cap, scale, config.seed(s).build(), stop, dir, data.name(), s, i, runs));
            }
            report.summary(results);
            return stop.get() ? 130 : 0;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down: the hook is running and waits for us
            }
        }
    }

    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            double v = Double.parseDouble(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofMillis((long) (v * 1000));
                case 'm' -> Duration.ofMillis((long) (v * 60_000));
                case 'h' -> Duration.ofMillis((long) (v * 3_600_000));
                default -> Duration.ofMillis((long) (Double.parseDouble(t) * 1000));
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new UserError("--time: not a duration: '" + text + "' (use e.g. 90s, 10m, 1h)");
        }
    }
}
