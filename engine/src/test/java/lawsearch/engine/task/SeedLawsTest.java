package lawsearch.engine.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lawsearch.evaluator.data.CsvLoader;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.LoadOptions;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.Loss;
import lawsearch.grammar.core.UserError;
import lawsearch.grammar.interpreter.TreeEvaluator;
import lawsearch.grammar.parser.LawFile;

class SeedLawsTest {

    @Test
    void everySeedLawParsesReadsTheTaskAndKeepsTheCap() {
        int total = 0;
        for (String name : Tasks.names()) {
            TaskSpec t = Tasks.load(name);
            Path dir = Tasks.dir(t);
            assertThat(SeedLaws.check(t, dir)).as(name).isEmpty();
            List<SeedLaw> seeds = SeedLaws.load(t, dir);
            assertThat(seeds).as(name + " has documented seed laws").isNotEmpty();
            for (SeedLaw s : seeds) {
                Law law = s.law();
                assertThat(law.variables()).as(s.name()).isNotEmpty();
                assertThat(t.variables()).as(s.name()).containsAll(law.variables());
                if (t.maxParams() != null) {
                    assertThat(law.parameters().size() * t.targets().size()).as(s.name() + ": constants × targets").isLessThanOrEqualTo(t.maxParams());
                }
                assertThat(s.lawFile().header()).as(s.name() + ": provenance header").startsWith("# ");
                assertThat(s.lawFile().header().length()).as(s.name() + ": provenance header").isGreaterThan(100);
                total++;
            }
            assertThat(seeds).extracting(SeedLaw::name).as(name + ": file-name order").isSorted();
        }
        assertThat(total).isGreaterThanOrEqualTo(12);
    }

    @Test
    void theDocumentedFormsAreWhereTheBriefPutThem() {
        assertThat(names("parallel")).containsExactly("parscale.law", "seed001_sldagent.law", "seed003.law");
        assertThat(names("lr_bsz")).containsExactly("seed000_sldagent.law", "seed002_aider.law");
        assertThat(names("data_constrained")).contains("chinchilla.law", "muennighoff.law");
        assertThat(names("sft")).contains("shifted_power.law");
        assertThat(names("domain_mixture")).containsExactly("mixing.law");
        assertThat(names("demo")).containsExactly("chinchilla.law");

        Law s0 = law("lr_bsz", "seed000_sldagent.law");
        assertThat(s0.parameters()).containsExactlyInAnyOrder("E", "A", "alpha", "B", "beta", "C", "d0", "d1", "d2", "F", "G");
        assertThat(s0.fit().starts()).isEqualTo(3);
        assertThat(s0.bounds().byParam()).containsOnlyKeys("E", "A", "alpha", "B", "beta", "C", "d1", "d2");
        assertThat(law("lr_bsz", "seed002_aider.law").fit().loss()).isEqualTo(Loss.LOG_MSE);
        assertThat(law("data_constrained", "muennighoff.law").parameters()).hasSize(7);
        assertThat(law("domain_mixture", "mixing.law").parameters()).hasSize(7);
    }

