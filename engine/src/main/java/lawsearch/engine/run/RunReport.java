package lawsearch.engine.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import lawsearch.engine.io.Json;
import lawsearch.engine.search.Generation;
import lawsearch.engine.search.Grammars;
import lawsearch.engine.search.RowSample;
import lawsearch.engine.search.ScaleVariables;
import lawsearch.engine.use.Intervals;
import lawsearch.engine.use.IntervalsFile;
import lawsearch.engine.search.Score;
import lawsearch.engine.search.SearchConfig;
import lawsearch.engine.search.SearchState;
import lawsearch.evaluator.Evaluation;
import lawsearch.evaluator.data.CsvLoader;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.protocol.AtBound;
import lawsearch.evaluator.metrics.Scores;
import lawsearch.evaluator.soundness.Soundness;
import lawsearch.grammar.formatter.LawFileWriter;
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
     * writes its files; fit.json and result.json only when the search finished its budget.
     */
    public RunResult run(RunPlan plan, AtomicBoolean stop, SearchState from) {
        RunConfig rc = plan.config();
        SearchConfig config = plan.search();
        Path dir = plan.dir();
        boolean bar = !json && System.console() != null;
        try (RunLog log = RunLog.open(dir)) {
            // read once: the run log's start names them with their trends, the end warns when they were taken as logged sizes
            ScaleVariables detected = rc.scale() != null && RunConfig.SCALE_DETECTED.equals(rc.scaleFrom())
                    ? ScaleVariables.detect(plan.data().withoutTest()) : null;
            logStart(log, plan, from, detected);
            RunState.of(RunState.RUNNING, from == null ? 0 : from.generation(),
                    from == null || from.history().isEmpty() ? Double.NaN
                            : from.history().get(from.history().size() - 1).bestValidationR2()).write(dir);
            Checkpointer checkpoints = new Checkpointer(dir, config.seed(), plan.checkpointEvery(), log);
            Discovery.Outcome o;
            // closed before anything is printed: open, the bar's last line took the run's first line (same terminal)
            try (ProgressBar pb = bar ? progressBar(config, rc.index(), plan.runs()) : null) {
                o = Discovery.run(plan.data(), rc.settings(plan.seeds(), config), stop,
                        new Discovery.Hooks(g -> progress(pb, g, config), checkpoints, from));
            }
            RunFiles.writeHistory(dir, o.search().history());
            RunFiles.writePareto(dir, o.search().hallOfFame().front(), o.shape());
            logDocumented(log, "seed law ", o.documented(), o.shape());
            logDocumented(log, "template ", o.templates(), o.shape());
            logSpreads(log, o.shape());
            ShapeChecks shape = o.chosen() == null || o.shape().off() ? null
                    : ShapeChecks.of(o.shape().check(o.evaluation().fitted()), o.shape().frontierSpread(o.chosen().law()));
            PassedOver passedOver = o.search().interrupted() ? null : passedOver(o, plan, log);
            RunResult r = result(o, dir, config.seed(), shape, passedOver);
            if (o.chosen() != null) {
                RunFiles.writeBest(dir, o.chosen(), o.evaluation(), rc.task(), config.seed());
            }
            if (!o.search().interrupted()) {   // fit.json and result.json exist only for finished runs
                if (o.chosen() != null) {
                    FitFile.of(o.evaluation(), o.chosen().validationR2(), o.scaleVariables(), plan.data(), shape).write(dir);
                    writeIntervals(o, plan, log);
                }
                r.write(dir);
            }
            RunState.of(r.state(), o.search().history().size(), o.chosen() == null ? Double.NaN : o.chosen().validationR2())
                    .write(dir);
            log.line("run " + r.state() + ": law " + r.law() + ", validation R² " + r.validationR2()
                    + ", test R² " + r.r2() + ", " + r.evaluations() + " laws fitted");
            logPassedOver(log, passedOver);
            List<AtBound> atBound = o.evaluation() == null ? List.of() : AtBound.of(o.evaluation().fitted());
            atBound.forEach(b -> log.line("at a bound: " + b.describe()));
            List<String> scaleHint = o.chosen() == null ? List.of() : new ArrayList<>(RunWarnings.scaleHints(detected));
            if (o.evaluation() != null) {
                scaleHint.addAll(RunWarnings.columnsRead(plan.data(), o.evaluation().fitted().columns().values(), o.scaleVariables()));
            }
            scaleHint.forEach(w -> log.line("warning " + w));
            if (!json) {
                printRun(r, rc.index(), plan.runs(), o, trainRows(plan.data()), scaleHint, atBound);
            }
            return r;
        }
    }

    private static Map<String, Integer> trainRows(Dataset data) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        data.groups().forEach(g -> rows.put(g.name(), g.train().size()));
        return rows;
    }

    /** intervals.json: computed once here (bootstrap refits, the front's rival laws, held-out errors) so {@code predict} refits nothing. */
    private static void writeIntervals(Discovery.Outcome o, RunPlan plan, RunLog log) {
        long t0 = System.nanoTime();
        IntervalsFile f;
        try {
            f = Intervals.compute(o, plan.data(), plan.search().seed(), plan.search().threads());
        } catch (RuntimeException e) {   // a night's search still reports its law; predict then says intervals.json is missing
            log.line("intervals: not computed: " + e);
            return;
        }
        f.write(plan.dir());
        int out = f.bootstrap().outOfRange();
        String left = out > 0 ? " (" + out + " out of the target's range, left out)" : "";
        log.line(String.format("intervals: %d bootstrap refits%s, %d rival laws, %.1f s", f.bootstrap().count(), left,
                f.alternatives().size(), (System.nanoTime() - t0) / 1e9));
    }

    /**
     * Each documented form ({@code kind}: seed laws, or templates) once, under the fit setting it
     * validated best with, so the log shows how near each came to the reported law and, where the
     * checks ran on it, why one that validated better was not.
     */
    private static void logDocumented(RunLog log, String kind, List<Score> forms, ShapeGate shape) {
        for (Score s : Score.bestPerExpression(forms).values()) {
            Soundness.Verdict v = s.failed() ? null : shape.verdictIfChecked(s.law());
            log.line(kind + Printer.print(s.law().expr()) + ": " + (s.failed() ? "fit failed"
                    : String.format("validation R² %.6f (%s, %s)", s.validationR2(), LawFileWriter.loss(s.law().fit().loss()),
                            LawFileWriter.weight(s.law().fit().weighting())))
                    + (v == null || v.sound() ? "" : "; UNSOUND: " + v.detail()));
        }
    }

    /** Each law the reported-law rule asked to be pinned, with its frontier spread: those above the bar were passed over. */
    private static void logSpreads(RunLog log, ShapeGate shape) {
        shape.spreads().forEach((law, spread) -> log.line("frontier spread "
                + (Double.isNaN(spread) ? "not measured (no scale variable or no usable refits)" : String.format("%.3g", spread))
                + (shape.pinned(law) ? "" : " (passed over: above " + ShapeGate.MAX_FRONTIER_SPREAD + ")")
                + ": " + Printer.print(law.expr())));
    }

    private static void logStart(RunLog log, RunPlan plan, SearchState from, ScaleVariables detected) {
        if (from == null) {
            log.line("lawsearch " + plan.config().version() + " on Java " + Runtime.version() + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores; seed " + plan.search().seed());
            log.line("config " + RunFiles.line(plan.config()));
            log.line("search " + describe(plan.search()));
            log.line("scale variables " + scale(plan, detected));
            List<String> unread = plan.data().otherColumns().stream().filter(c -> !c.equals(CsvLoader.GROUP) && !c.equals(CsvLoader.SPLIT)).toList();
            if (!unread.isEmpty()) {
                log.line("columns not read (text, or left out by --features): " + String.join(", ", unread));
            }
            List<String> fixed = Grammars.fixedFeatures(plan.data().withoutTest());
            if (!fixed.isEmpty()) {
                log.line("one value on every train row, so not drawn by the search (a seed law may still use them): "
                        + String.join(", ", fixed));
            }
            int rows = plan.data().trainRows();
            int searchRows = plan.search().options().searchRows();
            if (RowSample.applies(rows, searchRows)) {
                log.line("search rows: a fixed sample of about " + searchRows + " of the " + rows
                        + " train rows (search_rows); the front and the fittest laws are scored again on all of them");
            }
            log.line("shape " + plan.config().shapeSpec().text());
        } else {
            log.line("resumed at generation " + from.generation() + " (" + from.scores().size() + " laws fitted, "
                    + String.format("%.1f", from.elapsedSeconds()) + " s searched) on Java " + Runtime.version());
        }
    }

    /** The scale variables and where they came from; detected ones with the trends that decided them. */
    private static String scale(RunPlan plan, ScaleVariables detected) {
        RunConfig c = plan.config();
        if (c.scale() == null) {
            return "to be detected";
        }
        if (detected != null) {
            return detected.describe();
        }
        return (c.scale().isEmpty() ? "none" : String.join(", ", c.scale())) + " (from " + c.scaleFrom() + ")";
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

    /** The law passed over for its shape, or null; a failure here costs the note, never the night's law. */
    private static PassedOver passedOver(Discovery.Outcome o, RunPlan plan, RunLog log) {
        try {
            return PassedOver.of(o, plan.data().withoutTest()).orElse(null);
        } catch (RuntimeException e) {
            log.line("passed over: not computed: " + e);
            return null;
        }
    }

    private static void logPassedOver(RunLog log, PassedOver p) {
        if (p == null) {
            return;
        }
        log.line(String.format("passed over: %s, validation R² %.6f, UNSOUND: %s", p.law(), p.validationR2(), p.detail()));
        p.data().forEach(d -> log.line("against the checks: " + d));
        if (p.shapeHint() != null) {
            log.line("where the rows are right: " + p.shapeHint());
        }
    }

    private static RunResult result(Discovery.Outcome o, Path dir, long seed, ShapeChecks shape, PassedOver passedOver) {
        String state = o.search().interrupted() ? RunState.INTERRUPTED : RunState.FINISHED;
        Score c = o.chosen();
        Evaluation ev = o.evaluation();
        Scores test = ev == null ? null : ev.test();
        return new RunResult(dir.toString(), seed, state,
                c == null ? null : Printer.printWhere(ev.law().expr()),
                c == null ? null : Printer.printBounds(ev.law().bounds()),
                c == null ? null : ev.parameters(),
                c == null ? null : RunFiles.finite(c.validationR2()),
                test == null ? null : RunFiles.finite(test.r2()),
                test == null ? null : RunFiles.finite(test.nmse()),
                test == null ? null : RunFiles.finite(test.nmae()),
                c == null ? null : RunFiles.finite(ev.trainMse()),
                c == null ? null : ev.constants(),
                o.search().history().size(), o.search().evaluations(), o.scaleVariables(), shape, o.search().seconds(), passedOver);
    }

    private void printRun(RunResult r, int index, int runs, Discovery.Outcome o, Map<String, Integer> trainRows, List<String> scaleHint,
                          List<AtBound> atBound) {
        out.printf("run %d/%d (seed %s, %s): %s%n", index + 1, runs, r.seed(), r.state(), r.runDir());
        if (o.chosen() == null) {
            out.println("  no law fitted the data");
            return;
        }
        out.printf("  law          %s%n", r.law());
        out.printf("  bounds       %s%n", r.bounds());
        out.printf("  n_params     %s   validation R² %.6f   test R² %s%n", r.nParams(), o.chosen().validationR2(),
                r.r2() == null ? "-" : String.format("%.6f", r.r2()));
        out.printf("  shape        %s%n", r.shape() == null ? "not checked (--shape none)" : r.shape().sound() ? ShapeChecks.soundSummary(!o.scaleVariables().isEmpty())
                : "UNSOUND: " + r.shape().detail());
        // Each group and target is fitted on its own rows with the law's constants: n_params counts them over every target.
        int perFit = o.evaluation() != null ? o.evaluation().fitted().parameters().size() : o.chosen().law().parameters().size();
        List<String> warnings = new ArrayList<>(Arrays.asList(RunWarnings.lowValidation(o.chosen().validationR2()), RunWarnings.underdetermined(trainRows, perFit)));
        warnings.addAll(scaleHint);
        for (String w : warnings) {
            if (w != null) {
                out.printf("  warning      %s%n", w);
            }
        }
        for (AtBound b : atBound) {
            out.printf("  at a bound   %s: the bound, not the rows, set it%n", b.describe());
        }
        String seed = RunWarnings.seedNotReported(o);
        if (seed != null) {
            out.printf("  seed law     %s%n", seed);
        }
        printPassedOver(r.passedOver());
        out.printf("  searched     %d generations, %d laws fitted, %.1f s%n", o.search().history().size(),
                o.search().evaluations(), o.search().seconds());
        out.flush();
    }

    /** The law passed over for its shape, why, and what the train rows say about that (see {@link PassedOver}). */
    private void printPassedOver(PassedOver p) {
        if (p == null) {
            return;
        }
        out.printf("  passed over  %s (validation R² %.6f): UNSOUND: %s%n", p.law(), p.validationR2(), p.detail());
        for (String d : p.data()) {
            out.printf("  data         %s%n", d);
        }
        if (p.shapeHint() != null) {
            out.printf("  to allow     %s%n", p.shapeHint());
        }
    }

    /** One run as {@code discover --json} lists it. */
    record Brief(@JsonProperty("run_dir") String runDir, @JsonProperty("seed") long seed, @JsonProperty("state") String state,
                 @JsonProperty("law") String law, @JsonProperty("n_params") Integer nParams,
                 @JsonProperty("validation_r2") Double validationR2, @JsonProperty("r2") Double r2,
                 @JsonProperty("nmse") Double nmse, @JsonProperty("nmae") Double nmae,
                 @JsonProperty("shape") ShapeChecks shape, @JsonProperty("seconds") double seconds,
                 @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("passed_over") PassedOver passedOver) {
        static Brief of(RunResult r) {
            return new Brief(r.runDir(), r.seed(), r.state(), r.law(), r.nParams(), r.validationR2(), r.r2(), r.nmse(), r.nmae(),
                    r.shape(), r.seconds(), r.passedOver());
        }
    }

    /**
     * {@code discover --json}: the runs, then best, mean and min test R² over them, and the run to
     * use ({@link RunChoice}; null when none qualifies).
     */
    record Summary(@JsonProperty("runs") List<Brief> runs, @JsonProperty("best") Double best,
                   @JsonProperty("mean") Double mean, @JsonProperty("min") Double min,
                   @JsonProperty("use") String use) { }

    public void summary(List<RunResult> runs) {
        double[] r2 = runs.stream().map(RunResult::r2).filter(v -> v != null).mapToDouble(Double::doubleValue).toArray();
        R2Stats stats = R2Stats.of(r2);
        RunResult use = RunChoice.of(runs).orElse(null);
        if (json) {
            out.println(Json.write(new Summary(runs.stream().map(Brief::of).toList(), stats.best(), stats.mean(), stats.min(),
                    use == null ? null : use.runDir())));
        } else if (runs.size() > 1) {
            if (r2.length > 0) {
                out.printf("test R² over %d runs: best %.6f, mean %.6f, min %.6f%n", r2.length, stats.best(), stats.mean(), stats.min());
            }
            if (use != null) {
                out.printf("use          %s (seed %d): its law validates best of the sound runs (R² %.6f)%n", use.runDir(), use.seed(),
                        use.validationR2());
            }
        }
        out.flush();
        err.flush();
    }
}
