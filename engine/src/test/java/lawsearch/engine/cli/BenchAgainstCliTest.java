package lawsearch.engine.cli;

import static lawsearch.engine.cli.CliTest.assertOneLineError;
import static lawsearch.engine.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lawsearch.engine.export.Python;

/**
 * bench --against checks the Python program before its own warm-up and measurements: with
 * {@code --seconds 30} these take a minute or more, so a refusal within a few seconds shows the
 * program was checked first.
 */
class BenchAgainstCliTest {
    @TempDir Path dir;

    CliTest.Run bench(Path program) throws IOException {
        Path csv = Files.writeString(dir.resolve("runs.csv"), "x,loss\n1,3\n2,2.5\n4,2.25\n8,2.125\n");
        return run("bench", "--data", csv.toString(), "--target", "loss", "--law", "a*x^b", "--threads", "1", "--seconds", "30",
                "--against", program.toString());
    }

    void assertRefusedAtOnce(Path program, String message) throws IOException {
        long t0 = System.nanoTime();
        CliTest.Run r = bench(program);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertOneLineError(r, message);
        assertThat(r.out()).isEmpty();
        assertThat(seconds).as("refused before the benchmark's 30 s measurements").isLessThan(20);
    }

    @Test
    void aMissingOrUnreadableProgramIsRefusedBeforeTheWarmUp() throws IOException {
        assertRefusedAtOnce(dir.resolve("nope.py"), dir.resolve("nope.py") + ": no such file");
        assertRefusedAtOnce(dir, dir + ": not a file");
    }

    @Test
    void aProgramThatDoesNotParseOrLacksTheFunctionsIsRefusedBeforeTheWarmUp() throws IOException {
        Python.assumeNumpyAndScipy();
        Path bad = Files.writeString(dir.resolve("bad.py"), "def scaling_law_func(X, p):\n    return p[0]\ndef fit_scaling_law(X, y)\n    return [1]\n");
        assertRefusedAtOnce(bad, bad + ":3:");   // then Python's words, which vary by version ("expected ':'")
        Path half = Files.writeString(dir.resolve("half.py"), "def scaling_law_func(X, p):\n    return p[0]\n");
        assertRefusedAtOnce(half, half + ": defines no fit_scaling_law (an SLDBench program defines scaling_law_func and fit_scaling_law)");
    }
}
