package lawsearch.engine.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import lawsearch.engine.run.Discovery;
import lawsearch.engine.search.SearchConfig;
import lawsearch.evaluator.data.Dataset;
import lawsearch.grammar.formatter.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The search's own speed: the same search (seed, generation budget) at each thread count in this
 * process, each count twice in alternation keeping its faster time, reporting generations and
 * laws fitted per second and whether every thread count reached the same law (it must). A short
 * warm-up search first, so the JIT has compiled the fitter before anything is timed.
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

    static final int ROUNDS = 2;

    @Override
    public Integer call() {
        OptionRange.atLeast("--generations", generations, 1);
        OptionRange.threads(threads);
        Dataset ds = data.load();
        OptionRange.atLeast("--max-params", maxParams, ds.targets().size());   // one constant per target at least
        Integer cap = maxParams != null ? maxParams : data.spec() != null ? data.spec().maxParams() : null;
        search(ds, cap, Math.max(1, generations / 10), threads[threads.length - 1]);   // warm-up
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("generations", generations);
        Map<String, Object> byThreads = new LinkedHashMap<>();
        // Each count twice, alternating (1, 2, 1, 2), the faster of its two kept: a JIT still warming
        // up or a busy neighbour then slows one round, not one thread count.
        double[] best = new double[threads.length];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        Discovery.Outcome[] outcomes = new Discovery.Outcome[threads.length];
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < threads.length; i++) {
                long t0 = System.nanoTime();
                outcomes[i] = search(ds, cap, generations, threads[i]);
                best[i] = Math.min(best[i], (System.nanoTime() - t0) / 1e9);
            }
        }
        String law = null;
        for (int i = 0; i < threads.length; i++) {
            Discovery.Outcome o = outcomes[i];
            String found = o.chosen() == null ? "" : Printer.print(o.chosen().law().expr());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seconds", best[i]);
            m.put("generations_per_second", generations / best[i]);
            m.put("fits_per_second", o.search().evaluations() / best[i]);
            m.put("laws_fitted", o.search().evaluations());
            m.put("speedup", best[0] / best[i]);
            m.put("same_law", law == null || law.equals(found));
            byThreads.put(String.valueOf(threads[i]), m);
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
