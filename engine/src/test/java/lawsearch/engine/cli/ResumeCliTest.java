package lawsearch.engine.cli;

import static lawsearch.engine.cli.CliTest.assertOneLineError;
import static lawsearch.engine.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import lawsearch.engine.run.RunState;

/** discover --resume and runs list, through the CLI: exit codes, one-line reasons, fallback messages. */
class ResumeCliTest {
    @TempDir static Path shared;
    static Path finished;
    static CliTest.Run original;

    @TempDir Path dir;

    /** One short demo run, checkpointed at every generation (so it keeps two checkpoints). */
    @BeforeAll
    static void demoRun() {
        original = run("discover", "--task", "demo", "--generations", "3", "--seed", "4", "--threads", "2",
                "--checkpoint-every", "0s", "--out", shared.resolve("runs").toString());
        assertThat(original.code()).as(original.err()).isZero();
        finished = shared.resolve("runs/demo/default/run-0");
    }

    Path copy() throws IOException {
        Path to = dir.resolve("runs/demo/default/run-0");
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(finished)) {
            for (Path f : s.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    @Test
    void theRunKeptItsNewestTwoCheckpointsAndALog() throws IOException {
        assertThat(Files.exists(finished.resolve("checkpoint-3.json"))).isTrue();
        assertThat(Files.exists(finished.resolve("checkpoint-2.json"))).isTrue();
        assertThat(Files.exists(finished.resolve("checkpoint-1.json"))).isFalse();
        assertThat(Files.readString(finished.resolve("run.log"))).contains("seed 4").contains("config {")
                .contains("generation 3:").contains("run finished")
                // the demo's cap (5) admits Chinchilla's template only; the log says how it validated
                .containsPattern("template c1 \\+ \\(c2\\*\\(params/1e8\\)\\^\\(-c3\\) .*: validation R² 0\\.9\\d+ \\(");
    }

    @Test
    void resumingAFinishedRunEndsTheSame() {
        CliTest.Run again = run("discover", "--resume", finished.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(lawLines(again.out())).isEqualTo(lawLines(original.out()));
    }

    @Test
    void aTruncatedNewestCheckpointFallsBackWithAMessage() throws IOException {
        Path run = copy();
        Files.delete(run.resolve("result.json"));
        Path newest = run.resolve("checkpoint-3.json");
        byte[] b = Files.readAllBytes(newest);
        Files.write(newest, java.util.Arrays.copyOf(b, b.length / 2));
        CliTest.Run r = run("discover", "--resume", run.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err().strip().lines()).singleElement().asString()
                .startsWith("lawsearch: checkpoint-3.json: truncated").contains("resuming from checkpoint-2.json");
        assertThat(lawLines(r.out())).isEqualTo(lawLines(original.out()));
        assertThat(Files.exists(run.resolve("result.json"))).isTrue();
    }

    @Test
    void noIntactCheckpointExitsTwoWithTheReason() throws IOException {
        Path run = copy();
        Files.writeString(run.resolve("checkpoint-3.json"), "garbage");
        Files.writeString(run.resolve("checkpoint-2.json"), "");
        assertOneLineError(run("discover", "--resume", run.toString()), "no valid checkpoint to resume from");
    }

    @Test
    void aMissingSnapshotExitsTwoInsteadOfReadingTheSourceAgain() throws IOException {
        Path run = copy();
        Files.delete(run.resolve("data.csv"));   // config.json records its checksum: the run had one
        assertOneLineError(run("discover", "--resume", run.toString()), "data.csv: not found (the run's data snapshot is missing)");
    }

    @Test
    void aNewerFormatExitsTwo() throws IOException {
        Path run = copy();
        Path newest = run.resolve("checkpoint-3.json");
        Files.writeString(newest, Files.readString(newest).replaceFirst("^lawsearch-checkpoint 2 ", "lawsearch-checkpoint 3 "));
        assertOneLineError(run("discover", "--resume", run.toString()), "checkpoint-3.json: format 3 is newer than this lawsearch (2)");
    }

    @Test
    void resumeErrors() {
        assertOneLineError(run("discover", "--resume", dir.resolve("nope").toString()), "config.json: not found");
        assertOneLineError(run("discover", "--resume", finished.toString(), "--seed", "9", "--generations", "5"),
                "drop --seed, --generations");
    }

    @Test
    void aRunStillGoingIsNotResumedTwice() throws IOException {
        Path run = copy();
        RunState.of(RunState.RUNNING, 2, 0.5).write(run);   // this very process, alive
        assertOneLineError(run("discover", "--resume", run.toString()), "the run is still going (process "
                + ProcessHandle.current().pid());
        assertThat(run("runs", "list", "--out", dir.resolve("runs").toString()).out()).contains("running");
    }

    /** discover again into a directory holding a run, without --replace: refused, the earlier run untouched. */
    @Test
    void aFreshRunIntoAnEarlierRunsDirectoryIsRefusedWithoutReplace() throws IOException {
        Path run = copy();
        String fit = Files.readString(run.resolve("fit.json"));
        assertOneLineError(run("discover", "--task", "demo", "--generations", "1", "--seed", "4",
                "--out", dir.resolve("runs").toString()), run + ": holds a finished run; give another --name or --out to keep it, or --replace to remove it");
        assertThat(Files.readString(run.resolve("fit.json"))).isEqualTo(fit);
        new RunState(RunState.INTERRUPTED, null, 1, null, 2, 0.5, null).write(run);   // killed: its process gone
        assertOneLineError(run("discover", "--task", "demo", "--generations", "1", "--out", dir.resolve("runs").toString()),
                "holds an interrupted run (--resume " + run + " continues it)");
    }

    /**
     * discover --replace into the same run directory, shorter: the earlier run's checkpoints (higher
     * generations) went, so they neither outlive the new run's own nor let --resume continue the
     * earlier run under the new config.json.
     */
    @Test
    void aFreshRunReplacesTheEarlierRunsFilesCheckpointsIncluded() throws IOException {
        Path run = copy();
        Files.writeString(run.resolve("notes.txt"), "mine");
        Files.writeString(run.resolve(".checkpoint-9.json123.tmp"), "left by a killed write");
        CliTest.Run again = run("discover", "--task", "demo", "--generations", "1", "--seed", "4", "--threads", "2",
                "--checkpoint-every", "0s", "--replace", "--out", dir.resolve("runs").toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.err().strip().lines()).singleElement().asString()
                .startsWith("lawsearch: " + run).contains("replacing a finished run");
        try (Stream<Path> s = Files.list(run)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.contains("checkpoint")))
                    .containsExactly("checkpoint-1.json");
        }
        assertThat(Files.readString(run.resolve("notes.txt"))).isEqualTo("mine");   // not a run's file: kept
        assertThat(Files.readString(run.resolve("run.log"))).doesNotContain("generation 3:");
        CliTest.Run resumed = run("discover", "--resume", run.toString());
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("1 generations");
    }

    @Test
    void aFreshRunIntoADirectoryWhoseRunIsStillGoingIsRefused() throws IOException {
        Path run = copy();
        RunState.of(RunState.RUNNING, 2, 0.5).write(run);   // this very process, alive
        assertOneLineError(run("discover", "--task", "demo", "--generations", "1", "--out", dir.resolve("runs").toString()),
                "a run is still going there (process " + ProcessHandle.current().pid());
        assertThat(Files.exists(run.resolve("checkpoint-3.json"))).isTrue();   // nothing touched
    }

    @Test
    void runsListShowsEachRunsState() throws IOException {
        Path run = copy();
        Path crashed = Files.createDirectories(dir.resolve("runs/demo/other/run-0"));
        Files.copy(run.resolve("config.json"), crashed.resolve("config.json"));
        Files.writeString(crashed.resolve("state.json"), """
                {"state": "running", "pid": %d, "process_start": "2026-01-01T00:00:00Z", "generation": 17,
                 "best_validation_r2": 0.5, "updated": "2026-01-01T00:00:01Z"}
                """.formatted(Long.MAX_VALUE));
        CliTest.Run r = run("runs", "list", "--out", dir.resolve("runs").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("state").contains("test R²");
        assertThat(r.out().lines().filter(l -> l.contains("default/run-0"))).singleElement().asString()
                .contains("finished").contains(" 3 ");
        assertThat(r.out().lines().filter(l -> l.contains("other/run-0"))).singleElement().asString()
                .contains("interrupted").contains("17").contains("0.500000");

        JsonNode json = new ObjectMapper().readTree(run("runs", "list", "--out", dir.resolve("runs").toString(), "--json").out());
        assertThat(json.get(0).get("state").asText()).isEqualTo("finished");
        assertThat(json.get(0).get("r2").isNumber()).isTrue();
        assertThat(json.get(1).get("state").asText()).isEqualTo("interrupted");
        assertThat(json.get(1).get("r2").isNull()).isTrue();

        Path damaged = Files.createDirectories(dir.resolve("runs/demo/third/run-0"));
        Files.copy(run.resolve("config.json"), damaged.resolve("config.json"));
        Files.writeString(damaged.resolve("result.json"), "[1, 2]");
        CliTest.Run d = run("runs", "list", "--out", dir.resolve("runs").toString());
        assertThat(d.code()).isZero();
        assertThat(d.out().lines().filter(l -> l.contains("third/run-0"))).singleElement().asString().contains("damaged");
        assertThat(d.err().strip().lines()).singleElement().asString()
                .startsWith("lawsearch: " + damaged.resolve("result.json")).contains("must be an object");
    }

    /** The printed law, bounds and scores (not the run directory or the time taken). */
    private static java.util.List<String> lawLines(String out) {
        return out.lines().filter(l -> l.startsWith("  law") || l.startsWith("  bounds") || l.startsWith("  n_params"))
                .sorted(Comparator.naturalOrder()).toList();
    }
}
