package lawsearch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Which of repeated runs to use: the best-validating sound one, by train rows only. */
class RunChoiceTest {

    private static final ShapeChecks SOUND = new ShapeChecks(true, true, true, true, "", null);
    private static final ShapeChecks UNSOUND = new ShapeChecks(false, true, false, true, "rises along params", null);

    private static RunResult run(String dir, String law, Double validation, Double test, ShapeChecks shape) {
        return new RunResult(dir, 0, RunState.FINISHED, law, "", 5, validation, test, null, null, null, Map.of(), 10, 100,
                List.of("params"), shape, 1.0, null);
    }

    @Test
    void theBestValidatingSoundRunIsUsedWhateverItsTestScore() {
        List<RunResult> runs = List.of(run("a", "E + A*N^(-alpha)", 0.959, 0.99, SOUND),
                run("b", "E + A/log(N)^alpha", 0.962, 0.93, SOUND),
                run("c", "A*N^c1", 0.999, 0.999, UNSOUND));
        assertThat(RunChoice.of(runs)).map(RunResult::runDir).contains("b");
    }

    @Test
    void anUncheckedLawCountsATieGoesToTheEarlierRunAndNoLawIsNoChoice() {
        assertThat(RunChoice.of(List.of(run("a", "E", 0.9, null, null), run("b", "E", 0.9, null, SOUND))))
                .map(RunResult::runDir).contains("a");
        assertThat(RunChoice.of(List.of(run("a", null, null, null, null), run("b", "E", Double.NaN, null, SOUND)))).isEmpty();
    }
}
