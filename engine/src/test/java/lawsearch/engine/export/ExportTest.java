package lawsearch.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import lawsearch.engine.cli.CliRun;

/**
 * The exports against lawsearch's own scores: an SLDBench program fitted and scored by numpy/scipy
 * under SLDBench's protocol, and a Harbor module with lawsearch's constants (skipped without
 * python3 + numpy + scipy or ../shared).
 */
class ExportTest {
    @TempDir Path dir;

    static CliRun run(String... args) { return CliRun.of(args); }

    Path discover(String task) {
        Path runs = dir.resolve("runs");
        CliRun r = run("discover", "--task", task, "--generations", "3", "--threads", "2", "--out", runs.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        return runs.resolve(task).resolve("default").resolve("run-0");
    }

    Path export(Path run, String format, String file) {
        Path out = dir.resolve(file);
        CliRun r = run("export", "--run", run.toString(), "--format", format, "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return out;
    }

    static double resultR2(Path runDir) throws IOException {
        return new ObjectMapper().readTree(Files.readString(runDir.resolve("result.json"))).get("r2").asDouble();
    }

    @Test
    void sldbenchProgramOnParallelScoresAsLawsearchUnderSldbenchsProtocol() throws Exception {
        Path shared = Python.shared();
        Python.assumeNumpyAndScipy();
        Path run = discover("parallel");
        Path program = export(run, "sldbench", "parallel_sldbench.py");
        String text = Files.readString(program);
        assertThat(text).contains("# EVOLVE-BLOCK-START", "# EVOLVE-BLOCK-END", "def scaling_law_func(data_points, params)",
                "def fit_scaling_law(data_points, loss_values)").doesNotContain("import lawsearch");
        JsonNode score = Python.run(shared.resolve("anchors/run_anchor.py").toString(), program.toString(),
                shared.resolve("data/parallel.csv").toString());
        assertThat(score.get("r2").asDouble()).isCloseTo(resultR2(run), within(1e-3));
    }

    @Test
    void harborModuleOnSftReproducesLawsearchsTestR2() throws Exception {
        Path shared = Python.shared();
        Python.assumeNumpyAndScipy();
        Path run = discover("sft");
        Path module = export(run, "harbor", "law.py");
        assertThat(Files.readString(module)).contains("def law(input_data: list[dict], group: str) -> list[dict]:");
        JsonNode score = Python.run(Python.resource(dir, "score_harbor.py").toString(), module.toString(),
                shared.resolve("data/sft.csv").toString());
        assertThat(score.get("r2").asDouble()).isCloseTo(resultR2(run), within(1e-9));
    }

    @Test
    void exportOfAFolderThatIsNoRunIsAOneLineError() {
        CliRun r = run("export", "--run", dir.toString(), "--format", "harbor");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("config.json: not found");
    }
}
