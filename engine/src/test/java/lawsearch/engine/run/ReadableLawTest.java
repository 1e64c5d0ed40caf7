package lawsearch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

import lawsearch.evaluator.Evaluation;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.DemoData;
import lawsearch.evaluator.fit.FitOptions;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.formatter.Printer;
import lawsearch.grammar.parser.LawFile;

/** The reported law in readable form: the search's spelling rewritten, constants carried over, the same scores. */
class ReadableLawTest {

    private static Law law(String expr, String bounds, Dataset d) {
        return LawFile.parse("# EVOLVE-BLOCK-START\nlaw: " + expr + "\nbounds: " + bounds
                + "\nloss: mse\nweight: uniform\nstarts: 4\n# EVOLVE-BLOCK-END\n", "t.law", d.variableNames()).law();
    }

    @Test
    void chinchillaAsTheSearchWritesItIsReportedAsItsAuthorWouldWithTheSameScores() {
        Dataset d = DemoData.generate(0);
        Law searched = law("c10 + c1*(params/1e9)^c2 + c3*tokens^c4", "c2 in [-3, 0]; c4 in [-3, 0]", d);
        Evaluation ev = Evaluation.of(searched, d, FitOptions.DEFAULT, ForkJoinPool.commonPool());
        Evaluation readable = ReadableLaw.of(ev, d);
        assertThat(Printer.print(readable.law().expr())).isEqualTo("E + A*params^(-alpha) + B*tokens^(-beta)");
        assertThat(Printer.printBounds(readable.law().bounds())).contains("alpha in [0, 3]").contains("beta in [0, 3]");
        assertThat(readable.test().r2()).isCloseTo(ev.test().r2(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(readable.trainMse()).isCloseTo(ev.trainMse(), org.assertj.core.data.Offset.offset(1e-12 * ev.trainMse()));
        assertThat(readable.parameters()).isEqualTo(ev.parameters());
    }

    @Test
    void aReadableLawStaysAsItIs() {
        Dataset d = DemoData.generate(0);
        Law plain = law("E + A*params^(-alpha) + B*tokens^(-beta)", "alpha in [0, 3]; beta in [0, 3]", d);
        Evaluation ev = Evaluation.of(plain, d, FitOptions.DEFAULT, ForkJoinPool.commonPool());
        assertThat(ReadableLaw.of(ev, d)).isSameAs(ev);
    }
}