    /** The transcriptions evaluate like the programs they come from (the Python check, kept in Java). */
    @Test
    void transcriptionsEvaluateLikeTheirSources() {
        // seed 001: (A*N^-alpha + B)*P^-beta
        Law s1 = law("parallel", "seed001_sldagent.law");
        double[] p1 = {42.0, 0.21, 0.9, 0.03};
        assertThat(eval(s1, Map.of("N", 1.2e9, "P", 4.0), names(s1, "A", "alpha", "B", "beta"), p1))
                .isCloseTo((42.0 * Math.pow(1.2e9, -0.21) + 0.9) * Math.pow(4.0, -0.03), within(1e-12));

        // seed 000 at a point, normalisations included
        Law s0 = law("lr_bsz", "seed000_sldagent.law");
        double[] p0 = {1.9, 0.5, 0.3, 0.7, 0.25, 0.2, 0.1, -0.3, 0.4, 0.02, -0.1};
        double lr = 2.762e-3, bsz = 736, d = 5e10, n = 4.2926e8;
        double lrN = lr / 1e-3, bszN = bsz / 2048, dN = d / 1e10, nN = n / 1e9;
        double opt = 0.1 + -0.3 * Math.log(nN) + 0.4 * Math.log(bszN);
        double want0 = 1.9 + 0.5 * Math.pow(nN, -0.3) + 0.7 * Math.pow(dN, -0.25) + 0.2 * Math.pow(Math.log(lrN) - opt, 2) + 0.02 * Math.pow(bszN, -0.1);
        assertThat(eval(s0, Map.of("lr", lr, "bsz", bsz, "D", d, "N", n),
                names(s0, "E", "A", "alpha", "B", "beta", "C", "d0", "d1", "d2", "F", "G"), p0)).isCloseTo(want0, within(1e-12));

        // Muennighoff et al.: the datablations formula with min/max, the paper's C4 fit, columns in their real roles
        Law mu = law("data_constrained", "muennighoff.law");
        double e = Math.exp(0.6254804), a = Math.exp(6.255414), alpha = 0.3526596, b = Math.exp(7.3049974), beta = 0.3526596;
        double rn = 5.309743, rd = 15.387756;
        String[] order = names(mu, "E", "A", "alpha", "B", "beta", "RN", "RD");
        double[] pm = {e, a, alpha, b, beta, rn, rd};
        double[][] runs = {{8.67e9, 178e9, 25e9}, {1.4e7, 6e11, 1e8}, {2.81e9, 3.2e10, 4e9}, {1.0963e9, 1e8, 1e8}};
        for (double[] r : runs) {   // N params, D tokens trained (column unique_tokens = U), unique tokens (column tokens = D)
            double g = Math.pow(alpha * a / (beta * b), 1 / (alpha + beta));
            double toN = Math.pow(r[2] * g, beta / alpha) * g;
            double rD = Math.max(r[1] / r[2] - 1, 0);
            double uN = Math.min(r[0], toN);
            double rN = Math.max(r[0] / uN - 1, 0);
            double want = e + a / Math.pow(uN + uN * rn * (1 - Math.exp(-rN / rn)), alpha)
                    + b / Math.pow(r[2] + r[2] * rd * (1 - Math.exp(-rD / rd)), beta);
            assertThat(eval(mu, Map.of("N", r[0], "U", r[1], "D", r[2]), order, pm)).as("run %s", List.of(r[0], r[1], r[2]))
                    .isCloseTo(want, within(1e-12 * want));
        }
    }

    @Test
    void genericLawsAreOfferedOnlyToTasksThatHaveTheirVariables() throws IOException {
        Path generic = Tasks.seedsDir().resolve(SeedLaws.GENERIC);
        Path line = generic.resolve("loglinear_compute.law");
        assertThat(SeedLaws.declaredVariables(Files.readString(line))).containsExactly("X");
        for (String name : Tasks.names()) {
            TaskSpec t = Tasks.load(name);
            assertThat(SeedLaws.generic(t, generic, LawChecks.Names.of(t))).as(name + " has no X").isEmpty();
            assertThat(SeedLaws.load(t, Tasks.dir(t))).extracting(SeedLaw::name).doesNotContain("loglinear_compute.law");
        }
        TaskSpec withX = new TaskSpec("x", "", "runs.csv", List.of("loss"), List.of("compute"), Map.of("X", "compute"), List.of("compute"), null, 2, null, null);
        assertThat(SeedLaws.generic(withX, generic, LawChecks.Names.of(withX))).extracting(SeedLaw::name).containsExactly("loglinear_compute.law");
        TaskSpec capped = new TaskSpec("x", "", "runs.csv", List.of("loss"), List.of("compute"), Map.of("X", "compute"), List.of(), null, 1, null, null);
        assertThat(SeedLaws.generic(capped, generic, LawChecks.Names.of(capped))).as("over the cap").isEmpty();
        assertThat(SeedLaws.declaredVariables("# no declaration\n# EVOLVE-BLOCK-START\nlaw: a*X\n# EVOLVE-BLOCK-END\n")).isEmpty();
        assertThat(SeedLaws.declaredVariables("# variables: N, D\n# EVOLVE-BLOCK-START\n")).containsExactly("N", "D");
    }

