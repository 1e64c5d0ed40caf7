package lawsearch.engine.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import lawsearch.evaluator.Evaluation;
import lawsearch.evaluator.data.CsvLoader;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.LoadOptions;
import lawsearch.evaluator.fit.FitOptions;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.parser.LawFile;
import lawsearch.grammar.simplify.Canonical;

/**
 * Today's numbers, pinned (to the last bits, {@link #sameUpToLastBits}) before the scoring protocol moved: each law's validation
 * NMSE on every fold of a shared task (the search's fitness), the sum of its per-row shares (the
 * reported-law rule's input), and its train/test evaluation (eval, the final score). A change to
 * how laws are fitted or scored shows here first; a deliberate one updates these numbers and says
 * why in its commit. Skipped without ../shared/data. {@code -Dgolden.print=true} prints the table.
 */
class GoldenScoresTest {
    record Case(String file, List<String> targets, String law) { }

    static final String BLOCK = "# EVOLVE-BLOCK-START\nlaw: %s\nloss: %s\nweight: %s\nstarts: 4\nbounds: %s\n# EVOLVE-BLOCK-END\n";

    static final List<Case> CASES = List.of(
            new Case("parallel.csv", List.of("loss"), "(A*num_params^(-alpha) + B)*parallel_size^(-beta)|mse|uniform"),
            new Case("parallel.csv", List.of("loss"), "E + A*num_params^(-alpha)*parallel_size^(-beta)|log-mse|scale(num_params, 0.5)"),
            new Case("data_constrained.csv", List.of("loss"), "E + A*params^(-alpha) + B*unique_tokens^(-beta)|mse|uniform"),
            new Case("data_constrained.csv", List.of("loss"), "E + A*params^(-alpha) + B*tokens^(-beta) + C*log(tokens/unique_tokens)|huber(0.01)|uniform"),
            new Case("sft.csv", List.of("sft_loss"), "E + A/(sft_data_size + D0)^alpha|mse|uniform|A >= 0; D0 >= 0; alpha in [0, 2]"),
            new Case("lr_bsz.csv", List.of("lm_loss"), "E + A*non_embedding_param_size^(-alpha) + B*data_size^(-beta) + C*(log(lr) - c0)^2|mse|scale(data_size)"),
            new Case("domain_mixture.csv", List.of("loss_domain_1", "loss_domain_2", "loss_domain_3", "loss_domain_4", "loss_domain_5"),
                    "c + k*exp(t1*proportion_domain_1 + t2*proportion_domain_2 + t3*proportion_domain_3)|mse|uniform"));

    /** file | law | per-fold NMSE... | shares sum | test r2 | train mse | first constants */
    static final List<String> EXPECTED = List.of(
            "parallel.csv | (A*num_params^(-alpha) + B)*parallel_size^(-beta)|mse|uniform | 8.179747928540295E-5 | 2.8044910398736933E-4 | 4.047064650820615E-5 | score 1.3423907659365947E-4 | shares 1.3423907659365947E-4 | r2 0.9996617867635363 | train 5.043786631794085E-6 | [113.72371998095889, 0.2578106401177053, 1.4694866717071842, 0.018879198646874415]",
            "parallel.csv | E + A*num_params^(-alpha)*parallel_size^(-beta)|log-mse|scale(num_params, 0.5) | 1.6380254093053078E-4 | 4.511812671147048E-4 | 3.5126445921051695E-4 | score 3.220827557519175E-4 | shares 3.220827557519175E-4 | r2 0.9994682767225326 | train 1.0054518765256877E-5 | [1.3225270501624686, 46.61479265196749, 0.20299960502931635, 0.060809415966501267]",
            "data_constrained.csv | E + A*params^(-alpha) + B*unique_tokens^(-beta)|mse|uniform | 0.37136597094133 | 0.756153140449007 | 1.5334948231200705 | 5.903924638224231 | score 2.1412346431836595 | shares 2.1412346431836595 | r2 0.9041430496955865 | train 0.10180681551623154 | [1.798837907085485, 70.07742963285668, 0.20396828874002068, 44499.77647800004, 0.5117724269098001]",
            "data_constrained.csv | E + A*params^(-alpha) + B*tokens^(-beta) + C*log(tokens/unique_tokens)|huber(0.01)|uniform | 1.0899462851364925 | 0.5331331803623949 | 2.7734460417189926 | 0.7296602802812657 | score 1.2815464468747864 | shares 1.2815464468747866 | r2 0.9096848438826419 | train 0.193933487399851 | [-1.4819098308385223, 1223678.0624053658, 0.8149859734943288, 15.833096953069099, 0.05490890482592919, 0.1592780338025557]",
            "sft.csv | E + A/(sft_data_size + D0)^alpha|mse|uniform|A >= 0; D0 >= 0; alpha in [0, 2] | 0.020182052858214894 | 0.008522718589452968 | score 0.01435238572383393 | shares 0.014352385723833927 | r2 0.9914830792634466 | train 5.023067334050294E-4 | [-398468.0692679241, 398475.0251366633, 1332.7408143145683, 9.340779619781969E-7]",
            "lr_bsz.csv | E + A*non_embedding_param_size^(-alpha) + B*data_size^(-beta) + C*(log(lr) - c0)^2|mse|scale(data_size) | 1.3037502455917946 | 0.24905805544145088 | 0.48106050305765713 | score 0.677956268030301 | shares 0.6779562680303006 | r2 -0.18037105183819202 | train 0.0033889281129141713 | [1.6458752995299788, 869.6307351576074, 0.3881282621274518, 849.573339163414, 0.3311121636312077, 0.02051726025757252, -6.656563405570456]",
            "domain_mixture.csv | c + k*exp(t1*proportion_domain_1 + t2*proportion_domain_2 + t3*proportion_domain_3)|mse|uniform | 0.2784348924106971 | 1151864.9194882794 | 8.324043788775218E59 | score 2.7746812629250725E59 | shares 2.7746812629250725E59 | r2 0.7995686553861248 | train 0.009846975757044017 | [2.666381816526444, 0.7205543511625934, -12.827058883573736, 0.17233336288555767, 0.16924385887591895]"
    );

