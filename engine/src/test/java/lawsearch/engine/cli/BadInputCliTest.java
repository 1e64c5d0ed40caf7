package lawsearch.engine.cli;

import static lawsearch.engine.cli.CliTest.assertOneLineError;
import static lawsearch.engine.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad options and unusable paths, refused as every bad input is: one line, exit 2, no stack trace,
 * and nothing written. No search runs here: each is refused before one would start.
 */
class BadInputCliTest {
    @TempDir Path dir;

    /** Two groups of {@code n} train rows each along one column spanning 2^(n-1), and two test rows each. */
    Path csv(int n) throws IOException {
        List<String> lines = new ArrayList<>(List.of("group,split,n,loss"));
        for (String g : List.of("a", "b")) {
            for (int i = 0; i < n + 2; i++) {
                lines.add(g + "," + (i < n ? "train" : "test") + "," + Math.pow(2, i) + "," + (2 + 1 / (1.0 + i)));
            }
        }
        return Files.write(dir.resolve("runs.csv"), lines);
    }

    Path out() { return dir.resolve("out"); }

    String[] discover(Path csv, String... more) {
        List<String> a = new ArrayList<>(List.of("discover", "--data", csv.toString(), "--target", "loss", "--out", out().toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    void assertRefusedWritingNothing(String[] args, String fragment) {
        assertOneLineError(run(args), fragment);
        assertThat(Files.exists(out())).as("nothing written under --out").isFalse();
    }

    @Test
    void parseErrorsAreOneLineNamingTheWholeCommand() {
        assertOneLineError(run("discover", "--seed", "abc"),
                "lawsearch: Invalid value for option '--seed': 'abc' is not a long (see lawsearch discover --help)");
        assertOneLineError(run("seeds", "add", "--task", "demo"), "Missing required parameter: 'LAW' (see lawsearch seeds add --help)");
    }

    @Test
    void numericOptionsOutOfRange() throws IOException {
        Path p = csv(8);
        assertRefusedWritingNothing(discover(p, "--runs", "0"), "--runs must be at least 1, got 0");
        assertRefusedWritingNothing(discover(p, "--runs", "-2"), "--runs must be at least 1, got -2");
        assertRefusedWritingNothing(discover(p, "--max-params", "0"), "--max-params must be at least 1, got 0");
        assertRefusedWritingNothing(discover(p, "--max-params", "-3"), "--max-params must be at least 1, got -3");
        assertRefusedWritingNothing(discover(p, "--threads", "0"), "--threads must be at least 1, got 0");
        assertRefusedWritingNothing(discover(p, "--threads", "40000"), "--threads must be at most 32767 (a ForkJoin pool's limit), got 40000");
        assertRefusedWritingNothing(discover(p, "--checkpoint-every", "-5s"), "--checkpoint-every must not be negative, got '-5s'");
        assertRefusedWritingNothing(discover(p, "--time", "-5s"), "--time must not be negative, got '-5s'");
        String[] law = {"--data", p.toString(), "--target", "loss", "--law", "a*n^b"};
        assertOneLineError(run(concat(new String[] {"eval", "--threads", "0"}, law)), "--threads must be at least 1, got 0");
        assertOneLineError(run(concat(new String[] {"eval", "--starts", "-3"}, law)), "--starts must be at least 1, got -3");
        assertOneLineError(run(concat(new String[] {"bench", "--starts", "-2"}, law)), "--starts must be at least 1, got -2");
        assertOneLineError(run(concat(new String[] {"bench", "--seconds", "-5"}, law)), "--seconds must be a positive number, got -5.0");
        assertOneLineError(run(concat(new String[] {"bench", "--seconds", "0"}, law)), "--seconds must be a positive number, got 0.0");
        assertOneLineError(run(concat(new String[] {"bench", "--threads", "1,0"}, law)), "--threads must be at least 1, got 0");
        assertOneLineError(run(concat(new String[] {"eval", "--threads", "40000"}, law)), "--threads must be at most 32767");
    }

    /** --generations 0 is "no generation limit" (SearchConfig): a budget only beside --time. */
    @Test
    void generationsZeroNeedsATimeBudget() throws IOException {
        Path p = csv(8);
        assertRefusedWritingNothing(discover(p, "--generations", "0"), "--generations must be at least 1, got 0");
        assertRefusedWritingNothing(discover(p, "--generations", "-1"), "--generations must be at least 1, got -1");
        assertRefusedWritingNothing(discover(p, "--generations", "-1", "--time", "1s"), "--generations must be at least 0, got -1");
    }

    /** A zero time budget would score the initial populations and stop: refused, with or without --generations. */
    @Test
    void aZeroTimeBudgetIsRefused() throws IOException {
        Path p = csv(8);
        String why = " (--generations alone is a budget without a time limit)";
        assertRefusedWritingNothing(discover(p, "--time", "0s"), "--time must be positive, got '0s'" + why);
        assertRefusedWritingNothing(discover(p, "--time", "0"), "--time must be positive, got '0'");
        assertRefusedWritingNothing(discover(p, "--time", "0m", "--generations", "5"), "--time must be positive, got '0m'");
        assertThat(DiscoverCommand.timeBudget("90s")).isEqualTo(90.0);
        assertThat(DiscoverCommand.timeBudget("500ms")).isEqualTo(0.5);
        assertThat(DiscoverCommand.timeBudget("5")).as("a bare number is seconds, one digit too").isEqualTo(5.0);
    }

    @Test
    void aRunNameStaysOneFolderUnderOut() throws IOException {
        Path p = csv(8);
        for (String name : List.of("../../evil", "a/b", "..", ".", "a\\b")) {
            assertRefusedWritingNothing(discover(p, "--name", name), "--name: '" + name + "' must not contain '/', '\\' or '..'");
        }
        assertThat(DiscoverCommand.entry("")).isEqualTo("default");
        assertThat(DiscoverCommand.entry("  ")).isEqualTo("default");
        assertThat(DiscoverCommand.entry("wide-grammar")).isEqualTo("wide-grammar");
    }

    @Test
    void aMissingTargetIsAskedForNamingTheColumnsItCouldBe() throws IOException {
        Path p = csv(8);
        assertRefusedWritingNothing(new String[] {"discover", "--data", p.toString(), "--out", out().toString()},
                "give --target COL (the column to predict: " + p + " has columns n, loss; targets come last, e.g. --target loss)");
    }

    @Test
    void tooFewTrainRowsForAValidationFoldIsRefusedBeforeTheRunDirectory() throws IOException {
        Path p = csv(3);   // 3 rows per group along n: the joint fold needs 4
        assertRefusedWritingNothing(discover(p, "--generations", "1"),
                p + ": too few train rows to hold out validation folds: group 'a' has 3 (the most of any group), needs at least 4");
    }

    @Test
    void anUnwritableOutIsOneLineAndLeavesNoRunDirectory() throws IOException {
        Path p = csv(8);
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        assertOneLineError(run("discover", "--data", p.toString(), "--target", "loss", "--generations", "1", "--out", file.toString()),
                "cannot write " + file.resolve("runs/default/run-0/data.csv") + ": " + file + " is not a directory");
        assertOneLineError(run("leaderboard", "--runs", Files.createDirectories(dir.resolve("runs")).toString(), "--html", file.toString()),
                file + " is not a directory");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void runsListOfNoFolderIsAnError() throws IOException {
        assertOneLineError(run("runs", "list", "--out", dir.resolve("nope").toString()), dir.resolve("nope") + ": no such directory (give --out DIR)");
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        assertOneLineError(run("runs", "list", "--out", file.toString()), file + ": not a directory (give --out DIR)");
        assertOneLineError(run("leaderboard", "--runs", file.toString()), file + ": not a directory (give --runs DIR)");
    }

    private static String[] concat(String[] a, String[] b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }
}