    @Test
    void addValidatesWritesAndRefusesDuplicates(@TempDir Path dir) throws IOException {
        TaskSpec t = Tasks.load("parallel");
        LawChecks.Names v = LawChecks.Names.of(t);
        Path f = SeedLaws.add(t, dir, v, "E + A*N^(-a)*P^(-b)", "a in [0, 1]");
        assertThat(f.getFileName().toString()).matches("user-[0-9a-f]{8}\\.law");
        assertThat(Files.readString(f)).contains("law: E + A*N^(-a)*P^(-b)").contains("bounds: a in [0, 1]").startsWith("# ");
        assertThat(SeedLaws.check(t, dir)).isEmpty();
        assertThat(SeedLaws.load(t, dir)).singleElement().extracting(SeedLaw::file).isEqualTo(f);
        try (var s = Files.list(dir)) {
            assertThat(s).as("no temporary file left behind").containsExactly(f);
        }

        assertThatThrownBy(() -> SeedLaws.add(t, dir, v, "A*N^(-a)*P^(-b) + E", "a in [0, 1]"))
                .isInstanceOf(UserError.class).hasMessageContaining("already seeded");
        assertThatThrownBy(() -> SeedLaws.add(t, dir, v, "K + C*num_params^(-x)*parallel_size^(-y)", "x in [0, 1]"))
                .as("same law through the column names and other constant names").hasMessageContaining("already seeded");
        assertThatThrownBy(() -> SeedLaws.add(t, dir, v, "E + A*N^(-a) + B*P^(-b) + C", null))
                .isInstanceOf(UserError.class).hasMessageContaining("6 fitted constants per group, over the task's cap of 4");
        assertThatThrownBy(() -> SeedLaws.add(t, dir, v, "E + A*N^(-a)", "z >= 0"))
                .isInstanceOf(UserError.class).hasMessageContaining("'z' is not a parameter");
        assertThatThrownBy(() -> SeedLaws.add(t, dir, v, "E + A*loss", null))
                .isInstanceOf(UserError.class).hasMessageContaining("'loss' is a target column, which a law cannot read");
        assertThatThrownBy(() -> SeedLaws.add(t, dir, v, "E + A*Q", null))
                .isInstanceOf(UserError.class).hasMessageContaining("reads no column of the data");
        assertThatThrownBy(() -> SeedLaws.add(t, dir, v, "E + A*N^(", null))
                .isInstanceOf(UserError.class).hasMessageStartingWith("law");

        Path g = SeedLaws.add(t, dir, v, "E + A*N^(-a)*P^(-b)", "a in [0, 2]", "from a colleague's notebook");
        assertThat(g).isNotEqualTo(f);
        assertThat(Files.readString(g)).contains("# from a colleague's notebook\n");
    }

    @Test
    void aSeedNamingAColumnOfTheDataThatIsNoFeatureIsRefused(@TempDir Path dir) throws IOException {
        TaskSpec t = Tasks.load("parallel");
        Path csv = dir.resolve("runs.csv");
        Files.writeString(csv, "num_params,parallel_size,flops,loss\n1,1,3,2\n2,2,5,1.5\n");
        Dataset ds = CsvLoader.load(csv, new LoadOptions(List.of("loss"), List.of("num_params", "parallel_size"), null, t.aliases()));
        LawChecks.Names names = LawChecks.Names.of(ds, t);
        Path seeds = Files.createDirectories(dir.resolve("seeds"));
        assertThatThrownBy(() -> SeedLaws.add(t, seeds, names, "E + A*N^(-a) + flops", null))
                .isInstanceOf(UserError.class).hasMessageContaining("'flops' is a column of the data that is not a feature");
        assertThatThrownBy(() -> SeedLaws.add(t, seeds, names, "E + A*N^(-a) + Num_Params", null))
                .isInstanceOf(UserError.class).hasMessageContaining("did you mean 'num_params'?");
        Files.writeString(seeds.resolve("f.law"), block("E + A*N^(-a) + flops"));
        assertThat(SeedLaws.check(t, seeds, names)).singleElement().asString().startsWith(seeds.resolve("f.law") + ": 'flops' is a column");
        assertThatThrownBy(() -> SeedLaws.load(t, seeds, names)).isInstanceOf(UserError.class).hasMessageContaining("'flops'");
    }

