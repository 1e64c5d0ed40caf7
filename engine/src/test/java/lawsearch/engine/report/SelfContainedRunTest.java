package lawsearch.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lawsearch.engine.cli.CliRun;
import lawsearch.engine.export.Python;
import lawsearch.engine.run.RunResult;
import lawsearch.evaluator.protocol.Protocol;

/**
 * A finished run directory needs nothing outside itself: moved elsewhere with its source CSV
 * deleted, it gives the same leaderboard, a complete HTML site (plots included) and an export
 * that reproduces its test R², without one fit; a snapshot edited after the run is refused.
 */
class SelfContainedRunTest {
    @TempDir Path dir;

    static final String CSV = "group,split,params,tokens,loss\n" + rows();

    static String rows() {
        StringBuilder b = new StringBuilder();
        for (String g : new String[] {"a", "b"}) {
            for (double n : new double[] {1e7, 3e7, 1e8, 3e8, 1e9, 3e9}) {
                for (double d : new double[] {1e9, 3e9, 1e10, 3e10}) {
                    double loss = (g.equals("a") ? 1.7 : 1.9) + 400 * Math.pow(n, -0.34) + 410 * Math.pow(d, -0.28);
                    b.append(g).append(',').append(n >= 3e9 ? "test" : "train").append(',').append(n).append(',').append(d)
                            .append(',').append(loss * (1 + 0.002 * Math.sin(n + d))).append('\n');
                }
            }
        }
        return b.toString();
    }

    Path discover(Path csv, Path runs) {
        CliRun r = CliRun.of("discover", "--data", csv.toString(), "--target", "loss", "--generations", "3", "--threads", "2",
                "--out", runs.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        return runs.resolve("sweep/default/run-0");
    }

    @Test
    void aMovedRunWithItsCsvDeletedReadsTheSameWithoutRefitting() throws Exception {
        Path csv = Files.writeString(dir.resolve("sweep.csv"), CSV);
        Path runs = dir.resolve("runs");
        Path run = discover(csv, runs);
        String before = CliRun.of("leaderboard", "--runs", runs.toString(), "--json").out();

        Path moved = dir.resolve("elsewhere/runs");
        Files.createDirectories(moved.getParent());
        Files.move(runs, moved);
        Files.delete(csv);
        Path movedRun = moved.resolve("sweep/default/run-0");

        long fits = Protocol.fitsStarted();
        CliRun board = CliRun.of("leaderboard", "--runs", moved.toString(), "--json");
        assertThat(board.code()).as(board.err()).isZero();
        assertThat(board.out().replace(moved.toString(), runs.toString())).isEqualTo(before);
        Path site = dir.resolve("site");
        CliRun html = CliRun.of("leaderboard", "--runs", moved.toString(), "--html", site.toString());
        assertThat(html.code()).as(html.err()).isZero();
        String page = Files.readString(site.resolve("sweep/default.html"));
        assertThat(page).contains("<svg", "Predicted vs actual").doesNotContain("No fitted law");
        Path module = dir.resolve("law.py");
        CliRun export = CliRun.of("export", "--run", movedRun.toString(), "--format", "harbor", "--out", module.toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(Protocol.fitsStarted()).as("fits while reading the run").isEqualTo(fits);

        double r2 = RunResult.read(movedRun).orElseThrow().r2();
        Python.assumeNumpyAndScipy();
        Path data = Files.writeString(dir.resolve("data-again.csv"), CSV);
        double harbor = Python.run(Python.resource(dir, "score_harbor.py").toString(), module.toString(), data.toString())
                .get("r2").asDouble();
        assertThat(harbor).isCloseTo(r2, within(1e-9));
    }

    @Test
    void resumingARunWhoseSnapshotWasEditedIsRefused() throws IOException {
        Path csv = Files.writeString(dir.resolve("sweep.csv"), CSV);
        Path run = discover(csv, dir.resolve("runs"));
        Path snapshot = run.resolve("data.csv");
        Files.writeString(snapshot, Files.readString(snapshot).replace(",train,", ",test,"));
        try (Stream<Path> files = Files.list(run)) {
            files.filter(p -> p.getFileName().toString().startsWith("checkpoint-")).forEach(p -> p.toFile().delete());
        }
        CliRun r = CliRun.of("discover", "--resume", run.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("data.csv: checksum mismatch");
    }
}
