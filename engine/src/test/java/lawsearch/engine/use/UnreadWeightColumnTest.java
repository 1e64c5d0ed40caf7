package lawsearch.engine.use;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lawsearch.engine.run.FitFile;
import lawsearch.evaluator.Evaluation;
import lawsearch.evaluator.data.CsvLoader;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.LoadOptions;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.parser.LawFile;

/**
 * A law weighted by a column it does not read: on a learning-rate sweep with tokens = 20 × params,
 * discover's law read params and lr only while its fit weighted rows by tokens, and optimize and
 * suggest, which build the interval's information with the fit's own weights, failed with a stack
 * trace ("weight variable tokens is not a column"): the fitted law's column map holds only the
 * columns the law reads. They now resolve the weighting through the data.
 */
class UnreadWeightColumnTest {
    @TempDir Path dir;

    @Test
    void optimizeAnswersForALawWeightedByAColumnItDoesNotRead() throws Exception {
        StringBuilder csv = new StringBuilder("params,tokens,lr,loss\n");
        for (double n : new double[] {1e7, 2e7, 5e7, 1e8, 2e8, 5e8}) {
            for (double lr = 3e-4; lr < 3.1e-2; lr *= Math.sqrt(10)) {
                double u = Math.log(lr) - Math.log(3e-3 * Math.pow(n / 1e8, -0.3));
                csv.append(n).append(',').append(20 * n).append(',').append(lr).append(',')
                        .append(2 + 400 * Math.pow(n, -0.3) + 0.06 * u * u).append('\n');
            }
        }
        Path data = Files.writeString(dir.resolve("lr.csv"), csv);
        Dataset d = CsvLoader.load(data, LoadOptions.of("loss"));
        Law law = LawFile.parse("# EVOLVE-BLOCK-START\nlaw: E + A*params^(-alpha) + B*(log(lr) + c1*log(params) - c2)^2\nweight: scale(tokens, 0.5)\n# EVOLVE-BLOCK-END\n",
                "weighted.law", d.variableNames()).law();
        Evaluation ev = LrBszOptimizeTest.fit(law, d);
        assertThat(ev.fitted().columns()).doesNotContainKey("tokens");
        FitFile fit = FitFile.of(ev, Double.NaN, List.of("params", "tokens"), d, null);
        List<String> lawColumns = ev.fitted().columns().values().stream().distinct().toList();
        Question q = Question.of(d, fit, lawColumns, List.of("lr"), "params=1e10", null, null, "loss", 0.9);
        Optimizer.Optimum o = new Optimizer(ev.fitted(), d::resolve, q).solve(d.groups().get(0), fit.featureRanges());
        double truth = 3e-3 * Math.pow(100, -0.3);
        assertThat(o.optimum().get("lr") / truth).isCloseTo(1, within(0.02));
        assertThat(o.band().lower()).isLessThanOrEqualTo(o.band().value());
        assertThat(o.band().upper()).isGreaterThanOrEqualTo(o.band().value());
    }
}