    @Test
    void checkReportsEveryBadFileOnItsOwnLine(@TempDir Path dir) throws IOException {
        TaskSpec t = Tasks.load("parallel");
        Files.writeString(dir.resolve("a_broken.law"), "# EVOLVE-BLOCK-START\nlaw: (E\n# EVOLVE-BLOCK-END\n");
        Files.writeString(dir.resolve("b_big.law"), block("E + A*N^(-a) + B*P^(-b) + C"));
        Files.writeString(dir.resolve("c_novar.law"), block("E + A*X^(-a)"));
        Files.writeString(dir.resolve("d_target.law"), block("E + A*N^(-a) + loss"));
        Files.writeString(dir.resolve("e_ok.law"), block("E + A*N^(-a)*P^(-b)"));
        Files.writeString(dir.resolve("f_same.law"), block("A*num_params^(-a)*parallel_size^(-b) + E"));
        Files.writeString(dir.resolve("notes.txt"), "not a law");
        List<String> problems = SeedLaws.check(t, dir);
        assertThat(problems).hasSize(5);
        assertThat(problems.get(0)).startsWith(dir.resolve("a_broken.law") + ":2:");
        assertThat(problems.get(1)).startsWith(dir.resolve("b_big.law") + ": ").contains("over the task's cap of 4");
        assertThat(problems.get(2)).startsWith(dir.resolve("c_novar.law") + ": ").contains("reads no column of the data");
        assertThat(problems.get(3)).startsWith(dir.resolve("d_target.law") + ": ").contains("'loss'");
        assertThat(problems.get(4)).startsWith(dir.resolve("f_same.law") + ": ").contains("the same law as e_ok.law");
        assertThat(problems).allSatisfy(p -> assertThat(p).doesNotContain("\n"));

        assertThatThrownBy(() -> SeedLaws.load(t, dir)).isInstanceOf(UserError.class).hasMessageStartingWith(dir.resolve("a_broken.law") + ":2:");
        Files.delete(dir.resolve("a_broken.law"));
        assertThatThrownBy(() -> SeedLaws.load(t, dir)).isInstanceOf(UserError.class)
                .hasMessageStartingWith(dir.resolve("b_big.law") + ": ").hasMessageContaining("seeds check --task parallel");
    }

    @Test
    void theCapCountsConstantsOverAllTargets(@TempDir Path dir) throws IOException {
        TaskSpec t = Tasks.load("domain_mixture");
        Files.writeString(dir.resolve("eight.law"), block("c + k*exp(t1*p1 + t2*p2 + t3*p3 + t4*p4 + t5*p5) + z*p1"));
        assertThat(SeedLaws.check(t, dir)).singleElement().asString().contains("40 fitted constants per group (8 × 5 targets), over the task's cap of 35");
        assertThat(SeedLaws.check(Tasks.load("lr_bsz"), Tasks.dir(Tasks.load("lr_bsz")))).as("no cap").isEmpty();
    }

    @Test
    void aMissingFolderHasNoSeeds(@TempDir Path dir) {
        TaskSpec t = Tasks.load("sft");
        assertThat(SeedLaws.load(t, dir.resolve("none"))).isEmpty();
        assertThat(SeedLaws.check(t, dir.resolve("none"))).isEmpty();
    }

    private static String block(String law) { return "# test\n" + LawFile.START + "\nlaw: " + law + "\n" + LawFile.END + "\n"; }

    private static List<String> names(String task) {
        TaskSpec t = Tasks.load(task);
        return SeedLaws.load(t, Tasks.dir(t)).stream().map(SeedLaw::name).toList();
    }

    private static Law law(String task, String file) {
        TaskSpec t = Tasks.load(task);
        return SeedLaws.load(t, Tasks.dir(t)).stream().filter(s -> s.name().equals(file)).findFirst().orElseThrow().law();
    }

    /** Checks the law has exactly these parameters and returns them in this order. */
    private static String[] names(Law law, String... order) {
        assertThat(law.parameters()).containsExactlyInAnyOrder(order);
        return order;
    }

    private static double eval(Law law, Map<String, Double> vars, String[] names, double[] values) {
        Map<String, Double> p = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            p.put(names[i], values[i]);
        }
        return TreeEvaluator.eval(law.expr(), vars::get, p::get);
    }
}
