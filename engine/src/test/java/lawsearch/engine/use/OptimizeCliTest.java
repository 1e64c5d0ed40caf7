package lawsearch.engine.use;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import lawsearch.engine.cli.CliRun;
import lawsearch.engine.io.Json;
import lawsearch.engine.run.FitFile;
import lawsearch.evaluator.data.DemoData;

/**
 * optimize and suggest on a short demo run (two generations: the search keeps the generating form,
 * E + A*params^(-alpha) + B*tokens^(-beta), the same law and constants as a 30-generation run).
 * The compute-optimal N* under 6·N·D = C must match the generating law's own, computed in closed
 * form from DemoData's constants: N* = G·(C/6)^(β/(α+β)), G = (αA/(βB))^(1/(α+β)).
 */
class OptimizeCliTest {
    @TempDir static Path dir;
    static Path run;

    @BeforeAll
    static void discover() {
        Path runs = dir.resolve("runs");
        CliRun r = CliRun.of("discover", "--task", "demo", "--generations", "2", "--threads", "2", "--out", runs.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        run = runs.resolve("demo/default/run-0");
    }

    static double trueNStar(DemoData.Constants k, double c) {
        double g = Math.pow(k.alpha() * k.a() / (k.beta() * k.b()), 1 / (k.alpha() + k.beta()));
        return g * Math.pow(c / 6, k.beta() / (k.alpha() + k.beta()));
    }

    @Test
    void budgetRecoversTheGeneratingLawsComputeOptimalSizeWithinTenPercent() {
        for (double c : new double[] {1e20, 1e22, 1e24}) {
            JsonNode out = json("optimize", "--run", run.toString(), "--budget", "6*params*tokens = " + c, "--vary", "params,tokens", "--json");
            assertThat(out.size()).isEqualTo(2);
            for (JsonNode g : out) {
                DemoData.Constants k = DemoData.CONSTANTS.get(g.get("group").asText());
                double n = g.get("optimum").get("params").asDouble();
                double d = g.get("optimum").get("tokens").asDouble();
                double err = n / trueNStar(k, c) - 1;
                System.out.printf("N* at C=%.0e, group %s: %.4g (true %.4g, error %+.1f%%)%n", c, g.get("group").asText(), n, trueNStar(k, c), 100 * err);
                assertThat(Math.abs(err)).isLessThan(0.10);
                assertThat(6 * n * d).isCloseTo(c, within(c * 1e-9));
                assertThat(g.get("lower").asDouble()).isLessThan(g.get("prediction").asDouble());
                assertThat(g.get("upper").asDouble()).isGreaterThan(g.get("prediction").asDouble());
                assertThat(g.get("prediction").asDouble()).isCloseTo(k.loss(n, d), within(0.02));
                double a = k.beta() / (k.alpha() + k.beta());
                assertThat(g.get("exponents").get("params").asDouble()).isCloseTo(a, within(0.03));
                assertThat(g.get("exponents").get("tokens").asDouble()).isCloseTo(1 - a, within(0.03));
            }
        }
    }

    /**
     * A target that rises with scale is maximised: the demo's rows with the loss negated (a
     * log-likelihood) give the same compute-optimal size, where minimising it gave the smallest model
     * the bounds allowed.
     */
    @Test
    void aRisingTargetIsMaximised() throws Exception {
        StringBuilder csv = new StringBuilder("group,split,params,tokens,loglik\n");
        for (var g : DemoData.generate(0).groups()) {
            for (var part : List.of(g.train(), g.test())) {
                for (int i = 0; i < part.size(); i++) {
                    csv.append(g.name()).append(',').append(part == g.train() ? "train" : "test").append(',')
                            .append(part.column("params")[i]).append(',').append(part.column("tokens")[i]).append(',')
                            .append(-part.column("loss")[i]).append('\n');
                }
            }
        }
        Path data = Files.writeString(dir.resolve("loglik.csv"), csv);
        Path runs = dir.resolve("rising");
        CliRun r = CliRun.of("discover", "--data", data.toString(), "--target", "loglik", "--generations", "2", "--threads", "2",
                "--out", runs.toString());
        assertThat(r.code()).as(r.err()).isZero();
        double c = 1e22;
        JsonNode out = json("optimize", "--run", runs.resolve("loglik/default/run-0").toString(), "--budget", "6*params*tokens = " + c,
                "--vary", "params,tokens", "--json");
        for (JsonNode g : out) {
            double n = g.get("optimum").get("params").asDouble();
            assertThat(n / trueNStar(DemoData.CONSTANTS.get(g.get("group").asText()), c) - 1).as(g.toString()).isBetween(-0.25, 0.25);
            assertThat(g.get("at_bound").size()).isZero();
        }
    }

    /** Under a budget a scale variable is not sought below its smallest train value, where the law is unchecked. */
    @Test
    void aBudgetSearchStaysAtOrAboveTheSmallestTrainedSize() {
        double smallest = FitFile.read(run).featureRanges().get("params").min();
        JsonNode out = json("optimize", "--run", run.toString(), "--budget", "6*params*tokens = 1e15", "--vary", "params,tokens", "--json");
        for (JsonNode g : out) {
            assertThat(g.get("optimum").get("params").asDouble()).isGreaterThanOrEqualTo(smallest * (1 - 1e-9));
        }
    }

    /** A column with zeros among the runs (a warmup of 0) has no default in log scale, but stated bounds search it. */
    @Test
    void aColumnWithZerosIsSearchedWithinStatedBounds() throws Exception {
        StringBuilder csv = new StringBuilder("params,warmup,loss\n");
        for (double n : new double[] {1e7, 1e8, 1e9, 1e10}) {
            for (double w : new double[] {0, 10, 100, 1000}) {
                csv.append(n).append(',').append(w).append(',').append(2 + 400 * Math.pow(n, -0.3) + 0.01 * Math.log1p(w)).append('\n');
            }
        }
        Path data = Files.writeString(dir.resolve("warmup.csv"), csv);
        Path runs = dir.resolve("warmup");
        CliRun r = CliRun.of("discover", "--data", data.toString(), "--target", "loss", "--generations", "2", "--threads", "2",
                "--out", runs.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String dirArg = runs.resolve("warmup/default/run-0").toString();
        CliRun refused = CliRun.of("optimize", "--run", dirArg, "--vary", "warmup", "--at", "params=1e11");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err().strip()).contains("warmup has values <= 0").contains("--bounds");
        CliRun bounded = CliRun.of("optimize", "--run", dirArg, "--vary", "warmup", "--at", "params=1e11", "--bounds", "warmup=1..3000");
        assertThat(bounded.code()).as(bounded.err()).isZero();
    }

    /**
     * A learning rate the user logged already (log10_lr, every value negative) is a hyper-parameter as
     * written: the templates' bowl reads it so, the shape checks retune it on a linear grid, and
     * optimize searches it as written, finding the optimum the generating law moves with model size.
     */
    @Test
    void aLoggedLearningRateIsSearchedAsWritten() throws Exception {
        StringBuilder csv = new StringBuilder("params,log10_lr,loss\n");
        for (double n : new double[] {1e7, 3e7, 1e8, 3e8, 1e9}) {
            for (double l = -4; l <= -1.99; l += 0.25) {
                double best = -2 - 0.3 * Math.log10(n / 1e7);
                csv.append(n).append(',').append(l).append(',').append(2 + 400 * Math.pow(n, -0.3) + 0.1 * Math.pow(l - best, 2)).append('\n');
            }
        }
        JsonNode found = discoverSound("loglr", csv);
        assertThat(found.get("law").asText()).contains("log10_lr + ");   // as written, not log(log10_lr)
        String dirArg = dir.resolve("loglr/loglr/default/run-0").toString();
        JsonNode out = json("optimize", "--run", dirArg, "--vary", "log10_lr", "--at", "params=1e9", "--json");
        assertThat(out.get(0).get("optimum").get("log10_lr").asDouble()).isCloseTo(-2.6, within(0.02));
        JsonNode bounded = json("optimize", "--run", dirArg, "--vary", "log10_lr", "--at", "params=1e11", "--bounds", "log10_lr=-6..-3", "--json");
        assertThat(bounded.get(0).get("optimum").get("log10_lr").asDouble()).isCloseTo(-3.2, within(0.05));
        CliRun far = CliRun.of("optimize", "--run", dirArg, "--vary", "log10_lr", "--at", "params=1e15");   // optimum -4.4: 0.2 spans below
        assertThat(far.out()).contains("log10_lr 0.2").contains("train spans outside the train range");
        // suggest with candidates planned by size alone: each is run at its best learning rate, as the law has it
        Path sizes = Files.writeString(dir.resolve("sizes.csv"), "params\n1e8\n3e8\n");
        JsonNode picks = json("suggest", "--run", dirArg, "--candidates", sizes.toString(), "--n", "2", "--json");
        assertThat(picks.get("filled").get(0).asText()).isEqualTo("log10_lr");
        for (JsonNode p : picks.get("picks")) {
            double n = p.get("point").get("params").asDouble();
            assertThat(p.get("point").get("log10_lr").asDouble()).as(p.toString()).isCloseTo(-2 - 0.3 * Math.log10(n / 1e7), within(0.02));
        }
        assertThat(CliRun.of("suggest", "--run", dirArg, "--candidates", sizes.toString()).out())
                .contains("log10_lr: not in " + sizes + "; each candidate at its best for it as the law has it (within the train range)");
        // predict asked by size alone: at the best learning rate there, and it says so
        CliRun asked = CliRun.of("predict", "--run", dirArg, "--at", "params=1e8", "--json");
        assertThat(asked.code()).as(asked.err()).isZero();
        assertThat(asked.err()).contains("log10_lr: not given; at its best for each point and group as the law has it");
        JsonNode forecast = Json.tree(asked.out(), "predict").get(0);
        assertThat(forecast.get("log10_lr").asDouble()).isCloseTo(-2.3, within(0.02));
        assertThat(forecast.get("prediction").asDouble()).isCloseTo(2 + 400 * Math.pow(1e8, -0.3), within(0.01));
        CliRun noScale = CliRun.of("predict", "--run", dirArg, "--at", "log10_lr=-3");
        assertThat(noScale.err().strip()).isEqualTo("lawsearch: --at: missing column 'params' (the law needs params, log10_lr)");
        Path noSize = Files.writeString(dir.resolve("nosize.csv"), "log10_lr\n-3\n");
        CliRun scaleMissing = CliRun.of("suggest", "--run", dirArg, "--candidates", noSize.toString());
        assertThat(scaleMissing.code()).isEqualTo(2);
        assertThat(scaleMissing.err().strip()).isEqualTo("lawsearch: " + noSize + ": missing column params (needed: params, log10_lr)");
        CliRun reversed = CliRun.of("optimize", "--run", dirArg, "--vary", "log10_lr", "--at", "params=1e9", "--bounds", "log10_lr=-1..-3");
        assertThat(reversed.code()).isEqualTo(2);
        assertThat(reversed.err().strip()).isEqualTo("lawsearch: --bounds: log10_lr needs LO < HI, got log10_lr=-1..-3");
    }

    /**
     * Discovers a law on {@code csv} (as {@code name}.csv, scale variable params, 2 generations) into
     * {@code name}/ and checks that it is sound and validates above R² 0.999; its run entry.
     */
    private JsonNode discoverSound(String name, CharSequence csv) throws Exception {
        Path data = Files.writeString(dir.resolve(name + ".csv"), csv);
        CliRun r = CliRun.of("discover", "--data", data.toString(), "--target", "loss", "--scale", "params", "--generations", "2",
                "--threads", "2", "--out", dir.resolve(name).toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode found = Json.tree(r.out(), "output").get("runs").get(0);
        assertThat(found.get("shape").get("sound").asBoolean()).as(found.toString()).isTrue();
        assertThat(found.get("validation_r2").asDouble()).as(found.toString()).isGreaterThan(0.999);
        return found;
    }

    /**
     * An Adam beta2 swept toward 1 (0.9 to 0.99) is a hyper-parameter as written: the templates' bowl
     * is {@code (beta2 - c)^2}, the shape checks do not ask the law at beta2 = 0, and optimize searches
     * it no nearer 1 than 0.995 (searched in log scale 10× past its range, it went to 9.9). (The bowl
     * is deep enough to show beside the size's effect: at a fifth of this depth a near-straight line in
     * beta2 also validates at R² 1.000000.)
     */
    @Test
    void aBeta2SweptTowardOneIsSearchedAsWrittenBelowOne() throws Exception {
        StringBuilder csv = new StringBuilder("params,beta2,loss\n");
        for (double n : new double[] {1e7, 3e7, 1e8, 3e8, 1e9}) {
            for (double b : new double[] {0.9, 0.95, 0.98, 0.99}) {
                csv.append(n).append(',').append(b).append(',').append(2 + 400 * Math.pow(n, -0.3) + 50 * Math.pow(b - 0.96, 2)).append('\n');
            }
        }
        JsonNode found = discoverSound("beta2", csv);
        assertThat(found.get("law").asText()).doesNotContain("log(beta2");
        String dirArg = dir.resolve("beta2/beta2/default/run-0").toString();
        JsonNode out = json("optimize", "--run", dirArg, "--vary", "beta2", "--at", "params=1e9", "--json");
        assertThat(out.get(0).get("optimum").get("beta2").asDouble()).as(found.toString()).isCloseTo(0.96, within(0.005));
    }

    @Test
    void statedBoundsHoldAndAnOptimumAtOneIsReportedAsSuch() {
        JsonNode out = json("optimize", "--run", run.toString(), "--budget", "6*N*D = 1e22", "--vary", "params,tokens",
                "--bounds", "params=1e7..1e9", "--group", "web", "--json");
        assertThat(out.size()).isEqualTo(1);
        assertThat(out.get(0).get("optimum").get("params").asDouble()).isCloseTo(1e9, within(1e9 * 1e-3));
        assertThat(out.get(0).get("at_bound").get(0).asText()).isEqualTo("params");
        CliRun text = CliRun.of("optimize", "--run", run.toString(), "--budget", "6*N*D = 1e22", "--vary", "params,tokens",
                "--bounds", "params=1e7..1e9", "--group", "web");
        assertThat(text.out()).contains("params at its search bound").contains("optimum ∝ budget^a");
    }

    @Test
    void oneVariedColumnAtAFixedOtherIsSearchedByBrent() {
        // At a fixed token count the law falls with model size: the optimum is the upper bound, said so.
        JsonNode out = json("optimize", "--run", run.toString(), "--vary", "params", "--at", "tokens=1e11", "--group", "code", "--json");
        JsonNode g = out.get(0);
        double top = FitFile.read(run).featureRanges().get("params").max() * Question.WIDEN;
        assertThat(g.get("optimum").get("params").asDouble()).isCloseTo(top, within(top * 1e-3));
        assertThat(g.get("at_bound").get(0).asText()).isEqualTo("params");
        assertThat(g.get("outside_range").get("params").asDouble()).isCloseTo(Question.WIDEN, within(1e-2));
        assertThat(g.has("exponents")).isFalse();
    }

    @Test
    void badQuestionsAreOneLineUserErrors() {
        String r = run.toString();
        for (List<String> args : List.of(
                List.of("--budget", "6*params*tokens", "--vary", "params,tokens"),        // no '='
                List.of("--budget", "6*params*tokens = 1e22", "--vary", "params", "--at", "tokens=1e11"),  // tokens not varied
                List.of("--budget", "k*params*tokens = 1e22", "--vary", "params,tokens"), // a free constant
                List.of("--budget", "6*params*tokens = -1", "--vary", "params,tokens"),
                List.of("--vary", "params"),                                                // tokens neither varied nor given
                List.of("--vary", "params,tokens", "--group", "nope"),
                List.of("--vary", "lr"),
                List.of("--vary", "params,tokens", "--bounds", "params=1e9..1e7"))) {
            CliRun c = CliRun.of(concat(List.of("optimize", "--run", r), args));
            assertThat(c.code()).as(args + ": " + c.err()).isEqualTo(2);
            assertThat(c.err().strip().lines().count()).as(c.err()).isEqualTo(1);
            assertThat(c.err()).startsWith("lawsearch: ").doesNotContain("Exception");
        }
    }

    /** A column bounded twice (here by its alias and its name): the later pair silently won. */
    @Test
    void aColumnBoundedTwiceIsRefused() {
        CliRun twice = CliRun.of("optimize", "--run", run.toString(), "--vary", "params", "--at", "tokens=1e12", "--bounds",
                "N=1e8..1e10,params=1e7..1e9");
        assertThat(twice.err().strip()).as(twice.err()).isEqualTo("lawsearch: --bounds: params is given twice");
    }

    /** A fixed size of 0 or below leaves the law undefined wherever optimize looks: one line naming --at, not NaNs. */
    @Test
    void aPointWhereTheLawIsUndefinedIsRefused() {
        for (String tokens : List.of("-1e12", "0")) {
            CliRun c = CliRun.of("optimize", "--run", run.toString(), "--vary", "params", "--at", "tokens=" + tokens);
            assertThat(c.code()).as(c.err()).isEqualTo(2);
            assertThat(c.out()).isEmpty();
            assertThat(c.err().strip().lines()).singleElement().asString()
                    .startsWith("lawsearch: --at: the law has no finite value at tokens=").contains("params=");
        }
        CliRun p = CliRun.of("predict", "--run", run.toString(), "--at", "params=-1e9,tokens=1e12");
        assertThat(p.code()).as(p.err()).isEqualTo(2);
        assertThat(p.err().strip()).isEqualTo("lawsearch: --at: the law has no finite value at params=-1.000e+09, tokens=1.000e+12 "
                + "(it gives NaN): a value of 0 or below where it takes a power or log?");
    }

    /** A left side that is no cost made every optimum NaN; now refused in one line naming --budget. */
    @Test
    void aBudgetThatIsNoPositiveCostIsRefused() {
        String r = run.toString();
        for (String lhs : List.of("0*params*tokens", "-6*params*tokens", "6*params*tokens/(params-params)")) {
            CliRun c = CliRun.of("optimize", "--run", r, "--budget", lhs + " = 1e22", "--vary", "params,tokens");
            assertThat(c.code()).as(c.err()).isEqualTo(2);
            assertThat(c.out()).isEmpty();
            assertThat(c.err().strip().lines()).hasSize(1);
            assertThat(c.err()).startsWith("lawsearch: --budget: the left side " + lhs + " is ")
                    .contains("(the middle of the search bounds); a budget must be a positive cost").doesNotContain("NaN");
        }
        CliRun c = CliRun.of("optimize", "--run", r, "--budget", "params*tokens^0 = 1e22", "--vary", "params,tokens");
        assertThat(c.code()).as(c.err()).isEqualTo(2);
        assertThat(c.out()).isEmpty();
        assertThat(c.err().strip()).isEqualTo("lawsearch: --budget: no value of tokens (within 1.00e+06 times its search bounds) makes params*tokens^0 equal 1.00e+22");
    }

    @Test
    void suggestRanksCandidatesAndRefusesBadFiles() throws Exception {
        Path grid = dir.resolve("grid.csv");
        StringBuilder s = new StringBuilder("group,params,tokens\n");
        for (double n : new double[] {1e8, 1e9, 1e10}) {
            for (double d : new double[] {1e10, 1e11, 1e12}) {
                s.append("web,").append(n).append(',').append(d).append('\n');
            }
        }
        Files.writeString(grid, s);
        JsonNode out = json("suggest", "--run", run.toString(), "--candidates", grid.toString(), "--n", "3", "--json");
        assertThat(out.get("picks").size()).isEqualTo(3);
        double top = FitFile.read(run).featureRanges().get("params").max() * TargetPoint.BEYOND;
        assertThat(out.get("targets").get(0).get("point").get("params").asDouble()).isCloseTo(top, within(top * 1e-9));
        double before = Double.POSITIVE_INFINITY;
        for (JsonNode p : out.get("picks")) {
            assertThat(p.get("group").asText()).isEqualTo("web");
            assertThat(p.get("width_after").asDouble()).isLessThan(p.get("width_before").asDouble());
            assertThat(p.get("width_before").asDouble()).isLessThanOrEqualTo(before);
            before = p.get("width_after").asDouble();
            assertThat(p.get("why").asText()).contains("narrows web's 90% interval");
        }
        // Deterministic: the same picks every time.
        assertThat(json("suggest", "--run", run.toString(), "--candidates", grid.toString(), "--n", "3", "--json")).isEqualTo(out);
        assertThat(CliRun.of("suggest", "--run", run.toString(), "--candidates", grid.toString(), "--cost", "params").out())
                .contains("1. line").contains("target web");

        // The task's aliases (N, D) head the columns as well as their names, as for predict's points.
        Path aliased = Files.writeString(dir.resolve("aliased.csv"), s.toString().replace("group,params,tokens", "group,N,D"));
        assertThat(json("suggest", "--run", run.toString(), "--candidates", aliased.toString(), "--n", "3", "--json")).isEqualTo(out);

        Path empty = Files.writeString(dir.resolve("empty.csv"), "params,tokens\n");
        Path both = Files.writeString(dir.resolve("both.csv"), "params,N,tokens\n1e9,1e9,1e10\n");
        Path missing = Files.writeString(dir.resolve("missing.csv"), "params\n1e9\n");
        Path unknown = Files.writeString(dir.resolve("unknown.csv"), "group,params,tokens\nnope,1e9,1e10\n");
        Path negative = Files.writeString(dir.resolve("negative.csv"), "group,params,tokens\nweb,1e8,1e10\nweb,-1e9,1e11\n");
        CliRun undefined = CliRun.of("suggest", "--run", run.toString(), "--candidates", negative.toString());
        assertThat(undefined.code()).as(undefined.err()).isEqualTo(2);
        assertThat(undefined.err().strip()).isEqualTo("lawsearch: " + negative + ":3: the law has no finite value at params=-1.000e+09, "
                + "tokens=1.000e+11 (it gives NaN): a value of 0 or below where it takes a power or log?");
        CliRun target = CliRun.of("suggest", "--run", run.toString(), "--candidates", grid.toString(), "--target-at", "params=-1e11,tokens=1e12");
        assertThat(target.err().strip()).as(target.err()).startsWith("lawsearch: --target-at: the law has no finite value at params=-1.000e+11");
        for (List<String> args : List.of(List.of("--candidates", empty.toString()), List.of("--candidates", missing.toString()),
                List.of("--candidates", unknown.toString()), List.of("--candidates", both.toString()),
                List.of("--candidates", grid.toString(), "--group", "nope"),
                List.of("--candidates", grid.toString(), "--cost", "c*params"))) {
            CliRun c = CliRun.of(concat(List.of("suggest", "--run", run.toString()), args));
            assertThat(c.code()).as(args + ": " + c.err()).isEqualTo(2);
            assertThat(c.err().strip().lines().count()).as(c.err()).isEqualTo(1);
        }
    }

    private static JsonNode json(String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.code()).as(r.err()).isZero();
        return Json.tree(r.out(), "output");
    }

    private static String[] concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
    }
}
