package lawsearch.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import lawsearch.engine.cli.CliRun;

/** Refitting a run from its files gives the constants and test R² its result.json recorded. */
class FittedRunTest {
    @TempDir Path dir;

    @Test
    void refitMatchesResultJson() {
        Path runs = dir.resolve("runs");
        assertThat(CliRun.of("discover", "--task", "demo", "--generations", "2", "--threads", "2", "--out", runs.toString(), "--json").code()).isZero();
        RunDir run = RunDir.read(runs.resolve("demo/default/run-0"));
        FittedRun f = FittedRun.of(run);
        assertThat(f.r2()).isCloseTo(run.r2(), within(1e-12));
        JsonNode constants = run.result().get("constants");
        f.evaluation().fits().forEach((group, byTarget) -> byTarget.values().forEach(fit -> {
            for (int i = 0; i < fit.names().size(); i++) {
                assertThat(fit.params()[i]).as(group + " " + fit.names().get(i))
                        .isEqualTo(constants.get(group).get(fit.names().get(i)).asDouble());
            }
        }));
    }
}
