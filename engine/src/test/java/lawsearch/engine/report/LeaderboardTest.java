package lawsearch.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    /** A copy of the runs folder, to damage without touching the other tests' runs. */
    static Path copyOfRuns(String name) throws IOException {
        Path copy = dir.resolve(name);
        try (var paths = Files.walk(runs)) {
            for (Path p : paths.toList()) {
                Files.copy(p, copy.resolve(runs.relativize(p).toString()));
            }
        }
        return copy;
    }

    /** A damaged run is skipped with one line naming its directory and why; the others still rank (exit 0). */
    @Test
    void aDamagedRunIsSkippedSayingWhyAndTheOthersRank() throws IOException {
        Path copy = copyOfRuns("damaged");
        Path run0 = copy.resolve("demo/default/run-0");
        Path run1 = copy.resolve("demo/default/run-1");
        Files.writeString(run0.resolve("result.json"), "{\"seed\": \"x\"");
        Files.writeString(run1.resolve("config.json"), "{\"format\": 1, \"task\": \"demo\"}");
        CliRun r = run("leaderboard", "--runs", copy.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err().lines().toList()).containsExactly(
                "lawsearch: skipping run " + run0 + ": result.json:1:10: \"seed\" must be a whole number, got \"x\"",
                "lawsearch: skipping run " + run1 + ": config.json: missing \"entry\"");
        JsonNode e = new ObjectMapper().readTree(r.out()).get("tasks").get(0).get("entries").get(0);
        assertThat(e.get("runs").asInt()).isEqualTo(1);
        assertThat(e.get("run_dirs").get(0).asText()).isEqualTo(copy.resolve("demo/default/run-2").toString());
        CliRun text = run("leaderboard", "--runs", copy.toString(), "--html", dir.resolve("damaged-site").toString());
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("task demo").contains("not scored (interrupted)");
        assertThat(Files.exists(dir.resolve("damaged-site/index.html"))).isTrue();
        CliRun other = run("leaderboard", "--runs", copy.toString(), "--task", "other");   // run-0's config.json says demo
        assertThat(other.code()).as("a run whose config.json does not read could be of any task").isEqualTo(2);
        assertThat(other.err()).isEqualTo("lawsearch: no usable run under " + copy + " for task other: " + run1 + ": config.json: missing \"entry\"\n");
    }

    /** With no usable run at all there is no leaderboard: one line, exit 2, nothing written. */
    @Test
    void noUsableRunIsAOneLineError() throws IOException {
        Path copy = copyOfRuns("all-damaged");
        List<Path> dirs = List.of("run-0", "run-1", "run-2", "run-3").stream().map(n -> copy.resolve("demo/default/" + n)).toList();
        for (Path d : dirs) {
            Files.writeString(d.resolve("config.json"), "{\"format\": 1,");
        }
        CliRun r = run("leaderboard", "--runs", copy.toString(), "--html", dir.resolve("no-site").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).singleElement().asString().startsWith("lawsearch: no usable run under " + copy
                + ": 4 run directories are damaged, the first " + dirs.get(0) + ": config.json:1:14: not valid JSON: Unexpected end-of-input");
        assertThat(Files.exists(dir.resolve("no-site"))).isFalse();
        Path one = copy.resolve("demo/default/run-1");
        for (Path d : dirs.subList(2, 4)) {
            deleteTree(d);
        }
        deleteTree(dirs.get(0));
        assertThat(run("leaderboard", "--runs", copy.toString()).err().strip())
                .startsWith("lawsearch: no usable run under " + copy + ": " + one + ": config.json:1:14: not valid JSON: Unexpected end-of-input");
    }

    static void deleteTree(Path d) throws IOException {
        try (var paths = Files.walk(d)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void missingRunsFolderIsAOneLineError() {
        CliRun r = run("leaderboard", "--runs", dir.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
    }
}
