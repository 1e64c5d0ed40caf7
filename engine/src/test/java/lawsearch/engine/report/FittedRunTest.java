package lawsearch.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


import lawsearch.engine.cli.CliRun;
import lawsearch.evaluator.Evaluation;
import lawsearch.evaluator.fit.FitOptions;

/**
 * A finished run's fitted law is read back from fit.json exactly as the run reported it: the same
 * test R² and constants as result.json, and the same predictions as a refit would give, without one.
 */
class FittedRunTest {
    @TempDir Path dir;

    @Test
    void fitJsonHoldsWhatResultJsonRecorded() {
        Path runs = dir.resolve("runs");
        assertThat(CliRun.of("discover", "--task", "demo", "--generations", "2", "--threads", "2", "--out", runs.toString(), "--json").code()).isZero();
        RunDir run = RunDir.read(runs.resolve("demo/default/run-0"));
        FittedRun f = FittedRun.of(run);
        assertThat(f.r2()).isEqualTo(run.r2());
        assertThat(f.fitted().constants()).isEqualTo(run.result().constants());
        Evaluation refit = Evaluation.of(f.law(), f.data(), FitOptions.DEFAULT, ForkJoinPool.commonPool());
        // The reported law is the readable form with the search form's constants carried over; a refit
        // of the readable form reaches the same optimum to the fitter's tolerance, not to the last bit.
        assertThat(refit.test().r2()).isCloseTo(run.r2(), within(1e-9));
        for (var g : f.data().groups()) {
            for (String t : f.data().targets()) {
                assertThat(f.fitted().predict(g.name(), t, g.test())).containsExactly(refit.fitted().predict(g.name(), t, g.test()), within(1e-6));
            }
        }
    }
}