    static Path data(String name) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path c = d.resolve("../shared/data").normalize();
            if (Files.isRegularFile(c.resolve(name)) && Files.isRegularFile(d.resolve("pom.xml"))) {
                return c.resolve(name);
            }
        }
        Assumptions.assumeTrue(false, "../shared/data is not beside this clone: skipping the golden scores");
        return null;
    }

    static List<String> measure() {
        List<String> rows = new ArrayList<>();
        for (Case c : CASES) {
            Dataset d = CsvLoader.load(data(c.file()), new LoadOptions(c.targets(), List.of(), null, Map.of()));
            String[] p = c.law().split("\\|");
            Law law = LawFile.parse(String.format(BLOCK, p[0], p[1], p[2], p.length > 3 ? p[3] : ""), c.file(), d.variableNames()).law();
            Dataset train = d.withoutTest();
            List<ValidationSplit> folds = Folds.of(train, null, 3);
            StringBuilder row = new StringBuilder(c.file() + " | " + c.law());
            for (ValidationSplit f : folds) {
                row.append(" | ").append(new Fitness(f, FitOptions.DEFAULT).score(law).validationNmse());
            }
            Fitness all = new Fitness(folds, FitOptions.DEFAULT);
            row.append(" | score ").append(all.score(law).validationNmse());
            double[] shares = all.shares(law);
            row.append(" | shares ").append(shares == null ? "null" : Arrays.stream(shares).sum());
            Evaluation ev = Evaluation.of(law, d, FitOptions.DEFAULT.withSeed(Canonical.hash(law)), ForkJoinPool.commonPool());
            row.append(" | r2 ").append(ev.test().r2()).append(" | train ").append(ev.trainMse());
            var first = ev.fits().values().iterator().next().values().iterator().next();
            row.append(" | ").append(Arrays.toString(first.params()));
            rows.add(row.toString());
        }
        return rows;
    }

    @Test
    void scoresAreTodays() {
        List<String> rows = measure();
        if (Boolean.getBoolean("golden.print")) {
            rows.forEach(r -> System.out.println("GOLDEN " + r));
        }
        assertThat(rows).hasSameSizeAs(EXPECTED);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(sameUpToLastBits(rows.get(i), EXPECTED.get(i))).as("%s%nexpected %s", rows.get(i), EXPECTED.get(i)).isTrue();
        }
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+\\.\\d+(E-?\\d+)?");

    /**
     * The same text, and the same numbers to a relative {@value #ULPS_OF_DOUBT}: Java's Math.pow and
     * Math.log may differ by an ulp between processors (the JIT's intrinsics), and a sum of squares
     * then differs in its last digit (sft's train MSE, ...294E-4 on one machine, ...295E-4 on
     * another, with the same constants). A change to fitting or scoring moves far more than that.
     */
    static boolean sameUpToLastBits(String actual, String expected) {
        Matcher a = NUMBER.matcher(actual);
        Matcher e = NUMBER.matcher(expected);
        if (!a.replaceAll("#").equals(e.replaceAll("#"))) {
            return false;
        }
        a.reset();
        e.reset();
        while (a.find() && e.find()) {
            double x = Double.parseDouble(a.group());
            double y = Double.parseDouble(e.group());
            if (Math.abs(x - y) > ULPS_OF_DOUBT * Math.max(Math.abs(x), Math.abs(y))) {
                return false;
            }
        }
        return true;
    }

    static final double ULPS_OF_DOUBT = 1e-13;
}
