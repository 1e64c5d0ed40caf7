package lawsearch.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        LawRun r = LawRun.of(csv, LAW, dir);
        String harbor = HarborExport.of(r.run());
        assertThat(harbor).contains("        u_num_params = np.log((X[:, 0] / 1.0E9))\n",
                "# law: (E + A*exp(-alpha*u_num_params) + B*u_num_params^2)*parallel_size^(-beta) where u_num_params = log(num_params/1e9)");
        Path module = dir.resolve("law.py");
        Files.writeString(module, harbor);
        double harborR2 = Python.run(Python.resource(dir, "score_harbor.py").toString(), module.toString(), csv.toString()).get("r2").asDouble();
        assertThat(harborR2).isCloseTo(r.r2(), within(1e-9));

        assertThat(r.anchorR2(shared)).isCloseTo(r.r2(), within(1e-3));
    }
}
