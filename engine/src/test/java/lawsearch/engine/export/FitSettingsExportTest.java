package lawsearch.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

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
        LawRun r = LawRun.of(shared.resolve("data/parallel.csv"), "# EVOLVE-BLOCK-START\nlaw: (A*num_params^(-alpha) + B)*parallel_size^(-beta)\n"
                + "bounds: alpha in [0, 1]; beta in [0, 1]\n" + settings + "\n# EVOLVE-BLOCK-END\n", dir);
        assertThat(r.anchorR2(shared)).isCloseTo(r.r2(), within(1e-3));
    }
}
