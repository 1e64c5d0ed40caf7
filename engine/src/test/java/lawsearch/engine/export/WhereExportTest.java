package lawsearch.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;
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
 * A law with a where clause exports with each named subexpression computed once, as a local, and
 * still scores as lawsearch does: the Harbor module (lawsearch's constants) to 1e-9, the SLDBench
 * program (its own numpy/scipy fit) to 1e-3.
 */
class WhereExportTest {
    static final String LAW = """
            # EVOLVE-BLOCK-START
            law: (E + A*exp(-alpha*u) + B*u^2)*parallel_size^(-beta)
              where u = log(num_params/1e9)
            bounds: alpha in [0, 2]; beta in [0, 1]
            # EVOLVE-BLOCK-END
            """;

    @TempDir Path dir;

    @Test
    void exportedProgramsComputeTheNamedPartOnceAndScoreAsLawsearch() throws Exception {
        Path shared = Python.shared();
        Python.assumeNumpyAndScipy();
        Path csv = shared.resolve("data/parallel.csv");
        Dataset data = CsvLoader.load(csv, new LoadOptions(List.of("loss"), List.of(), null, Map.of()));
        Law law = LawFile.parse(LAW, "test.law", data.variableNames()).law();
        Evaluation ev = Evaluation.of(law, data, FitOptions.DEFAULT.withSeed(Canonical.hash(law)), ForkJoinPool.commonPool());
        RunConfig config = RunConfig.builder().version("test").task("parallel").entry("test")
                .data(new RunConfig.Source(null, csv.toString(), List.of("loss"), null, null, 0))
                .features(data.features()).targets(data.targets()).aliases(Map.of()).useSeeds(false).generations(1L).build();
        FittedRun run = new FittedRun(new RunDir(dir, config, null, "interrupted"), data,
                FitFile.of(ev, Double.NaN, List.of(), data, null), ev.fitted());

        String harbor = HarborExport.of(run);
        assertThat(harbor).contains("        u_num_params = np.log((X[:, 0] / 1.0E9))\n",
                "# law: (E + A*exp(-alpha*u_num_params) + B*u_num_params^2)*parallel_size^(-beta) where u_num_params = log(num_params/1e9)");
        Path module = dir.resolve("law.py");
        Files.writeString(module, harbor);
        double harborR2 = Python.run(Python.resource(dir, "score_harbor.py").toString(), module.toString(), csv.toString()).get("r2").asDouble();
        assertThat(harborR2).isCloseTo(ev.test().r2(), within(1e-9));

        Path program = dir.resolve("program.py");
        Files.writeString(program, SldbenchExport.of(run));
        double r2 = Python.run(shared.resolve("anchors/run_anchor.py").toString(), program.toString(), csv.toString()).get("r2").asDouble();
        assertThat(r2).isCloseTo(ev.test().r2(), within(1e-3));
    }
}
