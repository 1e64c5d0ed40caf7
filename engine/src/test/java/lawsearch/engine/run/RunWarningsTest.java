package lawsearch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The run report's warning under a reported law that validates below the held-out rows' mean. */
class RunWarningsTest {
    @Test
    void aLawValidatingBelowZeroIsFlaggedAndOthersAreNot() {
        assertThat(RunWarnings.lowValidation(-3.86)).startsWith("validation R² below 0").contains("--shape");
        assertThat(RunWarnings.lowValidation(0.0)).isNull();
        assertThat(RunWarnings.lowValidation(0.97)).isNull();
        assertThat(RunWarnings.lowValidation(Double.NaN)).isNull();   // no law validated: the report says so itself
    }

    @Test
    void groupsWithFewerTrainRowsThanConstantsAreNamed() {
        assertThat(RunWarnings.underdetermined(java.util.Map.of("big", 200), 5)).isNull();
        assertThat(RunWarnings.underdetermined(new java.util.LinkedHashMap<>(java.util.Map.of("tiny", 3)), 5))
                .isEqualTo("fewer train rows than the law's 5 constants in group 'tiny' (3): their constants are not pinned"
                        + " by their rows; do not predict for them");
    }

    /**
     * A train loss beside the validation loss it was asked to predict: a law reading it is flagged
     * (it forecasts no run not yet trained); a grid setting (repeated values) or a scale variable is
     * not, and the advice names the other features. Judged on train rows only: the test rows here
     * would not track at all.
     */
    @Test
    void aColumnMeasuredWithTheTargetIsNamed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.util.Random rng = new java.util.Random(3);
        StringBuilder csv = new StringBuilder("split,params,tokens,train_loss,val_loss\n");
        for (double n : new double[] {1e7, 3e7, 1e8, 3e8}) {
            for (double d : new double[] {1e9, 3e9, 1e10}) {
                double l = (1.7 + 400 * Math.pow(n, -0.34) + 410 * Math.pow(d, -0.28)) * (1 + 0.003 * rng.nextGaussian());
                csv.append("train,").append(n).append(',').append(d).append(',').append(l * 0.99 * (1 + 0.001 * rng.nextGaussian()))
                        .append(',').append(l).append('\n');
            }
        }
        csv.append("test,1e9,1e10,9,2\ntest,1e9,1e9,1,3\n");
        java.nio.file.Path f = java.nio.file.Files.writeString(dir.resolve("m.csv"), csv);
        var data = lawsearch.evaluator.data.CsvLoader.load(f, lawsearch.evaluator.data.LoadOptions.of("val_loss"));
        assertThat(RunWarnings.measured(data, java.util.List.of("train_loss"), java.util.List.of("params", "tokens")))
                .startsWith("train_loss tracks val_loss (a straight line in it explains 0.99")
                .endsWith("forecasts no run not yet trained; leave it out with --features params,tokens");
        assertThat(RunWarnings.measured(data, java.util.List.of("params", "tokens"), java.util.List.of())).as("grid settings").isNull();
        assertThat(RunWarnings.measured(data, java.util.List.of("train_loss"), java.util.List.of("train_loss"))).as("a scale variable").isNull();
    }

    /** A run id the law reads is named; a grid setting, or whole numbers far apart (token counts), is not. */
    @Test
    void aColumnCountingTheRunsIsNamed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("split,run_id,params,tokens,loss\n");
        int id = 1;
        for (double n : new double[] {1e7, 3e7, 1e8}) {
            for (double d : new double[] {1e9, 3e9, 1e10, 3e10}) {
                csv.append(n >= 1e8 && d >= 3e10 ? "test," : "train,").append(id++).append(',').append((long) n).append(',')
                        .append((long) d).append(',').append(2 + 400 * Math.pow(n, -0.3) + 400 * Math.pow(d, -0.3)).append('\n');
            }
        }
        java.nio.file.Path f = java.nio.file.Files.writeString(dir.resolve("ids.csv"), csv);
        var data = lawsearch.evaluator.data.CsvLoader.load(f, lawsearch.evaluator.data.LoadOptions.of("loss"));
        assertThat(RunWarnings.counters(data, java.util.List.of("params", "run_id", "tokens")))
                .isEqualTo("run_id numbers the runs (whole numbers, one a train row, nearly consecutive): a run id rather than a setting?"
                        + " The law then predicts a new run by its number; leave it out with --features params,tokens");
        assertThat(RunWarnings.counters(data, java.util.List.of("params", "tokens"))).isNull();
    }
}
