package lawsearch.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lawsearch.engine.report.FittedRun;
import lawsearch.engine.report.RunDir;
import lawsearch.engine.run.BoundedPowerFit;
import lawsearch.engine.run.FitFile;
import lawsearch.engine.run.RunConfig;
import lawsearch.engine.use.IntervalsFile;
import lawsearch.evaluator.Evaluation;
import lawsearch.evaluator.data.Dataset;

/** predict says which constants sit on a bound in the groups it predicts, and how many refits sit there too. */
class PredictBoundNotesTest {
    @TempDir Path dir;

    @Test
    void namesTheConstantOnItsBoundWithItsRefits() throws Exception {
        Map<String, Double> exponents = new LinkedHashMap<>();   // y = 10/x^2 and 10/x^0.5 against an exponent up to 1
        exponents.put("steep", 2.0);
        exponents.put("gentle", 0.5);
        Dataset data = BoundedPowerFit.rows(dir, exponents, 10, 10);
        Evaluation ev = BoundedPowerFit.fit(data);
        RunConfig config = RunConfig.builder().version("test").task("t").entry("test")
                .data(new RunConfig.Source(null, dir.resolve("rows.csv").toString(), List.of("y"), null, null, 0))
                .features(data.features()).targets(data.targets()).aliases(Map.of()).useSeeds(false).generations(1L).build();
        FittedRun run = new FittedRun(new RunDir(dir, config, null, "finished"), data, FitFile.of(ev, Double.NaN, List.of("x"), data, null),
                ev.fitted());
        IntervalsFile.Resamples boot = new IntervalsFile.Resamples(4, 1, Map.of("steep", 10, "gentle", 10), Map.of(
                "steep", Map.of("y", Arrays.asList(List.of(10.0, 1.0), List.of(9.0, 0.9999999999), List.of(11.0, 0.8), null)),
                "gentle", Map.of("y", Arrays.asList(List.of(10.0, 1.0), List.of(10.0, 0.5), List.of(10.0, 0.5), List.of(10.0, 0.5)))));

        assertThat(PredictCommand.boundNotes(run, boot, Set.of("steep", "gentle"))).containsExactly(
                "at a bound: alpha = 1 (bounds: alpha in [0, 1]), in 1 of 2 fits (steep), as are 2 of 3 refits: the interval counts no value past the bound");
        assertThat(PredictCommand.boundNotes(run, boot, Set.of("steep"))).containsExactly(
                "at a bound: alpha = 1 (bounds: alpha in [0, 1]), as are 2 of 3 refits: the interval counts no value past the bound");
        assertThat(PredictCommand.boundNotes(run, boot, Set.of("gentle"))).isEmpty();
    }
}
