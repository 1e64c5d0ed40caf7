package lawsearch.engine.use;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import lawsearch.engine.cli.CliRun;
import lawsearch.engine.io.Json;
import lawsearch.evaluator.protocol.Protocol;

/**
 * A finished run stores intervals.json once, the same whatever the thread count; predict reads it
 * (and fit.json) without a fit, prints one JSON object per point and group with an interval that
 * holds the prediction, marks points beyond the train rows, and refuses bad input in one line.
 */
class PredictTest {
    @TempDir static Path dir;
    static Path run;

    /** Two groups; each configuration run twice (seeds), so the bootstrap draws configurations. */
    static String csv() {
        StringBuilder b = new StringBuilder("group,split,params,tokens,loss\n");
        for (String g : new String[] {"a", "b"}) {
            for (double n : new double[] {1e7, 3e7, 1e8, 3e8, 1e9, 3e9}) {
                for (double d : new double[] {1e9, 3e9, 1e10, 3e10}) {
                    for (int seed = 0; seed < 2; seed++) {
                        double loss = (g.equals("a") ? 1.7 : 1.9) + 400 * Math.pow(n, -0.34) + 410 * Math.pow(d, -0.28);
                        b.append(g).append(',').append(n >= 3e9 ? "test" : "train").append(',').append(n).append(',').append(d)
                                .append(',').append(loss * (1 + 0.003 * Math.sin(n + d + 5 * seed))).append('\n');
                    }
                }
            }
        }
        return b.toString();
    }

