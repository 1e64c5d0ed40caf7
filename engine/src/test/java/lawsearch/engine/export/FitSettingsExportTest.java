package lawsearch.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

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
 * The SLDBench program honours the law's fit settings: with Huber loss and scale weighting, or
 * log-MSE, its own numpy/scipy fit scores within 1e-3 of lawsearch's on parallel's test rows.
 */
class FitSettingsExportTest {
    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"loss: huber(0.01)\nweight: scale(num_params, 0.5)\nstarts: 4",
        "loss: log-mse\nweight: uniform\nstarts: 3", "loss: mse\nweight: scale(parallel_size, 1)\nstarts: 2"})
    void exportedFitScoresAsLawsearch(String settings) throws Exception {
        Path shared = Python.shared();
        Python.assumeNumpyAndScipy();
        Path csv = shared.resolve("data/parallel.csv");
        Dataset data = CsvLoader.load(csv, new LoadOptions(List.of("loss"), List.of(), null, Map.of()));
        Law law = LawFile.parse("# EVOLVE-BLOCK-START\nlaw: (A*num_params^(-alpha) + B)*parallel_size^(-beta)\n"
                + "bounds: alpha in [0, 1]; beta in [0, 1]\n" + settings + "\n# EVOLVE-BLOCK-END\n", "test.law", data.variableNames()).law();
        Evaluation ev = Evaluation.of(law, data, FitOptions.DEFAULT.withSeed(Canonical.hash(law)), ForkJoinPool.commonPool());
        RunConfig config = RunConfig.builder().version("test").task("parallel").entry("test")
                .data(new RunConfig.Source(null, csv.toString(), List.of("loss"), null, null, 0))
                .features(data.features()).targets(data.targets()).aliases(Map.of()).useSeeds(false).generations(1L).build();
        Path program = dir.resolve("program.py");
        Files.writeString(program, SldbenchExport.of(new FittedRun(new RunDir(dir, config, null, "interrupted"), data,
                FitFile.of(ev, Double.NaN, List.of(), data, null), ev.fitted())));
        double r2 = Python.run(shared.resolve("anchors/run_anchor.py").toString(), program.toString(), csv.toString()).get("r2").asDouble();
        assertThat(r2).isCloseTo(ev.test().r2(), within(1e-3));
    }
}
