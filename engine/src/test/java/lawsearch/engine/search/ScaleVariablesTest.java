package lawsearch.engine.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lawsearch.evaluator.data.CsvLoader;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.data.LoadOptions;

/** Scale variables come from how the target moves along a column, never from its name. */
class ScaleVariablesTest {
    @TempDir Path dir;

    /** A grid over two positive columns a and b (7 × 7, a in [1e7, 1e9], b in [1e3, 1e5]), 0.3% noise. */
    private Dataset grid(String a, String b, DoubleBinaryOperator loss) throws IOException {
        Random rng = new Random(7);
        StringBuilder sb = new StringBuilder("group,split," + a + "," + b + ",loss\n");
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                double x = 1e7 * Math.pow(10, i / 3.0);
                double y = 1e3 * Math.pow(10, j / 3.0);
                double v = loss.applyAsDouble(x, y) * (1 + 0.003 * rng.nextGaussian());
                sb.append(String.format(Locale.ROOT, "g,train,%.6g,%.6g,%.8g%n", x, y, v));
            }
        }
        Path f = dir.resolve("sweep.csv");
        Files.writeString(f, sb);
        return CsvLoader.load(f, new LoadOptions(List.of("loss"), List.of(), null, Map.of())).withoutTest();
    }

    @Test
    void loggedSizesAreTakenAsScaleVariablesWhenNoColumnSpansFourTimes() throws IOException {
        // log10 of the grid's columns: 7..9 and 3..5, spanning under 4x, the loss falling along both
        Dataset raw = grid("a", "b", (n, t) -> 1.7 + 400 * Math.pow(n, -0.34) + 410 * Math.pow(t, -0.28));
        StringBuilder sb = new StringBuilder("split,log_a,log_b,loss\n");
        Frame g = raw.groups().get(0).train();
        for (int i = 0; i < g.size(); i++) {
            sb.append(String.format(Locale.ROOT, "train,%.6f,%.6f,%.8g%n", Math.log10(g.column("a")[i]), Math.log10(g.column("b")[i]),
                    g.column("loss")[i]));
        }
        Path f = dir.resolve("logged.csv");
        Files.writeString(f, sb);
        Dataset d = CsvLoader.load(f, new LoadOptions(List.of("loss"), List.of(), null, Map.of())).withoutTest();
        ScaleVariables s = ScaleVariables.detect(d);
        assertThat(s.chosen()).as("no column spans 4x: the steady narrow ones are taken").containsExactly("log_a", "log_b");
        assertThat(s.narrow()).isTrue();
        assertThat(s.describe()).contains("taken as logged sizes");
        ScaleVariables wide = ScaleVariables.detect(raw);
        assertThat(wide.narrow()).as("raw sizes span 100x: scale variables, nothing narrow").isFalse();
        assertThat(wide.chosen()).containsExactly("a", "b");
    }

    @Test
    void aColumnAlongWhichTheLossFallsIsAScaleWhateverItsName() throws IOException {
        Dataset d = grid("alpha", "beta", (n, e) -> 1.6 + 4 * Math.pow(n / 1e9, -0.18) / (1 + 0.07 * Math.log(e)));
        assertThat(ScaleVariables.detect(d).chosen()).containsExactly("alpha", "beta");
    }

    @Test
    void aColumnWithABestValueInsideTheSweepIsNot() throws IOException {
        // A vocabulary-like bowl in log(size): named like a size, but the loss moves both ways along it.
        Dataset d = grid("params", "vocab_size", (n, v) -> 1.8 + 30 * Math.pow(n, -0.28) + 0.09 * Math.pow(Math.log(v / 1e4), 2));
        ScaleVariables s = ScaleVariables.detect(d);
        assertThat(s.chosen()).containsExactly("params");
        assertThat(s.describe()).contains("vocab_size").contains("params falls 1.00");
    }

    @Test
    void aColumnThatDoesNothingIsNot() throws IOException {
        Dataset d = grid("tokens", "data_size", (t, unused) -> 2 + 50 * Math.pow(t, -0.2));
        assertThat(ScaleVariables.detect(d).chosen()).containsExactly("tokens");
    }

    @Test
    void anAccuracyThatRisesAlongBothColumnsHasBothAsScales() throws IOException {
        Dataset d = grid("n", "d", (n, t) -> 0.9 - 2 * Math.pow(n, -0.1) - Math.pow(t, -0.3));
        assertThat(ScaleVariables.detect(d).chosen()).containsExactly("n", "d");
    }

    @Test
    void aLossAndAnAccuracyInOneSweepShareTheirScaleVariables() throws IOException {
        Random rng = new Random(5);
        StringBuilder sb = new StringBuilder("split,n,d,loss,accuracy\n");
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double n = 1e7 * Math.pow(10, i / 2.5);
                double d = 1e9 * Math.pow(10, j / 2.5);
                double loss = 1.7 + 400 * Math.pow(n, -0.34) + 410 * Math.pow(d, -0.28);
                double acc = 0.25 + 0.7 / (1 + Math.exp(3 * (loss - 3)));
                sb.append(String.format(Locale.ROOT, "train,%.6g,%.6g,%.8g,%.8g%n", n, d, loss * (1 + 0.003 * rng.nextGaussian()), acc));
            }
        }
        Path f = Files.writeString(dir.resolve("two.csv"), sb);
        Dataset both = CsvLoader.load(f, new LoadOptions(List.of("loss", "accuracy"), List.of(), null, Map.of())).withoutTest();
        assertThat(ScaleVariables.detect(both).chosen()).containsExactly("n", "d");
        assertThat(ScaleVariables.detect(both).opposed()).isEqualTo("loss falls, accuracy rises");
        Dataset loss = CsvLoader.load(f, new LoadOptions(List.of("loss"), List.of("n", "d"), null, Map.of())).withoutTest();
        assertThat(ScaleVariables.detect(loss).opposed()).isNull();
    }

    @Test
    void anIsoFlopSweepWithNoSharedValuesIsReadByTheAdditiveFit() throws IOException {
        // Every model size meets its own token counts (tokens = C / 6N): no two rows share a value of the other column.
        Random rng = new Random(3);
        StringBuilder sb = new StringBuilder("group,split,params,tokens,loss\n");
        for (int c = 0; c < 6; c++) {
            double flops = 1e17 * Math.pow(4, c);
            for (int k = 0; k < 6; k++) {
                double n = 1e6 * Math.pow(3, k + c * 0.5 + rng.nextDouble() * 0.1);
                double t = flops / (6 * n);
                double loss = 1.7 + 400 * Math.pow(n, -0.34) + 410 * Math.pow(t, -0.28);
                sb.append(String.format(Locale.ROOT, "all,train,%.6g,%.6g,%.8g%n", n, t, loss));
            }
        }
        Path f = dir.resolve("iso.csv");
        Files.writeString(f, sb);
        Dataset d = CsvLoader.load(f, new LoadOptions(List.of("loss"), List.of(), null, Map.of())).withoutTest();
        assertThat(Trend.lines(d, "loss", "params")).isNull();
        assertThat(ScaleVariables.detect(d).chosen()).containsExactly("params", "tokens");
    }

    /** One model size typed as 0 takes the column out of the scale variables; the run says so, naming the rows. */
    @Test
    void aFewValuesAtOrBelowZeroAreNamedNotSilentlyDropped() throws IOException {
        Dataset clean = grid("params", "tokens", (n, t) -> 1.7 + 400 * Math.pow(n, -0.34) + 410 * Math.pow(t / 1e-4, -0.28));
        assertThat(ScaleVariables.detect(clean).notPositive()).isEmpty();
        StringBuilder sb = new StringBuilder("split,params,tokens,shift,loss\n");
        Frame g = clean.groups().get(0).train();
        for (int i = 0; i < g.size(); i++) {
            double n = i == 5 ? 0 : g.column("params")[i];
            sb.append(String.format(Locale.ROOT, "train,%.6g,%.6g,%d,%.8g%n", n, g.column("tokens")[i], i % 3 - 1, g.column("loss")[i]));
        }
        Path f = dir.resolve("slip.csv");
        Files.writeString(f, sb);
        ScaleVariables s = ScaleVariables.detect(CsvLoader.load(f, new LoadOptions(List.of("loss"), List.of(), null, Map.of())).withoutTest());
        assertThat(s.chosen()).containsExactly("tokens");
        assertThat(s.notPositive()).as("a signed column (a third of its rows below 1) is not named").hasSize(1);
        assertThat(s.notPositive().get(0)).startsWith("params is 0 or below on 1 of its 49 train rows (smallest 0)");
    }

    /**
     * An under-trained sweep: each larger model got fewer tokens (÷2.2 per size), so along params
     * alone the loss rises, while at a given token count it falls. params stays a scale variable:
     * the additive reading is right here, and a rule that let the rows' own trend overrule it (tried
     * for learning curves, where it was the other way round) dropped params, test R² 0.99938 → 0.942.
     */
    @Test
    void aSizeTrainedOnFewerTokensAsItGrowsIsStillASize() throws IOException {
        StringBuilder sb = new StringBuilder("split,params,tokens,loss\n");
        for (int i = 0; i < 5; i++) {
            double n = 1e7 * Math.pow(3, i);
            for (int k : new int[] {1, 2, 4, 8}) {
                double t = 1e10 / Math.pow(2.2, i) * k;
                sb.append(String.format(Locale.ROOT, "train,%.6g,%.6g,%.8g%n", n, t, 1.8 + 400 * Math.pow(n, -0.34) + 1400 * Math.pow(t, -0.28)));
            }
        }
        Path f = dir.resolve("undertrained.csv");
        Files.writeString(f, sb);
        ScaleVariables s = ScaleVariables.detect(CsvLoader.load(f, new LoadOptions(List.of("loss"), List.of(), null, Map.of())).withoutTest());
        assertThat(s.chosen()).containsExactly("params", "tokens");
    }

    /**
     * A column that grows with the model size (a step time, 10% noise) beside params: no fit can
     * split the loss's fall between the two, and one additive fit gave params "falls 0.70", so it was
     * no scale variable and the reported law turned up along it at 6× the largest model. Each is
     * read without the other: both are scale variables.
     */
    @Test
    void aColumnThatGrowsWithTheModelSizeLeavesTheSizeAScale() throws IOException {
        Random rng = new Random(5);
        StringBuilder sb = new StringBuilder("split,params,tokens,step_time,loss\n");
        for (double n : new double[] {1e7, 3e7, 1e8, 3e8, 1e9}) {
            for (double t : new double[] {1e9, 3e9, 1e10, 3e10}) {
                double loss = (1.7 + 400 * Math.pow(n, -0.34) + 410 * Math.pow(t, -0.28)) * (1 + 0.003 * rng.nextGaussian());
                sb.append(String.format(Locale.ROOT, "train,%.6g,%.6g,%.6g,%.8g%n", n, t, n * 1e-9 * (1 + 0.1 * rng.nextDouble()), loss));
            }
        }
        Path f = dir.resolve("steptime.csv");
        Files.writeString(f, sb);
        Dataset d = CsvLoader.load(f, new LoadOptions(List.of("loss"), List.of(), null, Map.of())).withoutTest();
        assertThat(Trend.partners(d, "params")).containsExactly("step_time");
        assertThat(Trend.partners(d, "tokens")).isEmpty();
        assertThat(ScaleVariables.detect(d).chosen()).containsExactly("params", "tokens", "step_time");
    }

    /** A run id counting through a sweep sorted by size: its steps are params's, and params stays a scale variable. */
    @Test
    void aRunIdCountingThroughTheSweepLeavesTheSizeAScale() throws IOException {
        Random rng = new Random(8);
        StringBuilder sb = new StringBuilder("split,run_id,params,tokens,loss\n");
        int id = 1;
        for (double n : new double[] {1e7, 3e7, 1e8, 3e8, 1e9}) {
            for (double t : new double[] {1e9, 3e9, 1e10, 3e10}) {
                double loss = (1.7 + 400 * Math.pow(n, -0.34) + 410 * Math.pow(t, -0.28)) * (1 + 0.003 * rng.nextGaussian());
                sb.append(String.format(Locale.ROOT, "train,%d,%.6g,%.6g,%.8g%n", id++, n, t, loss));
            }
        }
        Path f = dir.resolve("runid.csv");
        Files.writeString(f, sb);
        Dataset d = CsvLoader.load(f, new LoadOptions(List.of("loss"), List.of(), null, Map.of())).withoutTest();
        assertThat(Trend.partners(d, "params")).containsExactly("run_id");
        assertThat(ScaleVariables.detect(d).chosen()).contains("params", "tokens");
    }
}
