package lawsearch.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code frontier} on seed 004's sweep: the notebook's argmin table (7 compute levels) with
 * dominated runs added at the same levels, which must be ignored; with the level at 1e13 dropped it
 * must predict the notebook's 2.743575 at 1e19 FLOPs.
 */
class FrontierCommandTest {
    @TempDir Path dir;

    /** The notebook's argmin_df: d_model, num_layers, num_heads, batch_size, learning_rate, log10_train_flops, log10_loss. */
    static final double[][] ARGMIN = {
        {64, 8, 2, 128, 0.001, 13.00000, 1.0208374},
        {64, 8, 16, 128, 0.001, 13.47712, 1.0120776},
        {64, 2, 8, 128, 0.001, 13.77815, 0.9870799},
        {64, 2, 8, 128, 0.001, 14.00000, 0.9527515},
        {64, 2, 16, 128, 0.001, 15.00000, 0.8313305},
        {64, 24, 2, 128, 0.001, 16.00000, 0.7365705},
        {64, 16, 8, 128, 0.001, 17.00000, 0.6596009},
    };

    /** The argmin rows, each with a worse run before it and another after it at the same compute. */
    Path seed004() throws IOException {
        List<String> lines = new ArrayList<>(List.of("d_model,num_layers,num_heads,batch_size,learning_rate,flops,loss"));
        for (double[] r : ARGMIN) {
            double flops = Math.pow(10, r[5]);
            double loss = Math.pow(10, r[6]);
            lines.add(row(256, 4, 4, 512, 3e-4, flops, loss * 1.08));
            lines.add(row(r[0], r[1], r[2], r[3], r[4], flops, loss));
            lines.add(row(128, 24, 16, 256, 5e-4, flops, loss + 0.3));
        }
        return write("seed004.csv", lines);
    }

    static String row(double... v) {
        List<String> cells = new ArrayList<>();
        for (double x : v) {
            cells.add(Double.toString(x));
        }
        return String.join(",", cells);
    }

