package lawsearch.engine.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;

import lawsearch.engine.task.LawChecks;
import lawsearch.evaluator.Evaluation;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.fit.FitOptions;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.formatter.WhereForm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Fits one law on the train rows and scores it on the test rows, as SLDBench does. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Fit one law per group on the train rows, score it once on the test rows (SLDBench's R², NMSE, NMAE).")
public final class EvalCommand implements Callable<Integer> {
    @Mixin DataOptions data;
    @Mixin LawOptions law;

    @Option(names = "--starts", paramLabel = "K", description = "Starts per fit (default: the law's own, else 8).")
    Integer starts;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--json", description = "Print one JSON object: r2, nmse, nmae, train_mse, params, n_params, seconds.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        OptionRange.atLeast("--starts", starts, 1);
        OptionRange.threads(threads);
        Dataset ds = data.load();
        Law l = law.load(LawChecks.Names.of(ds, data.spec()));
        ForkJoinPool pool = new ForkJoinPool(threads);
        Evaluation ev;
        try {
            ev = Evaluation.of(l, ds, FitOptions.DEFAULT.withStarts(starts == null ? 0 : starts), pool);
        } finally {
            pool.shutdownNow();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (!json) {
            out.put("law", WhereForm.of(l.expr(), ds.variableNames()).text());   // as best.law writes it: each repeated part once
            out.put("data", ds.source() + " (" + ds.trainRows() + " train, " + ds.testRows() + " test rows, "
                    + ds.groups().size() + " group" + (ds.groups().size() == 1 ? "" : "s") + ")");
        }
        out.put("r2", ev.test() == null ? null : ev.test().r2());
        out.put("nmse", ev.test() == null ? null : ev.test().nmse());
        out.put("nmae", ev.test() == null ? null : ev.test().nmae());
        out.put("train_mse", ev.trainMse());
        out.put("params", ev.constants());
        out.put("n_params", ev.parameters());
        out.put("seconds", ev.seconds());
        Output.print(spec.commandLine().getOut(), out, json);
        return 0;
    }
}
