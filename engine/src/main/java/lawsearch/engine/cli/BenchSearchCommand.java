package lawsearch.engine.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import lawsearch.engine.run.Discovery;
import lawsearch.engine.search.SearchConfig;
import lawsearch.evaluator.data.Dataset;
import lawsearch.grammar.core.UserError;
import lawsearch.grammar.formatter.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The search's own speed: the same search (seed, generation budget) at each thread count, one after
 * another in this process, reporting generations and laws fitted per second and whether every
 * thread count reached the same law (it must). A warm-up search first, so the JIT has compiled the
 * fitter before anything is timed.
 */
@Command(name = "bench-search", mixinStandardHelpOptions = true,
        description = "Time a whole search (plain-CSV flow, no seed laws) at each thread count: generations/s, fits/s, speed-up.")
public final class BenchSearchCommand implements Callable<Integer> {
    @Mixin DataOptions data;

    @Option(names = "--max-params", paramLabel = "K", description = "Cap on fitted constants per group (default: the task's, else none).")
    Integer maxParams;

    @Option(names = "--generations", paramLabel = "G", defaultValue = "100", description = "Generations per search (default ${DEFAULT-VALUE}).")
    long generations;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Search seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", split = ",", defaultValue = "1,2", description = "Thread counts to time (default ${DEFAULT-VALUE}).")
    int[] threads;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        if (generations < 1) {
            throw new UserError("--generations must be at least 1, got " + generations);
        }
        Dataset ds = data.load();
        Integer cap = maxParams != null ? maxParams : data.spec() != null ? data.spec().maxParams() : null;
        search(ds, cap, Math.max(1, generations / 10), threads[threads.length - 1]);   // warm-up
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("generations", generations);
        Map<String, Object> byThreads = new LinkedHashMap<>();
        double first = Double.NaN;
        String law = null;
        for (int t : threads) {
            if (t < 1) {
                throw new UserError("--threads must be at least 1, got " + t);
            }
            long t0 = System.nanoTime();
            Discovery.Outcome o = search(ds, cap, generations, t);
            double secs = (System.nanoTime() - t0) / 1e9;
            String found = o.chosen() == null ? "" : Printer.print(o.chosen().law().expr());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seconds", secs);
            m.put("generations_per_second", generations / secs);
            m.put("fits_per_second", o.search().evaluations() / secs);
            m.put("laws_fitted", o.search().evaluations());
            m.put("speedup", Double.isNaN(first) ? 1.0 : first / secs);
            m.put("same_law", law == null || law.equals(found));
            byThreads.put(String.valueOf(t), m);
            first = Double.isNaN(first) ? secs : first;
            law = law == null ? found : law;
        }
        out.put("law", law);
        out.put("threads", byThreads);
        Output.print(spec.commandLine().getOut(), out, json);
        return 0;
    }

    /** One search on the train rows as a plain-CSV discover runs it (templates on, no seed laws); no files written. */
    private Discovery.Outcome search(Dataset ds, Integer cap, long gens, int threadCount) {
        SearchConfig config = SearchConfig.builder().seed(seed).threads(threadCount).generations(gens).time(null).build();
        Discovery.Settings.Builder b = Discovery.Settings.builder(config).seeds(List.of()).templates(true);
        if (cap != null) {
            b.maxParams(cap);
        }
        return Discovery.run(ds, b.build(), new AtomicBoolean(false), Discovery.Hooks.progress(g -> { }));
    }
}
