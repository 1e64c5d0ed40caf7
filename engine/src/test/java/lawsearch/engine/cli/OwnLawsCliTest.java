package lawsearch.engine.cli;

import static lawsearch.engine.cli.CliTest.assertOneLineError;
import static lawsearch.engine.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * discover --law / --law-file: a researcher's own law on a plain CSV starts the search as a task's
 * seed law does, is recorded in config.json (a resumed run starts from it, whatever became of the
 * file) and is refused with one line where it cannot be read.
 */
class OwnLawsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHINCHILLA = "E + A*params^(-alpha) + B*tokens^(-beta)";

    @TempDir Path dir;

    /** A Chinchilla grid, 6 sizes × 5 token counts, 0.3% noise; test = the largest size. */
    private Path sweep() throws IOException {
        Random rng = new Random(5);
        StringBuilder sb = new StringBuilder("split,params,tokens,loss\n");
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 5; j++) {
                double n = 1e7 * Math.pow(3, i);
                double t = 1e9 * Math.pow(2.5, j);
                double loss = (1.8 + 400 * Math.pow(n, -0.34) + 1400 * Math.pow(t, -0.28)) * (1 + 0.003 * rng.nextGaussian());
                sb.append(String.format(Locale.ROOT, "%s,%.6g,%.6g,%.8g%n", i == 5 ? "test" : "train", n, t, loss));
            }
        }
        return Files.writeString(dir.resolve("sweep.csv"), sb);
    }

    private CliTest.Run discover(Path csv, String... more) {
        String[] base = {"discover", "--data", csv.toString(), "--target", "loss", "--generations", "4", "--seed", "2",
                "--threads", "2", "--checkpoint-every", "0s", "--out", dir.resolve("runs").toString()};
        return run(CliTest.with(base, more));
    }

    @Test
    void anOwnLawIsReportedInItsFormAndAResumedRunStartsFromIt() throws IOException {
        Path csv = sweep();
        Path law = Files.writeString(dir.resolve("mine.law"),
                "# EVOLVE-BLOCK-START\nlaw: E + A*params^(-alpha)\nbounds: alpha in [0, 2]\n# EVOLVE-BLOCK-END\n");
        CliTest.Run r = discover(csv, "--law", CHINCHILLA, "--law-file", law.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path run = dir.resolve("runs/sweep/default/run-0");
        JsonNode laws = JSON.readTree(run.resolve("config.json").toFile()).get("laws");
        assertThat(laws).hasSize(2);
        assertThat(laws.get(0).asText()).contains("law: " + CHINCHILLA);
        assertThat(laws.get(1).asText()).contains("law: E + A*params^(-alpha)").contains("bounds: alpha in [0, 2]");
        JsonNode result = JSON.readTree(run.resolve("result.json").toFile());
        assertThat(result.get("law").asText()).as("the generating form, given by the user, stands").isEqualTo(CHINCHILLA);

        // Resumed from its generation-3 checkpoint, with mine.law gone: it ends as the run did.
        Files.delete(law);
        Files.delete(run.resolve("checkpoint-4.json"));
        CliTest.Run again = run("discover", "--resume", run.toString(), "--json");
        assertThat(again.code()).as(again.err()).isZero();
        JsonNode resumed = JSON.readTree(run.resolve("result.json").toFile());
        assertThat(resumed.get("law")).isEqualTo(result.get("law"));
        assertThat(resumed.get("r2")).isEqualTo(result.get("r2"));
        assertThat(resumed.get("validation_r2")).isEqualTo(result.get("validation_r2"));
    }

    @Test
    void anOwnLawThatCannotBeReadIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path csv = sweep();
        assertOneLineError(discover(csv, "--law", "E + A*params^("), "--law");
        assertOneLineError(discover(csv, "--law", "E + A*loss"), "--law");
        assertOneLineError(discover(csv, "--law-file", dir.resolve("missing.law").toString()), "missing.law: no such file");
        assertOneLineError(discover(csv, "--no-seeds", "--law", CHINCHILLA), "--no-seeds starts from random laws only");
        assertThat(Files.exists(dir.resolve("runs"))).isFalse();
        // A law of the user's that is not reported is named, with how it validated.
        CliTest.Run r = discover(csv, "--law", "E + A*params^(-alpha)");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("  seed law     E \\+ A\\*params\\^\\(-alpha\\): validation R² -?[0-9.]+, not reported \\(");
        assertThat(Files.readString(dir.resolve("runs/sweep/default/run-0/run.log"))).contains("seed law E + A*params^(-alpha): validation R² ");
        assertOneLineError(run("discover", "--resume", dir.resolve("runs/sweep/default/run-0").toString(), "--law", CHINCHILLA),
                "--law");
    }
}
