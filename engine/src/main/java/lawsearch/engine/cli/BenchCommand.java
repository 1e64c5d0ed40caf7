package lawsearch.engine.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import lawsearch.engine.task.LawChecks;
import lawsearch.evaluator.bench.Bench;
import lawsearch.engine.bench.PythonProgram;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.fit.FitOptions;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.UserError;
import lawsearch.grammar.simplify.Canonical;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Fitting speed: latency of one multi-start fit, throughput, interpreter speed; optionally against a Python fitter. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure fitting speed on the train rows: ms per fit, fits per second, node evaluations per second.")
public final class BenchCommand implements Callable<Integer> {
    @Mixin DataOptions data;
    @Mixin LawOptions law;

    @Option(names = "--starts", paramLabel = "K", description = "Starts per fit (default: the law's own, else 8).")
    Integer starts;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores). A list such as 1,2 measures each.", split = ",")
    int[] threads;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "3", description = "Minimum timed seconds per measurement (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--against", paramLabel = "PROGRAM.py", description = "Also time an SLDBench-style Python program's fit_scaling_law on the same rows (needs python3 with numpy, scipy).")
    Path against;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        OptionRange.atLeast("--starts", starts, 1);
        if (threads != null) {
            OptionRange.threads(threads);
        }
        OptionRange.positive("--seconds", seconds);
        Dataset ds = data.load();
        Law l = law.load(LawChecks.Names.of(ds, data.spec()));
        FitOptions options = FitOptions.DEFAULT.withStarts(starts == null ? 0 : starts).withSeed(Canonical.hash(l));
        Path file = against == null ? null : checkAgainst();   // before the warm-up: a bad program fails at once
        int[] counts = threads != null ? threads : new int[] {Runtime.getRuntime().availableProcessors()};
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("law", lawsearch.grammar.formatter.Printer.print(l.expr()));
        out.put("rows", ds.trainRows());
        Map<String, Object> byThreads = new LinkedHashMap<>();
        Bench.Result first = null;
        for (int t : counts) {
            Bench.Result r = new Bench(l, ds, options, seconds).run(t);
            first = first == null ? r : first;
            byThreads.put(Integer.toString(t), Output.benchMap(r));
        }
        if (counts.length == 1) {
            out.putAll(Output.benchMap(first));
        } else {
            out.put("threads", byThreads);
        }
        if (against != null) {
            PythonProgram.Timing py = PythonProgram.time(against, file, ds.targets().get(0), ds.features(), seconds);
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("program", against.toString());
            a.put("ms_per_fit", 1000 * py.secondsPerFit());
            a.put("train_mse", py.trainMse());
            a.put("fits_timed", py.fits());
            a.put("speedup", 1000 * py.secondsPerFit() / first.msPerFit());
            out.put("against", a);
        }
        Output.print(spec.commandLine().getOut(), out, json);
        return 0;
    }

    /** The CSV the --against program reads (the same rows), once the program is known to be one that can be timed. */
    private Path checkAgainst() {
        Path file = data.file();
        if (file == null) {
            throw new UserError("--against needs a CSV file (--data or a task with one)");
        }
        PythonProgram.check(against);
        return file;
    }
}
