package lawsearch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

import lawsearch.evaluator.Evaluation;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.DemoData;
import lawsearch.evaluator.fit.FitOptions;
import lawsearch.evaluator.protocol.FittedLaw;
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

    @Test
    void predictionsCloserThanAThousandthOfTheTrainErrorCountAsTheSame() {
        Dataset d = DemoData.generate(0);
        Law l = law("E + A*params^(-alpha) + B*tokens^(-beta)", "alpha in [0, 3]; beta in [0, 3]", d);
        FittedLaw f = Evaluation.of(l, d, FitOptions.DEFAULT, ForkJoinPool.commonPool()).fitted();
        // A train error of 1 (RMS): a floor moved by 1e-4 is some 5e-5 of a loss of 2, far above SAME,
        // yet invisible against the error; moved by 1e-2 it is not.
        FittedLaw searched = withFloorMoved(f, l, 0);
        assertThat(ReadableLaw.samePredictions(searched, withFloorMoved(f, l, 1e-4), d.withoutTest())).isTrue();
        assertThat(ReadableLaw.samePredictions(searched, withFloorMoved(f, l, 1e-2), d.withoutTest())).isFalse();
    }

    /** {@code f} with E moved by {@code by} and a train MSE of 1 in every group. */
    private static FittedLaw withFloorMoved(FittedLaw f, Law l, double by) {
        int e = l.parameters().indexOf("E");
        Map<String, Map<String, FittedLaw.Stored>> stored = new LinkedHashMap<>();
        for (String g : f.groups()) {
            for (String t : f.targets()) {
                double[] p = f.stored(g, t).params().clone();
                p[e] += by;
                stored.computeIfAbsent(g, k -> new LinkedHashMap<>()).put(t, new FittedLaw.Stored(p, 1, 1));
            }
        }
        return FittedLaw.restore(l, f.columns(), stored);
    }
}
