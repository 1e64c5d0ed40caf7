package lawsearch.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import lawsearch.engine.cli.CliRun;

/** Three tiny runs of one entry, one interrupted run: the leaderboard's counts, order and JSON. */
class LeaderboardTest {
    @TempDir static Path dir;
    static Path runs;

    static CliRun run(String... args) { return CliRun.of(args); }

    @BeforeAll
    static void threeRuns() throws IOException {
        runs = dir.resolve("runs");
        CliRun r = run("discover", "--task", "demo", "--generations", "2", "--threads", "2", "--runs", "3", "--out", runs.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        // A fourth run that never finished: config.json only.
        Path src = runs.resolve("demo/default/run-0");
        Path broken = runs.resolve("demo/default/run-3");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("config.json"), Files.readString(src.resolve("config.json")).replace("\"index\" : 0", "\"index\" : 3"));
    }

    @Test
    void jsonCountsFinishedRunsAndOrdersStatistics() throws IOException {
        CliRun r = run("leaderboard", "--runs", runs.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode e = new ObjectMapper().readTree(r.out()).get("tasks").get(0).get("entries").get(0);
        assertThat(e.get("entry").asText()).isEqualTo("default");
        assertThat(e.get("runs").asInt()).isEqualTo(3);
        assertThat(e.get("best").asDouble()).isGreaterThanOrEqualTo(e.get("mean").asDouble());
        assertThat(e.get("mean").asDouble()).isGreaterThanOrEqualTo(e.get("min").asDouble());
        assertThat(e.get("run_dirs")).hasSize(3);
        assertThat(e.get("unfinished").get(0).get("state").asText()).isEqualTo("interrupted");
    }

    @Test
    void terminalTableRanksAndListsTheUnfinishedRun() {
        CliRun r = run("leaderboard", "--runs", runs.toString(), "--task", "demo");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("task demo").contains("rank").contains("default").contains("not scored (interrupted)");
    }

    @Test
    void missingRunsFolderIsAOneLineError() {
        CliRun r = run("leaderboard", "--runs", dir.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
    }
}
