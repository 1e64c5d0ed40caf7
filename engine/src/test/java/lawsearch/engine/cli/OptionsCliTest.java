package lawsearch.engine.cli;

import static lawsearch.engine.cli.CliTest.assertOneLineError;
import static lawsearch.engine.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** discover --options FILE.json: recorded in config.json, used by --resume, refused with one line when wrong. */
class OptionsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path shared;
    static Path finished;

    @TempDir Path dir;

    /** A short demo run charging 0.05 per node instead of 0.03. */
    @BeforeAll
    static void runWithOptions() throws IOException {
        Path options = Files.writeString(shared.resolve("opts.json"), "{\"parsimony\": 0.05}");
        CliTest.Run r = run("discover", "--task", "demo", "--generations", "3", "--seed", "4", "--threads", "2",
                "--checkpoint-every", "0s", "--options", options.toString(), "--out", shared.resolve("runs").toString());
        assertThat(r.code()).as(r.err()).isZero();
        finished = shared.resolve("runs/demo/default/run-0");
    }

    @Test
    void anOptionsFileWithAByteOrderMarkReads() throws IOException {
        Path bom = Files.writeString(dir.resolve("bom.json"), "\uFEFF{\"parsimony\": 0.05}\r\n");
        assertThat(OptionsFile.read(bom).parsimony()).isEqualTo(0.05);
    }

    @Test
    void theOptionsAreRecordedInConfigJsonAndNamedInTheLog() throws IOException {
        JsonNode search = JSON.readTree(finished.resolve("config.json").toFile()).get("search");
        assertThat(search.get("parsimony").asDouble()).isEqualTo(0.05);
        assertThat(search.get("islands").asInt()).isEqualTo(4);   // the rest: the defaults, written out
        assertThat(search.get("fit").get("max_iterations").asInt()).isEqualTo(200);
        assertThat(Files.readString(finished.resolve("run.log"))).contains("options parsimony=0.05");
        assertParsimony(finished, 0.05);
    }

    /** With no checkpoint the resume starts over, from config.json alone: the same front, charged 0.05 per node. */
    @Test
    void resumeSearchesWithTheRecordedOptions() throws IOException {
        Path run = copy();
        try (Stream<Path> s = Files.list(run)) {
            for (Path f : s.filter(f -> f.getFileName().toString().startsWith("checkpoint-")
                    || f.getFileName().toString().equals("result.json")).toList()) {
                Files.delete(f);
            }
        }
        CliTest.Run r = run("discover", "--resume", run.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("starting the run over");
        assertThat(Files.readString(run.resolve("pareto.json"))).isEqualTo(Files.readString(finished.resolve("pareto.json")));
        assertParsimony(run, 0.05);
    }

    @Test
    void resumeRefusesOptions() throws IOException {
        Path options = Files.writeString(dir.resolve("opts.json"), "{\"parsimony\": 0.01}");
        assertOneLineError(run("discover", "--resume", finished.toString(), "--options", options.toString()), "drop --options");
    }

    @Test
    void anUnknownKeyIsOneLineNamingFileAndKeyAndNothingIsWritten() throws IOException {
        Path options = Files.writeString(dir.resolve("opts.json"), "{\"parsimonyy\": 0.05}");
        CliTest.Run r = discover(options);
        assertOneLineError(r, options + ": unknown option \"parsimonyy\" (known: islands, population_size,");
        assertThat(Files.exists(dir.resolve("runs"))).isFalse();
    }

    @Test
    void wrongTypesRangesJsonAndFilesAreOneLine() throws IOException {
        Path options = dir.resolve("opts.json");
        Files.writeString(options, "{\"fit\": {\"max_iterations\": \"many\"}}");
        assertOneLineError(discover(options), options + ": fit.max_iterations: must be an integer, got \"many\"");
        Files.writeString(options, "{\"mutation_probability\": 1.5}");
        assertOneLineError(discover(options), options + ": mutation_probability: must be a number in [0, 1], got 1.5");
        Files.writeString(options, "{\"parsimony\": 0.05,}");
        assertOneLineError(discover(options), options + ":1:20: not valid JSON: Unexpected character ('}'): was expecting double-quote to start field name");
        Files.writeString(options, "{\"parsimony\": 0.05, \"parsimony\": 0.04}");
        assertOneLineError(discover(options), options + ":1:32: not valid JSON: Duplicate field 'parsimony'");
        Files.writeString(options, "[]");
        assertOneLineError(discover(options), options + ": must hold one JSON object of options");
        assertOneLineError(discover(dir.resolve("nope.json")), "nope.json: no such file");
        assertThat(Files.exists(dir.resolve("runs"))).isFalse();
    }

    private CliTest.Run discover(Path options) {
        return run("discover", "--task", "demo", "--generations", "1", "--options", options.toString(),
                "--out", dir.resolve("runs").toString());
    }

    /**
     * Every law on the run's front is scored log(validation NMSE) + parsimony per node, plus the
     * run's recorded unsound penalty where the search's shape screen refused it (the front keeps such laws).
     */
    private static void assertParsimony(Path run, double parsimony) throws IOException {
        JsonNode front = JSON.readTree(run.resolve("pareto.json").toFile());
        double unsound = JSON.readTree(run.resolve("config.json").toFile()).get("search").get("unsound_penalty").asDouble();
        assertThat(front.size()).isPositive();
        for (JsonNode s : front) {
            double nmse = 1 - s.get("validation_r2").asDouble();
            double charged = Math.log(Math.max(nmse, 1e-12)) + parsimony * s.get("complexity").asInt();
            double penalty = s.get("fitness").asDouble() - charged;
            assertThat(Math.min(Math.abs(penalty), Math.abs(penalty - unsound))).as(s.get("law").asText()).isLessThan(1e-9);
        }
    }

    private Path copy() throws IOException {
        Path to = dir.resolve("runs/demo/default/run-0");
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(finished)) {
            for (Path f : s.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }
}
