package lawsearch.engine.cli;

import static lawsearch.engine.cli.CliTest.assertOneLineError;
import static lawsearch.engine.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** discover --shape and --scale: recorded in config.json and the log, marked in pareto.json, refused with one line when wrong. */
class ShapeCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    private CliTest.Run discover(String... more) {
        String[] base = {"discover", "--task", "demo", "--generations", "2", "--seed", "1", "--threads", "2", "--replace",
                "--out", dir.resolve("runs").toString()};
        return run(CliTest.with(base, more));
    }

    @Test
    void aStatedShapeAndScaleAreRecordedAndEveryFrontLawIsMarked() throws IOException {
        CliTest.Run r = discover("--shape", "decreasing: params, tokens; positive", "--scale", "params");
        assertThat(r.code()).as(r.err()).isZero();
        Path run = dir.resolve("runs/demo/default/run-0");
        JsonNode config = JSON.readTree(run.resolve("config.json").toFile());
        assertThat(config.get("shape").asText()).isEqualTo("decreasing: params, tokens; positive");
        assertThat(config.get("scale").toString()).isEqualTo("[\"params\"]");
        assertThat(config.get("scale_from").asText()).isEqualTo("--scale");
        assertThat(Files.readString(run.resolve("run.log"))).contains("scale variables params (from --scale)")
                .contains("shape decreasing: params, tokens; positive");
        for (JsonNode row : JSON.readTree(run.resolve("pareto.json").toFile())) {
            assertThat(row.get("shape").get("sound").isBoolean()).isTrue();
        }
        JsonNode result = JSON.readTree(run.resolve("result.json").toFile());
        assertThat(result.get("shape").get("sound").asBoolean()).isTrue();
    }

    /**
     * A stated direction the rows contradict: every law that fits the demo's falling loss is refused,
     * and the run names the best of them, why, and that the train rows go that way too.
     */
    @Test
    void aBetterLawRefusedForItsShapeIsNamedWithWhatTheRowsSay() throws IOException {
        CliTest.Run r = discover("--shape", "increasing: params");
        assertThat(r.code()).as(r.err()).isZero();
        CliTest.Run j = discover("--shape", "increasing: params", "--json");
        assertThat(JSON.readTree(j.out()).get("runs").get(0).get("passed_over").get("detail").asText()).startsWith("falls along params");
        assertThat(r.code()).as(r.err()).isZero();
        Path run = dir.resolve("runs/demo/default/run-0");
        JsonNode passed = JSON.readTree(run.resolve("result.json").toFile()).get("passed_over");
        assertThat(passed.get("detail").asText()).startsWith("falls along params");
        assertThat(passed.get("validation_r2").asDouble())
                .isGreaterThan(JSON.readTree(run.resolve("result.json").toFile()).get("validation_r2").asDouble());
        assertThat(passed.get("data").get(0).asText()).startsWith("loss falls along params in ");
        assertThat(passed.get("shape_hint").asText()).startsWith("--shape none");
        assertThat(r.out()).contains("  passed over  ").contains("  data         loss falls along params");
        assertThat(Files.readString(run.resolve("run.log"))).contains("passed over: ").contains("against the checks: loss falls");
        Path site = dir.resolve("site");
        assertThat(run("leaderboard", "--runs", dir.resolve("runs").toString(), "--html", site.toString()).code()).isZero();
        try (var pages = Files.walk(site)) {
            String entry = pages.filter(p -> p.toString().endsWith(".html") && !p.endsWith("index.html")).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).reduce("", String::concat);
            assertThat(entry).contains("passed over for its shape: <code>", "the train rows: loss falls along params",
                    "to allow it: <code>--shape none");
        }
    }

    @Test
    void aSoundLawThatValidatesBestPassesNothingOver() throws IOException {
        CliTest.Run r = discover();
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(JSON.readTree(dir.resolve("runs/demo/default/run-0/result.json").toFile()).has("passed_over")).isFalse();
        assertThat(r.out()).doesNotContain("passed over");
        // The template reported reads as the task's seed law: the seed is not said to be passed over.
        assertThat(r.out()).contains("  law          E + A*params^(-alpha) + B*tokens^(-beta)").doesNotContain("seed law");
    }

    /** --scale none: no scale variable (random folds; finiteness and range checked, no direction). */
    @Test
    void scaleNoneTakesNoScaleVariable() throws IOException {
        CliTest.Run r = discover("--scale", "none");
        assertThat(r.code()).as(r.err()).isZero();
        Path run = dir.resolve("runs/demo/default/run-0");
        JsonNode config = JSON.readTree(run.resolve("config.json").toFile());
        assertThat(config.get("scale").toString()).isEqualTo("[]");
        assertThat(config.get("scale_from").asText()).isEqualTo("--scale");
        assertThat(Files.readString(run.resolve("run.log"))).contains("scale variables none (from --scale)");
        assertThat(JSON.readTree(run.resolve("result.json").toFile()).get("scale_variables").toString()).isEqualTo("[]");
    }

    @Test
    void shapeNoneChecksNothing() throws IOException {
        CliTest.Run r = discover("--shape", "none");
        assertThat(r.code()).as(r.err()).isZero();
        Path run = dir.resolve("runs/demo/default/run-0");
        assertThat(JSON.readTree(run.resolve("result.json").toFile()).get("shape").isNull()).isTrue();
        for (JsonNode row : JSON.readTree(run.resolve("pareto.json").toFile())) {
            assertThat(row.get("shape").isNull()).isTrue();
        }
        assertThat(r.out()).contains("not checked (--shape none)");
    }

    @Test
    void aMalformedShapeOrAnUnknownColumnIsOneLineAndNothingIsWritten() {
        assertOneLineError(discover("--shape", "falling: params"), "--shape: \"falling: params\": expected");
        assertOneLineError(discover("--shape", "decreasing: flops"), "--shape: \"flops\" is not a feature column");
        assertOneLineError(discover("--scale", "params,params"), "--scale: \"params\" is given twice");
        assertOneLineError(discover("--shape", "positive; unit"), "--shape: \"unit\": a range is given twice (\"positive\" before)");
        assertThat(Files.exists(dir.resolve("runs"))).isFalse();
    }

    @Test
    void aRangeTheTrainRowsBreakIsOneLineAndNothingIsWritten() {
        // the demo's losses are 1.5-6: above 0, not in [0, 1]
        assertOneLineError(discover("--shape", "unit"), "--shape: \"unit\" says loss is in [0, 1], but a train row of");
        assertThat(Files.exists(dir.resolve("runs"))).isFalse();
        assertThat(discover("--shape", "positive").code()).isZero();
    }

    /**
     * A sweep exported with run names and one model size typed as 0: the names are not read and the
     * size is no scale variable, and the run says both (the log; the terminal warns of the 0).
     */
    @Test
    void columnsLeftUnreadAndASizeTypedAsZeroAreSaid() throws IOException {
        StringBuilder sb = new StringBuilder("name,split,params,tokens,loss\n");
        int k = 0;
        for (double n : new double[] {1e7, 3e7, 1e8, 3e8, 1e9}) {
            for (double t : new double[] {1e9, 3e9, 1e10}) {
                double loss = 1.8 + 400 * Math.pow(n, -0.34) + 1400 * Math.pow(t, -0.28);
                sb.append("run-").append(k).append(",train,").append(k++ == 4 ? "0" : String.valueOf(n)).append(',').append(t)
                        .append(',').append(loss).append('\n');
            }
        }
        Path csv = dir.resolve("sweep.csv");
        Files.writeString(csv, sb);
        CliTest.Run r = run("discover", "--data", csv.toString(), "--target", "loss", "--generations", "1", "--threads", "1",
                "--out", dir.resolve("runs").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("  warning      params is 0 or below on 1 of its 15 train rows (smallest 0)");
        String log = Files.readString(dir.resolve("runs/sweep/default/run-0/run.log"));
        assertThat(log).contains("columns not read (text, or left out by --features): name")
                .contains("warning params is 0 or below on 1 of its 15 train rows");
    }
}
