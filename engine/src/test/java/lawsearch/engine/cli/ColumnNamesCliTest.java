package lawsearch.engine.cli;

import static lawsearch.engine.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep whose columns have names lawsearch gives constants (E for experts, C for compute): the
 * run's files read back, so predict answers and --resume continues. Before, the floor constant E
 * was written out and read back as the experts column.
 */
class ColumnNamesCliTest {
    @TempDir Path dir;

    @Test
    void aColumnNamedAsAConstantIsReadBackAsTheColumn() throws IOException {
        Path csv = dir.resolve("experts.csv");
        StringBuilder b = new StringBuilder("split,params,tokens,E,C,loss\n");
        int i = 0;
        for (double n = 2e7; n < 4e9; n *= 2) {
            for (double d = 1e9; d < 2e11; d *= 3) {
                double experts = 1 << (i++ % 4);
                double loss = 1.69 + 406.4 * Math.pow(n, -0.34) + 410.7 * Math.pow(d, -0.28);
                b.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s%n", n >= 1e9 ? "test" : "train", n, d, experts, 6 * n * d,
                        loss * (1 + 0.003 * Math.sin(i))));
            }
        }
        Files.writeString(csv, b.toString());
        Path out = dir.resolve("runs");
        CliTest.Run first = run("discover", "--data", csv.toString(), "--target", "loss", "--features", "params,tokens,E,C",
                "--generations", "4", "--seed", "1", "--checkpoint-every", "0s", "--out", out.toString());
        assertThat(first.code()).as(first.err()).isZero();
        Path runDir = out.resolve("experts/default/run-0");
        CliTest.Run predict = run("predict", "--run", runDir.toString(), "--at", "params=7e9,tokens=1e12,E=8,C=4.2e22");
        assertThat(predict.code()).as(predict.err()).isZero();
        CliTest.Run again = run("discover", "--resume", runDir.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(lawLine(again.out())).isEqualTo(lawLine(first.out()));
    }

    /**
     * A text column that sorts the runs (dense and MoE) is named on stderr with what to do; a column
     * of names, one a run, is not; with --features nothing is said.
     */
    @Test
    void aTextColumnSortingTheRunsIsNamed() throws IOException {
        Path csv = dir.resolve("arch.csv");
        StringBuilder b = new StringBuilder("arch,name,params,tokens,loss\n");
        int i = 0;
        for (String arch : new String[] {"dense", "moe"}) {
            for (double n = 2e7; n < 2e9; n *= 3) {
                for (double d = 1e9; d < 2e11; d *= 3) {
                    double loss = (arch.equals("moe") ? 1.6 : 1.8) + 406.4 * Math.pow(n, -0.34) + 410.7 * Math.pow(d, -0.28);
                    b.append(String.format(Locale.ROOT, "%s,run%d,%s,%s,%s%n", arch, i++, n, d, loss));
                }
            }
        }
        Files.writeString(csv, b.toString());
        CliTest.Run r = run("discover", "--data", csv.toString(), "--target", "loss", "--generations", "1", "--out", dir.resolve("a").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("lawsearch: " + csv + ": column 'arch' is text (2 values: dense, moe) and not read: name it group"
                + " to fit each value its own constants, or write it as numbers (0 and 1 for two values) for a law to read it")
                .doesNotContain("'name'");
        CliTest.Run chosen = run("discover", "--data", csv.toString(), "--target", "loss", "--features", "params,tokens", "--generations", "1",
                "--out", dir.resolve("b").toString());
        assertThat(chosen.err()).doesNotContain("is text");
    }

    private static String lawLine(String out) {
        return out.lines().filter(l -> l.startsWith("  law")).findFirst().orElseThrow();
    }
}
