package lawsearch.engine.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import lawsearch.engine.report.FittedRun;
import lawsearch.engine.report.RunDir;
import lawsearch.engine.run.FitFile;
import lawsearch.engine.run.RunConfig;
import lawsearch.evaluator.Evaluation;
import lawsearch.evaluator.data.CsvLoader;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.LoadOptions;
import lawsearch.evaluator.fit.FitOptions;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.parser.LawFile;
import lawsearch.grammar.simplify.Canonical;

/**
 * The export cross-checks' fixture: one law (a law file's text) fitted by lawsearch on a CSV's train
 * rows and scored on its test rows, as the run an export reads ({@code run}), and the SLDBench
 * program written from it, scored by {@code run_anchor.py} as SLDBench scores it.
 */
record LawRun(Path csv, Evaluation evaluation, FittedRun run) {

    static LawRun of(Path csv, String lawFile, Path dir) {
        Dataset data = CsvLoader.load(csv, new LoadOptions(List.of("loss"), List.of(), null, Map.of()));
        Law law = LawFile.parse(lawFile, "test.law", data.variableNames()).law();
        Evaluation ev = Evaluation.of(law, data, FitOptions.DEFAULT.withSeed(Canonical.hash(law)), ForkJoinPool.commonPool());
        RunConfig config = RunConfig.builder().version("test").task(csv.getFileName().toString().replace(".csv", "")).entry("test")
                .data(new RunConfig.Source(null, csv.toString(), List.of("loss"), null, null, 0))
                .features(data.features()).targets(data.targets()).aliases(Map.of()).useSeeds(false).generations(1L).build();
        return new LawRun(csv, ev, new FittedRun(new RunDir(dir, config, null, "interrupted"), data,
                FitFile.of(ev, Double.NaN, List.of(), data, null), ev.fitted()));
    }

    /** lawsearch's test R² of the law. */
    double r2() { return evaluation.test().r2(); }

    /** The SLDBench program's test R² under the shared {@code run_anchor.py} (its own numpy/scipy fit). */
    double anchorR2(Path shared) throws IOException, InterruptedException {
        Path program = run.run().dir().resolve("program.py");
        Files.writeString(program, SldbenchExport.of(run));
        return Python.run(shared.resolve("anchors/run_anchor.py").toString(), program.toString(), csv.toString()).get("r2").asDouble();
    }
}