    Path write(String name, List<String> lines) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, lines);
        return p;
    }

    String[] args(Path csv, String... more) {
        List<String> a = new ArrayList<>(List.of("frontier", "--data", csv.toString(), "--target", "loss",
                "--svg", dir.resolve("frontier.svg").toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void seed004PredictsTheNotebooksLoss() throws IOException {
        CliRun r = CliRun.of(args(seed004(), "--compute", "flops", "--min-compute", "2e13", "--form", "power", "--at", "1e19"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("prediction  2.7436 at flops = 1e+19");
        assertThat(r.out()).contains("6 of 7 compute levels").contains("21 runs").contains("1 below --min-compute 2e+13 dropped");
        // the frontier table reads the notebook's configurations, not the dominated runs'
        List<String> table = r.out().lines().filter(l -> l.matches("^[0-9].*")).toList();
        assertThat(table).hasSize(6);
        assertThat(table.get(5)).matches("1e\\+17\\s+4\\.56668\\s+64\\s+16\\s+8\\s+128\\s+0\\.001");
        assertThat(r.err()).contains("plot written to " + dir.resolve("frontier.svg"));
        assertThat(Files.readString(dir.resolve("frontier.svg"))).contains("<svg").contains("power fit");
    }

    @Test
    void seed004Json() throws IOException {
        CliRun r = CliRun.of(args(seed004(), "--compute", "flops", "--min-compute", "2e13", "--at", "1e19", "--json"));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("form").asText()).isEqualTo("power");
        assertThat(j.get("prediction").asDouble()).isCloseTo(2.743575, within(1e-6));
        // the t prediction interval (4 df) as numpy computes it from the same six points
        assertThat(j.get("lower").asDouble()).isCloseTo(2.4274689125, within(1e-7));
        assertThat(j.get("upper").asDouble()).isCloseTo(3.1008458092, within(1e-7));
        assertThat(j.get("level").asDouble()).isEqualTo(0.9);
        assertThat(j.get("at").asDouble()).isEqualTo(1e19);
        assertThat(j.get("constants").get("a").asDouble()).isCloseTo(2.395933, within(1e-6));
        assertThat(j.get("constants").get("b").asDouble()).isCloseTo(-0.1030324, within(1e-7));
        JsonNode points = j.get("points");
        assertThat(points).hasSize(6);
        double[] layers = {8, 2, 2, 2, 24, 16};
        for (int i = 0; i < 6; i++) {
            assertThat(points.get(i).get("num_layers").asDouble()).isEqualTo(layers[i]);
            assertThat(points.get(i).get("d_model").asDouble()).isEqualTo(64);
        }
        assertThat(points.get(0).fieldNames()).toIterable()
                .containsExactly("flops", "loss", "d_model", "num_layers", "num_heads", "batch_size", "learning_rate");
    }

    @Test
    void wideLevelGivesAWiderInterval() throws IOException {
        Path p = seed004();
        JsonNode at90 = new ObjectMapper().readTree(CliRun.of(args(p, "--compute", "flops", "--at", "1e19", "--json")).out());
        JsonNode at99 = new ObjectMapper().readTree(CliRun.of(args(p, "--compute", "flops", "--at", "1e19", "--level", "0.99", "--json")).out());
        assertThat(at99.get("lower").asDouble()).isLessThan(at90.get("lower").asDouble());
        assertThat(at99.get("upper").asDouble()).isGreaterThan(at90.get("upper").asDouble());
        assertThat(at90.get("points")).hasSize(7);   // no --min-compute: the 1e13 level stays
    }

    @Test
    void tiesGoToTheFirstRunInFileOrder() throws IOException {
        Path p = write("ties.csv", List.of("flops,width,loss", "1e10,1,5", "1e10,2,5", "1e11,3,4", "1e11,4,3", "1e12,5,2", "1e12,6,2.5"));
        JsonNode j = new ObjectMapper().readTree(CliRun.of(args(p, "--compute", "flops", "--at", "1e13", "--json")).out());
        assertThat(j.get("points").findValuesAsText("width")).containsExactly("1.0", "4.0", "5.0");
    }

    @Test
    void computeExpressionJoinsLevelsThatDifferInTheLastBits() throws IOException {
        // 6*N*D of an IsoFLOP sweep: equal budgets whose products differ by rounding are one level
        Path p = write("iso.csv", List.of("params,tokens,loss",
                "1e6,1.6666666666666667e8,5", "3e6,5.555555555555556e7,4.5",
                "1e7,1.6666666666666667e8,4", "3e7,5.555555555555556e7,3.8",
                "1e8,1.6666666666666667e8,3", "3e8,5.555555555555556e7,3.2"));
        CliRun r = CliRun.of(args(p, "--compute", "6*params*tokens", "--at", "1e19"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("3 of 3 compute levels").contains("compute  loss  params  tokens");
    }

    @Test
    void floorFormThroughTheCommand() throws IOException {
        // L = 1.8 + 889*C^(-0.15) on an IsoFLOP-like grid, compute as 6*params*tokens, a worse run at each level
        List<String> lines = new ArrayList<>(List.of("params,tokens,loss"));
        for (int k = 0; k < 8; k++) {
            double c = Math.pow(10, 15 + 0.5 * k);
            double n = Math.sqrt(c / 120);
            double loss = 1.8 + 889 * Math.pow(6 * n * (20 * n), -0.15);
            lines.add(row(n / 2, 40 * n, loss * 1.05));
            lines.add(row(n, 20 * n, loss));
        }
        CliRun r = CliRun.of(args(write("floor.csv", lines), "--compute", "6*params*tokens", "--form", "floor", "--at", "1e22", "--json"));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("form").asText()).isEqualTo("floor");
        assertThat(j.get("constants").get("E").asDouble()).isCloseTo(1.8, within(1e-3));
        assertThat(j.get("constants").get("alpha").asDouble()).isCloseTo(0.15, within(1e-4));
        assertThat(j.get("prediction").asDouble()).isCloseTo(1.8 + 889 * Math.pow(1e22, -0.15), within(1e-4));
        assertThat(j.get("points")).hasSize(8);
        assertThat(j.get("points").get(0).fieldNames()).toIterable().containsExactly("compute", "loss", "params", "tokens");
        assertThat(j.get("lower").asDouble()).isLessThanOrEqualTo(j.get("prediction").asDouble());
        assertThat(j.get("upper").asDouble()).isGreaterThanOrEqualTo(j.get("prediction").asDouble());
    }

    @Test
    void groupsShareOneFrontierUnlessOneIsPicked() throws IOException {
        Path p = write("groups.csv", List.of("group,flops,loss", "a,1e10,5", "b,1e10,4.5", "a,1e11,3.9", "b,1e11,4",
                "a,1e12,3", "b,1e12,3.1", "b,1e13,2.5"));
        JsonNode all = new ObjectMapper().readTree(CliRun.of(args(p, "--compute", "flops", "--at", "1e15", "--json")).out());
        assertThat(all.get("points").findValuesAsText("group")).containsExactly("b", "a", "a", "b");
        JsonNode b = new ObjectMapper().readTree(CliRun.of(args(p, "--compute", "flops", "--at", "1e15", "--group", "b", "--json")).out());
        assertThat(b.get("points").findValuesAsText("loss")).containsExactly("4.5", "4.0", "3.1", "2.5");
    }

    @Test
    void errorsAreOneLine() throws IOException {
        Path p = seed004();
        CliTest.assertOneLineError(run(args(p, "--compute", "6*flops*tokenz", "--at", "1e19")), "--compute: unknown column 'tokenz'");
        CliTest.assertOneLineError(run(args(p, "--compute", "flops*loss", "--at", "1e19")), "'loss' is the target column");
        CliTest.assertOneLineError(run(args(p, "--compute", "flops", "--at", "0")), "--at must be a positive compute");
        CliTest.assertOneLineError(run(args(p, "--compute", "flops", "--at", "1e19", "--form", "cubic")), "--form: unknown form 'cubic' (power or floor)");
        CliTest.assertOneLineError(run(args(p, "--compute", "flops", "--at", "1e19", "--min-compute", "5e15")),
                "only 2 frontier points left (7 compute levels, 5 below --min-compute); the power form (2 constants) needs at least 3");
        CliTest.assertOneLineError(run(args(p, "--compute", "flops", "--at", "1e19", "--min-compute", "5e14", "--form", "floor")),
                "only 3 frontier points left (7 compute levels, 4 below --min-compute); the floor form (3 constants) needs at least 4");
        CliTest.assertOneLineError(run(args(p, "--compute", "flops", "--at", "1e19", "--level", "1.5")), "--level must lie strictly between 0 and 1");
        CliTest.assertOneLineError(run("frontier", "--data", p.toString(), "--target", "loss", "--compute", "flops", "--at", "1e19", "--svg", ""),
                "--svg: give a file name (default frontier.svg)");
        CliTest.assertOneLineError(run(args(p, "--compute", "flops", "--at", "1e19", "--group", "x")), "--group: no group 'x'");
        Path zero = write("zero.csv", List.of("flops,loss", "0,5", "1e10,4", "1e11,3", "1e12,2"));
        CliTest.assertOneLineError(run(args(zero, "--compute", "flops", "--at", "1e19")),
                zero + ":2: compute must be positive (logs are taken), got 0.0 from --compute flops");
        Path negative = write("negative.csv", List.of("flops,loss", "1e9,5", "1e10,-4", "1e11,3", "1e12,2"));
        CliTest.assertOneLineError(run(args(negative, "--compute", "flops", "--at", "1e19")),
                negative + ":3: the target must be positive (logs are taken), got -4.0 in column 'loss'");
        Path nan = write("nan.csv", List.of("flops,loss", "1e9,5", "1e10,4", "-1e11,3", "1e12,2"));
        CliTest.assertOneLineError(run(args(nan, "--compute", "log(flops)", "--at", "1e19")), nan + ":4: --compute log(flops) is NaN");
        assertThat(Files.exists(dir.resolve("frontier.svg"))).as("no plot after an error").isFalse();
    }

    /**
     * A bad value is named by the file line it came from, not by the run's place in the loader's
     * order (groups gathered, test rows after train rows), which is no line of the file.
     */
    @Test
    void aNegativeComputeIsNamedByItsFileLine() throws IOException {
        Path p = write("lines.csv", List.of("group,split,params,tokens,loss", "a,train,1e8,1e9,5", "b,train,1e8,1e9,5",
                "a,test,1e9,1e10,4", "b,train,-1e9,1e10,4", "a,train,1e10,1e11,3", "b,train,1e10,1e11,3"));
        CliTest.assertOneLineError(run(args(p, "--compute", "6*params*tokens", "--at", "1e22")),
                p + ":5: compute must be positive (logs are taken), got -6.0E19 from --compute 6*params*tokens");
        CliTest.assertOneLineError(run(args(p, "--compute", "6*params*tokens", "--at", "1e22", "--group", "b")),
                p + ":5: compute must be positive (logs are taken), got -6.0E19 from --compute 6*params*tokens");
        CliTest.assertOneLineError(run(args(p, "--compute", "log(params)", "--at", "1e22")), p + ":5: --compute log(params) is NaN");
        assertThat(Files.exists(dir.resolve("frontier.svg"))).as("no plot after an error").isFalse();
    }

    @Test
    void anUnwritablePlotIsOneLineNamingIt() throws IOException {
        Path p = seed004();
        Path folder = Files.createDirectories(dir.resolve("plots"));
        CliTest.assertOneLineError(run("frontier", "--data", p.toString(), "--target", "loss", "--compute", "flops", "--at", "1e19",
                "--svg", folder.toString()), "cannot write " + folder + ": it is a directory");
        CliTest.assertOneLineError(run("frontier", "--data", p.toString(), "--target", "loss", "--compute", "flops", "--at", "1e19",
                "--svg", p.resolve("x.svg").toString()), "cannot write " + p.resolve("x.svg") + ": " + p + " is not a directory");
    }

    private static CliTest.Run run(String... a) {
        CliRun r = CliRun.of(a);
        return new CliTest.Run(r.code(), r.out(), r.err());
    }
}
