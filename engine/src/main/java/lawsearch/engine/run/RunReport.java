package lawsearch.engine.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import lawsearch.engine.search.Generation;
import lawsearch.engine.search.SearchConfig;
import lawsearch.engine.search.SearchState;
import lawsearch.grammar.formatter.Printer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Runs discovery runs one after another, showing progress on a terminal (quiet otherwise or with
 * --json), writing each run's files and printing what a user reads in the morning.
 */
public final class RunReport {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    public RunReport(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    /**
     * Carries out one run, fresh ({@code from} null) or continued from a checkpoint's state, and
     * writes its files; result.json only when the search finished its budget.
     */
    public Map<String, Object> run(RunPlan plan, AtomicBoolean stop, SearchState from) {
        RunConfig rc = plan.config();
        SearchConfig config = plan.search();
        Path dir = plan.dir();
        boolean bar = !json && System.console() != null;
        try (RunLog log = RunLog.open(dir);
             ProgressBar pb = bar ? progressBar(config, rc.index(), plan.runs()) : null) {
            logStart(log, plan, from);
            RunState.of(RunState.RUNNING, from == null ? 0 : from.generation(),
                    from == null || from.history().isEmpty() ? Double.NaN
                            : from.history().get(from.history().size() - 1).bestValidationR2()).write(dir);
            Checkpointer checkpoints = new Checkpointer(dir, config.seed(), plan.checkpointEvery(), log);
            Discovery.Outcome o = Discovery.run(plan.data(), rc.settings(plan.seeds(), config), stop,
                    new Discovery.Hooks(g -> progress(pb, g, config), checkpoints, from));
            RunFiles.writeHistory(dir, o.search().history());
            RunFiles.writePareto(dir, o.search().hallOfFame().front());
            Map<String, Object> r = result(o, dir, config.seed());
            if (o.chosen() != null) {
                RunFiles.writeBest(dir, o.chosen(), o.evaluation(), rc.task(), config.seed());
            }
            if (!o.search().interrupted()) {
                RunFiles.writeResult(dir, r);   // result.json exists only for finished runs
            }
            String state = (String) r.get("state");
            RunState.of(state, o.search().history().size(), o.chosen() == null ? Double.NaN : o.chosen().validationR2())
                    .write(dir);
            log.line("run " + state + ": law " + r.get("law") + ", validation R² " + r.get("validation_r2")
                    + ", test R² " + r.get("r2") + ", " + r.get("evaluations") + " laws fitted");
            if (!json) {
                printRun(r, rc.index(), plan.runs(), o);
            }
            return r;
        }
    }

    private static void logStart(RunLog log, RunPlan plan, SearchState from) {
        if (from == null) {
            log.line("lawsearch " + plan.config().version() + " on Java " + Runtime.version() + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores; seed " + plan.search().seed());
            log.line("config " + RunFiles.line(plan.config()));
            log.line("search " + describe(plan.search()));
        } else {
            log.line("resumed at generation " + from.generation() + " (" + from.scores().size() + " laws fitted, "
                    + String.format("%.1f", from.elapsedSeconds()) + " s searched) on Java " + Runtime.version());
        }
    }

    /** Budget, seed and threads, then the options that differ from the defaults (config.json has them all). */
    static String describe(SearchConfig c) {
        String budget = (c.generations() > 0 ? c.generations() + " generations" : "")
                + (c.generations() > 0 && c.time() != null ? " or " : "")
                + (c.time() != null ? String.format("%.1f s", c.time().toMillis() / 1000.0) : "");
        return "budget " + budget + ", seed " + c.seed() + ", " + c.threads() + " threads; options "
                + c.options().describeDifferences();
    }

    private ProgressBar progressBar(SearchConfig c, int index, int runs) {
        boolean byTime = c.generations() <= 0;
        return new ProgressBarBuilder().setTaskName("run " + (index + 1) + "/" + runs)
                .setInitialMax(byTime ? c.time().toSeconds() : c.generations())
                .setUnit(byTime ? " s" : " gen", 1).setStyle(ProgressBarStyle.ASCII).continuousUpdate()
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
    }

    private static void progress(ProgressBar pb, Generation g, SearchConfig c) {
        if (pb == null) {
            return;
        }
        pb.stepTo(c.generations() <= 0 ? (long) g.elapsedSeconds() : g.generation());
        pb.setExtraMessage(String.format("gen %d, %.0f evals/s, best val R² %.4f", g.generation(),
                g.evaluations() / Math.max(1e-9, g.elapsedSeconds()), g.bestValidationR2()));
    }

    private static Map<String, Object> result(Discovery.Outcome o, Path dir, long seed) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("run_dir", dir.toString());
        r.put("seed", seed);
        r.put("state", o.search().interrupted() ? "interrupted" : "finished");
        if (o.chosen() != null) {
            r.put("law", Printer.print(o.chosen().law().expr()));
            r.put("bounds", Printer.printBounds(o.chosen().law().bounds()));
            r.put("n_params", o.evaluation().parameters());
            r.put("validation_r2", RunFiles.finite(o.chosen().validationR2()));
            r.put("r2", o.evaluation().test() == null ? null : RunFiles.finite(o.evaluation().test().r2()));
            r.put("nmse", o.evaluation().test() == null ? null : RunFiles.finite(o.evaluation().test().nmse()));
            r.put("nmae", o.evaluation().test() == null ? null : RunFiles.finite(o.evaluation().test().nmae()));
            r.put("train_mse", RunFiles.finite(o.evaluation().trainMse()));
            r.put("constants", o.evaluation().constants());
        }
        r.put("generations", o.search().history().size());
        r.put("evaluations", o.search().evaluations());
        r.put("scale_variables", o.scaleVariables());
        r.put("seconds", o.search().seconds());
        return r;
    }

    private void printRun(Map<String, Object> r, int index, int runs, Discovery.Outcome o) {
        out.printf("run %d/%d (seed %s, %s): %s%n", index + 1, runs, r.get("seed"), r.get("state"), r.get("run_dir"));
        if (o.chosen() == null) {
            out.println("  no law fitted the data");
            return;
        }
        out.printf("  law          %s%n", r.get("law"));
        out.printf("  bounds       %s%n", r.get("bounds"));
        out.printf("  n_params     %s   validation R² %.6f   test R² %s%n", r.get("n_params"), o.chosen().validationR2(),
                r.get("r2") == null ? "-" : String.format("%.6f", (Double) r.get("r2")));
        out.printf("  searched     %d generations, %d laws fitted, %.1f s%n", o.search().history().size(),
                o.search().evaluations(), o.search().seconds());
        out.flush();
    }

    public void summary(List<Map<String, Object>> runs) {
        double[] r2 = runs.stream().map(m -> m.get("r2")).filter(v -> v instanceof Double).mapToDouble(v -> (Double) v).toArray();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("runs", runs.stream().map(RunReport::brief).toList());
        R2Stats stats = R2Stats.of(r2);
        s.put("best", stats.best());
        s.put("mean", stats.mean());
        s.put("min", stats.min());
        if (json) {
            try {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(s));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else if (runs.size() > 1 && r2.length > 0) {
            out.printf("test R² over %d runs: best %.6f, mean %.6f, min %.6f%n", r2.length, s.get("best"), s.get("mean"), s.get("min"));
        }
        out.flush();
        err.flush();
    }

    private static Map<String, Object> brief(Map<String, Object> r) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : List.of("run_dir", "seed", "state", "law", "n_params", "validation_r2", "r2", "nmse", "nmae", "seconds")) {
            m.put(k, r.get(k));
        }
        return m;
    }
}