    static Path discover(String threads) throws Exception {
        Path csv = dir.resolve("sweep.csv");
        if (!Files.exists(csv)) {
            Files.writeString(csv, csv());
        }
        Path out = dir.resolve("runs-" + threads);
        CliRun r = CliRun.of("discover", "--data", csv.toString(), "--target", "loss", "--generations", "2", "--threads", threads,
                "--out", out.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        return out.resolve("sweep/default/run-0");
    }

    @BeforeAll
    static void finishedRun() throws Exception {
        run = discover("1");
    }

    @Test
    void intervalsAreStoredOnceAndTheSameWhateverTheThreads() throws Exception {
        IntervalsFile f = IntervalsFile.read(run, lawsearch.engine.run.FitFile.read(run).parameters());
        assertThat(f.bootstrap().count()).isBetween(40, 200);
        assertThat(f.bootstrap().clusters()).containsEntry("a", 20).containsEntry("b", 20);   // 40 train rows, 20 configurations
        assertThat(f.errors().values().get("a").get("loss")).isNotEmpty();
        assertThat(Files.readString(discover("2").resolve(IntervalsFile.FILE))).isEqualTo(Files.readString(run.resolve(IntervalsFile.FILE)));
    }

    /** What Ctrl-C on discover --runs 3 leaves: a folder whose one run was interrupted, another damaged; each named. */
    @Test
    void aFolderWithNoFinishedRunSaysWhatEachRunIs() throws Exception {
        Path entry = dir.resolve("stopped/sweep/default");
        Path stopped = entry.resolve("run-0");
        Path damaged = entry.resolve("run-1");
        for (Path to : List.of(stopped, damaged)) {
            Files.createDirectories(to);
            try (var files = Files.list(run)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
        Files.delete(stopped.resolve("result.json"));
        new lawsearch.engine.run.RunState("interrupted", null, 1, null, 2, 0.5, null).write(stopped);
        Files.writeString(damaged.resolve("result.json"), "{");
        CliRun p = CliRun.of("predict", "--run", entry.toString(), "--at", "params=1e10,tokens=1e11");
        assertThat(p.code()).as(p.err()).isEqualTo(2);
        assertThat(p.err().strip().lines()).singleElement().asString()
                .startsWith("lawsearch: " + entry + ": holds no finished run (" + stopped + " interrupted: --resume it; " + damaged + ": ")
                .contains("result.json");
    }

    @Test
    void aFolderOfRepeatedRunsPredictsWithTheRunDiscoverNamedToUse() throws Exception {
        Path out = dir.resolve("repeated");
        CliRun d = CliRun.of("discover", "--data", dir.resolve("sweep.csv").toString(), "--target", "loss", "--generations", "2",
                "--runs", "2", "--threads", "2", "--out", out.toString(), "--json");
        assertThat(d.code()).as(d.err()).isZero();
        String use = new ObjectMapper().readTree(d.out()).get("use").asText();
        CliRun p = CliRun.of("predict", "--run", out.resolve("sweep/default").toString(), "--at", "params=1e10,tokens=1e11", "--json");
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(p.err()).contains("holds 2 finished runs: using " + use);
        // runs of two tasks in one folder: which to use is the user's to say
        Files.writeString(dir.resolve("other.csv"), csv());
        assertThat(CliRun.of("discover", "--data", dir.resolve("other.csv").toString(), "--target", "loss", "--generations", "1",
                "--threads", "2", "--out", out.toString()).code()).isZero();
        CliRun mixed = CliRun.of("predict", "--run", out.toString(), "--at", "params=1e10,tokens=1e11");
        assertThat(mixed.code()).isEqualTo(2);
        assertThat(mixed.err().strip()).doesNotContain("\n").contains("holds the runs of several tasks or entries");
    }

    @Test
    void jsonHasOneObjectPerPointAndGroupWithAnIntervalHoldingThePrediction() {
        long fits = Protocol.fitsStarted();
        CliRun r = CliRun.of("predict", "--run", run.toString(), "--at", "params=30B,tokens=1e10", "--json");   // sizes read as the data's cells
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Protocol.fitsStarted()).as("predict refits nothing").isEqualTo(fits);
        JsonNode list = Json.tree(r.out(), "out");
        assertThat(list.size()).isEqualTo(2);
        for (JsonNode o : list) {
            assertThat(o.get("params").asDouble()).isEqualTo(3e10);
            assertThat(o.get("tokens").asDouble()).isEqualTo(1e10);
            assertThat(o.has("target")).isFalse();
            double p = o.get("prediction").asDouble();
            assertThat(o.get("lower").asDouble()).isLessThanOrEqualTo(p).isLessThan(o.get("upper").asDouble());
            assertThat(o.get("upper").asDouble()).isGreaterThanOrEqualTo(p);
            assertThat(o.get("extrapolation").get("params").get("side").asText()).isEqualTo("above");
            assertThat(o.get("extrapolation").get("params").get("factor").asDouble()).isCloseTo(30, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(o.get("extrapolation").has("tokens")).isFalse();
        }
        assertThat(list.get(0).get("group").asText()).isEqualTo("a");
        assertThat(list.get(1).get("group").asText()).isEqualTo("b");
        CliRun one = CliRun.of("predict", "--run", run.toString(), "--at", "params=1e8,tokens=1e10", "--group", "b", "--level", "0.5", "--json");
        JsonNode only = Json.tree(one.out(), "out");
        assertThat(only.size()).isEqualTo(1);
        assertThat(only.get(0).get("extrapolation").size()).isZero();
    }

    @Test
    void aFileOfTestRowsPredictsEachRowForItsOwnGroupAsTableAndCsv() throws Exception {
        Path points = Files.writeString(dir.resolve("points.csv"), "group,split,params,tokens,loss\nb,test,3e9,1e9,2.5\na,test,3e9,3e10,2.2\n");
        CliRun csv = CliRun.of("predict", "--run", run.toString(), "--data", points.toString(), "--csv");
        assertThat(csv.code()).as(csv.err()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("params,tokens,group,prediction,lower,upper,extrapolation");
        assertThat(lines.get(1)).contains(",b,").contains("params ×3.00 above");
        CliRun table = CliRun.of("predict", "--run", run.toString(), "--data", points.toString());
        assertThat(table.out()).contains("prediction", "lower", "upper");
    }

    /** --group G keeps the rows of group G (and rows naming no group), rather than relabelling the others as G. */
    @Test
    void groupKeepsOnlyTheRowsOfThatGroup() throws Exception {
        Path points = Files.writeString(dir.resolve("mixed.csv"), "group,params,tokens\na,1e8,1e9\nb,3e9,1e9\na,2e8,1e9\n");
        CliRun r = CliRun.of("predict", "--run", run.toString(), "--data", points.toString(), "--group", "b", "--csv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().skip(1).toList()).singleElement().asString().startsWith("3.0E9,").contains(",b,");
        CliRun a = CliRun.of("predict", "--run", run.toString(), "--data", points.toString(), "--group", "a", "--csv");
        assertThat(a.out().lines().skip(1).toList()).hasSize(2).allSatisfy(l -> assertThat(l).contains(",a,"));
        Path noGroup = Files.writeString(dir.resolve("nogroup.csv"), "params,tokens\n1e8,1e9\n");
        CliRun n = CliRun.of("predict", "--run", run.toString(), "--data", noGroup.toString(), "--group", "b", "--csv");
        assertThat(n.out().lines().skip(1).toList()).as("a row without a group is predicted for G").singleElement().asString().contains(",b,");
        Path onlyA = Files.writeString(dir.resolve("only-a.csv"), "group,params,tokens\na,1e8,1e9\n");
        CliRun none = CliRun.of("predict", "--run", run.toString(), "--data", onlyA.toString(), "--group", "b");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.out()).isEmpty();
        assertThat(none.err().strip().lines()).singleElement().asString().contains("--group: no point of " + onlyA + " is in group 'b'");
    }

    /** A spreadsheet's byte-order mark is dropped as the CSV loader drops it, not read into the first column's name. */
    @Test
    void aPointsFileWithAByteOrderMarkReads() throws Exception {
        Path points = Files.writeString(dir.resolve("bom.csv"), "\uFEFFgroup,params,tokens\nb,3e9,1e9\n");
        CliRun r = CliRun.of("predict", "--run", run.toString(), "--data", points.toString(), "--csv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().skip(1).toList()).singleElement().asString().contains(",b,");
    }

    /**
     * A points file is read as eval reads its data (one CsvTable): a column named twice, a quote
     * left open and a cell that is no number are refused in the same words, at the same line.
     */
    @Test
    void aPointsFileIsRefusedInTheWordsEvalUses() throws Exception {
        Map<String, String> files = Map.of(
                "twice.csv", "params,tokens,params\n1e8,1e9,2e8\n",
                "quote.csv", "params,tokens\n1e8,1e9\n2e8,\"1e9\n3e8,1e9\n",
                "cell.csv", "params,tokens\n1e8,1e9\n\n2e8,lots\n");
        Map<String, String> expected = Map.of(
                "twice.csv", ":1: column 'params' appears twice",
                "quote.csv", ":3: malformed CSV: the quoted value at column 5 has no closing quote",
                "cell.csv", ":4: column 'tokens': not a number: 'lots'");
        for (var f : files.entrySet()) {
            Path p = Files.writeString(dir.resolve(f.getKey()), f.getValue());
            CliRun predict = CliRun.of("predict", "--run", run.toString(), "--data", p.toString());
            CliRun eval = CliRun.of("eval", "--data", p.toString(), "--target", "params", "--features", "tokens", "--law", "a*tokens");
            assertThat(predict.code()).as(predict.err()).isEqualTo(2);
            assertThat(predict.out()).isEmpty();
            assertThat(predict.err()).isEqualTo("lawsearch: " + p + expected.get(f.getKey()) + "\n");
            if (!f.getKey().equals("cell.csv")) {   // eval reads tokens only; predict reads both columns
                assertThat(eval.err()).as("the same check and words as eval").isEqualTo(predict.err());
            }
        }
        Path both = Files.writeString(dir.resolve("both.csv"), "N,params,tokens\n1e8,2e8,1e9\n");   // an alias beside its column
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Points.csv(both, List.of("params", "tokens"), List.of("loss"), Map.of("N", "params")))
                .isInstanceOf(lawsearch.grammar.core.UserError.class).hasMessage(both + ": columns 'N' and 'params' both give params");
    }

    @Test
    void theEntryPageDrawsTheIntervalOutToTenTimesTheData() throws Exception {
        Path site = dir.resolve("site");
        CliRun html = CliRun.of("leaderboard", "--runs", run.getParent().getParent().getParent().toString(), "--html", site.toString());
        assertThat(html.code()).as(html.err()).isZero();
        assertThat(Files.readString(site.resolve("sweep/default.html"))).contains("Interval along params to 10× the train rows (a)");
    }

    /** A copy of the run with {@code file} edited as JSON. */
    static Path damaged(String name, String file, Consumer<ObjectNode> edit) throws Exception {
        Path to = Files.createDirectories(dir.resolve("damaged").resolve(name));
        try (var files = Files.list(run)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        ObjectNode tree = (ObjectNode) Json.tree(to.resolve(file));
        edit.accept(tree);
        Files.writeString(to.resolve(file), Json.write(tree));
        return to;
    }

    /** Run files that are valid JSON but lack what lawsearch writes: one line naming the file and the field, never a trace. */
    @Test
    void damagedRunFilesAreOneLineNamingTheField() throws Exception {
        String param = Json.tree(run.resolve("fit.json")).get("parameters").get(0).asText();
        Map<String, Path> cases = new LinkedHashMap<>();
        cases.put("config.json: missing \"targets\"", damaged("targets", "config.json", t -> t.remove("targets")));
        cases.put("fit.json: missing \"columns\"", damaged("columns", "fit.json", t -> t.remove("columns")));
        cases.put("fit.json: missing \"feature_ranges\"", damaged("ranges", "fit.json", t -> t.remove("feature_ranges")));
        cases.put("fit.json: \"format\" 9 is newer than this lawsearch (1)", damaged("format", "fit.json", t -> t.put("format", 9)));
        cases.put("fit.json: missing \"constants.b.loss\" (the run's data has group 'b' and target 'loss')",
                damaged("group", "fit.json", t -> ((ObjectNode) t.get("constants")).remove("b")));
        cases.put("fit.json: missing \"constants.a.loss.values." + param + "\"",
                damaged("null", "fit.json", t -> values(t).putNull(param)));
        cases.put("fit.json: \"constants.a.loss.values." + param + "\" is NaN, not a finite number",
                damaged("nan", "fit.json", t -> values(t).put(param, "NaN")));
        cases.put("fit.json: \"constants.a.loss.values\" is null (a failed fit) but its objective is",
                damaged("values", "fit.json", t -> ((ObjectNode) t.get("constants").get("a").get("loss")).putNull("values")));
        cases.put("fit.json: \"columns\" maps params to 'nosuch', which is no feature of the run's data (features: params, tokens)",
                damaged("column", "fit.json", t -> ((ObjectNode) t.get("columns")).put("params", "nosuch")));
        cases.put("config.json: \"scale\" names 'nosuch', which is no feature of the run's data (features: params, tokens)",
                damaged("scale", "config.json", t -> t.putArray("scale").add("nosuch")));
        cases.put("intervals.json: missing \"bootstrap\"", damaged("bootstrap", "intervals.json", t -> t.remove("bootstrap")));
        cases.put("intervals.json: missing \"errors\"", damaged("errors", "intervals.json", t -> t.remove("errors")));
        cases.put("intervals.json: \"bootstrap.constants.a.loss\" holds a vector of 1 constants",
                damaged("short", "intervals.json", t -> {
                    ArrayNode v = (ArrayNode) t.get("bootstrap").get("constants").get("a").get("loss").get(0);
                    while (v.size() > 1) {
                        v.remove(v.size() - 1);
                    }
                }));
        cases.forEach((message, damaged) -> {
            CliRun r = CliRun.of("predict", "--run", damaged.toString(), "--at", "params=1e8,tokens=1e9");
            assertThat(r.code()).as(message + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
            assertThat(r.err()).contains(damaged.resolve(message.substring(0, message.indexOf(':'))) + message.substring(message.indexOf(':')));
        });
        CliRun export = CliRun.of("export", "--run", cases.get(cases.keySet().stream().filter(m -> m.contains("constants.b")).findFirst().orElseThrow()).toString(),
                "--format", "harbor");
        assertThat(export.code()).isEqualTo(2);
        assertThat(export.err()).contains("missing \"constants.b.loss\"");
    }

    /** A group whose bootstrap refits all failed: its interval is said to hold the rivals and held-out errors alone. */
    @Test
    void aGroupWithoutBootstrapRefitsIsSaid() throws Exception {
        Path noBoot = damaged("no-bootstrap", "intervals.json",
                t -> ((ArrayNode) t.get("bootstrap").get("constants").get("a").get("loss")).removeAll());
        CliRun r = CliRun.of("predict", "--run", noBoot.toString(), "--at", "params=1e8,tokens=1e9");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("no bootstrap refits for a (none succeeded): its interval holds the rival laws and held-out errors alone")
                .doesNotContain("refits for a, b");
        assertThat(CliRun.of("predict", "--run", run.toString(), "--at", "params=1e8,tokens=1e9").out()).doesNotContain("no bootstrap refits");
    }

    private static ObjectNode values(ObjectNode fit) {
        return (ObjectNode) fit.get("constants").get("a").get("loss").get("values");
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "params,tokens\n");
        Path unknown = Files.writeString(dir.resolve("unknown.csv"), "params,tokens,width\n1e8,1e9,3\n");
        Path noFit = dir.resolve("nofit");
        Files.createDirectories(noFit);
        for (String f : List.of("config.json", "data.csv", "result.json", "state.json")) {
            Files.copy(run.resolve(f), noFit.resolve(f));
        }
        Map<String, String[]> cases = Map.of(
                "unknown column 'width'", new String[] {"--run", run.toString(), "--at", "params=1e8,width=2"},
                "missing column 'tokens'", new String[] {"--run", run.toString(), "--at", "params=1e8"},
                "unknown group 'c'", new String[] {"--run", run.toString(), "--at", "params=1e8,tokens=1e9", "--group", "c"},
                "'1.3b' is not a finite number (a size? write its magnitude k, M, B or T", new String[] {"--run", run.toString(), "--at", "params=1.3b,tokens=1e9"},
                "--level", new String[] {"--run", run.toString(), "--at", "params=1e8,tokens=1e9", "--level", "1"},
                "empty.csv: no data rows, only a header", new String[] {"--run", run.toString(), "--data", empty.toString()},
                "unknown.csv: unknown column 'width'", new String[] {"--run", run.toString(), "--data", unknown.toString()},
                "fit.json: not found", new String[] {"--run", noFit.toString(), "--at", "params=1e8,tokens=1e9"},
                "exactly one of --at", new String[] {"--run", run.toString()});
        cases.forEach((message, args) -> {
            String[] full = new String[args.length + 1];
            full[0] = "predict";
            System.arraycopy(args, 0, full, 1, args.length);
            CliRun r = CliRun.of(full);
            assertThat(r.code()).as(message).isEqualTo(2);
            assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).contains(message);
        });
    }
}
