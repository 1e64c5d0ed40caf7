package lawsearch.engine.use;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lawsearch.engine.cli.CliRun;
import lawsearch.engine.report.FittedRun;
import lawsearch.engine.report.RunDir;

/** A prediction interval stays within what the target can take, and holds the law's own value. */
class TargetRangesTest {
    static final double[] RATE = {0, 1};
    static final double[] POSITIVE = {0, Double.POSITIVE_INFINITY};

    @Test
    void anEndPastTheRangeIsMovedToItButNeverPastThePrediction() {
        assertThat(TargetRanges.clip(1.135, RATE, 0.64, false)).isEqualTo(1.0);
        assertThat(TargetRanges.clip(-0.2, RATE, 0.64, true)).isEqualTo(0.0);
        assertThat(TargetRanges.clip(0.38, RATE, 0.64, true)).isEqualTo(0.38);
        assertThat(TargetRanges.clip(-0.5, POSITIVE, 2.1, true)).isEqualTo(0.0);
        assertThat(TargetRanges.clip(9.0, POSITIVE, 2.1, false)).isEqualTo(9.0);
        // a law predicting past the range keeps its value inside its interval
        assertThat(TargetRanges.clip(1.2, RATE, 1.05, false)).isEqualTo(1.05);
        assertThat(TargetRanges.clip(1.2, null, 0.64, false)).isEqualTo(1.2);
        assertThat(TargetRanges.clip(Double.NaN, RATE, 0.64, true)).isNaN();
    }

    @Test
    void aLossPositiveOnEveryTrainRowIsAtLeastZero(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("sweep.csv"), PredictTest.csv());
        CliRun r = CliRun.of("discover", "--data", csv.toString(), "--target", "loss", "--generations", "1", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        FittedRun run = FittedRun.of(RunDir.read(dir.resolve("sweep/default/run-0")));
        assertThat(TargetRanges.of(run)).containsOnlyKeys("loss");
        assertThat(TargetRanges.of(run).get("loss")).containsExactly(POSITIVE);
    }
}
